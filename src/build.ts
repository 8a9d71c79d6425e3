// The build itself: run buildx, read its metadata file, and retry once without cache
// import when the cache is what broke it.
import { readFile, rm } from 'node:fs/promises'
import type { Runtime } from './runtime.js'
import { buildArgs, type BuildPlan } from './args.js'
import { lastLines } from './docker.js'
import { stepStats, type StepStats } from './progress.js'

export interface BuildResult {
  metadata: Record<string, unknown>
  metadataText: string
  steps: StepStats
  milliseconds: number
}

// BuildKit's words when an imported cache cannot be read (corrupt blobs, wrong format).
const CACHE_IMPORT_FAILURE = /(importing cache manifest|failed to (load|import|configure)[^\n]*cache|cache (manifest|index)[^\n]*(invalid|corrupt|not found)|local cache importer)/i

export class BuildError extends Error {
  constructor(message: string, readonly milliseconds: number) {
    super(message)
    this.name = 'BuildError'
  }
}

export async function runBuild(rt: Runtime, plan: BuildPlan): Promise<BuildResult> {
  const started = Date.now()
  let result = await rt.docker(buildArgs(plan))
  if (result.code !== 0 && plan.cacheFrom.length && CACHE_IMPORT_FAILURE.test(result.stderr)) {
    rt.warning(`The build cache could not be imported; building once more without it.\n${lastLines(result.stderr, 5)}`)
    result = await rt.docker(buildArgs({ ...plan, cacheFrom: [] }))
  }
  const milliseconds = Date.now() - started
  if (result.code !== 0) {
    throw new BuildError(`docker buildx build failed (exit ${result.code}):\n${lastLines(result.stderr || result.stdout)}`, milliseconds)
  }
  const metadataText = await readFile(plan.metadataFile, 'utf8').catch(() => '{}')
  await rm(plan.metadataFile, { force: true })
  return { metadata: JSON.parse(metadataText), metadataText, steps: stepStats(result.stderr), milliseconds }
}

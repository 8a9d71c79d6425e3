// The build itself: run buildx, read its metadata file, and retry once without cache
// import when the cache is what broke it.
import { readFile, rm } from 'node:fs/promises'
import type { Runtime } from '../host/runtime.js'
import { buildArgs, buildEnv, frontName, keptName, type BuildPlan } from '../../core/builder/args.js'
import { heldByAll, startEngineFront } from '../registry/engine-front.js'
import { clientsFor } from '../registry/registry-client.js'
import { engineCall } from '../host/docker-config.js'
import { lastLines } from '../host/docker.js'
import { BuildProgress, type CacheFault, type CacheStep, type StepStats } from '../../core/builder/progress.js'
import { dedupe, findingOfWarning, type CheckFinding } from '../../core/builder/build-checks.js'
import { isCacheImportFailure, isTransientPushFailure, pushDeniedHint } from '../../core/builder/build-failures.js'

export interface BuildResult {
  /** What buildx says it built: the image (the index for several platforms) and, where the builder gives one, its config digest. */
  digest: string
  imageId: string
  /** buildx's metadata file, as it wrote it (the `metadata` output). */
  metadataText: string
  steps: StepStats
  /** Cache imports and exports that failed while the build went on. */
  cacheFaults: CacheFault[]
  /** Every cache import and export of the build, for the report. */
  cacheSteps: CacheStep[]
  /** The Dockerfile's build checks that found something. */
  checks: CheckFinding[]
  milliseconds: number
}

export class BuildError extends Error {
  constructor(
    message: string,
    readonly milliseconds: number
  ) {
    super(message)
    this.name = 'BuildError'
  }
}

export async function buildOnce(rt: Runtime, plan: BuildPlan): Promise<{ code: number; progress: BuildProgress }> {
  const args = buildArgs(plan)
  rt.info(`docker ${args.join(' ')}`)
  const progress = new BuildProgress(message => rt.info(message))
  const { code } = await rt.docker(args, { env: buildEnv(plan.inputs, rt.env), onStderr: chunk => progress.push(chunk) })
  progress.end()
  return { code, progress }
}

/** The build, with the engine front listening while it runs where the engine pushes to one. */
export async function runBuild(rt: Runtime, plan: BuildPlan): Promise<BuildResult> {
  if (!plan.frontTo.length) return buildAndLoad(rt, plan)
  const clientOf = clientsFor(rt.env, message => rt.warning(message))
  const front = await startEngineFront(plan.ociDir, heldByAll(clientOf, plan.frontTo))
  try {
    return await buildAndLoad(rt, { ...plan, front: front.address })
  } finally {
    await front.close()
    const { blobs, bytes } = front.received()
    rt.info(`The engine sent ${blobs} blob${blobs === 1 ? '' : 's'} (${bytes} bytes) the registry lacked to this run's front`)
    // The engine keeps what it pushed under the front's name, a new one each run. It is kept
    // under one name per repository instead, as a push by tag keeps its tag: removing an image's
    // last name makes the engine collect its content (a second on a 250 MB image), renaming it does not.
    await keepPushed(rt, frontName(front.address), keptName(plan.frontTo[0]))
  }
}

/**
 * The engine's image renamed from the front's name to the kept one: over its socket where it is
 * here (milliseconds), else with the CLI. The previous kept image goes first: a name moved to
 * another image leaves the old one dangling with every layer the new one dropped, and an engine
 * that stays between runs (a self-hosted runner) would keep one such image a run. The pushed
 * image holds all the new one needs meanwhile.
 */
async function keepPushed(rt: Runtime, pushed: string, kept: string): Promise<void> {
  const [repo, tag] = [kept.slice(0, kept.lastIndexOf(':')), kept.slice(kept.lastIndexOf(':') + 1)]
  const dropped = await engineCall(rt.env, 'DELETE', `/images/${kept}`)
  const tagged = dropped && (await engineCall(rt.env, 'POST', `/images/${pushed}/tag?repo=${encodeURIComponent(repo)}&tag=${tag}`))
  if (tagged?.status === 201) {
    await engineCall(rt.env, 'DELETE', `/images/${pushed}?noprune=1`)
    return
  }
  await rt.docker(['image', 'rm', kept], { quiet: true })
  if ((await rt.docker(['tag', pushed, kept], { quiet: true })).code === 0) await rt.docker(['image', 'rm', pushed], { quiet: true })
}

async function buildAndLoad(rt: Runtime, plan: BuildPlan): Promise<BuildResult> {
  const started = rt.now().getTime()
  let { code, progress } = await buildOnce(rt, plan)
  if (code !== 0 && plan.cacheFrom.length && isCacheImportFailure(progress.cause())) {
    rt.warning(`The build cache could not be imported; building once more without it.\n${lastLines(progress.errorText(), 5)}`)
    ;({ code, progress } = await buildOnce(rt, { ...plan, cacheFrom: [] }))
  }
  // The hit rate is the build's: a second pass that only pushes again is all cache hits.
  const steps = progress.stepStats()
  if (code !== 0 && plan.pushTo.length && isTransientPushFailure(progress)) {
    rt.warning(`The push failed (${progress.cause().replace(/^ERROR: /, '')}); pushing once more.`)
    ;({ code, progress } = await buildOnce(rt, plan))
  }
  const milliseconds = rt.now().getTime() - started
  if (code !== 0) {
    const errors = lastLines(progress.errorText())
    throw new BuildError(`docker buildx build failed (exit ${code}):\n${errors}${pushDeniedHint(errors, plan.pushTo)}`, milliseconds)
  }
  const metadataText = await readFile(plan.metadataFile, 'utf8').catch(() => '{}')
  await rm(plan.metadataFile, { force: true })
  if (plan.inputs.load || plan.loadTags.length) {
    const load = await buildOnce(rt, { ...plan, loadOnly: true })
    if (load.code !== 0)
      throw new BuildError(
        `Loading the image failed (exit ${load.code}):\n${lastLines(load.progress.errorText())}`,
        rt.now().getTime() - started
      )
    await rm(plan.metadataFile, { force: true })
  }
  const metadata = JSON.parse(metadataText) as Record<string, string | undefined>
  return {
    digest: metadata['containerimage.digest'] ?? '',
    imageId: metadata['containerimage.config.digest'] ?? '',
    metadataText,
    steps,
    cacheFaults: progress.cacheFaults(),
    cacheSteps: progress.cacheSteps(),
    checks: dedupe(progress.warnings.flatMap(w => findingOfWarning(w, plan.inputs.file) ?? [])),
    milliseconds
  }
}

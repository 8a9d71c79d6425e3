// Per-platform jobs hand their image to the merge job through the GitHub cache service: one
// small entry per platform and run, which the merge job of the same run finds by key. A matrix
// keeps only one job's outputs; the cache keeps each. A re-run's newer entry wins; a platform
// handed over twice in one attempt is an error at the second job.
import type { Attestation } from '../../core/registry/attestations.js'
import { createHash } from 'node:crypto'
import { mkdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunContext } from '../../core/inputs/github-context.js'
import { restorePaths, savePaths } from './github-cache.js'
import { errorMessage } from '../../core/errors.js'
import type { StepStats } from '../../core/builder/progress.js'
import type { Placement } from '../../core/builder/builder.js'
import type { Fingerprint } from '../../core/builder/fingerprint.js'

export interface Handover {
  platform: string
  /** The platform's own manifest, pushed by digest to `repository`. */
  repository: string
  digest: string
  /** How long its build took and its steps, for the merged report and history. */
  buildMs?: number
  steps?: StepStats
  /** The platform's attestation manifests, for the merge to attach to the index (attest). */
  attestations?: Attestation[]
  /** Where the platform was built, for the merged report. */
  builtOn?: Placement
  /** What its job built it from, and its verify: the merge records both on the platform's entry in the index. */
  fingerprint?: Fingerprint
  verify?: 'passed' | 'failed'
  /** Not built: the platform's image in the published index, its inputs unchanged (skip-unchanged). */
  unchanged?: true
}

const safe = (platform: string) => platform.replace(/[^A-Za-z0-9]/g, '-')
/** The image, run and platform a hand-over is for: its key's stem, and its directory's name. */
const handoverName = (repository: string, ctx: Pick<RunContext, 'runId'>, platform: string) =>
  `${createHash('sha256').update(repository).digest('hex').slice(0, 12)}-${ctx.runId}-${safe(platform)}`
const keyPrefix = (repository: string, ctx: Pick<RunContext, 'runId'>, platform: string) =>
  `ci-base-action-handover-${handoverName(repository, ctx, platform)}-`
// Relative to the workspace: the cache's version hashes the path as written, and runners of
// different kinds (amd64, arm64) agree on it only when it is relative. Named after the image and
// the run as well as the platform: jobs of other runs or images sharing a workspace (self-hosted
// runners) hand over the same platform at the same time.
const dirFor = (repository: string, ctx: Pick<RunContext, 'runId'>, platform: string) =>
  join('.ci-base-action-handover', handoverName(repository, ctx, platform))

export async function handOver(h: Handover, ctx: Pick<RunContext, 'runId' | 'runAttempt' | 'workspace'>): Promise<void> {
  const dir = dirFor(h.repository, ctx, h.platform)
  await mkdir(join(ctx.workspace, dir), { recursive: true })
  await writeFile(join(ctx.workspace, dir, 'handover.json'), JSON.stringify(h))
  try {
    await savePaths([dir], `${keyPrefix(h.repository, ctx, h.platform)}${ctx.runAttempt}`)
  } catch (e) {
    const why = /already exists|another job may be creating/i.test(errorMessage(e))
      ? `another job of this run already built ${h.platform}; each platform belongs to one job`
      : errorMessage(e)
    throw new Error(`Handing ${h.platform} over to the merge job failed: ${why}`)
  } finally {
    await cleanUp(ctx.workspace, dir)
  }
}

/** Only this platform's directory: jobs sharing a workspace (self-hosted) may be handing over others. */
async function cleanUp(workspace: string, dir: string): Promise<void> {
  await rm(join(workspace, dir), { recursive: true, force: true })
  await rmdir(join(workspace, '.ci-base-action-handover')).catch(() => undefined)
}

/** Every platform's hand-over, or one error naming each platform no job handed over. */
export async function collectHandovers(
  repository: string,
  platforms: string[],
  ctx: Pick<RunContext, 'runId' | 'runAttempt' | 'workspace'>
): Promise<Handover[]> {
  const found: Handover[] = []
  const missing: string[] = []
  try {
    for (const platform of platforms) {
      const dir = dirFor(repository, ctx, platform)
      const prefix = keyPrefix(repository, ctx, platform)
      const hit = await restorePaths([dir], `${prefix}${ctx.runAttempt}`, [prefix])
      if (!hit) {
        missing.push(platform)
        continue
      }
      const h = JSON.parse(await readFile(join(ctx.workspace, dir, 'handover.json'), 'utf8')) as Handover
      await cleanUp(ctx.workspace, dir)
      if (h.platform !== platform || h.repository !== repository)
        throw new Error(`the hand-over for ${platform} names ${h.repository} ${h.platform}`)
      found.push(h)
    }
  } finally {
    for (const platform of platforms) await cleanUp(ctx.workspace, dirFor(repository, ctx, platform))
  }
  if (missing.length) {
    throw new Error(
      `merge: no per-platform job of run ${ctx.runId} handed over ${missing.join(', ')}; each platform in 'platforms' needs a job with mode: platform for it, which must succeed before the merge.`
    )
  }
  return found
}

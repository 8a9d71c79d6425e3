// The phases every built image goes through, the main image and each variant alike, each on its
// own plan: the build (and push by digest), the image read back, the layout tidied, verify.
import { rm } from 'node:fs/promises'
import { readImage, type Baseline, type ImageInfo } from '../core/registry/image.js'
import { cacheFaultWarning, cacheSpecAttrs, staleCaches } from '../core/builder/cache-plan.js'
import type { RunPlan } from '../core/run-plan.js'
import type { CacheFault } from '../core/builder/progress.js'
import type { Verification } from '../core/builder/verify.js'
import { seconds } from '../core/report/report.js'
import { errorMessage } from '../core/errors.js'
import { runSplitBuild } from './builder/split-build.js'
import { BuildError, runBuild, type BuildResult } from './builder/build.js'
import { publish } from './registry/publish.js'
import { ociLayoutSource, readFreshImage, registrySource } from './registry/image-sources.js'
import { readHeldBlobs, type HeldBlobs } from './builder/cache-export.js'
import { keepImagePruneRest } from './builder/layout-store.js'
import { verifyImage } from './builder/verify.js'
import type { BaselineReads, Measured } from './publish-phases.js'
import { phase, type Given } from './phases.js'

/** buildx pushes the image itself (a split build, or one that pushes by digest): no separate push. */
const pushesItself = (plan: RunPlan) => plan.build.pushTo.length > 0
/** The image is read back from the registry: the builder pushed it, or the engine front kept only what the registry lacked. */
const readFromRegistry = (plan: RunPlan) => pushesItself(plan) || plan.build.frontTo.length > 0

/** What a build made. */
export interface Built {
  readonly result: BuildResult
  readonly digest: string
  /** What the registry cache holds, read while the build ran: it decides whether the cache is written again. */
  readonly held: Promise<HeldBlobs>
}

/** The build, and the push by digest where buildx did not push: the tags move only once the image is measured and checked. */
export async function buildImage(run: Given, plan: RunPlan, reads: BaselineReads, label = ''): Promise<Built> {
  const { rt, inputs } = run
  const { verify, build, tags, split, repositories } = plan
  // Verify runs what was built: pulled by digest after a push, else loaded under a name of this run's.
  if (verify) rt.remember({ verifyKey: verify.key, ...(verify.localName ? { verifyImage: verify.localName } : {}) })
  // A push that replaces the baseline waits for it to be read first.
  if (inputs.push && tags.includes(inputs.baseline)) await reads.baseline
  const held = readHeldBlobs(build.cacheToAfter, rt.env, run.reads)
  const result = await phase(
    run,
    pushesItself(plan) ? 'Build and push' : 'Build',
    async () => {
      const building = split ? runSplitBuild(rt, split, repositories, build.annotations) : runBuild(rt, build)
      const built = await building.catch(e => {
        if (e instanceof BuildError) rt.setOutput('build-time', seconds(e.milliseconds).toFixed(1))
        throw e
      })
      // Said now: a push that fails next still tells how long the build took.
      rt.setOutput('build-time', seconds(built.milliseconds).toFixed(1))
      return built
    },
    label
  )
  if (inputs.push && !pushesItself(plan)) await phase(run, 'Push', () => publish(rt, result.digest, repositories, [], build.ociDir), label)
  return { result, digest: result.digest, held }
}

/** The image read back with its baseline, and which registry caches it leaves stale. */
export interface Inspected {
  readonly image: ImageInfo
  readonly base: Baseline
  readonly stale: string[]
  readonly upToDate: string[]
}

export function inspect(run: Given, plan: RunPlan, built: Built, reads: BaselineReads, label = ''): Promise<Inspected> {
  return phase(
    run,
    'Inspect',
    async () => {
      const { rt, inputs } = run
      const { repositories, build } = plan
      const warn = (message: string) => rt.warning(message)
      const [image, base] = await Promise.all([
        readFromRegistry(plan)
          ? readFreshImage(
              registrySource(rt.docker, repositories[0], rt.env, warn),
              `${repositories[0]}@${built.digest}`,
              inputs.platforms,
              warn
            )
          : readImage(ociLayoutSource(build.ociDir), built.digest, inputs.platforms),
        reads.baseline
      ])
      const layers = image.platforms.flatMap(p => p.breakdown.map(l => l.digest))
      const { stale, upToDate } = staleCaches(build.cacheToAfter, built.result.steps, layers, await built.held)
      for (const spec of upToDate)
        rt.info(
          `${cacheSpecAttrs(spec).ref} already holds this build (every step came from cache, every layer is in it): not written again`
        )
      return { image, base, stale, upToDate }
    },
    label
  )
}

/** The cache faults said once; the OCI layout kept for the next run with this image's blobs (long-unused ones go). */
export async function tidy(run: Given, plan: RunPlan, built: Built, exportFaults: CacheFault[]): Promise<void> {
  const faults = cacheFaultWarning([...built.result.cacheFaults, ...exportFaults])
  if (faults) run.rt.warning(faults)
  const { ociDir, frontTo } = plan.build
  // The front's layout is this run's alone; the machine's is kept for the next run.
  if (frontTo.length) await rm(ociDir, { recursive: true, force: true })
  else if (!pushesItself(plan))
    await keepImagePruneRest(ociDir, built.digest, run.rt.now()).catch(e =>
      run.rt.warning(`Could not prune the OCI layout ${ociDir}: ${errorMessage(e)}`)
    )
}

/** Verify's commands and require-non-root in the built image, when asked for. */
export async function verify(run: Given, plan: RunPlan, image: ImageInfo, label = ''): Promise<Verification | undefined> {
  if (!plan.verify) return undefined
  const { key, localName } = plan.verify
  return phase(
    run,
    'Verify',
    async () => {
      const targets = image.platforms.map(p => ({
        platform: p.platform,
        ref: localName || `${plan.repositories[0]}@${p.digest}`,
        user: p.user ?? ''
      }))
      try {
        return await verifyImage(run.rt, run.inputs, targets, !localName, key)
      } finally {
        if (localName) await run.rt.docker(['image', 'rm', '--force', localName], { quiet: true })
      }
    },
    label
  )
}

/** A built image as publishing takes it. */
export const measuredOf = (built: Built, inspected: Inspected, verification: Verification | undefined): Measured => ({
  digest: built.digest,
  image: inspected.image,
  base: inspected.base,
  buildMs: built.result.milliseconds,
  steps: built.result.steps,
  ...(verification ? { verification } : {})
})

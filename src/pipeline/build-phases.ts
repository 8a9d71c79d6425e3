// A build (mode: build) and a per-platform build (mode: platform), phase by phase: buildx and
// QEMU, the caches restored, the image built, pushed by digest, read back and verified, the
// registry cache and the cache mounts written, the variants, then the image published (scan,
// record and tags) and reported; a per-platform build hands its image over to the merge job.
import { cacheWriteLine, ghaVersionWarning, inputsWithoutGha } from '../core/builder/cache-plan.js'
import { planRun, type RunFacts, type RunPlan } from '../core/run-plan.js'
import { cacheUses, mountRow, type CacheUse } from '../core/report/cache-use.js'
import { errorMessage } from '../core/errors.js'
import { nodeGroups, placements, type BuilderNode, type Placement } from '../core/builder/builder.js'
import { runnerPlatform } from '../core/builder/emulation.js'
import { attestationsOf } from '../core/registry/attestations.js'
import { parseManifest } from '../core/registry/image.js'
import type { CacheStep } from '../core/builder/progress.js'
import { verified } from '../core/builder/verify.js'
import { nodesOf, readyBuildx, useBuilder, type BuildxSetup } from './builder/buildx.js'
import { withBuildx } from './host/docker.js'
import { setupQemu } from './builder/qemu.js'
import { restoreLocalCache } from './github/local-cache.js'
import { exportCaches } from './builder/cache-export.js'
import { restoreMounts, saveMounts, type MountUse } from './builder/cache-mounts.js'
import { handOver } from './github/handover.js'
import { clientFor } from './registry/registry-client.js'
import { runChecks } from './builder/checks.js'
import { buildImage, inspect, measuredOf, tidy, verify, type Built, type Inspected } from './image-phases.js'
import { publishImage, report, startBaselineReads, type Measured } from './publish-phases.js'
import { buildVariants } from './variants.js'
import { builderOf, takeFingerprint, type BuilderResult, type TakenFingerprint } from './builder/fingerprint.js'
import { ACTION_MAJOR_MINOR, skipDecision, whyBuild } from '../core/builder/fingerprint.js'
import { handOverUnchanged, nothingToBuild } from './nothing-to-build.js'
import { planFacts } from './run-facts.js'
import { phase, type Started } from './phases.js'

/** buildx readied and the builder chosen or created, with the run's plan. */
export interface Setup {
  /** What the plan was made from (the variants are planned from it too). */
  readonly planFacts: RunFacts
  readonly plan: RunPlan
  readonly buildx: BuildxSetup
  /** The builder's nodes, asked while the build runs: where each platform was built. */
  readonly nodes: Promise<BuilderNode[]>
}

async function setUpBuildx(run: Started): Promise<Setup> {
  const { rt, inputs } = run
  const facts = await planFacts(rt, run.facts, run.engine)
  const { withoutGha, ...buildx } = await readyBuildx(rt, inputs, planRun(facts))
  // A buildx too old for the GitHub cache plans again without it.
  const plannedFrom = withoutGha ? { ...facts, inputs: inputsWithoutGha(inputs) } : facts
  if (withoutGha) rt.warning(withoutGha)
  const plan = withoutGha ? planRun(plannedFrom) : planRun(facts)
  await useBuilder(rt, inputs, plan, buildx, run.ctx.temp)
  const nodes = nodesOf(withBuildx(rt.docker, buildx.binary), plan.build.builder).catch(() => [])
  return { planFacts: plannedFrom, plan, buildx, nodes }
}

/** The run after setup: its docker runs the buildx setup chose (the runner's plugin, or one it installed). */
const onBuilder = (run: Started, setup: Setup): Started => ({
  ...run,
  rt: { ...run.rt, docker: withBuildx(run.rt.docker, setup.buildx.binary) }
})

/** Setup, and the caches restored: what every build starts from. */
async function setUp(started: Started): Promise<{ run: Started; setup: Setup; mountUses?: MountUse[] }> {
  const setup = await phase(started, 'Set up buildx', () => setUpBuildx(started))
  const run = onBuilder(started, setup)
  const { rt } = run
  const { cache, tags, mounts, build } = setup.plan
  // A per-platform build is pushed untagged: its tags are the merge job's.
  rt.setOutput('tags', tags.join('\n'))
  for (const warning of [...cache.warnings, ghaVersionWarning(cache, setup.buildx.version)]) if (warning) rt.warning(warning)
  if (cache.from.length || cache.local) rt.info(cacheWriteLine(cache))
  for (const warning of mounts?.warnings ?? []) rt.warning(warning)
  await phase(run, 'Set up QEMU', () => setupQemu(rt, run.inputs, run.ctx.temp))
  const local = cache.local
  if (local)
    await phase(run, 'Restore cache', async () => {
      rt.remember({ localCache: local })
      try {
        const hit = await restoreLocalCache(local)
        rt.info(hit ? `Cache restored from ${hit}` : 'No cache found; this build starts cold')
      } catch (e) {
        rt.warning(`Cache restore failed; building without it: ${errorMessage(e)}`)
      }
    })
  if (!mounts?.mounts.length) return { run, setup }
  const mountUses = await phase(run, 'Restore cache mounts', () => restoreMounts(rt, mounts, build.builder))
  return { run, setup, mountUses }
}

/** `call: check`: the Dockerfile's build checks alone, on the builder a build would use. */
export async function check(started: Started): Promise<void> {
  const setup = await phase(started, 'Set up buildx', () => setUpBuildx(started))
  const run = onBuilder(started, setup)
  await phase(run, 'Build checks', () => runChecks(run.rt, setup.plan.build))
}

export async function build(started: Started): Promise<void> {
  // The published image, and the builds behind it, are read while the builder is set up and the build runs.
  const reads = startBaselineReads(started)
  // Taken while the builder is set up, unless skip-unchanged waits for it: only then is it on the way to the build.
  const builder = builderOf(started.rt, started.reads, started.inputs, started.engine).catch((e: unknown) => ({
    unknowable: errorMessage(e)
  }))
  const fingerprinting = fingerprint(started, builder).catch((e: unknown) => ({ unknowable: [errorMessage(e)], ms: 0 }))
  if (started.inputs.skipUnchanged) {
    const taken = said(started, await fingerprinting)
    // Nothing to build: decided before any builder or QEMU, on the image the tags point at now.
    if ('fingerprint' in taken) {
      const base = await reads.baseline
      const decision = skipDecision(started.inputs, taken, base)
      const unchanged = decision.skip && base.image ? { ...base, image: base.image } : undefined
      if (
        decision.skip &&
        unchanged &&
        (started.inputs.mode === 'platform'
          ? await handOverUnchanged(started, reads, unchanged, decision.record, taken.fingerprint)
          : await nothingToBuild(started, reads, unchanged, decision.record, await builder))
      )
        return
      if (!decision.skip && decision.note) started.rt.info(decision.note)
    }
  }
  const { run, setup, mountUses: restored } = await setUp(started)
  const { plan } = setup
  const { rt } = run
  const built = await buildImage(run, plan, reads)
  const inspected = await inspect(run, plan, built, reads)
  const taken = started.inputs.skipUnchanged ? await fingerprinting : said(run, await fingerprinting)
  const rebuildReasons = whyBuild(run.inputs, taken, inspected.base)
  rt.info(rebuildReasons.length ? `Built because: ${rebuildReasons.join('; ')}` : `The same inputs as ${inspected.base.ref}`)
  const exported = inspected.stale.length
    ? await phase(run, 'Export cache', () => exportCaches(rt, plan.build, inspected.stale))
    : undefined
  const mountUses = restored && (await phase(run, 'Save cache mounts', () => saveMounts(rt, plan.mounts!, plan.build.builder, restored)))
  await tidy(run, plan, built, exported?.faults ?? [])
  const verification = await verify(run, plan, inspected.image)
  const measured = { ...measuredOf(built, inspected, verification), ...('fingerprint' in taken ? { fingerprint: taken.fingerprint } : {}) }
  // Before the main image's tags move: a variant that fails leaves every tag where it was.
  const variants = run.inputs.variants.length ? await buildVariants(run, setup, inspected.image.platforms[0], builder) : undefined
  const published = await publishImage(run, plan, reads, measured)
  const builtOn = await builtOnOf(run, setup)
  if (run.inputs.mode === 'platform') await phase(run, 'Hand over', () => handOverPlatforms(run, measured, built, builtOn))
  const caches = cachesOf(plan, built, inspected, exported?.steps ?? [], mountUses ?? [])
  await report(run, plan, reads, measured, published, {
    built: built.result,
    caches,
    ...(builtOn ? { builtOn } : {}),
    variants,
    rebuildReasons
  })
}

/** What the image is built from, before any builder is set up: the fingerprint, or why there is none. */
async function fingerprint(run: Started, builder: Promise<BuilderResult>): Promise<TakenFingerprint> {
  return takeFingerprint(run.rt, run.reads, run.inputs, run.facts.dockerfile, await builder, ACTION_MAJOR_MINOR)
}

/** The fingerprint said in the log, once it is awaited (not in the middle of another phase's group). */
function said(run: Started, taken: TakenFingerprint): TakenFingerprint {
  if ('fingerprint' in taken) {
    const { context, bases } = taken.fingerprint
    const named = Object.entries(bases).map(([ref, digest]) => `${ref} ${digest.slice(0, 19)}…`)
    run.rt.info(
      `Fingerprint: ${context.files} context files read (${context.digest.slice(0, 19)}…); bases: ${named.join(', ') || 'none'} (${taken.ms} ms)`
    )
  } else run.rt.info(`No fingerprint this run: ${taken.unknowable.join('; ')}`)
  return taken
}

/** Each platform handed over to the merge job: its digest, its build's figures, its attestations, where it was built, and what from. */
async function handOverPlatforms(run: Started, m: Measured, built: Built, placed: Placement[] | undefined): Promise<void> {
  const { platforms } = m.image
  const { milliseconds: buildMs, steps } = built.result
  // The pushed index holds the platforms' attestations; the merge attaches them to its own.
  const attestations = run.inputs.attest.length
    ? attestationsOf(parseManifest(await clientFor(run.inputs.image, run.rt.env).manifest(m.digest)))
    : []
  for (const p of platforms) {
    const own = attestations.filter(a => a.image === p.digest)
    const builtOn = placed?.find(b => b.platform === p.platform)
    await handOver(
      {
        platform: p.platform,
        repository: run.inputs.image,
        digest: p.digest,
        buildMs,
        steps,
        ...(own.length ? { attestations: own } : {}),
        ...(builtOn ? { builtOn } : {}),
        ...(m.fingerprint ? { fingerprint: m.fingerprint } : {}),
        ...(m.verification ? { verify: verified(m.verification) ? ('passed' as const) : ('failed' as const) } : {})
      },
      run.ctx
    )
  }
  run.rt.info(`Handed over to the merge job: ${platforms.map(p => `${p.platform} ${p.digest}`).join(', ')}`)
}

/** Where each platform of this run's build was built, from its builder's nodes (asked after setup). */
async function builtOnOf(run: Started, setup: Setup): Promise<Placement[] | undefined> {
  const nodes = await setup.nodes
  if (!nodes.length) return undefined
  const { create, split } = setup.plan
  // The docker-container builder the action creates runs on the runner: its machine is the runner's.
  const onRunner = create?.spec.driver === 'docker-container' ? { node: `${create.spec.name}0`, platform: runnerPlatform() } : undefined
  return placements(split ?? nodeGroups(run.inputs.platforms, nodes), nodes, onRunner)
}

/** What the run read from and wrote to each cache. */
function cachesOf(plan: RunPlan, built: Built, inspected: Inspected, exportSteps: CacheStep[], mountUses: MountUse[]): CacheUse[] {
  const { cache, build } = plan
  return cacheUses({
    from: build.cacheFrom,
    to: build.cacheTo,
    toAfter: build.cacheToAfter,
    upToDate: inspected.upToDate,
    unwritten: cache.unwritten,
    write: cache.write,
    steps: built.result.cacheSteps,
    afterSteps: exportSteps,
    ...(cache.local ? { sameAs: { [cache.local.dir]: 'GitHub cache', [cache.local.nextDir]: 'GitHub cache' } } : {})
  }).concat(mountUses.map(mountRow))
}

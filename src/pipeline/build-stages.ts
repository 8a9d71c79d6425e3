// The stages of a build (mode: build) and of a per-platform build (mode: platform), in order:
// buildx and QEMU, the cache, the build, the push and tags, the image read back, the registry
// cache, verify, the hand-over to the merge job. `finishRun` ends every mode.
import { readImage } from '../core/registry/image.js'
import {
  cacheFaultWarning,
  cacheSpecAttrs,
  cacheWriteLine,
  ghaVersionWarning,
  inputsWithoutGha,
  staleCaches
} from '../core/builder/cache-plan.js'
import { planRun, type RunPlan } from '../core/run-plan.js'
import { cacheUses, mountRow, type CacheUse } from '../core/report/cache-use.js'
import { seconds } from '../core/report/report.js'
import { errorMessage } from '../core/errors.js'
import { existingBuilderFacts, nodesOf, readyBuildx, useBuilder } from './builder/buildx.js'
import { withBuildx } from './host/docker.js'
import { runSplitBuild } from './builder/split-build.js'
import { nodeGroups, placements, type Placement } from '../core/builder/builder.js'
import { runnerPlatform } from '../core/builder/emulation.js'
import { setupQemu } from './builder/qemu.js'
import { restoreLocalCache } from './github/local-cache.js'
import { BuildError, runBuild, type BuildResult } from './builder/build.js'
import { publish } from './registry/publish.js'
import { ociLayoutSource, readFreshImage, registrySource } from './registry/image-sources.js'
import { exportCaches, readHeldBlobs } from './builder/cache-export.js'
import { restoreMounts, saveMounts } from './builder/cache-mounts.js'
import { keepImagePruneRest, layoutStoreDir } from './builder/layout-store.js'
import { verifyImage } from './builder/verify.js'
import { handOver } from './github/handover.js'
import { attestationsOf } from '../core/registry/attestations.js'
import { parseManifest } from '../core/registry/image.js'
import { clientFor } from './registry/registry-client.js'
import { finish } from './report/finish.js'
import { needs, type Run, type Stage } from './stages.js'
import { variantsStage } from './variants.js'
import { annotateChecks, runChecks } from './builder/checks.js'
import { buildMetrics, OLDEST_STAGE, recordOf, SCAN_STAGE, startBaselineReads, TAG_STAGE } from './record-stages.js'

const planOf = (run: Run) => needs(run.plan, 'the plan')
const builtOf = (run: Run) => needs(run.built, 'the build')
const imageOf = (run: Run) => needs(run.image, 'the image')
const pushesItself = (run: Run) => planOf(run).build.pushTo.length > 0

/** buildx readied and the builder chosen or created, with the run's plan. */
const SETUP_BUILDX_STAGE: Stage = {
  name: 'Set up buildx',
  run: async run => {
    const { rt, inputs } = run
    const existing = inputs.builder ? await existingBuilderFacts(rt.docker, inputs) : {}
    const facts = {
      ...needs(run.facts, 'the facts'),
      engine: await run.engine,
      ...existing,
      layoutDir: layoutStoreDir(rt.env),
      pid: process.pid
    }
    run.planFacts = facts
    run.plan = planRun(facts)
    const { withoutGha, ...buildx } = await readyBuildx(rt, inputs, run.plan)
    if (withoutGha) {
      rt.warning(withoutGha)
      run.planFacts = { ...facts, inputs: inputsWithoutGha(inputs) }
      run.plan = planRun(run.planFacts)
    }
    await useBuilder(rt, inputs, run.plan, buildx, run.ctx.temp)
    run.buildx = buildx
    // Asked while the build runs, for the report: where each platform was built.
    run.nodes = nodesOf(withBuildx(rt.docker, buildx.binary), run.plan.build.builder).catch(() => [])
  }
}

/** `call: check`: the Dockerfile's build checks alone, on the builder a build would use. */
export const CHECK_STAGES: Stage[] = [SETUP_BUILDX_STAGE, { name: 'Build checks', run: run => runChecks(run.rt, planOf(run).build) }]

export const BUILD_STAGES: Stage[] = [
  {
    // The published image, and the builds behind it, are read while the builder is set up and the build runs.
    perImage: true,
    run: run => startBaselineReads(run)
  },
  SETUP_BUILDX_STAGE,
  {
    run: run => {
      const { cache, tags } = planOf(run)
      // A per-platform build is pushed untagged: its tags are the merge job's.
      run.rt.setOutput('tags', tags.join('\n'))
      for (const warning of [...cache.warnings, ghaVersionWarning(cache, needs(run.buildx, 'buildx').version)])
        if (warning) run.rt.warning(warning)
      if (cache.from.length || cache.local) run.rt.info(cacheWriteLine(cache))
      for (const warning of planOf(run).mounts?.warnings ?? []) run.rt.warning(warning)
    }
  },
  { name: 'Set up QEMU', run: run => setupQemu(run.rt, run.inputs, run.ctx.temp) },
  {
    name: 'Restore cache',
    when: run => planOf(run).cache.local !== undefined,
    run: async run => {
      const local = planOf(run).cache.local!
      run.rt.remember({ localCache: local })
      try {
        const hit = await restoreLocalCache(local)
        run.rt.info(hit ? `Cache restored from ${hit}` : 'No cache found; this build starts cold')
      } catch (e) {
        run.rt.warning(`Cache restore failed; building without it: ${errorMessage(e)}`)
      }
    }
  },
  {
    name: 'Restore cache mounts',
    when: run => (planOf(run).mounts?.mounts.length ?? 0) > 0,
    run: async run => {
      const { mounts, build } = planOf(run)
      run.mountUses = await restoreMounts(run.rt, mounts!, build.builder)
    }
  },
  {
    perImage: true,
    run: async run => {
      const { verify, build, tags } = planOf(run)
      // Verify runs what was built: pulled by digest after a push, else loaded under a name of this run's.
      if (verify) run.rt.remember({ verifyKey: verify.key, ...(verify.localName ? { verifyImage: verify.localName } : {}) })
      // A push that replaces the baseline waits for it to be read first.
      if (run.inputs.push && tags.includes(run.inputs.baseline)) await run.baseline
      // What the registry cache holds is read while the build runs: it decides whether it is written again.
      run.held = readHeldBlobs(build.cacheToAfter, run.rt.env, run.reads)
    }
  },
  {
    name: run => (pushesItself(run) ? 'Build and push' : 'Build'),
    perImage: true,
    run: async run => {
      const { split, repositories, build } = planOf(run)
      const building = split ? runSplitBuild(run.rt, split, repositories, build.annotations) : runBuild(run.rt, build)
      const built = await building.catch(e => {
        if (e instanceof BuildError) run.rt.setOutput('build-time', seconds(e.milliseconds).toFixed(1))
        throw e
      })
      run.built = built
      run.digest = built.digest
      // Said now: a push that fails next still tells how long the build took.
      run.rt.setOutput('build-time', seconds(built.milliseconds).toFixed(1))
    }
  },
  {
    // The whole image goes to the registry by digest now; its tags move only once it is measured and checked.
    name: 'Push',
    perImage: true,
    when: run => run.inputs.push && !pushesItself(run),
    run: async run => {
      const { repositories, build } = planOf(run)
      await publish(run.rt, needs(run.digest, 'the digest'), repositories, [], build.ociDir)
    }
  },
  {
    name: 'Inspect',
    perImage: true,
    run: async run => {
      const { rt, inputs } = run
      const { repositories, build } = planOf(run)
      const digest = needs(run.digest, 'the digest')
      const warn = (message: string) => rt.warning(message)
      const [image, base] = await Promise.all([
        pushesItself(run)
          ? readFreshImage(registrySource(rt.docker, repositories[0], rt.env, warn), `${repositories[0]}@${digest}`, inputs.platforms, warn)
          : readImage(ociLayoutSource(build.ociDir), digest, inputs.platforms),
        needs(run.baseline, 'the baseline read')
      ])
      run.image = image
      run.base = base
      const layers = image.platforms.flatMap(p => p.breakdown.map(l => l.digest))
      const { stale, upToDate } = staleCaches(build.cacheToAfter, builtOf(run).steps, layers, await needs(run.held, 'the cache read'))
      for (const spec of upToDate)
        rt.info(
          `${cacheSpecAttrs(spec).ref} already holds this build (every step came from cache, every layer is in it): not written again`
        )
      run.staleCaches = stale
      run.upToDateCaches = upToDate
    }
  },
  {
    name: 'Export cache',
    when: run => (run.staleCaches ?? []).length > 0,
    run: async run => {
      const exported = await exportCaches(run.rt, planOf(run).build, needs(run.staleCaches, 'the stale caches'))
      run.exportFaults = exported.faults
      run.exportSteps = exported.steps
    }
  },
  {
    name: 'Save cache mounts',
    when: run => run.mountUses !== undefined,
    run: async run => {
      const { mounts, build } = planOf(run)
      run.mountUses = await saveMounts(run.rt, mounts!, build.builder, needs(run.mountUses, 'the restored mounts'))
    }
  },
  {
    perImage: true,
    run: async run => {
      const faults = cacheFaultWarning([...builtOf(run).cacheFaults, ...(run.exportFaults ?? [])])
      if (faults) run.rt.warning(faults)
      const { ociDir } = planOf(run).build
      // The layout is kept for the next run: this image's blobs stay, long-unused ones go.
      if (!pushesItself(run))
        await keepImagePruneRest(ociDir, needs(run.digest, 'the digest'), run.rt.now()).catch(e =>
          run.rt.warning(`Could not prune the OCI layout ${ociDir}: ${errorMessage(e)}`)
        )
    }
  },
  {
    name: 'Verify',
    perImage: true,
    when: run => planOf(run).verify !== undefined,
    run: async run => {
      const { verify, repositories } = planOf(run)
      const { key, localName } = verify!
      const targets = imageOf(run).platforms.map(p => ({
        platform: p.platform,
        ref: localName || `${repositories[0]}@${p.digest}`,
        user: p.user ?? ''
      }))
      try {
        run.verification = await verifyImage(run.rt, run.inputs, targets, !localName, key)
      } finally {
        if (localName) await run.rt.docker(['image', 'rm', '--force', localName], { quiet: true })
      }
    }
  },
  // Before the main image's tags move: a variant that fails leaves every tag where it was.
  variantsStage(() => BUILD_STAGES.filter(s => s.perImage)),
  SCAN_STAGE,
  TAG_STAGE,
  {
    name: 'Hand over',
    when: run => run.inputs.mode === 'platform',
    run: async run => {
      const { platforms } = imageOf(run)
      const { milliseconds: buildMs, steps } = builtOf(run)
      // The pushed index holds the platforms' attestations; the merge attaches them to its own.
      const attestations = run.inputs.attest.length
        ? attestationsOf(parseManifest(await clientFor(run.inputs.image, run.rt.env).manifest(needs(run.digest, 'the digest'))))
        : []
      const placed = await builtOnOf(run)
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
            ...(builtOn ? { builtOn } : {})
          },
          run.ctx
        )
      }
      run.rt.info(`Handed over to the merge job: ${platforms.map(p => `${p.platform} ${p.digest}`).join(', ')}`)
    }
  },
  OLDEST_STAGE,
  { run: run => finishRun(run) }
]

/** Where each platform of this run's build was built, from its builder's nodes (asked after setup). */
async function builtOnOf(run: Run): Promise<Placement[] | undefined> {
  const nodes = run.nodes ? await run.nodes : []
  if (!nodes.length) return undefined
  const create = run.plan?.create
  // The docker-container builder the action creates runs on the runner: its machine is the runner's.
  const onRunner = create?.spec.driver === 'docker-container' ? { node: `${create.spec.name}0`, platform: runnerPlatform() } : undefined
  return placements(run.plan?.split ?? nodeGroups(run.inputs.platforms, nodes), nodes, onRunner)
}

/** What the run read from and wrote to each cache. */
function cachesOf(run: Run, plan: RunPlan, built: BuildResult): CacheUse[] {
  const { cache, build } = plan
  return cacheUses({
    from: build.cacheFrom,
    to: build.cacheTo,
    toAfter: build.cacheToAfter,
    upToDate: run.upToDateCaches ?? [],
    unwritten: cache.unwritten,
    write: cache.write,
    steps: built.cacheSteps,
    afterSteps: run.exportSteps ?? [],
    ...(cache.local ? { sameAs: { [cache.local.dir]: 'GitHub cache', [cache.local.nextDir]: 'GitHub cache' } } : {})
  }).concat((run.mountUses ?? []).map(mountRow))
}

/** Compare, check budgets, write outputs, summary and comment; then fail on a budget or verify. */
export async function finishRun(run: Run): Promise<void> {
  const image = imageOf(run)
  // Here, once: a variant builds the same Dockerfile and finds the same.
  annotateChecks(run.rt, run.built?.checks ?? [])
  const { buildMs, steps } = buildMetrics(run)
  // A merge job's platforms were built where their jobs said.
  const handedOver = run.handovers?.flatMap(h => (h.builtOn ? [h.builtOn] : []))
  const builtOn = handedOver?.length ? handedOver : await builtOnOf(run)
  return finish(run.rt, run.inputs, run.ctx, {
    digest: run.published || run.digest || image.digest,
    imageid: run.built?.imageId ?? '',
    tags: planOf(run).tags,
    image,
    base: needs(run.base, 'the baseline'),
    buildMs,
    steps,
    // The record as written on the index, when one was; else this run's, made now.
    record: run.recorded ?? { ...recordOf(run), digest: run.published ?? '' },
    published: run.published !== undefined,
    ...(run.history ? { history: await run.history } : {}),
    ...(run.oldest ? { oldest: run.oldest } : {}),
    ...(run.scan ? { scan: run.scan } : {}),
    ...(run.variants ? { variants: run.variants } : {}),
    stages: run.stages,
    ...(builtOn ? { builtOn } : {}),
    verification: run.verification,
    caches: run.built && run.plan ? cachesOf(run, run.plan, run.built) : [],
    metadataText: run.built?.metadataText ?? '{}',
    ...(run.built?.checks.length ? { checks: run.built.checks } : {}),
    meta: { version: planOf(run).version, labels: planOf(run).build.labels, annotations: planOf(run).build.annotations }
  })
}

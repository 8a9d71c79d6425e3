// Everything a run does, decided once from what the run found out: its tags, where it pushes,
// its caches, its names, its builder and its build. Pure. The action carries the plan out and
// `ci-base-action build --dry-run` prints it: both come from here, so they cannot drift apart.
import type { Inputs } from './inputs.js'
import type { RunContext } from './github-context.js'
import type { Env } from './env.js'
import type { Version } from './semver.js'
import type { BuildPlan } from './args.js'
import { tagNames } from './tags.js'
import { planCache, type CachePlan } from './cache-plan.js'
import { baseImages } from './dockerfile.js'
import { makeBuildPlan, pushRepositories, runNames, runTags, verifyName, wantsVerify } from './build-plan.js'
import { builderSpec, chooseDriver, type EngineFacts } from './builder.js'
import { planMounts, type MountsPlan } from './cache-mounts.js'

export type Driver = Exclude<Inputs['driver'], 'auto'>

/** What a run finds out before it plans: everything here is read, asked or looked up. */
export interface RunFacts {
  inputs: Inputs
  ctx: RunContext
  env: Env
  now: Date
  /** The release a version tag builds, with the versions already published (floating tags only move forward). */
  release?: { version: Version; published?: string[] }
  sourceDateEpoch: number
  /** The Dockerfile's text ('' when it cannot be read: buildx says why). */
  dockerfile: string
  /** The engine, asked only when `driver: auto` has to choose. */
  engine?: EngineFacts
  /** The driver of the builder the `builder` input names. */
  existingDriver?: Driver
  /** The run's own work directory, and the machine's OCI layout kept across runs. */
  work: string
  layoutDir: string
  /** Part of this run's own names (its builder, its verify containers). */
  pid: number
}

/** A builder this run creates (and post removes): its spec, the files it needs, the nodes appended. */
export type BuilderToCreate = ReturnType<typeof builderSpec>

export interface RunPlan {
  mode: Inputs['mode']
  /** The tags the run writes (none for a per-platform build: they are the merge job's). */
  tags: string[]
  /** metadata-action's version: the tag of the highest-priority rule that applied. */
  version: string
  /** Where the image is pushed by digest. */
  repositories: string[]
  cache: CachePlan
  names: { builder: string; verifyKey: string }
  driver: Driver
  /** The builder to create; undefined when the engine's own or the named one is used. */
  create?: BuilderToCreate
  build: BuildPlan
  /** Verify's names: its containers' label, and the local name an unpushed build is loaded under. */
  verify?: { key: string; localName: string }
  /** The cache mounts carried across runs, when asked for. */
  mounts?: MountsPlan
}

export function planRun(f: RunFacts): RunPlan {
  const { inputs, ctx } = f
  const named = tagNames(inputs, ctx, f.now, f.release)
  const tags = runTags(inputs, () => named.tags)
  const repositories = pushRepositories(inputs, tags)
  const cache = planCache(inputs, tags, ctx, f.env)
  const names = runNames(ctx, f.pid)
  const driver = f.existingDriver ?? chooseDriver(inputs, f.engine ?? { containerdStore: false }, cache.to)
  // A merge job builds nothing: no builder.
  const create =
    inputs.mode === 'merge' || inputs.builder || driver === 'docker'
      ? undefined
      : builderSpec(inputs, driver, names.builder, f.work, [...tags, ...cache.registryRefs, ...baseImages(f.dockerfile, inputs.buildArgs)])
  const localName = verifyName(inputs, names.verifyKey)
  const build = makeBuildPlan({
    inputs,
    ctx,
    tags,
    cache,
    builder: inputs.builder || (create ? names.builder : ''),
    driver,
    work: f.work,
    layoutDir: f.layoutDir,
    dockerfile: f.dockerfile,
    sourceDateEpoch: f.sourceDateEpoch,
    verifyName: localName,
    repositories,
    version: named.version
  })
  return {
    mode: inputs.mode,
    tags,
    version: named.version,
    repositories,
    cache,
    names,
    driver,
    create,
    build,
    verify: wantsVerify(inputs) ? { key: names.verifyKey, localName } : undefined,
    ...(inputs.cacheMounts.length && inputs.mode !== 'merge' ? { mounts: planMounts(inputs, f, cache) } : {})
  }
}

// Everything a run does, decided once from what the run found out: its tags, where it pushes,
// its caches, its names, its builder and its build. Pure. The action carries the plan out and
// `ci-base-action build --dry-run` prints it: both come from here, so they cannot drift apart.
import type { Inputs } from './inputs/inputs.js'
import type { RunContext } from './inputs/github-context.js'
import type { Env } from './host/env.js'
import type { Version } from './registry/semver.js'
import type { BuildPlan } from './builder/args.js'
import { tagNames } from './inputs/tags.js'
import { planCache, type CachePlan } from './builder/cache-plan.js'
import { baseImages } from './builder/dockerfile.js'
import { makeBuildPlan, pushRepositories, runNames, runTags, verifyName, wantsVerify } from './build-plan.js'
import { builderSpec, chooseDriver, createdNodes, nodeGroups, type BuilderNode, type EngineFacts } from './builder/builder.js'
import { planMounts, type MountsPlan } from './builder/cache-mounts.js'

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
  /** The engine, asked when it may build: `auto` chooses by it, and the docker driver pushes by whether it runs here. */
  engine?: EngineFacts
  /** The driver of the builder the `builder` input names, and its nodes. */
  existingDriver?: Driver
  existingNodes?: BuilderNode[]
  /** The run's own work directory, and the machine's OCI layout kept across runs. */
  work: string
  layoutDir: string
  /** Whether that layout holds an image already (a runner whose files are kept); unknown counts as kept. */
  layoutKept?: boolean
  /** Whether the engine runs on this machine (its name is this host's): it can reach a port of 127.0.0.1 here. */
  engineHere?: boolean
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
  /** The builder's nodes, as far as they are known before the build (none for the engine's own builder). */
  nodes: BuilderNode[]
  /**
   * A builder of several nodes builds one image per node, each of its node's platforms, pushed
   * by digest; the action writes their index. buildx would merge them itself and push the
   * index to every name, tagging `:latest` where a name has no tag, and refuses to export an
   * OCI layout from several nodes.
   */
  split?: NodeBuild[]
}

/** One node's part of a split build: its platforms, its build and its caches (its own, read beside the others'). */
export interface NodeBuild {
  node: string
  platforms: string[]
  build: BuildPlan
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
  const buildFacts = {
    inputs,
    ctx,
    tags,
    cache,
    builder: inputs.builder || (create ? names.builder : ''),
    driver,
    work: f.work,
    layoutDir: f.layoutDir,
    ...(f.layoutKept !== undefined ? { layoutKept: f.layoutKept } : {}),
    ...(f.engineHere !== undefined ? { engineHere: f.engineHere } : {}),
    dockerfile: f.dockerfile,
    sourceDateEpoch: f.sourceDateEpoch,
    verifyName: localName,
    repositories,
    version: named.version
  }
  const nodes = create ? createdNodes(create) : (f.existingNodes ?? [])
  const groups = nodeGroups(inputs.platforms, nodes)
  const split =
    groups.length > 1 && inputs.mode === 'build'
      ? groups.map(({ node, platforms }) => {
          // Each node's build is a per-platform build of its platforms: its own cache, the others' read too.
          const own = { ...inputs, platforms }
          const nodeCache = planCache({ ...own, mode: 'platform' }, tags, ctx, f.env, inputs.platforms)
          const build = makeBuildPlan({ ...buildFacts, inputs: own, cache: { ...nodeCache, toIfStale: [] } })
          return { node, platforms, build: { ...build, metadataFile: build.metadataFile.replace(/\.json$/, `-${node}.json`) } }
        })
      : undefined
  const whole = makeBuildPlan(buildFacts)
  // Split, the nodes' builds write the caches: the whole build's plan only names them, for the report.
  const build = split
    ? {
        ...whole,
        cacheFrom: [...new Set(split.flatMap(n => n.build.cacheFrom))],
        cacheTo: split.flatMap(n => n.build.cacheTo),
        cacheToAfter: []
      }
    : whole
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
    ...(inputs.cacheMounts.length && inputs.mode !== 'merge' ? { mounts: planMounts(inputs, f, cache) } : {}),
    nodes,
    ...(split ? { split } : {})
  }
}

// The `docker buildx build` a run will do, decided once from the inputs and what setup chose:
// the action runs it, and `ci-base-action build --dry-run` prints it. Pure.
import { join } from 'node:path'
import type { BuildPlan } from './builder/args.js'
import type { CachePlan } from './builder/cache-plan.js'
import type { RunContext } from './inputs/github-context.js'
import type { Inputs } from './inputs/inputs.js'
import { annotationArgs } from './registry/annotations.js'
import { ociLabels } from './inputs/tags.js'
import { repositoriesOf } from './registry/reference.js'

const safeName = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '-')

/** Names of this run's own things: its builder, and the verify containers' label. */
export const runNames = (ctx: Pick<RunContext, 'runId' | 'runAttempt'>, pid: number) => ({
  builder: safeName(`ci-base-${ctx.runId}-${ctx.runAttempt}-${pid}`),
  verifyKey: safeName(`ci-base-verify-${ctx.runId}-${ctx.runAttempt}-${pid}`).toLowerCase()
})

/** The registry tags a run writes: none for a per-platform build (its tags are the merge job's). */
export const runTags = (inputs: Pick<Inputs, 'mode'>, tags: () => string[]): string[] => (inputs.mode === 'platform' ? [] : tags())

/** Where the image is pushed by digest: the tags' repositories, or the image's alone for a per-platform build. */
export const pushRepositories = (inputs: Pick<Inputs, 'mode' | 'image'>, tags: string[]): string[] =>
  inputs.mode === 'platform' ? [inputs.image] : repositoriesOf(tags)

export const wantsVerify = (inputs: Pick<Inputs, 'verify' | 'requireNonRoot'>) => inputs.verify.length > 0 || inputs.requireNonRoot

/** The local name a build is loaded under to be verified: only when it is verified and not pushed (a pushed one is pulled by digest). */
export const verifyName = (inputs: Pick<Inputs, 'verify' | 'requireNonRoot' | 'push'>, verifyKey: string) =>
  wantsVerify(inputs) && !inputs.push ? `${verifyKey}:built` : ''

interface PlanFacts {
  inputs: Inputs
  ctx: RunContext
  tags: string[]
  cache: Pick<CachePlan, 'from' | 'to' | 'toIfStale' | 'inline'>
  /** What setup chose: '' for the current builder. */
  builder: string
  driver: Inputs['driver']
  /** The run's own work directory (the metadata file). */
  work: string
  /** The machine's OCI layout, kept across runs, that a build the builder cannot push is exported to. */
  layoutDir: string
  layoutKept?: boolean
  engineHere?: boolean
  dockerfile: string
  sourceDateEpoch: number
  /** The local name a build is loaded under to be verified ('' when none). */
  verifyName: string
  /** Where the image is pushed by digest: the tags' repositories (the image's alone for a per-platform build). */
  repositories: string[]
  /** The image's version label: metadata-action's version. */
  version: string
}

export function makeBuildPlan(f: PlanFacts): BuildPlan {
  const { inputs } = f
  const labels = ociLabels(inputs, f.ctx, new Date(f.sourceDateEpoch * 1000), f.dockerfile, f.version)
  // Exporting to a layout this machine did not keep writes every layer again: where the engine
  // runs here, it pushes to the action's front instead, which keeps only what the registry lacks.
  // Not with rewrite-timestamp: the engine's image export unpacks, and BuildKit refuses both.
  const front = inputs.push && f.driver === 'docker' && f.layoutKept === false && f.engineHere === true && !inputs.rewriteTimestamp
  return {
    inputs,
    builder: f.builder,
    tags: f.tags,
    labels,
    annotations: annotationArgs(inputs.annotations, labels, f.dockerfile, inputs.platforms.length > 1),
    cacheFrom: f.cache.from,
    cacheTo: f.cache.to.filter(c => !f.cache.toIfStale.includes(c)),
    cacheToAfter: f.cache.toIfStale,
    inlineCache: f.cache.inline,
    metadataFile: join(f.work, 'metadata.json'),
    ociDir: front ? join(f.work, 'engine-push') : f.layoutDir,
    // Builders that can push by digest do; the docker driver cannot, so its layout is pushed by the action.
    pushTo: inputs.push && f.driver !== 'docker' ? f.repositories : [],
    frontTo: front ? f.repositories : [],
    sourceDateEpoch: f.sourceDateEpoch,
    loadTags: [...(inputs.load ? f.tags : []), ...(f.verifyName ? [f.verifyName] : [])]
  }
}

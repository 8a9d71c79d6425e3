// Which caches the build imports and exports, and what that asks of buildx and the runner. Pure.
import { join } from 'node:path'
import { type Inputs } from '../inputs/inputs.js'
import type { RunContext } from '../inputs/github-context.js'
import { atLeast } from './version.js'
import type { CacheFault } from './progress.js'
import { isIndex, parseManifest } from '../registry/image.js'

export interface CachePlan {
  from: string[]
  to: string[]
  /** Set when `local` is used: restored before the build, rotated and saved in post. */
  local?: LocalCache
  /** Cache metadata goes into the image itself (BUILDKIT_INLINE_CACHE=1). */
  inline: boolean
  /** The cache types imported or exported (gha, registry, local...). */
  types: string[]
  /** The images registry caches are read from or written to. */
  registryRefs: string[]
  /**
   * The registry cache the action derives, among `to`: exported after the build, and only when
   * its ref does not already hold this build (a no-change rebuild skips rewriting it).
   */
  toIfStale: string[]
  /** Whether this run writes its caches, and why (cache-write). */
  write: CacheWrite
  /** The exports cache-write left out. */
  unwritten: string[]
  warnings: string[]
}

export interface CacheWrite {
  write: boolean
  why: string
}

/**
 * `cache-write: auto`: the runs whose cache others read write it (the default branch, tags,
 * schedules). A pull request's entries are readable from that PR alone, yet count against the
 * repository's quota and evict the default branch's: it reads and writes nothing. Without a
 * known default branch (a local run, an event that does not say), a branch writes as before.
 */
export function cacheWrite(policy: 'auto' | 'always' | 'never', ctx: Pick<RunContext, 'eventName' | 'ref' | 'defaultBranch'>): CacheWrite {
  if (policy !== 'auto') return { write: policy === 'always', why: `cache-write: ${policy}` }
  if (ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target')
    return { write: false, why: "a pull request reads the default branch's cache and writes none (cache-write: auto)" }
  if (ctx.eventName === 'schedule') return { write: true, why: 'a scheduled run writes the cache (cache-write: auto)' }
  if (ctx.ref.startsWith('refs/tags/')) return { write: true, why: 'a tag writes the cache (cache-write: auto)' }
  const branch = ctx.ref.startsWith('refs/heads/') ? ctx.ref.slice('refs/heads/'.length) : ''
  if (branch && ctx.defaultBranch && branch !== ctx.defaultBranch)
    return { write: false, why: `${branch} is not the default branch (${ctx.defaultBranch}): it reads and writes none (cache-write: auto)` }
  return { write: true, why: 'the default branch writes the cache (cache-write: auto)' }
}

/** A buildx cache spec as its attributes: `type=registry,ref=r/x:c` -> {type, ref}; a bare image reference is a registry cache. */
export function cacheSpecAttrs(spec: string): Record<string, string> {
  if (!spec.includes('=')) return { type: 'registry', ref: spec }
  return Object.fromEntries(spec.split(',').map(kv => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
}

export interface LocalCache {
  dir: string
  /** buildx writes here; post swaps it in so the cache never grows past one build's worth. */
  nextDir: string
  /** Why post saves nothing (cache-write), when it does not. */
  noSave?: string
  key: string
  restoreKeys: string[]
  /** How long its restore, and its save, may each take (cache-timeout) before the run goes on without it. */
  timeoutMs?: number
}

export const GHA_V2_BUILDX = '0.21.0'

/** A cache export the action derives never fails the build: BuildKit reports it and builds on (main warns). */
const IGNORE_ERROR = 'ignore-error=true'

export function cacheScope(inputs: Pick<Inputs, 'cacheScope'>, ctx: RunContext): string {
  const scope = inputs.cacheScope || ctx.workflow || 'ci-base'
  return scope.replace(/[^A-Za-z0-9._-]+/g, '-')
}

/** A platform as a cache name's suffix: `linux/arm64` → `-linux-arm64`. */
const platformSuffix = (platform: string) => `-${platform.replace(/[^A-Za-z0-9._]+/g, '-')}`

/** A ref's tag with a suffix (a digest dropped): `r/x:c` → `r/x:c<suffix>`; a ref without a tag gets `bareTag`. */
export function withTagSuffix(ref: string, suffix: string, bareTag: string): string {
  const named = ref.includes('@') ? ref.slice(0, ref.indexOf('@')) : ref
  return named.lastIndexOf(':') > named.lastIndexOf('/') ? `${named}${suffix}` : `${named}:${bareTag}`
}

/** A registry cache ref for one platform: its tag gains the suffix once (`r/x:buildcache` → `r/x:buildcache-linux-arm64`). */
function platformCacheRef(ref: string, platform: string): string {
  const suffix = platformSuffix(platform)
  return ref.endsWith(suffix) ? ref : withTagSuffix(ref, suffix, `buildcache${suffix}`)
}

/**
 * Where a cache is written, and every place it is read from. Platforms that build apart (a
 * job per platform, `mode: platform`, or a node per platform) each write a cache of their own:
 * two builds exporting to one gha scope or registry ref would overwrite each other, the last
 * one winning, and the next run's other platform would miss. A build of several platforms in
 * one place writes the shared one. Every build reads the shared one and each platform's own,
 * so that a build still hits after the platforms moved apart or together.
 */
function cacheNames(
  base: string,
  inputs: Pick<Inputs, 'mode' | 'platforms'>,
  forPlatform: (base: string, platform: string) => string,
  allPlatforms: string[] = inputs.platforms
): { write: string; read: string[] } {
  const apart = inputs.mode === 'platform' && inputs.platforms.length === 1
  const write = apart ? forPlatform(base, inputs.platforms[0]) : base
  const each = apart || allPlatforms.length > 1 ? allPlatforms.map(p => forPlatform(base, p)) : []
  return { write, read: [...new Set([write, base, ...each])] }
}

const scopeFor = (scope: string, platform: string) =>
  scope.endsWith(platformSuffix(platform)) ? scope : `${scope}${platformSuffix(platform)}`

export function planCache(
  inputs: Pick<
    Inputs,
    | 'mode'
    | 'platforms'
    | 'cache'
    | 'cacheFrom'
    | 'cacheTo'
    | 'cacheRef'
    | 'cacheScope'
    | 'cacheTimeout'
    | 'cacheTimeoutMs'
    | 'cacheWrite'
    | 'cacheMode'
    | 'image'
    | 'baseline'
    | 'noCache'
  >,
  tags: string[],
  ctx: RunContext,
  env: Record<string, string | undefined>,
  /** Every platform of the image, when this build makes a part of them. */
  allPlatforms: string[] = inputs.platforms
): CachePlan {
  const from: string[] = []
  const to: string[] = []
  const toIfStale: string[] = []
  const warnings: string[] = []
  const scope = cacheScope(inputs, ctx)
  const write = cacheWrite(inputs.cacheWrite, ctx)
  const mode = `mode=${inputs.cacheMode}`
  let local: LocalCache | undefined

  for (const kind of inputs.cache) {
    switch (kind) {
      case 'gha': {
        const url = env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL
        if (!url || !env.ACTIONS_RUNTIME_TOKEN) {
          warnings.push(
            'cache: gha needs the GitHub cache service (ACTIONS_RUNTIME_TOKEN and a cache URL), which this run does not have; building without it.'
          )
          break
        }
        // BuildKit retries a cache service that answers 429 or 5xx until the timeout (10m by default).
        const scopes = cacheNames(scope, inputs, scopeFor, allPlatforms)
        for (const read of scopes.read) from.push(`type=gha,scope=${read},timeout=${inputs.cacheTimeout}`)
        to.push(`type=gha,scope=${scopes.write},${mode},timeout=${inputs.cacheTimeout},${IGNORE_ERROR}`)
        break
      }
      case 'registry': {
        const refs = cacheNames(inputs.cacheRef || `${inputs.image}:buildcache`, inputs, platformCacheRef, allPlatforms)
        for (const read of refs.read) from.push(`type=registry,ref=${read}`)
        to.push(`type=registry,ref=${refs.write},${mode},${IGNORE_ERROR}`)
        toIfStale.push(to[to.length - 1])
        break
      }
      case 'inline':
        // The image carries its own cache metadata: the published image (the baseline) and
        // this build's first tag are the cache sources.
        for (const ref of new Set([inputs.baseline, tags[0]].filter(Boolean))) from.push(`type=registry,ref=${ref}`)
        break
      case 'local': {
        const dir = join(ctx.temp, 'ci-base-action-cache', scope)
        local = {
          dir,
          nextDir: `${dir}-next`,
          key: `ci-base-action-${scope}-${ctx.runId}-${ctx.runAttempt}`,
          restoreKeys: [`ci-base-action-${scope}-`],
          timeoutMs: inputs.cacheTimeoutMs,
          ...(write.write ? {} : { noSave: write.why })
        }
        from.push(`type=local,src=${dir}`)
        to.push(`type=local,dest=${local.nextDir},${mode},${IGNORE_ERROR}`)
        break
      }
    }
  }
  const plan = {
    from: inputs.noCache ? [] : inputs.cacheFrom.length ? inputs.cacheFrom : from,
    to: !write.write ? [] : inputs.cacheTo.length ? inputs.cacheTo : to
  }
  const attrs = [...plan.from, ...plan.to].map(cacheSpecAttrs)
  return {
    ...plan,
    local,
    // Next to a registry cache (mode=max: every step), inline metadata adds nothing, and the
    // engine's BuildKit writes it differently when steps came from that cache: the same image
    // would get a new digest. The registry cache is the one source then.
    inline: inputs.cache.includes('inline') && !inputs.cache.includes('registry') && !inputs.cacheTo.length,
    types: [...new Set(attrs.map(a => a.type))],
    registryRefs: [...new Set(attrs.filter(a => a.type === 'registry' && a.ref).map(a => a.ref))],
    // Only while the action's own specs are used: a user's cache-to is exported as written.
    toIfStale: inputs.cacheTo.length || !write.write ? [] : toIfStale,
    write,
    unwritten: write.write ? [] : inputs.cacheTo.length ? inputs.cacheTo : to,
    warnings
  }
}

/** The inputs with every gha cache left out: the derived one and any in cache-from / cache-to. */
export function inputsWithoutGha<T extends Pick<Inputs, 'cache' | 'cacheFrom' | 'cacheTo'>>(inputs: T): T {
  const notGha = (spec: string) => cacheSpecAttrs(spec).type !== 'gha'
  return {
    ...inputs,
    cache: inputs.cache.filter(kind => kind !== 'gha'),
    cacheFrom: inputs.cacheFrom.filter(notGha),
    cacheTo: inputs.cacheTo.filter(notGha)
  }
}

/** What the log says of the cache-write decision. */
export const cacheWriteLine = (plan: Pick<CachePlan, 'write'>) =>
  plan.write.write ? `The build writes its caches: ${plan.write.why}` : `The build reads its caches and writes none: ${plan.write.why}`

/** GitHub's cache service (API v2) needs a newer buildx than many runners' distributions ship. */
export function ghaVersionWarning(plan: CachePlan, buildxVersion: string): string | undefined {
  if (!plan.types.includes('gha') || atLeast(buildxVersion, GHA_V2_BUILDX)) return undefined
  return `cache: gha with buildx ${buildxVersion}: GitHub's cache service (API v2) needs buildx >= ${GHA_V2_BUILDX}; set buildx-version, or use cache: registry.`
}

/** One warning for the cache steps that failed: which cache, and why; the build went on. */
export function cacheFaultWarning(faults: CacheFault[]): string | undefined {
  if (!faults.length) return undefined
  const said = faults.map(f => `${f.step} failed: ${f.error}`).join('\n')
  // BuildKit kept retrying a service that answered 429 or 5xx until the limit.
  const why = faults.some(f => /timeout/i.test(f.error)) ? '\n(the cache service did not answer in time: see cache-timeout)' : ''
  return `The build went on without cache: ${said}${why}`
}

/** The blobs a registry cache's manifest lists (an index of blobs, or an image manifest's layers): its cache config aside. */
export function cacheBlobs(manifestText: string): string[] {
  const manifest = parseManifest(manifestText, 'the registry cache')
  return (isIndex(manifest) ? manifest.manifests : manifest.layers).filter(d => !/cacheconfig/.test(d.mediaType ?? '')).map(d => d.digest)
}

/**
 * Whether exporting the registry cache would rewrite what its ref already holds: every step of
 * this build came from cache, and every layer of the image is among the cache's blobs. A step
 * that ran, or a layer the cache lacks (a cache written by another build, or none yet), means
 * it is written. Only the cache's freshness rides on this, never the image.
 */
export function cacheHoldsBuild(steps: { steps: number; cached: number }, imageLayers: string[], cached: string[] | undefined): boolean {
  if (!cached || steps.cached < steps.steps) return false
  const held = new Set(cached)
  return imageLayers.every(layer => held.has(layer))
}

/** The caches to export after the build (those whose refs lack it) and those already up to date. */
export function staleCaches(
  specs: string[],
  steps: { steps: number; cached: number },
  imageLayers: string[],
  held: Map<string, string[] | undefined>
): { stale: string[]; upToDate: string[] } {
  const stale = specs.filter(spec => !cacheHoldsBuild(steps, imageLayers, held.get(spec)))
  return { stale, upToDate: specs.filter(spec => !stale.includes(spec)) }
}

// The action's inputs: names declared once, parsed and validated as pure data.
// Nothing here reads the environment; the caller hands in the raw strings.
import { parseGrowth, type Budgets } from './budget.js'
import { parseSize, SIZE_FORMS } from './size.js'
import { isBareTag, isImageRef, isRepository } from './reference.js'
import { splitCommand } from './verify.js'
import { parseRegistryAuth, type Login } from './registry-auth.js'
import { INPUT_DEFAULTS } from './action-inputs.js'

// action.yml names every input and its default; action-inputs.ts is written from it.
export { INPUT_DEFAULTS }

export type InputName = keyof typeof INPUT_DEFAULTS
export type RawInputs = Record<InputName, string>

export const TAG_POLICIES = ['sha', 'date', 'latest', 'semver', 'none'] as const
export const CACHE_KINDS = ['gha', 'registry', 'inline', 'local', 'none'] as const
export const DRIVERS = ['auto', 'docker', 'docker-container', 'remote', 'kubernetes'] as const
export const CACHE_TYPES = ['registry', 'local', 'gha', 'inline', 's3', 'azblob'] as const

export type TagPolicy = (typeof TAG_POLICIES)[number]
export type CacheKind = (typeof CACHE_KINDS)[number]
export type Driver = (typeof DRIVERS)[number]

export interface Secret {
  id: string
  env: string
}

export interface Inputs {
  /** build: the whole image here; platform: this job's platforms, pushed by digest and handed over; merge: the handed-over platforms into one tagged index. */
  mode: 'build' | 'platform' | 'merge'
  context: string
  file: string
  target: string
  image: string
  tags: string[]
  tagPolicy: TagPolicy[]
  platforms: string[]
  push: boolean
  load: boolean
  buildArgs: string[]
  secrets: Secret[]
  /** Build secrets from files: `id=path`. */
  secretFiles: { id: string; path: string }[]
  /** SSH agent sockets or keys for RUN --mount=type=ssh: `default` or `id=path`. */
  ssh: string[]
  /** buildx --annotation values; unprefixed ones go to the index and to each manifest. */
  annotations: string[]
  network: string
  shmSize: string
  /** An existing builder to use as it is (post leaves it running); '' to set one up. */
  builder: string
  /** Logins besides (or instead of) registry/username/password. */
  logins: Login[]
  labels: string[]
  cache: CacheKind[]
  cacheRef: string
  cacheScope: string
  /** How long a gha cache import or export may take before the build goes on without it (a Go duration). */
  cacheTimeout: string
  /** How long one of the action's own registry requests may go unanswered before it is cut off (and tried again). */
  registryTimeoutMs: number
  cacheFrom: string[]
  cacheTo: string[]
  noCache: boolean
  pull: boolean
  driver: Driver
  endpoint: string
  /** PEM client TLS material for a remote BuildKit (from secrets): written to files for the driver. */
  tls: { ca: string; cert: string; key: string }
  /** More nodes for the builder, one per platform: a native arm64 BuildKit next to the amd64 one. */
  appendNodes: { platform: string; endpoint: string }[]
  driverOpts: string[]
  buildkitdConfig: string
  buildxVersion: string
  buildxDownloadUrl: string
  qemu: 'auto' | 'true' | 'false'
  qemuImage: string
  registry: string
  username: string
  password: string
  /** The published image to compare with; '' when there is none to compare with. */
  baseline: string
  budgets: Budgets
  summary: boolean
  comment: boolean
  githubToken: string
  /** Where image timestamps come from: the commit (reproducible digests) or this build's clock. */
  created: 'commit' | 'now'
  /**
   * Rewrite every file time in every layer to SOURCE_DATE_EPOCH: a rebuild with no cache gives
   * the same digest, at the cost of re-exporting each layer (about 30 s at 250 MB a platform).
   */
  rewriteTimestamp: boolean
  /** Commands to run in the built image on every platform, each as argv (no shell). */
  verify: { line: string; argv: string[] }[]
  requireNonRoot: boolean
  /** How long one verify command may run. */
  verifyTimeoutMs: number
  provenance: string
  sbom: string
}

/** Every problem found, one line each, naming the input, the value and what is allowed. */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} invalid inputs:\n${problems.join('\n')}`)
    this.name = 'InputError'
  }
}

/** Build args whose names say they hold a secret: their values would stay in the image's history. */
export const secretLookingBuildArgs = (buildArgs: string[]) =>
  buildArgs
    .map(a => a.slice(0, a.indexOf('=')))
    .filter(name => /TOKEN|PASSWORD|PASSWD|SECRET|(^|_)KEY($|_)|API_?KEY|CREDENTIAL/i.test(name))

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const

/** A Go-style duration (90s, 2m, 1m30s) in milliseconds; undefined when it is not one or is zero. */
export function durationMs(text: string): number | undefined {
  if (!/^(\d+(ms|s|m|h))+$/.test(text)) return undefined
  let total = 0
  for (const [, n, unit] of text.matchAll(/(\d+)(ms|s|m|h)/g)) total += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS]
  return total || undefined
}

/** Newline- or comma-separated list, blanks dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean)
}

/** Newline-only list: for values that may contain commas (build args, labels, cache specs). */
export function splitLines(value: string): string[] {
  return value
    .split('\n')
    .map(s => s.trim())
    .filter(Boolean)
}

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const BUILDX_VERSION = /^v?\d+\.\d+\.\d+$/

export function parseInputs(raw: RawInputs, env: Record<string, string | undefined> = {}): Inputs {
  const problems: string[] = []
  const bad = (name: InputName, value: string, allowed: string) => problems.push(`Input '${name}': '${value}' is not valid; ${allowed}.`)

  const bool = (name: InputName): boolean => {
    const v = raw[name].trim()
    if (['true', 'True', 'TRUE'].includes(v)) return true
    if (['false', 'False', 'FALSE', ''].includes(v)) return false
    bad(name, v, 'use true or false')
    return false
  }
  const oneOf = <T extends string>(name: InputName, allowed: readonly T[]): T => {
    const v = raw[name].trim() || INPUT_DEFAULTS[name]
    if (!(allowed as readonly string[]).includes(v)) bad(name, v, `allowed: ${allowed.join(', ')}`)
    return v as T
  }
  const listOf = <T extends string>(name: InputName, allowed: readonly T[]): T[] => {
    const items = splitList(raw[name])
    for (const item of items) {
      if (!(allowed as readonly string[]).includes(item)) bad(name, item, `allowed: ${allowed.join(', ')}`)
    }
    if (items.includes('none') && items.length > 1) bad(name, raw[name], `'none' cannot be combined with others`)
    return items.filter(i => i !== 'none') as T[]
  }

  const image = raw.image.trim()
  if (image && !isRepository(image)) {
    bad('image', image, 'use a lowercase repository without a tag, e.g. ghcr.io/phialo/ci-base')
  }

  const tags = splitList(raw.tags)
  for (const tag of tags) {
    if (isBareTag(tag)) {
      if (!image) bad('tags', tag, `a bare tag needs 'image' to be set, or use a full reference like ghcr.io/owner/name:${tag}`)
    } else if (!isImageRef(tag)) {
      bad('tags', tag, 'use a tag (1.4.0) or a full reference (ghcr.io/owner/name:1.4.0)')
    }
  }

  const platforms = splitList(raw.platforms)
  if (platforms.length === 0) bad('platforms', raw.platforms, 'name at least one platform, e.g. linux/amd64')
  for (const p of platforms) {
    if (!PLATFORM.test(p)) bad('platforms', p, 'use os/arch[/variant], e.g. linux/amd64 or linux/arm/v7')
  }

  const push = bool('push')

  const keyValues = (name: InputName): string[] => {
    const lines = splitLines(raw[name])
    for (const line of lines) if (!/^[^=\s]+=/.test(line)) bad(name, line, 'use one KEY=VALUE per line')
    return lines
  }

  const secrets = splitLines(raw.secrets).map(line => {
    const m = /^([A-Za-z0-9_.-]+)=([^=]*)$/.exec(line)
    if (!m || !ENV_NAME.test(m[2])) {
      bad('secrets', line, 'use one id=ENV_NAME per line, naming an environment variable that holds the secret')
      return { id: '', env: '' }
    }
    if (env[m[2]] === undefined) {
      problems.push(`Input 'secrets': environment variable '${m[2]}' for secret '${m[1]}' is not set; pass it with env: on the step.`)
    }
    return { id: m[1], env: m[2] }
  })

  const cache = listOf('cache', CACHE_KINDS)
  const cacheRef = raw['cache-ref'].trim()
  if (cacheRef && !isImageRef(cacheRef)) bad('cache-ref', cacheRef, 'use an image reference, e.g. ghcr.io/owner/name:buildcache')
  const secretFiles = splitLines(raw['secret-files']).map(line => {
    const m = /^([A-Za-z0-9_.-]+)=(.+)$/.exec(line)
    if (!m) bad('secret-files', line, 'use one id=path per line, e.g. npmrc=/home/runner/.npmrc')
    return { id: m?.[1] ?? '', path: m?.[2].trim() ?? '' }
  })
  const ssh = splitLines(raw.ssh)
  for (const line of ssh)
    if (!/^[A-Za-z0-9_.-]+(=[^,]+(,[^,]+)*)?$/.test(line))
      bad('ssh', line, "use 'default' (the runner's SSH agent) or id=path to a key or agent socket, one per line")
  const annotations = splitLines(raw.annotations)
  for (const line of annotations) {
    if (!/^((index|manifest|index-descriptor|manifest-descriptor)(\[[a-z0-9/]+\])?:)?[^=\s:]+=/.test(line)) {
      bad('annotations', line, 'use KEY=VALUE, optionally prefixed with index: or manifest:, one per line')
    }
  }
  const network = raw.network.trim()
  if (network && !['default', 'host', 'none'].includes(network)) bad('network', network, 'allowed: default, host, none')
  const shmSize = raw['shm-size'].trim()
  if (shmSize && !/^\d+[bkmg]?$/i.test(shmSize)) bad('shm-size', shmSize, 'use a size such as 2g, 512m or bytes')
  const builder = raw.builder.trim()
  if (builder && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(builder))
    bad('builder', builder, 'use the name of an existing buildx builder (docker buildx ls)')
  const registryAuth = parseRegistryAuth(raw['registry-auth'])
  for (const problem of registryAuth.problems)
    problems.push(`Input 'registry-auth': ${problem}; use a list of registry, username and password entries.`)

  const duration = (name: InputName): number => {
    const v = raw[name].trim() || INPUT_DEFAULTS[name]
    const ms = durationMs(v)
    if (!ms) bad(name, v, 'use a duration such as 90s, 2m or 1m30s')
    return ms ?? 0
  }
  const cacheTimeout = raw['cache-timeout'].trim() || INPUT_DEFAULTS['cache-timeout']
  duration('cache-timeout')
  const verify = splitLines(raw.verify).map(line => {
    try {
      const argv = splitCommand(line)
      return { line, argv }
    } catch (e) {
      bad('verify', line, `close every quote (${(e as Error).message.split(' in:')[0]}); write sh -c '...' for a shell`)
      return { line, argv: [] }
    }
  })
  const cacheFrom = cacheSpecs('cache-from', raw['cache-from'], true, bad)
  const cacheTo = cacheSpecs('cache-to', raw['cache-to'], false, bad)

  const driver = oneOf('driver', DRIVERS)
  const endpoint = raw.endpoint.trim()
  const tls = { ca: raw['tls-ca'].trim(), cert: raw['tls-cert'].trim(), key: raw['tls-key'].trim() }
  for (const [name, pem] of [
    ['tls-ca', tls.ca],
    ['tls-cert', tls.cert],
    ['tls-key', tls.key]
  ] as const) {
    if (pem && !/^-----BEGIN [A-Z ]+-----[\s\S]+-----END [A-Z ]+-----$/.test(pem))
      problems.push(`Input '${name}': not a PEM block; pass the file's content (-----BEGIN …----- … -----END …-----), e.g. from a secret.`)
  }
  const appendNodes = splitLines(raw['append-nodes']).map(line => {
    const m = /^([a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?)=((?:tcp|unix|ssh|docker-container|kube-pod):\/\/\S+)$/.exec(line)
    if (!m) bad('append-nodes', line, 'use platform=endpoint, e.g. linux/arm64=tcp://arm-buildkitd:1234')
    return { platform: m?.[1] ?? '', endpoint: m?.[2] ?? '' }
  })

  const buildxVersion = raw['buildx-version'].trim() || 'installed'
  if (buildxVersion !== 'installed' && !BUILDX_VERSION.test(buildxVersion)) {
    bad('buildx-version', buildxVersion, "use 'installed' or a release such as v0.23.0")
  }
  const buildxDownloadUrl = raw['buildx-download-url'].trim() || INPUT_DEFAULTS['buildx-download-url']
  if (!/^https?:\/\/\S+$/.test(buildxDownloadUrl)) bad('buildx-download-url', buildxDownloadUrl, 'use an http(s) URL')

  const qemuImage = raw['qemu-image'].trim() || INPUT_DEFAULTS['qemu-image']
  if (!isImageRef(qemuImage)) bad('qemu-image', qemuImage, 'use an image reference such as tonistiigi/binfmt:latest')

  const username = raw.username.trim()
  const password = raw.password

  const baseline = raw.baseline.trim()
  if (baseline && baseline !== 'none' && !isImageRef(baseline)) {
    bad('baseline', baseline, "use an image reference such as ghcr.io/phialo/ci-base:latest, or 'none'")
  }
  const budgets: Budgets = {}
  if (raw['max-size'].trim()) {
    budgets.maxSize = parseSize(raw['max-size'])
    if (budgets.maxSize === undefined) bad('max-size', raw['max-size'].trim(), `use ${SIZE_FORMS}`)
  }
  if (raw['max-layers'].trim()) {
    budgets.maxLayers = /^\d+$/.test(raw['max-layers'].trim()) ? Number(raw['max-layers'].trim()) : undefined
    if (!budgets.maxLayers) bad('max-layers', raw['max-layers'].trim(), 'use a whole number above 0, e.g. 12')
  }
  if (raw['max-growth'].trim()) {
    budgets.maxGrowth = parseGrowth(raw['max-growth'])
    if (!budgets.maxGrowth) bad('max-growth', raw['max-growth'].trim(), `use a percentage (10%) or a size: ${SIZE_FORMS}`)
  }
  // Outside the runner the expression arrives unexpanded: no token then.
  const githubToken = raw['github-token'].startsWith('${{') ? '' : raw['github-token'].trim()

  // These end up as positional arguments (the build context, login's registry): a value that
  // starts with '-' would be read as a flag.
  for (const name of ['context', 'registry', 'file', 'target'] as const) {
    if (raw[name].trim().startsWith('-'))
      bad(name, raw[name].trim(), `it must not start with '-' (it would be read as a flag); write ./${raw[name].trim()} for a path`)
  }
  const mode = oneOf('mode', ['build', 'platform', 'merge'] as const)
  const parsed: Inputs = {
    mode,
    context: raw.context.trim() || '.',
    file: raw.file.trim() || INPUT_DEFAULTS.file,
    target: raw.target.trim(),
    image,
    tags,
    tagPolicy: listOf('tag-policy', TAG_POLICIES),
    platforms,
    push,
    load: bool('load'),
    buildArgs: keyValues('build-args'),
    secrets,
    secretFiles,
    ssh,
    annotations,
    network,
    shmSize,
    builder,
    logins: registryAuth.logins,
    labels: keyValues('labels'),
    cache,
    cacheRef,
    cacheScope: raw['cache-scope'].trim(),
    cacheTimeout,
    registryTimeoutMs: duration('registry-timeout'),
    cacheFrom,
    cacheTo,
    noCache: bool('no-cache'),
    pull: bool('pull'),
    driver,
    endpoint,
    tls,
    appendNodes,
    driverOpts: splitLines(raw['driver-opts']),
    buildkitdConfig: raw['buildkitd-config'],
    buildxVersion,
    buildxDownloadUrl: buildxDownloadUrl.replace(/\/+$/, ''),
    qemu: oneOf('qemu', ['auto', 'true', 'false'] as const),
    qemuImage,
    registry: raw.registry.trim(),
    username,
    password,
    baseline: baseline === 'none' ? '' : baseline || (image ? `${image}:latest` : ''),
    budgets,
    summary: bool('summary'),
    comment: bool('comment'),
    githubToken,
    created: oneOf('created', ['commit', 'now'] as const),
    rewriteTimestamp: bool('rewrite-timestamp'),
    verify,
    requireNonRoot: bool('require-non-root'),
    verifyTimeoutMs: duration('verify-timeout'),
    provenance: raw.provenance.trim(),
    sbom: raw.sbom.trim()
  }
  for (const rule of CROSS_FIELD_RULES) {
    const problem = rule(parsed)
    if (problem) problems.push(problem)
  }
  if (problems.length) throw new InputError(problems)
  return parsed
}

/** Rules between inputs, each checked once every input is parsed on its own. */
const CROSS_FIELD_RULES: ((i: Inputs) => string | undefined)[] = [
  i =>
    i.push && !i.image && !i.tags.some(t => !isBareTag(t))
      ? `Input 'push': true needs 'image' (e.g. ghcr.io/phialo/ci-base) or a full reference in 'tags'.`
      : undefined,
  i => {
    const twice = [...new Set(i.platforms.filter((p, n) => i.platforms.indexOf(p) !== n))]
    return twice.length ? `Input 'platforms': ${twice.join(', ')} named twice` : undefined
  },
  i =>
    i.cache.includes('registry') && !i.cacheRef && !i.image
      ? `Input 'cache': 'registry' needs 'cache-ref' or 'image' to know where the cache lives.`
      : undefined,
  i =>
    i.builder && i.driver !== 'auto'
      ? `Input 'builder': '${i.builder}' is used as it is; leave 'driver' unset (it is '${i.driver}').`
      : undefined,
  i => (!!i.tls.cert !== !!i.tls.key ? `Inputs 'tls-cert' and 'tls-key': give both, or neither.` : undefined),
  i =>
    i.driver === 'remote' && !i.endpoint ? `Input 'endpoint': the remote driver needs an endpoint, e.g. tcp://buildkitd:1234.` : undefined,
  i => (!!i.username !== !!i.password ? `Inputs 'username' and 'password': give both to log in, or neither.` : undefined),
  i =>
    i.mode !== 'build' && (!i.image || !i.push)
      ? `Input 'mode': '${i.mode}' needs 'image' and 'push: true' (the platforms meet in the registry).`
      : undefined
]

/** Raw buildx cache specs: `type=...,key=value`; cache-from also takes a bare image ref. */
function cacheSpecs(
  name: InputName,
  value: string,
  allowBareRef: boolean,
  bad: (name: InputName, value: string, allowed: string) => void
): string[] {
  const specs = splitLines(value)
  for (const spec of specs) {
    const type = /(?:^|,)type=([^,]*)/.exec(spec)?.[1]
    if (type === undefined) {
      if (allowBareRef && isImageRef(spec)) continue
      const hint = (CACHE_TYPES as readonly string[]).includes(spec) ? ` (did you mean 'type=${spec}'?)` : ''
      bad(name, spec, `use type=<${CACHE_TYPES.join('|')}>[,key=value...]${hint}`)
    } else if (!(CACHE_TYPES as readonly string[]).includes(type)) {
      bad(name, spec, `type must be one of ${CACHE_TYPES.join(', ')}`)
    } else if (!/^([a-z0-9-]+=[^,]*)(,[a-z0-9-]+=[^,]*)*$/.test(spec)) {
      bad(name, spec, 'use comma-separated key=value pairs, e.g. type=registry,ref=ghcr.io/o/n:cache')
    }
  }
  return specs
}

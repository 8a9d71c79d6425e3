// The action's inputs: names declared once, parsed and validated as pure data.
// Nothing here reads the environment; the caller hands in the raw strings.
import { parseGrowth, type Budgets } from '../report/budget.js'
import { parseSize, SIZE_FORMS } from '../report/size.js'
import { isBareTag, isImageRef, isRepository } from '../registry/reference.js'
import { splitCommand } from '../builder/verify.js'
import { severalNodesProblems } from '../builder/builder.js'
import { parseRegistryAuth, type Login } from './registry-auth.js'
import { INPUT_DEFAULTS } from './action-inputs.js'
import { parseTagRule, TAG_POLICY_FORMS, type TagRule } from './tag-policy.js'
import type { AttestKind } from '../registry/attestations.js'
import { parseVulnerabilityBudget, type VulnerabilityCounts } from '../report/vulnerabilities.js'

// action.yml names every input and its default; action-inputs.ts is written from it.
export { INPUT_DEFAULTS }

export type InputName = keyof typeof INPUT_DEFAULTS
export type RawInputs = Record<InputName, string>

const CACHE_KINDS = ['gha', 'registry', 'inline', 'local', 'none'] as const
const DRIVERS = ['auto', 'docker', 'docker-container', 'remote', 'kubernetes'] as const
const CACHE_TYPES = ['registry', 'local', 'gha', 'inline', 's3', 'azblob'] as const

type CacheKind = (typeof CACHE_KINDS)[number]
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
  tagPolicy: TagRule[]
  /** Around every automatic tag but latest. */
  tagPrefix: string
  tagSuffix: string
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
  /** Cache mounts kept across runs: `auto`, or their ids / targets. */
  cacheMounts: string[]
  cacheMountsStore: 'gha' | 'registry'
  /** When the build writes its caches: `auto` on the default branch, tags and schedules only. */
  cacheWrite: 'auto' | 'always' | 'never'
  cacheMode: 'max' | 'min'
  /** How long a cache import or export (gha in BuildKit; local and the mounts through the GitHub cache) may take before the build goes on without it (a Go duration). */
  cacheTimeout: string
  /** cache-timeout in milliseconds, parsed once: the bound on the action's own GitHub cache calls. */
  cacheTimeoutMs: number
  /** How long one of the action's own registry requests may go unanswered before it is cut off (and tried again). */
  registryTimeoutMs: number
  cacheFrom: string[]
  cacheTo: string[]
  noCache: boolean
  /** Build nothing when the baseline was built from the same fingerprint (see core/builder/fingerprint.ts). */
  skipUnchanged: boolean
  /** Extra named build contexts, name=value. */
  buildContexts: string[]
  /** Stages built without cache. */
  noCacheFilters: string[]
  /** host:ip entries for RUN's /etc/hosts. */
  addHosts: string[]
  /** type=soft[:hard] */
  ulimits: string[]
  /** Entitlements RUN may use. */
  allow: ('network.host' | 'security.insecure')[]
  /** build: build the image; check: run the Dockerfile's build checks only. */
  call: 'build' | 'check'
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
  /** The BuildKit image of a docker-container builder the action creates. */
  buildkitImage: string
  registry: string
  username: string
  password: string
  /** The published image to compare with; '' when there is none to compare with. */
  baseline: string
  budgets: Budgets
  /** How many earlier builds the trend shows; 0: no trend read and no metrics recorded. */
  history: number
  /** A scanner's report to read (a path), `trivy` to run the scanner here, or '' for none. */
  scanReport: string
  maxVulnerabilities?: Partial<VulnerabilityCounts>
  /** More targets of the same Dockerfile, built and reported beside the main image. */
  variants: { name: string; target: string }[]
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
  /** Attestations pushed as referrers of the index rather than inside it. */
  attest: AttestKind[]
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
function splitLines(value: string): string[] {
  return value
    .split('\n')
    .map(s => s.trim())
    .filter(Boolean)
}

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const BUILDX_VERSION = /^v?\d+\.\d+\.\d+$/

/** What each input's entry parses with: the raw strings, the step's environment, and ways to say what is wrong. */
interface Field {
  raw: RawInputs
  env: Record<string, string | undefined>
  /** `Input 'name': 'value' is not valid; allowed.` */
  bad: (name: InputName, value: string, allowed: string) => void
  problem(text: string): void
  text(name: InputName): string
  bool(name: InputName): boolean
  oneOf<T extends string>(name: InputName, allowed: readonly T[]): T
  listOf<T extends string>(name: InputName, allowed: readonly T[]): T[]
  lines(name: InputName): string[]
  keyValues(name: InputName): string[]
  duration(name: InputName): number
  /** A value that ends up a positional argument (the context, login's registry): never one that reads as a flag. */
  positional(name: InputName): string
}

function field(raw: RawInputs, env: Record<string, string | undefined>, problems: string[]): Field {
  const f: Field = {
    raw,
    env,
    bad: (name, value, allowed) => problems.push(`Input '${name}': '${value}' is not valid; ${allowed}.`),
    problem: text => problems.push(text),
    text: name => raw[name].trim(),
    bool: name => {
      const v = raw[name].trim()
      if (['true', 'True', 'TRUE'].includes(v)) return true
      if (['false', 'False', 'FALSE', ''].includes(v)) return false
      f.bad(name, v, 'use true or false')
      return false
    },
    oneOf: (name, allowed) => {
      const v = raw[name].trim() || INPUT_DEFAULTS[name]
      if (!(allowed as readonly string[]).includes(v)) f.bad(name, v, `allowed: ${allowed.join(', ')}`)
      return v as (typeof allowed)[number]
    },
    listOf: (name, allowed) => {
      const items = splitList(raw[name])
      for (const item of items) if (!(allowed as readonly string[]).includes(item)) f.bad(name, item, `allowed: ${allowed.join(', ')}`)
      if (items.includes('none') && items.length > 1) f.bad(name, raw[name], `'none' cannot be combined with others`)
      return items.filter(i => i !== 'none') as (typeof allowed)[number][]
    },
    lines: name => splitLines(raw[name]),
    keyValues: name => {
      const lines = splitLines(raw[name])
      for (const line of lines) if (!/^[^=\s]+=/.test(line)) f.bad(name, line, 'use one KEY=VALUE per line')
      return lines
    },
    duration: name => {
      const v = raw[name].trim() || INPUT_DEFAULTS[name]
      const ms = durationMs(v)
      if (!ms) f.bad(name, v, 'use a duration such as 90s, 2m or 1m30s')
      return ms ?? 0
    },
    positional: name => {
      const v = raw[name].trim()
      if (v.startsWith('-')) f.bad(name, v, `it must not start with '-' (it would be read as a flag); write ./${v} for a path`)
      return v
    }
  }
  return f
}

/** A tag's start or end: only the characters a tag holds, and a prefix must not start with '.' or '-'. */
function tagAffix(f: Field, name: 'tag-prefix' | 'tag-suffix'): string {
  const value = f.text(name)
  if (value && (!/^[A-Za-z0-9_.-]{1,64}$/.test(value) || (name === 'tag-prefix' && /^[.-]/.test(value))))
    f.bad(name, value, `use up to 64 of A-Z a-z 0-9 _ . -${name === 'tag-prefix' ? ', not starting with . or -' : ''}`)
  return value
}

// The types buildx's --ulimit takes (Docker's names).
const ULIMIT_TYPES = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack'
]

const PEM = /^-----BEGIN [A-Z ]+-----[\s\S]+-----END [A-Z ]+-----$/

/** Each input: its parser and its own checks, one entry per field of Inputs (the defaults are action.yml's). */
const FIELDS: { [K in keyof Inputs]: (f: Field) => Inputs[K] } = {
  mode: f => f.oneOf('mode', ['build', 'platform', 'merge'] as const),
  context: f => f.positional('context') || '.',
  file: f => f.positional('file') || INPUT_DEFAULTS.file,
  target: f => f.positional('target'),
  image: f => {
    const image = f.text('image')
    if (image && !isRepository(image)) f.bad('image', image, 'use a lowercase repository without a tag, e.g. ghcr.io/phialo/ci-base')
    return image
  },
  tags: f => {
    const tags = splitList(f.raw.tags)
    for (const tag of tags)
      if (!isBareTag(tag) && !isImageRef(tag)) f.bad('tags', tag, 'use a tag (1.4.0) or a full reference (ghcr.io/owner/name:1.4.0)')
    return tags
  },
  tagPolicy: f => {
    const entries = splitList(f.raw['tag-policy'])
    if (entries.includes('none')) {
      if (entries.length > 1) f.bad('tag-policy', f.raw['tag-policy'], `'none' cannot be combined with others`)
      return []
    }
    return entries.flatMap(entry => {
      const rule = parseTagRule(entry)
      if (typeof rule === 'string') f.bad('tag-policy', entry, `${rule}; use ${TAG_POLICY_FORMS}`)
      return typeof rule === 'string' ? [] : [rule]
    })
  },
  tagPrefix: f => tagAffix(f, 'tag-prefix'),
  tagSuffix: f => tagAffix(f, 'tag-suffix'),
  platforms: f => {
    const platforms = splitList(f.raw.platforms)
    if (platforms.length === 0) f.bad('platforms', f.raw.platforms, 'name at least one platform, e.g. linux/amd64')
    for (const p of platforms) if (!PLATFORM.test(p)) f.bad('platforms', p, 'use os/arch[/variant], e.g. linux/amd64 or linux/arm/v7')
    return platforms
  },
  push: f => f.bool('push'),
  load: f => f.bool('load'),
  buildArgs: f => f.keyValues('build-args'),
  secrets: f =>
    f.lines('secrets').map(line => {
      const m = /^([A-Za-z0-9_.-]+)=([^=]*)$/.exec(line)
      if (!m || !ENV_NAME.test(m[2])) {
        f.bad('secrets', line, 'use one id=ENV_NAME per line, naming an environment variable that holds the secret')
        return { id: '', env: '' }
      }
      if (f.env[m[2]] === undefined)
        f.problem(`Input 'secrets': environment variable '${m[2]}' for secret '${m[1]}' is not set; pass it with env: on the step.`)
      return { id: m[1], env: m[2] }
    }),
  secretFiles: f =>
    f.lines('secret-files').map(line => {
      const m = /^([A-Za-z0-9_.-]+)=(.+)$/.exec(line)
      if (!m) f.bad('secret-files', line, 'use one id=path per line, e.g. npmrc=/home/runner/.npmrc')
      return { id: m?.[1] ?? '', path: m?.[2].trim() ?? '' }
    }),
  ssh: f => {
    const ssh = f.lines('ssh')
    for (const line of ssh)
      if (!/^[A-Za-z0-9_.-]+(=[^,]+(,[^,]+)*)?$/.test(line))
        f.bad('ssh', line, "use 'default' (the runner's SSH agent) or id=path to a key or agent socket, one per line")
    return ssh
  },
  annotations: f => {
    const annotations = f.lines('annotations')
    for (const line of annotations)
      if (!/^((index|manifest|index-descriptor|manifest-descriptor)(\[[a-z0-9/]+\])?:)?[^=\s:]+=/.test(line))
        f.bad('annotations', line, 'use KEY=VALUE, optionally prefixed with index: or manifest:, one per line')
    return annotations
  },
  network: f => {
    const network = f.text('network')
    if (network && !['default', 'host', 'none'].includes(network)) f.bad('network', network, 'allowed: default, host, none')
    return network
  },
  shmSize: f => {
    const shmSize = f.text('shm-size')
    if (shmSize && !/^\d+[bkmg]?$/i.test(shmSize)) f.bad('shm-size', shmSize, 'use a size such as 2g, 512m or bytes')
    return shmSize
  },
  builder: f => {
    const builder = f.text('builder')
    if (builder && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(builder))
      f.bad('builder', builder, 'use the name of an existing buildx builder (docker buildx ls)')
    return builder
  },
  logins: f => {
    const auth = parseRegistryAuth(f.raw['registry-auth'])
    for (const problem of auth.problems)
      f.problem(`Input 'registry-auth': ${problem}; use a list of registry, username and password entries.`)
    return auth.logins
  },
  labels: f => f.keyValues('labels'),
  cache: f => f.listOf('cache', CACHE_KINDS),
  cacheRef: f => {
    const cacheRef = f.text('cache-ref')
    if (cacheRef && !isImageRef(cacheRef)) f.bad('cache-ref', cacheRef, 'use an image reference, e.g. ghcr.io/owner/name:buildcache')
    return cacheRef
  },
  cacheScope: f => f.text('cache-scope'),
  cacheMounts: f => {
    const mounts = f.lines('cache-mounts')
    for (const m of mounts.filter(m => /[,=\s]/.test(m)))
      f.bad('cache-mounts', m, 'name a cache mount by its id or target alone (e.g. pnpm or /pnpm/store), or use auto')
    if (mounts.includes('auto') && mounts.length > 1) f.bad('cache-mounts', mounts.join(' '), 'use auto alone, or the ids to carry')
    return mounts
  },
  cacheMountsStore: f => f.oneOf('cache-mounts-store', ['gha', 'registry'] as const),
  cacheWrite: f => f.oneOf('cache-write', ['auto', 'always', 'never'] as const),
  cacheMode: f => f.oneOf('cache-mode', ['max', 'min'] as const),
  // Kept as written for BuildKit's gha timeout=; validated (once) by cacheTimeoutMs below.
  cacheTimeout: f => f.text('cache-timeout') || INPUT_DEFAULTS['cache-timeout'],
  cacheTimeoutMs: f => f.duration('cache-timeout'),
  registryTimeoutMs: f => f.duration('registry-timeout'),
  cacheFrom: f => cacheSpecs('cache-from', f.raw['cache-from'], true, f.bad),
  cacheTo: f => cacheSpecs('cache-to', f.raw['cache-to'], false, f.bad),
  noCache: f => f.bool('no-cache'),
  skipUnchanged: f => f.bool('skip-unchanged'),
  buildContexts: f => {
    const contexts = f.lines('build-contexts')
    for (const line of contexts) {
      const m = /^([^=\s-][^=\s]*)=(\S+)$/.exec(line)
      // A path, or one of the sources buildx names by scheme; any other scheme is a typo.
      if (!m || (m[2].includes('://') && !/^(docker-image|oci-layout|target|https?|git|ssh):\/\//.test(m[2])))
        f.bad(
          'build-contexts',
          line,
          'use one name=value per line; a value is a path, docker-image://image, oci-layout://path, or an http(s) or git URL'
        )
    }
    return contexts
  },
  noCacheFilters: f => {
    const stages = splitList(f.raw['no-cache-filters'])
    for (const stage of stages)
      if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(stage)) f.bad('no-cache-filters', stage, 'name a stage of the Dockerfile (FROM … AS name)')
    return stages
  },
  addHosts: f => {
    const hosts = splitList(f.raw['add-hosts'])
    for (const host of hosts)
      if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*[:=](\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]|host-gateway)$/.test(host))
        f.bad('add-hosts', host, 'use host:ip, e.g. registry.local:10.0.0.5 (an IPv6 address in brackets, or host-gateway)')
    return hosts
  },
  ulimits: f => {
    const limits = f.lines('ulimit')
    for (const limit of limits) {
      const m = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(limit)
      if (!m || !ULIMIT_TYPES.includes(m[1]))
        f.bad('ulimit', limit, `use type=soft[:hard], e.g. nofile=1024:2048; types: ${ULIMIT_TYPES.join(', ')}`)
    }
    return limits
  },
  allow: f => f.listOf('allow', ['network.host', 'security.insecure'] as const),
  call: f => f.oneOf('call', ['build', 'check'] as const),
  pull: f => f.bool('pull'),
  driver: f => f.oneOf('driver', DRIVERS),
  endpoint: f => f.text('endpoint'),
  tls: f => {
    const tls = { ca: f.text('tls-ca'), cert: f.text('tls-cert'), key: f.text('tls-key') }
    for (const [name, pem] of [
      ['tls-ca', tls.ca],
      ['tls-cert', tls.cert],
      ['tls-key', tls.key]
    ] as const)
      if (pem && !PEM.test(pem))
        f.problem(`Input '${name}': not a PEM block; pass the file's content (-----BEGIN …----- … -----END …-----), e.g. from a secret.`)
    return tls
  },
  appendNodes: f =>
    f.lines('append-nodes').map(line => {
      // kubernetes: a platform alone (its pods are placed by node selector); else platform=endpoint.
      const m = /^([a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?)(?:=((?:tcp|unix|ssh|docker-container|kube-pod):\/\/\S+))?$/.exec(line)
      if (!m)
        f.bad(
          'append-nodes',
          line,
          'use platform=endpoint, e.g. linux/arm64=tcp://arm-buildkitd:1234 (with driver: kubernetes, the platform alone, e.g. linux/arm64)'
        )
      return { platform: m?.[1] ?? '', endpoint: m?.[2] ?? '' }
    }),
  driverOpts: f => f.lines('driver-opts'),
  buildkitdConfig: f => f.raw['buildkitd-config'],
  buildxVersion: f => {
    const version = f.text('buildx-version') || 'installed'
    if (version !== 'installed' && !BUILDX_VERSION.test(version))
      f.bad('buildx-version', version, "use 'installed' or a release such as v0.23.0")
    return version
  },
  buildxDownloadUrl: f => {
    const url = f.text('buildx-download-url') || INPUT_DEFAULTS['buildx-download-url']
    if (!/^https?:\/\/\S+$/.test(url)) f.bad('buildx-download-url', url, 'use an http(s) URL')
    return url.replace(/\/+$/, '')
  },
  qemu: f => f.oneOf('qemu', ['auto', 'true', 'false'] as const),
  qemuImage: f => {
    const image = f.text('qemu-image') || INPUT_DEFAULTS['qemu-image']
    if (!isImageRef(image)) f.bad('qemu-image', image, 'use an image reference such as tonistiigi/binfmt:latest')
    return image
  },
  buildkitImage: f => {
    const image = f.text('buildkit-image') || INPUT_DEFAULTS['buildkit-image']
    if (!isImageRef(image))
      f.bad('buildkit-image', image, 'use an image reference such as moby/buildkit:v0.31.2, pinned with @sha256:… if you can')
    return image
  },
  registry: f => f.positional('registry'),
  username: f => f.text('username'),
  password: f => f.raw.password,
  baseline: f => {
    const baseline = f.text('baseline')
    if (baseline && baseline !== 'none' && !isImageRef(baseline))
      f.bad('baseline', baseline, "use an image reference such as ghcr.io/phialo/ci-base:latest, or 'none'")
    const image = f.text('image')
    // Unset: the image's latest, the tag a weekly rebuild moves.
    return baseline === 'none' ? '' : baseline || (image ? `${image}:latest` : '')
  },
  budgets: f => {
    const budgets: Budgets = {}
    if (f.text('max-size')) {
      budgets.maxSize = parseSize(f.raw['max-size'])
      if (budgets.maxSize === undefined) f.bad('max-size', f.text('max-size'), `use ${SIZE_FORMS}`)
    }
    if (f.text('max-layers')) {
      budgets.maxLayers = /^\d+$/.test(f.text('max-layers')) ? Number(f.text('max-layers')) : undefined
      if (!budgets.maxLayers) f.bad('max-layers', f.text('max-layers'), 'use a whole number above 0, e.g. 12')
    }
    if (f.text('max-growth')) {
      budgets.maxGrowth = parseGrowth(f.raw['max-growth'])
      if (!budgets.maxGrowth) f.bad('max-growth', f.text('max-growth'), `use a percentage (10%) or a size: ${SIZE_FORMS}`)
    }
    return budgets
  },
  history: f => {
    const history = f.text('history') || INPUT_DEFAULTS.history
    if (!/^\d+$/.test(history) || Number(history) > 100) f.bad('history', history, 'use a whole number of builds from 0 (no trend) to 100')
    return /^\d+$/.test(history) ? Math.min(Number(history), 100) : 0
  },
  scanReport: f => f.positional('scan-report'),
  maxVulnerabilities: f => {
    const text = f.text('max-vulnerabilities')
    const budget = text ? parseVulnerabilityBudget(text) : undefined
    if (text && !budget)
      f.bad('max-vulnerabilities', text, 'use severity=count pairs such as critical=0,high=5 (critical, high, medium, low, unknown)')
    return budget
  },
  variants: f =>
    f.lines('variants').map(line => {
      const m = /^([a-z0-9][a-z0-9_.-]*)=([A-Za-z0-9][A-Za-z0-9_.-]*)$/.exec(line)
      if (!m)
        f.bad(
          'variants',
          line,
          'use one name=target per line, e.g. slim=runtime (a lowercase name for the tag suffix, a stage of the Dockerfile)'
        )
      return { name: m?.[1] ?? '', target: m?.[2] ?? '' }
    }),
  summary: f => f.bool('summary'),
  comment: f => f.bool('comment'),
  // Outside the runner the expression arrives unexpanded: no token then.
  githubToken: f => (f.raw['github-token'].startsWith('${{') ? '' : f.text('github-token')),
  created: f => f.oneOf('created', ['commit', 'now'] as const),
  rewriteTimestamp: f => f.bool('rewrite-timestamp'),
  verify: f =>
    f.lines('verify').map(line => {
      try {
        return { line, argv: splitCommand(line) }
      } catch (e) {
        f.bad('verify', line, `close every quote (${(e as Error).message.split(' in:')[0]}); write sh -c '...' for a shell`)
        return { line, argv: [] }
      }
    }),
  requireNonRoot: f => f.bool('require-non-root'),
  verifyTimeoutMs: f => f.duration('verify-timeout'),
  provenance: f => f.text('provenance'),
  attest: f => f.listOf('attest', ['provenance', 'sbom'] as const),
  sbom: f => f.text('sbom')
}

export function parseInputs(raw: RawInputs, env: Record<string, string | undefined> = {}): Inputs {
  const problems: string[] = []
  const f = field(raw, env, problems)
  const parsed = Object.fromEntries(Object.entries(FIELDS).map(([key, parse]) => [key, parse(f)])) as unknown as Inputs
  for (const rule of CROSS_FIELD_RULES) problems.push(...[rule(parsed) ?? []].flat())
  if (problems.length) throw new InputError(problems)
  return parsed
}

/** Rules between inputs, each checked once every input is parsed on its own. */
const CROSS_FIELD_RULES: ((i: Inputs) => string | string[] | undefined)[] = [
  i =>
    (i.image ? [] : i.tags.filter(isBareTag)).map(
      tag =>
        `Input 'tags': '${tag}' is not valid; a bare tag needs 'image' to be set, or use a full reference like ghcr.io/owner/name:${tag}.`
    ),
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
  i => {
    // buildx's kubernetes driver takes no endpoint: its nodes are pods, placed by node selector.
    if (i.driver !== 'kubernetes') {
      const bare = i.appendNodes.filter(n => n.platform && !n.endpoint).map(n => n.platform)
      return bare.length
        ? `Input 'append-nodes': ${bare.join(', ')} needs an endpoint (platform=endpoint, e.g. ${bare[0]}=tcp://buildkitd:1234); only driver: kubernetes takes a platform alone.`
        : undefined
    }
    const withEndpoint = i.appendNodes.filter(n => n.endpoint).map(n => `${n.platform}=${n.endpoint}`)
    if (withEndpoint.length || i.endpoint)
      return `Input '${withEndpoint.length ? 'append-nodes' : 'endpoint'}': the kubernetes driver takes no endpoint (${withEndpoint[0] ?? i.endpoint}); name the platform alone (linux/arm64): its pods are placed on nodes of that architecture by node selector.`
    return undefined
  },
  i => {
    const twice = [...new Set(i.appendNodes.map(n => n.platform).filter((p, k, all) => all.indexOf(p) !== k))]
    return twice.length ? `Input 'append-nodes': ${twice.join(', ')} named twice; one node per platform.` : undefined
  },
  i => {
    const apart = [...new Set(i.appendNodes.map(n => n.platform))].filter(p => i.platforms.includes(p))
    const nodes = apart.length + (i.platforms.length > apart.length ? 1 : 0)
    return nodes > 1 && i.mode === 'build'
      ? severalNodesProblems(i, `append-nodes builds the platforms on ${nodes} nodes (${apart.join(', ')} apart)`)
      : undefined
  },
  i => {
    if (i.driver !== 'kubernetes') return undefined
    const bad = i.driverOpts.flatMap(opt => {
      const [key, value = ''] = [opt.slice(0, opt.indexOf('=')), opt.slice(opt.indexOf('=') + 1)]
      if (key === 'replicas' && !/^[1-9]\d*$/.test(value)) return [`${opt} (replicas is a whole number, 1 or more)`]
      if (key === 'loadbalance' && !['sticky', 'random'].includes(value)) return [`${opt} (loadbalance is sticky or random)`]
      if (key === 'nodeselector' && !/^[^=,\s]+=[^=,\s]+(,[^=,\s]+=[^=,\s]+)*$/.test(value))
        return [`${opt} (nodeselector is label=value[,label=value])`]
      return []
    })
    return bad.length ? `Input 'driver-opts': ${bad.join('; ')}` : undefined
  },
  i => (!!i.username !== !!i.password ? `Inputs 'username' and 'password': give both to log in, or neither.` : undefined),
  i => {
    const names = i.variants.map(v => v.name)
    const twice = [...new Set(names.filter((n, k) => names.indexOf(n) !== k))]
    return twice.length ? `Input 'variants': ${twice.join(', ')} named twice; each variant needs its own tag suffix` : undefined
  },
  i =>
    i.variants.length && i.mode !== 'build'
      ? `Input 'variants': variants are built in mode build only (a per-platform job builds one target); build them in their own jobs.`
      : undefined,
  i =>
    i.scanReport === 'trivy' && !i.push && !i.load
      ? `Input 'scan-report': trivy scans the pushed or the loaded image; set push: true or load: true, or pass your scanner's report file.`
      : undefined,
  i =>
    i.maxVulnerabilities && !i.scanReport
      ? `Input 'max-vulnerabilities': needs 'scan-report' (a scanner's report file, or trivy) to count anything.`
      : undefined,
  i =>
    i.attest.length && !i.push
      ? `Input 'attest': attestations are attached to the pushed index as referrers; set push: true (or use provenance for a local build).`
      : undefined,
  i =>
    i.call === 'check' && i.mode === 'merge'
      ? `Input 'call': check runs the Dockerfile's checks; a merge job builds nothing (run it in the per-platform jobs or a job of its own).`
      : undefined,
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

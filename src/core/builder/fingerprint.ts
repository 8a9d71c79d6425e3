// What decides the image, known before any builder is set up: the run's fingerprint. It covers
// what BuildKit's own cache keys on and nothing it does not: the Dockerfile's bytes, the
// context files its instructions read, every base image by digest, the build args and the
// settings that change what is built, the builder and this action's version. Tags, and the
// labels that only name the commit (revision, created), are left out: a rebuild for a new
// commit that changes none of the rest builds the same image. A build records it on its index
// beside the history record; the next run compares its own with it. Where the Dockerfile
// cannot be read precisely, more is taken in (the whole context): a fingerprint may change
// when the image would not, never the other way round. Pure.
import { createHash } from 'node:crypto'
import { stagesOf, type Stage } from './dockerfile.js'
import { secretLookingBuildArgs, type Inputs } from '../inputs/inputs.js'
import { HISTORY_KEYS, parseRecord, type BuildRecord } from '../registry/history.js'
import type { Baseline, ImageInfo } from '../registry/image.js'

const PREFIX = 'com.github.phialo.ci-base-action.fingerprint'
const FINGERPRINT_KEYS = {
  dockerfile: `${PREFIX}.dockerfile`,
  context: `${PREFIX}.context`,
  bases: `${PREFIX}.bases`,
  args: `${PREFIX}.args`,
  parts: `${PREFIX}.parts`,
  files: `${PREFIX}.files`,
  rest: `${PREFIX}.rest`
} as const

/** Files past this many are fingerprinted as a whole only: which of them changed is not named. */
export const FILES_NAMED = 200

export interface Fingerprint {
  /** The Dockerfile's bytes. */
  dockerfile: string
  /** The context files the build reads (path, mode, content), and how many; each file's own sum where there are few. */
  context: { digest: string; files: number; sums?: Record<string, string> }
  /** Every base image (FROM, COPY --from, docker-image:// contexts, the syntax frontend) by name, at its digest. */
  bases: Record<string, string>
  /** Build args by name: the value, or for one that looks like a secret only a sum of it. */
  args: Record<string, string>
  /** Every other part by name (target, platforms, labels, the builder, ...): a short sum each. */
  parts: Record<string, string>
  /** One digest of the args and parts: what decides the image besides its files and bases. */
  rest: string
}

export const sha256 = (data: string | Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`
const short = (data: string) => createHash('sha256').update(data).digest('hex').slice(0, 12)

/** The labels and annotations that only name the commit: a new commit alone does not change the image's inputs. */
const COMMIT_NAMING =
  /^(?:(?:index|manifest|manifest-descriptor|index-descriptor)(?:\[[^\]]*\])?:)?org\.opencontainers\.image\.(?:revision|created)=/

/** The parts of a run's inputs that change what is built, each as canonical text. */
export function settingsOf(
  inputs: Pick<
    Inputs,
    | 'target'
    | 'platforms'
    | 'labels'
    | 'annotations'
    | 'secrets'
    | 'secretFiles'
    | 'ssh'
    | 'network'
    | 'shmSize'
    | 'ulimits'
    | 'addHosts'
    | 'allow'
    | 'attest'
    | 'provenance'
    | 'sbom'
    | 'rewriteTimestamp'
    | 'verify'
    | 'requireNonRoot'
    | 'variants'
    | 'buildContexts'
  >,
  builder: string,
  action: string
): Record<string, string> {
  const userGiven = (list: string[]) => list.filter(l => !COMMIT_NAMING.test(l)).join('\n')
  return {
    target: inputs.target,
    platforms: inputs.platforms.join(','),
    labels: userGiven(inputs.labels),
    annotations: userGiven(inputs.annotations),
    // BuildKit keys a RUN on a secret's id, not its value: so does the fingerprint.
    secrets: [...inputs.secrets.map(s => s.id), ...inputs.secretFiles.map(s => s.id)].sort().join(','),
    ssh: inputs.ssh.map(s => s.split('=')[0]).join(','),
    network: inputs.network,
    'shm-size': inputs.shmSize,
    ulimit: inputs.ulimits.join('\n'),
    'add-hosts': inputs.addHosts.join('\n'),
    allow: inputs.allow.join(','),
    attest: inputs.attest.join(','),
    provenance: inputs.provenance,
    sbom: inputs.sbom,
    'rewrite-timestamp': String(inputs.rewriteTimestamp),
    verify: inputs.verify.map(v => v.line).join('\n'),
    'require-non-root': String(inputs.requireNonRoot),
    variants: inputs.variants.map(v => `${v.name}=${v.target}`).join(','),
    'build-contexts': inputs.buildContexts.join('\n'),
    builder,
    action
  }
}

/** Build args as the fingerprint keeps them: in the clear, but a secret-looking one's value only as a sum. */
export function argsOf(buildArgs: string[]): Record<string, string> {
  const secretLooking = new Set(secretLookingBuildArgs(buildArgs))
  const args: Record<string, string> = {}
  for (const arg of buildArgs) {
    const name = arg.slice(0, arg.indexOf('='))
    const value = arg.slice(arg.indexOf('=') + 1)
    args[name] = secretLooking.has(name) ? `sum:${short(value)}` : value
  }
  return args
}

export function fingerprintOf(parts: Omit<Fingerprint, 'rest' | 'parts'> & { settings: Record<string, string> }): Fingerprint {
  const partSums = Object.fromEntries(Object.entries(parts.settings).map(([k, v]) => [k, short(v)]))
  const rest = sha256(JSON.stringify({ args: sortedEntries(parts.args), parts: sortedEntries(partSums) }))
  return { dockerfile: parts.dockerfile, context: parts.context, bases: parts.bases, args: parts.args, parts: partSums, rest }
}

const sortedEntries = (record: Record<string, string>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
const pairs = (record: Record<string, string>) =>
  sortedEntries(record)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')

/** The annotations that record a fingerprint on an index: readable, each part on its own. */
export function fingerprintAnnotations(f: Fingerprint): Record<string, string> {
  return {
    [FINGERPRINT_KEYS.dockerfile]: f.dockerfile,
    [FINGERPRINT_KEYS.context]: `${f.context.digest};files=${f.context.files}`,
    [FINGERPRINT_KEYS.bases]: pairs(f.bases),
    [FINGERPRINT_KEYS.args]: JSON.stringify(f.args),
    [FINGERPRINT_KEYS.parts]: pairs(f.parts),
    ...(f.context.sums ? { [FINGERPRINT_KEYS.files]: JSON.stringify(f.context.sums) } : {}),
    [FINGERPRINT_KEYS.rest]: f.rest
  }
}

const parsePairs = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split(',')
      .filter(p => p.includes('='))
      .map(p => [p.slice(0, p.lastIndexOf('=')), p.slice(p.lastIndexOf('=') + 1)])
  )

function parseJson(text: string | undefined): Record<string, string> | undefined {
  try {
    const value: unknown = text === undefined ? undefined : JSON.parse(text)
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'))
  } catch {
    return undefined
  }
}

/** The fingerprint an index's annotations hold; undefined where one is missing or unreadable. */
export function parseFingerprint(annotations: Record<string, string> = {}): Fingerprint | undefined {
  const context = /^(sha256:[0-9a-f]{64});files=(\d+)$/.exec(annotations[FINGERPRINT_KEYS.context] ?? '')
  const dockerfile = annotations[FINGERPRINT_KEYS.dockerfile]
  const rest = annotations[FINGERPRINT_KEYS.rest]
  const args = parseJson(annotations[FINGERPRINT_KEYS.args])
  if (!context || !dockerfile?.startsWith('sha256:') || !rest?.startsWith('sha256:') || !args) return undefined
  const sums = parseJson(annotations[FINGERPRINT_KEYS.files])
  return {
    dockerfile,
    context: { digest: context[1], files: Number(context[2]), ...(sums ? { sums } : {}) },
    bases: parsePairs(annotations[FINGERPRINT_KEYS.bases] ?? ''),
    args,
    parts: parsePairs(annotations[FINGERPRINT_KEYS.parts] ?? ''),
    rest
  }
}

/** Whether two fingerprints say the same image: the Dockerfile, the files read, every base and the rest. */
export function sameInputs(a: Fingerprint, b: Fingerprint): boolean {
  return a.dockerfile === b.dockerfile && a.context.digest === b.context.digest && pairs(a.bases) === pairs(b.bases) && a.rest === b.rest
}

const shortDigest = (digest: string) => (digest.startsWith('sha256:') ? `${digest.slice(0, 19)}…` : digest || '(none)')
const names = (list: string[], most = 3) =>
  `${list
    .slice(0, most)
    .map(n => `\`${n}\``)
    .join(', ')}${list.length > most ? ', …' : ''}`

/** Why a run builds, first difference first: bases, build args, context files, the Dockerfile, then the rest by name. */
export function rebuildReasons(before: Fingerprint, now: Fingerprint): string[] {
  const reasons: string[] = []
  for (const name of new Set([...Object.keys(before.bases), ...Object.keys(now.bases)])) {
    const [was, is] = [before.bases[name], now.bases[name]]
    if (was === is) continue
    if (!was) reasons.push(`base \`${name}\` added`)
    else if (!is) reasons.push(`base \`${name}\` no longer used`)
    else reasons.push(`base \`${name}\` moved \`${shortDigest(was)}\` → \`${shortDigest(is)}\``)
  }
  for (const name of new Set([...Object.keys(before.args), ...Object.keys(now.args)])) {
    const [was, is] = [before.args[name], now.args[name]]
    if (was === is) continue
    const shown = (value: string | undefined) => (value === undefined ? '(unset)' : value.startsWith('sum:') ? '(a new value)' : value)
    reasons.push(`build arg \`${name}\` ${shown(was)} → ${shown(is)}`)
  }
  if (before.context.digest !== now.context.digest) reasons.push(contextReason(before.context, now.context))
  if (before.dockerfile !== now.dockerfile) reasons.push('Dockerfile changed')
  const moved = [...new Set([...Object.keys(before.parts), ...Object.keys(now.parts)])].filter(k => before.parts[k] !== now.parts[k])
  if (moved.length) reasons.push(`${moved.map(k => `\`${k}\``).join(', ')} changed`)
  return reasons.length ? reasons : ['the inputs changed']
}

function contextReason(before: Fingerprint['context'], now: Fingerprint['context']): string {
  if (!before.sums || !now.sums) return `context: the files read changed (${now.files} files now, ${before.files} before)`
  const changed = [...new Set([...Object.keys(before.sums), ...Object.keys(now.sums)])]
    .filter(path => before.sums![path] !== now.sums![path])
    .sort()
  return `context: ${changed.length} file${changed.length === 1 ? '' : 's'} changed (${names(changed)})`
}

/** What the build reads from its context, found in the stages the target needs. */
interface ContextReads {
  /** Paths in the context (files or directories) that COPY, ADD and RUN --mount=type=bind read; ['.'] for all of it. */
  paths: string[]
  /** Every image read: the stages' bases, and COPY --from or --mount from an image. */
  images: string[]
  /** The images stages start FROM: their ONBUILD triggers run in this build. */
  bases: string[]
  /** Named build contexts read. */
  namedContexts: string[]
  /** What makes a fingerprint say nothing (an ADD of a URL without --checksum): the run always builds, for this reason. */
  unknowable: string[]
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*'

/** The words of an instruction after its keyword: its --flags, then its arguments in JSON form or split on spaces. */
function wordsOf(rest: string): string[] {
  const flags: string[] = []
  let text = rest.trim()
  for (let flag = /^(--\S+)\s*/.exec(text); flag; flag = /^(--\S+)\s*/.exec(text)) {
    flags.push(flag[1])
    text = text.slice(flag[0].length)
  }
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (Array.isArray(parsed) && parsed.every(w => typeof w === 'string')) return [...flags, ...parsed]
    } catch {
      // not JSON: shell form
    }
  }
  return [...flags, ...text.split(/\s+/).filter(Boolean)]
}

const flagValue = (flags: string[], name: string) =>
  flags.find(f => f.startsWith(`--${name}=`))?.slice(name.length + 3) ?? (flags.includes(`--${name}`) ? '' : undefined)

/**
 * What the build reads, for the target stage (the last when none is given) and the stages it
 * needs. A source whose variables cannot be resolved here takes in the whole context.
 */
export function contextReads(dockerfile: string, buildArgs: string[], target: string, contextNames: string[] = []): ContextReads {
  const stages = stagesOf(dockerfile, buildArgs)
  const given = new Map(buildArgs.map(a => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]))
  const byName = (name: string) => stages.findIndex(s => s.name === name.toLowerCase())
  const reads: ContextReads = { paths: [], images: [], bases: [], namedContexts: [], unknowable: [] }
  const start = target ? byName(target) : stages.length - 1
  if (start < 0) return { ...reads, paths: ['.'] }
  const needed = new Set<number>()
  const visit = (i: number) => {
    if (needed.has(i)) return
    needed.add(i)
    const stage = stages[i]
    if (stage.parent !== undefined) visit(stage.parent)
    // A stage's own base: an image, or a named build context that stands in for one.
    else if (contextNames.includes(stage.from)) reads.namedContexts.push(stage.from)
    else if (stage.from && stage.from !== 'scratch') {
      reads.images.push(stage.from)
      reads.bases.push(stage.from)
    }
    for (const from of fromsOf(stage)) {
      const j = byName(from)
      if (j >= 0 && j !== i) visit(j)
      else if (contextNames.includes(from)) reads.namedContexts.push(from)
      else if (!/^\d+$/.test(from)) reads.images.push(from)
      else if (Number(from) < stages.length) visit(Number(from))
    }
  }
  visit(start)
  for (const i of [...needed].sort((a, b) => a - b)) readsOf(stages[i], given, reads)
  return {
    paths: [...new Set(reads.paths)].sort(),
    images: [...new Set(reads.images)],
    bases: [...new Set(reads.bases)],
    namedContexts: [...new Set(reads.namedContexts)],
    unknowable: reads.unknowable
  }
}

/** The stages, contexts or images a stage copies or mounts from. */
function fromsOf(stage: Stage): string[] {
  const froms: string[] = []
  for (const line of stage.lines) {
    const copy = /^(?:COPY|ADD)\s+(.*)$/i.exec(line)
    if (copy) {
      const from = flagValue(
        wordsOf(copy[1]).filter(w => w.startsWith('--')),
        'from'
      )
      if (from) froms.push(from)
    }
    if (/^RUN\s/i.test(line))
      for (const m of line.matchAll(/--mount=(\S+)/g)) {
        const from = /(?:^|,)from=([^,]+)/.exec(m[1])?.[1]
        if (from) froms.push(from)
      }
  }
  return froms
}

function readsOf(stage: Stage, given: Map<string, string>, reads: ContextReads): void {
  const scope = new Map<string, string>()
  const expand = (text: string) =>
    text.replace(
      new RegExp(`\\$\\{(${NAME})(?::?-([^}]*))?\\}|\\$(${NAME})`, 'g'),
      (whole, braced?: string, fallback?: string, bare?: string) => {
        const name = braced ?? bare ?? ''
        return scope.get(name) ?? fallback ?? whole
      }
    )
  const add = (source: string) => {
    const path = expand(source)
    // A variable this reading cannot resolve (an ENV, say): the whole context is taken in.
    if (path.includes('$')) reads.paths.push('.')
    else reads.paths.push(globRoot(path))
  }
  for (const line of stage.lines) {
    const arg = new RegExp(`^ARG\\s+(${NAME})(?:=(?:"([^"]*)"|'([^']*)'|(\\S*)))?`, 'i').exec(line)
    if (arg) scope.set(arg[1], given.get(arg[1]) ?? arg[2] ?? arg[3] ?? arg[4] ?? '')
    const copy = /^(COPY|ADD)\s+(.*)$/i.exec(line)
    if (copy) {
      const words = wordsOf(copy[2])
      const flags = words.filter(w => w.startsWith('--'))
      const sources = words.filter(w => !w.startsWith('--')).slice(0, -1)
      if (flagValue(flags, 'from') !== undefined) continue
      for (const source of sources) {
        if (source.startsWith('<<')) continue // a heredoc: its text is in the Dockerfile
        if (/^(?:https?|git|ssh):\/\/|^git@|\.git(?:#|$)/.test(source)) {
          const pinned = copy[1].toUpperCase() === 'ADD' && flagValue(flags, 'checksum') && !/^git|\.git(#|$)/.test(source)
          if (!pinned)
            reads.unknowable.push(`${copy[1].toUpperCase()} ${source} without --checksum: what it fetches is known only by fetching it`)
          continue
        }
        add(source)
      }
    }
    if (/^RUN\s/i.test(line))
      for (const m of line.matchAll(/--mount=(\S+)/g)) {
        const attrs = m[1].split(',')
        const type = attrs.find(a => a.startsWith('type='))?.slice(5) ?? 'bind'
        if (type !== 'bind' || attrs.some(a => a.startsWith('from='))) continue
        add(attrs.find(a => /^(?:source|src)=/.test(a))?.replace(/^(?:source|src)=/, '') ?? '.')
      }
  }
}

/** A source path's part before its first wildcard: the directory a glob reads from (all of it is taken in). */
function globRoot(path: string): string {
  const clean = path.replace(/^\.?\/+/, '').replace(/\/+$/, '') || '.'
  const wild = clean.search(/[*?[]/)
  if (wild < 0) return clean
  const dir = clean
    .slice(0, wild)
    .replace(/[^/]*$/, '')
    .replace(/\/+$/, '')
  return dir || '.'
}

/** The `# syntax=` frontend a Dockerfile names, if any (a parser directive: only before the first instruction). */
export function syntaxOf(dockerfile: string): string | undefined {
  for (const line of dockerfile.split(/\r?\n/)) {
    const directive = /^#\s*syntax\s*=\s*(\S+)/i.exec(line)
    if (directive) return directive[1]
    if (!/^\s*(#.*)?$/.test(line)) return undefined
  }
  return undefined
}

/** This action's major.minor, part of every fingerprint: a new minor may build differently. Checked against package.json by a test. */
export const ACTION_MAJOR_MINOR = '1.0'

/**
 * What a build runs on, as far as it is known before any builder is set up: the engine's version
 * (its BuildKit builds for the docker driver, and `auto` may choose it) and the BuildKit image of
 * a builder the action creates, by digest. `resolved` holds what was asked of the engine and the
 * registry; a user's own builder cannot be asked before it builds.
 */
export function builderIdentity(
  inputs: Pick<Inputs, 'driver' | 'builder' | 'endpoint' | 'appendNodes'>,
  resolved: { engine?: string; buildkit?: string }
): string {
  return [
    `driver ${inputs.driver}`,
    ...(resolved.engine ? [`engine ${resolved.engine}`] : []),
    ...(resolved.buildkit ? [`buildkit ${resolved.buildkit}`] : []),
    ...(inputs.endpoint ? [`endpoint ${inputs.endpoint}`] : []),
    ...inputs.appendNodes.map(n => `node ${n.platform}=${n.endpoint}`)
  ].join(', ')
}

/** Which parts of the builder must be resolved for a fingerprint: the engine, the BuildKit image; or why it cannot be known. */
export function builderNeeds(
  inputs: Pick<Inputs, 'driver' | 'builder' | 'appendNodes'>
): { engine: boolean; buildkit: boolean } | { unknowable: string } {
  if (inputs.builder) return { unknowable: `the builder ${inputs.builder} is your own: its BuildKit is known only once it builds` }
  if (inputs.driver === 'remote' || inputs.driver === 'kubernetes')
    return { unknowable: `a ${inputs.driver} builder's BuildKit is known only once it builds` }
  if (inputs.appendNodes.length) return { unknowable: "the appended nodes' BuildKit is known only once they build" }
  return { engine: inputs.driver === 'docker' || inputs.driver === 'auto', buildkit: inputs.driver !== 'docker' }
}

/**
 * Where the fingerprint a run compares with is recorded on the image it would replace: the
 * index's annotations, or, for a per-platform job, its platform's entry in the index (a merge
 * records there what each platform's job built it from).
 */
export function recordedFor(inputs: Pick<Inputs, 'mode' | 'platforms'>, image: ImageInfo | undefined): Record<string, string> | undefined {
  if (inputs.mode !== 'platform') return image?.annotations
  return image?.platforms.find(p => p.platform === inputs.platforms[0])?.annotations
}

/**
 * What the image a run would leave in place records of its verify: a per-platform job reads its
 * platform's entry in the index (the merge writes it there), a build its own record.
 */
export function recordedVerify(
  inputs: Pick<Inputs, 'mode' | 'platforms'>,
  image: ImageInfo | undefined,
  record: Pick<BuildRecord, 'verify'>
): 'passed' | 'failed' | undefined {
  if (inputs.mode !== 'platform') return record.verify
  const entry = recordedFor(inputs, image)?.[HISTORY_KEYS.verify]
  return entry === 'passed' || entry === 'failed' ? entry : undefined
}

/** The annotations a merge gives a platform's entry in its index: what its job built it from, and whether its verify passed. */
export function platformEntryAnnotations(h: { fingerprint?: Fingerprint; verify?: 'passed' | 'failed' }): Record<string, string> {
  return { ...(h.fingerprint ? fingerprintAnnotations(h.fingerprint) : {}), ...(h.verify ? { [HISTORY_KEYS.verify]: h.verify } : {}) }
}

/**
 * Why this run builds, first difference first, against the fingerprint on the image it would
 * replace (the baseline); empty when that image was made from the same inputs.
 */
export function whyBuild(
  inputs: Pick<Inputs, 'noCache' | 'noCacheFilters' | 'mode' | 'platforms'>,
  taken: { fingerprint: Fingerprint } | { unknowable: string[] },
  baseline: Pick<Baseline, 'ref' | 'status' | 'image'>
): string[] {
  if (inputs.noCache) return ['no-cache is set: everything is built again']
  if (inputs.noCacheFilters.length) return [`no-cache-filters is set (${inputs.noCacheFilters.join(', ')})`]
  if ('unknowable' in taken) return taken.unknowable
  if (baseline.status === 'none') return ['there is no published image to compare with (baseline is empty)']
  if (baseline.status === 'missing') return [`there is no published image at ${baseline.ref} yet`]
  if (baseline.status === 'unavailable') return [`the published image ${baseline.ref} could not be read`]
  const before = parseFingerprint(recordedFor(inputs, baseline.image))
  if (!before)
    return inputs.mode === 'platform'
      ? [`${baseline.ref} records no fingerprint for ${inputs.platforms[0]} (not merged from per-platform jobs of this version)`]
      : [`${baseline.ref} carries no fingerprint (made before fingerprints were recorded, or with history: 0)`]
  return sameInputs(before, taken.fingerprint) ? [] : rebuildReasons(before, taken.fingerprint)
}

/** Whether a run may build nothing (skip-unchanged), with the record it reports from; else why it builds (when there is more to say than its reasons). */
type SkipDecision = { skip: true; record: BuildRecord } | { skip: false; note?: string }

export function skipDecision(
  inputs: Pick<
    Inputs,
    | 'skipUnchanged'
    | 'mode'
    | 'platforms'
    | 'push'
    | 'load'
    | 'scanReport'
    | 'verify'
    | 'requireNonRoot'
    | 'noCache'
    | 'noCacheFilters'
    | 'attest'
  >,
  taken: { fingerprint: Fingerprint } | { unknowable: string[] },
  baseline: Pick<Baseline, 'ref' | 'status' | 'image'>
): SkipDecision {
  if (!inputs.skipUnchanged) return { skip: false }
  const cannot = (why: string) => ({ skip: false as const, note: `skip-unchanged: ${why}; building` })
  if (inputs.mode === 'merge') return cannot('a merge job builds nothing; it merges what the platform jobs handed over')
  if (!inputs.push) return cannot('nothing is pushed, so no tag would move to the published image')
  if (inputs.load) return cannot('load needs the image in the engine')
  if (inputs.scanReport) return cannot('scan-report scans a new build')
  if (inputs.mode === 'platform' && inputs.platforms.length > 1)
    return cannot('a per-platform job of several platforms builds every run (give each platform its own job)')
  if (inputs.mode === 'platform' && inputs.attest.length)
    return cannot("attest: a per-platform job hands over its build's own attestations")
  if (whyBuild(inputs, taken, baseline).length || !baseline.image) return { skip: false }
  const record = parseRecord(baseline.image.digest, baseline.image.annotations)
  if (!record) return cannot(`${baseline.ref} carries no build record`)
  const verified = recordedVerify(inputs, baseline.image, record)
  if ((inputs.verify.length || inputs.requireNonRoot) && verified !== 'passed')
    return cannot(`verify ${verified === 'failed' ? 'failed' : 'was not recorded'} on ${baseline.ref}`)
  return { skip: true, record }
}

// argv for every docker command the action runs, as data: nothing goes through a shell.
import { createHash } from 'node:crypto'
import type { Inputs } from '../inputs/inputs.js'
import type { AttestKind } from '../registry/attestations.js'

/** The inputs that become build flags (and `load`, which asks for a second pass). */
export type BuildInputs = Pick<
  Inputs,
  | 'buildArgs'
  | 'context'
  | 'file'
  | 'load'
  | 'network'
  | 'noCache'
  | 'platforms'
  | 'provenance'
  | 'pull'
  | 'rewriteTimestamp'
  | 'sbom'
  | 'secretFiles'
  | 'secrets'
  | 'shmSize'
  | 'ssh'
  | 'target'
  | 'buildContexts'
  | 'noCacheFilters'
  | 'addHosts'
  | 'ulimits'
  | 'allow'
  | 'attest'
  | 'githubToken'
>

export interface BuildPlan {
  inputs: BuildInputs
  /** '' builds with the current (default) builder. */
  builder: string
  tags: string[]
  labels: string[]
  /** buildx --annotation values, prefixes already applied. */
  annotations: string[]
  cacheFrom: string[]
  /** Exported as part of the build. */
  cacheTo: string[]
  /** Exported by a pass of their own after the build, when the cache does not hold it yet (CachePlan.toIfStale). */
  cacheToAfter: string[]
  /** Embed cache metadata in the image (BUILDKIT_INLINE_CACHE=1). */
  inlineCache: boolean
  metadataFile: string
  /** The OCI layout the image is exported to when the builder does not push it itself: the machine's, kept across runs, or the engine front's. */
  ociDir: string
  /** The builder pushes by digest, untagged, to these repositories; tags follow once the image is complete. */
  pushTo: string[]
  /**
   * The docker driver's push where the machine kept no layout: the engine pushes to the action's
   * front on this machine (pipeline/registry/engine-front.ts), which keeps in ociDir only what
   * these repositories lack; the action then pushes that by digest.
   */
  frontTo: string[]
  /** The front's address once it listens (`127.0.0.1:<port>`). */
  front?: string
  /** SOURCE_DATE_EPOCH: every timestamp in the image, file times included. */
  sourceDateEpoch: number
  /** The second, fully cached pass that only loads the image into the local store. */
  loadOnly?: boolean
  /** The fully cached pass that only exports cacheToAfter. */
  cacheOnly?: boolean
  /** Names the loaded image gets: the tags when `load` is asked, a run-local name to verify it. */
  loadTags: string[]
}

export function buildArgs(plan: BuildPlan): string[] {
  const { inputs } = plan
  const args = ['buildx', 'build']
  if (plan.builder) args.push('--builder', plan.builder)
  args.push('--platform', inputs.platforms.join(','))
  args.push('--file', inputs.file)
  if (inputs.target) args.push('--target', inputs.target)
  // Only the local store gets names from the builder; registry tags are set after the push.
  if (plan.loadOnly) for (const tag of plan.loadTags) args.push('--tag', tag)
  for (const label of plan.labels) args.push('--label', label)
  // The local store keeps no annotations (a load would fail on index: ones).
  if (!plan.loadOnly) for (const annotation of plan.annotations) args.push('--annotation', annotation)
  for (const arg of inputs.buildArgs) args.push('--build-arg', arg)
  if (plan.inlineCache) args.push('--build-arg', 'BUILDKIT_INLINE_CACHE=1')
  args.push('--build-arg', `SOURCE_DATE_EPOCH=${plan.sourceDateEpoch}`)
  for (const s of inputs.secrets) args.push('--secret', `id=${s.id},env=${s.env}`)
  for (const s of inputs.secretFiles) args.push('--secret', `id=${s.id},src=${s.path}`)
  for (const s of inputs.ssh) args.push('--ssh', s)
  args.push(...gitTokenSecret(inputs))
  if (inputs.network) args.push('--network', inputs.network)
  if (inputs.shmSize) args.push('--shm-size', inputs.shmSize)
  for (const c of plan.cacheFrom) args.push('--cache-from', c)
  for (const c of plan.cacheOnly ? plan.cacheToAfter : plan.cacheTo) args.push('--cache-to', c)
  if (inputs.noCache) args.push('--no-cache')
  for (const c of inputs.buildContexts) args.push('--build-context', c)
  for (const stage of inputs.noCacheFilters) args.push('--no-cache-filter', stage)
  for (const host of inputs.addHosts) args.push('--add-host', host)
  for (const limit of inputs.ulimits) args.push('--ulimit', limit)
  for (const entitlement of inputs.allow) args.push('--allow', entitlement)
  if (inputs.pull) args.push('--pull')
  // The attestations asked for as referrers are made by the image's own export only.
  const attests = (kind: AttestKind) => inputs.attest.includes(kind) && !plan.loadOnly && !plan.cacheOnly
  const provenance = attests('provenance') && ['', 'false'].includes(inputs.provenance) ? 'mode=min' : inputs.provenance
  const sbom = attests('sbom') && ['', 'false'].includes(inputs.sbom) ? 'true' : inputs.sbom
  if (provenance) args.push(`--provenance=${provenance}`)
  if (sbom) args.push(`--sbom=${sbom}`)
  // Tags are the action's to set, all at once after the push: the builder gets none. Loading is
  // a pass of its own (BuildKit 0.13 writes an incomplete OCI layout when it also loads).
  if (plan.loadOnly) args.push('--load')
  else if (plan.cacheOnly) args.push('--output', 'type=cacheonly')
  else if (plan.pushTo.length) args.push('--output', imageOutput(plan.pushTo, inputs.rewriteTimestamp))
  else if (plan.frontTo.length) args.push('--output', frontOutput(plan.front ?? '127.0.0.1:PORT', inputs.rewriteTimestamp))
  else args.push('--output', `type=oci,dest=${plan.ociDir},tar=false${rewrite(inputs.rewriteTimestamp)}`)
  args.push('--metadata-file', plan.metadataFile)
  args.push('--progress', 'rawjson')
  args.push(inputs.context)
  return args
}

/** The Dockerfile's build checks alone (`--call check`), their findings as JSON on stdout: nothing is built. */
export function checkArgs(plan: BuildPlan): string[] {
  const { inputs } = plan
  const args = ['buildx', 'build', ...(plan.builder ? ['--builder', plan.builder] : []), '--file', inputs.file]
  if (inputs.target) args.push('--target', inputs.target)
  for (const arg of inputs.buildArgs) args.push('--build-arg', arg)
  for (const c of inputs.buildContexts) args.push('--build-context', c)
  args.push(...gitTokenSecret(inputs))
  args.push('--call', 'check,format=json', inputs.context)
  return args
}

/** A small build of the action's own (the cache mounts' restore and save) on the run's builder. */
export function helperBuildArgs(
  builder: string,
  file: string,
  context: string,
  output: string,
  buildArgs: string[],
  metadataFile?: string
): string[] {
  return [
    'buildx',
    'build',
    ...(builder ? ['--builder', builder] : []),
    '--file',
    file,
    ...buildArgs.flatMap(arg => ['--build-arg', arg]),
    '--provenance=false',
    '--output',
    output,
    ...(metadataFile ? ['--metadata-file', metadataFile] : []),
    '--progress',
    'plain',
    context
  ]
}

/**
 * The environment buildx builds in. buildx reads the context's git repository (about ten `git`
 * calls) for the provenance attestation's source and revision; with provenance off and no git
 * labels asked for, nothing would use it. A user's own BUILDX_GIT_* setting is left alone.
 */
export function buildEnv(
  inputs: Pick<Inputs, 'provenance' | 'attest' | 'context' | 'githubToken'>,
  env: Record<string, string | undefined>
): Record<string, string> {
  const unused =
    inputs.provenance === 'false' &&
    !inputs.attest.includes('provenance') &&
    env.BUILDX_GIT_INFO === undefined &&
    env.BUILDX_GIT_LABELS === undefined
  // The token reaches BuildKit as a secret read from buildx's environment: never in argv.
  const token: Record<string, string> = gitTokenSecret(inputs).length ? { [GIT_TOKEN_ENV]: inputs.githubToken } : {}
  return { ...(unused ? { BUILDX_GIT_INFO: 'false' } : {}), ...token }
}

const GIT_TOKEN_ENV = 'CI_BASE_ACTION_GIT_AUTH_TOKEN'

/**
 * The host of a remote git context over HTTPS (https://github.com/owner/repo.git#ref), which
 * BuildKit clones itself; '' for any other context.
 */
export function gitContextHost(context: string): string {
  const m = /^https:\/\/([^/\s]+)\/[^#\s]+?(\.git)?(#\S*)?$/.exec(context)
  if (!m) return ''
  return m[2] || m[1] === 'github.com' ? m[1] : ''
}

/** build-push-action's git context with a token: BuildKit reads GIT_AUTH_TOKEN.<host> as the clone's credentials. */
const gitTokenSecret = (inputs: Pick<Inputs, 'context' | 'githubToken'>): string[] => {
  const host = gitContextHost(inputs.context)
  return host && inputs.githubToken ? ['--secret', `id=GIT_AUTH_TOKEN.${host},env=${GIT_TOKEN_ENV}`] : []
}

// File times in layers clamped to SOURCE_DATE_EPOCH: a layer rebuilt from scratch is
// byte-identical. Only on request: BuildKit then re-reads and re-compresses every layer of the
// image on every export, cached or not (38 s for a 250 MB two-platform image), while a layer
// served from cache is byte-identical anyway.
const rewrite = (on: boolean) => (on ? ',rewrite-timestamp=true' : '')

/** buildx's CSV: a value holding commas (several names) is quoted. */
/** The name the engine pushes to on the front: the front's own, so no tag of any registry moves. */
export const frontName = (front: string) => `${front}/ci-base-action/push:build`

/** The engine's name for the last image it pushed through a front to a repository: one per repository, moved each run. */
export const keptName = (repository: string) =>
  `ci-base-action/pushed:${createHash('sha256').update(repository).digest('hex').slice(0, 12)}`

function frontOutput(front: string, rewriteTimestamp: boolean): string {
  return `type=image,name=${frontName(front)},push=true,oci-mediatypes=true${rewrite(rewriteTimestamp)}`
}

function imageOutput(repositories: string[], rewriteTimestamp: boolean): string {
  const names = repositories.length > 1 ? `"name=${repositories.join(',')}"` : `name=${repositories[0]}`
  return `type=image,${names},push-by-digest=true,name-canonical=true,push=true${rewrite(rewriteTimestamp)}`
}

export interface BuilderSpec {
  name: string
  driver: 'docker-container' | 'remote' | 'kubernetes'
  endpoint: string
  driverOpts: string[]
  configFile: string
  /** The first node's platforms (`--platform`): none for a lone node that is not kubernetes. */
  platforms: string[]
}

export function createBuilderArgs(b: BuilderSpec): string[] {
  const args = ['buildx', 'create', '--name', b.name, '--driver', b.driver]
  for (const opt of b.driverOpts) args.push('--driver-opt', opt)
  if (b.configFile && b.driver !== 'remote') args.push('--config', b.configFile)
  // The first node's own platforms: buildx places a platform on a node whose list names it.
  if (b.platforms.length) args.push('--platform', b.platforms.join(','))
  args.push('--bootstrap')
  if (b.endpoint) args.push(b.endpoint)
  return args
}

/** A node for one platform added to a builder: a native machine for it (kubernetes: pods placed by node selector, no endpoint). */
export const appendNodeArgs = (
  builder: string,
  driver: BuilderSpec['driver'],
  node: { platform: string; endpoint: string },
  driverOpts: string[]
) => [
  'buildx',
  'create',
  '--append',
  '--name',
  builder,
  '--driver',
  driver,
  ...driverOpts.flatMap(o => ['--driver-opt', o]),
  '--platform',
  node.platform,
  '--node',
  `${builder}-${node.platform.replace(/\//g, '-')}`,
  ...(node.endpoint ? [node.endpoint] : [])
]

export const removeBuilderArgs = (name: string) => ['buildx', 'rm', '--force', name]

/** tonistiigi/binfmt's interface: `--install arm64,riscv64`. */
export const binfmtArgs = (image: string, arches: string[]) => ['run', '--privileged', '--rm', image, '--install', arches.join(',')]

export const loginArgs = (registry: string, username: string) => [
  'login',
  '--username',
  username,
  '--password-stdin',
  ...(registry ? [registry] : [])
]

export const logoutArgs = (registry: string) => ['logout', ...(registry ? [registry] : [])]

export const inspectRawArgs = (ref: string) => ['buildx', 'imagetools', 'inspect', '--raw', ref]

export const inspectConfigArgs = (ref: string) => ['buildx', 'imagetools', 'inspect', '--format', '{{json .Image}}', ref]

// The builder a run uses, decided from the inputs and what the machine has: which buildx, which
// driver, and the spec of a builder to create (its buildkitd config, TLS files, nodes). Pure.
import { join } from 'node:path'
import type { Inputs } from '../inputs/inputs.js'
import { isLoopbackHost, registryOf } from '../registry/reference.js'
import { GHA_V2_BUILDX } from './cache-plan.js'
import { appendNodeArgs, type BuilderSpec } from './args.js'
import { atLeast } from './version.js'
import { pinnedLocalName } from '../github/image-cache.js'
import { machineOf } from './emulation.js'

export interface EngineFacts {
  /** The daemon keeps images in containerd: multi-platform images and cache export work on its builder. */
  containerdStore: boolean
  /** The engine's version: its BuildKit is what the docker driver builds with. */
  version?: string
  /** The engine's host name (docker info's Name): this machine's when the engine runs here. */
  name?: string
}

/** Older buildx lacks what the action relies on (multi-platform docker driver, rawjson-era flags). */
const MIN_BUILDX = '0.13.0'
/** Installed when the runner's buildx cannot do what the inputs ask and no version was asked for. */
export const DEFAULT_BUILDX = 'v0.37.1'
/**
 * The default's linux-amd64 binary, as its release's checksums.txt gives it and as projects
 * that pin it record it: checked beside checksums.txt, so that the default stays the binary it
 * was reviewed as even if the download site were changed under it.
 */
export const DEFAULT_BUILDX_SHA256: Record<string, string> = {
  'buildx-v0.37.1.linux-amd64': '9447199cdb435f25880548343c128a4b6650e8891ee598905d8d29d39a8e359b'
}

interface BuildxNeed {
  version: string
  why: string
}

/** The oldest buildx that can do what the build asks of it. */
export function buildxNeeded(cacheTypes: string[]): BuildxNeed {
  if (cacheTypes.includes('gha')) return { version: GHA_V2_BUILDX, why: "cache: gha (v2 of GitHub's cache service)" }
  return { version: MIN_BUILDX, why: 'the action' }
}

/** The version to install and why, or undefined to use the runner's own. */
export function buildxToInstall(
  wanted: string,
  installed: string | undefined,
  need: BuildxNeed = buildxNeeded([])
): { version: string; why: string } | undefined {
  if (wanted !== 'installed') return { version: wanted.startsWith('v') ? wanted : `v${wanted}`, why: 'as buildx-version asks' }
  if (!installed) return { version: DEFAULT_BUILDX, why: 'the runner has none' }
  if (atLeast(installed, need.version)) return undefined
  return { version: DEFAULT_BUILDX, why: `the runner's ${installed} is older than ${need.version}, which ${need.why} needs` }
}

export function buildxAsset(version: string, platform = process.platform, arch = process.arch): string {
  const archName =
    ({ x64: 'amd64', arm64: 'arm64', arm: 'arm-v7', s390x: 's390x', ppc64: 'ppc64le', riscv64: 'riscv64' } as Record<string, string>)[
      arch
    ] ?? arch
  return `buildx-${version}.${platform}-${archName}${platform === 'win32' ? '.exe' : ''}`
}

/**
 * `auto`: the runner's own docker builder when it can do the job (containerd store, or a single
 * platform with at most inline cache and no builder options), else a docker-container builder.
 */
export function chooseDriver(
  inputs: Pick<Inputs, 'driver' | 'driverOpts' | 'buildkitdConfig' | 'endpoint' | 'platforms' | 'load'>,
  facts: EngineFacts,
  cacheTo: string[]
): Exclude<Inputs['driver'], 'auto'> {
  if (inputs.driver !== 'auto') return inputs.driver
  if (inputs.driverOpts.length || inputs.buildkitdConfig.trim() || inputs.endpoint) return 'docker-container'
  if (facts.containerdStore) return 'docker'
  const onlyInline = cacheTo.every(c => c === 'type=inline')
  return inputs.platforms.length === 1 && onlyInline && !inputs.load ? 'docker' : 'docker-container'
}

/** Registries on the runner's loopback (a `services:` registry) that a builder must reach over plain HTTP. */
export function loopbackRegistries(refs: string[]): string[] {
  return [...new Set(refs.map(registryOf).filter(isLoopbackHost))]
}

export function buildkitdConfig(userConfig: string, plainHttp: string[], entitlements: string[] = []): string {
  const extra = plainHttp
    // buildx's TOML parser rejects `]` in a table key, so `[::1]` gets no entry: BuildKit speaks
    // plain HTTP to loopback addresses by itself, network=host is what it needs.
    .filter(h => !h.startsWith('[') && !userConfig.includes(`[registry."${h}"]`))
    .map(h => `[registry."${h}"]\n  http = true\n  insecure = true`)
  // A top-level key: before any table. The user's own list stays theirs.
  const granted =
    entitlements.length && !/^\s*insecure-entitlements\s*=/m.test(userConfig)
      ? `insecure-entitlements = [${entitlements.map(e => `"${e}"`).join(', ')}]`
      : ''
  return [granted, userConfig.trim(), ...extra].filter(Boolean).join('\n\n') + '\n'
}

/**
 * The builder the action would create: its spec, the files it needs (buildkitd config; the
 * remote driver's TLS material, which buildx only takes as paths), and the nodes to append.
 */
export function builderSpec(
  inputs: Pick<Inputs, 'driverOpts' | 'tls' | 'buildkitdConfig' | 'appendNodes' | 'endpoint' | 'platforms' | 'buildkitImage' | 'allow'>,
  driver: BuilderSpec['driver'],
  name: string,
  tempDir: string,
  refs: string[]
): { spec: BuilderSpec; config: string; files: Record<string, string>; appends: string[][] } {
  const loopback = loopbackRegistries(refs)
  const driverOpts = [...inputs.driverOpts]
  // The pinned BuildKit, under the local name the pipeline readies it as (from the GitHub cache, or pulled by digest).
  if (driver === 'docker-container' && !driverOpts.some(o => o.startsWith('image=')))
    driverOpts.push(`image=${pinnedLocalName(inputs.buildkitImage)}`)
  if (driver === 'docker-container' && loopback.length && !driverOpts.some(o => o.startsWith('network='))) {
    driverOpts.push('network=host')
  }
  const files: Record<string, string> = {}
  const tlsOpts: string[] = []
  for (const [opt, pem] of [
    ['cacert', inputs.tls.ca],
    ['cert', inputs.tls.cert],
    ['key', inputs.tls.key]
  ] as const) {
    if (!pem || driver !== 'remote') continue
    const path = join(tempDir, `${name}-${opt}.pem`)
    files[path] = `${pem}\n`
    tlsOpts.push(`${opt}=${path}`)
  }
  driverOpts.push(...tlsOpts)
  const config = buildkitdConfig(inputs.buildkitdConfig, loopback, inputs.allow)
  const configFile = config.trim() ? join(tempDir, `${name}-buildkitd.toml`) : ''
  const first = firstNodePlatforms(inputs, driver)
  const appends = inputs.appendNodes.map(node =>
    appendNodeArgs(
      name,
      driver,
      node,
      driver === 'remote' ? tlsOpts : driver === 'kubernetes' ? kubernetesNodeOpts(driverOpts, [node.platform]) : []
    )
  )
  return {
    spec: {
      name,
      driver,
      endpoint: inputs.endpoint,
      driverOpts: driver === 'kubernetes' && inputs.appendNodes.length ? kubernetesNodeOpts(driverOpts, first) : driverOpts,
      configFile,
      platforms: first
    },
    config: configFile ? config : '',
    files,
    appends
  }
}

/**
 * The platforms the first node is fixed to. buildx places each platform on a node whose own
 * `--platform` list names it, else on the first node that can build it, emulating if it must:
 * with nodes appended, the first node names every platform no appended node names, so that a
 * platform with a native node is never emulated on the first. A lone node is left as buildx
 * makes it, but for kubernetes, whose pods are told their platforms.
 */
function firstNodePlatforms(inputs: Pick<Inputs, 'appendNodes' | 'platforms'>, driver: BuilderSpec['driver']): string[] {
  if (!inputs.appendNodes.length) return driver === 'kubernetes' ? inputs.platforms : []
  const appended = new Set(inputs.appendNodes.map(n => n.platform))
  return inputs.platforms.filter(p => !appended.has(p))
}

/** Kubernetes' name for a platform's architecture (its `kubernetes.io/arch` label). */
const kubernetesArch = (platform: string) => platform.split('/')[1] ?? ''

/**
 * A kubernetes node's options: the builder's own (namespace, replicas, loadbalance, ...) with
 * its node selector narrowed to its platforms' one architecture (`kubernetes.io/arch`, added to
 * the user's labels or put in place of the one they give), so that each platform's pods run on
 * machines of that architecture.
 */
function kubernetesNodeOpts(driverOpts: string[], platforms: string[]): string[] {
  const arches = [...new Set(platforms.map(kubernetesArch))]
  if (arches.length !== 1) return driverOpts
  const arch = `kubernetes.io/arch=${arches[0]}`
  const given = driverOpts.find(o => o.startsWith('nodeselector='))
  const labels = given
    ? given
        .slice('nodeselector='.length)
        .split(',')
        .filter(l => !l.startsWith('kubernetes.io/arch='))
    : []
  return [...driverOpts.filter(o => o !== given), `nodeselector=${[...labels, arch].join(',')}`]
}

/** Where each platform will build, for the log: the node whose list names it. */
export function placement(inputs: Pick<Inputs, 'appendNodes' | 'platforms'>, spec: BuilderSpec): string[] {
  const first = `${spec.name}0`
  return inputs.platforms.map(platform => {
    const node = inputs.appendNodes.find(n => n.platform === platform)
    if (node)
      return `${platform}: node ${spec.name}-${platform.replace(/\//g, '-')} (${node.endpoint || 'pods on its architecture'}), which names it`
    if (spec.platforms.includes(platform)) return `${platform}: node ${first} (the first), which names it`
    return `${platform}: no node names it; buildx places it on the first node that can build it, emulating it if it must`
  })
}

/** A node of a builder: its name and the platforms it builds, those fixed by `--platform` first (buildx prefers a node that fixes a platform). */
export interface BuilderNode {
  name: string
  fixed: string[]
  platforms: string[]
}

/** The nodes `docker buildx inspect` lists: each `Name:` after `Nodes:`, its `Platforms:` (a fixed one ends in `*`). */
export function builderNodes(inspect: string): BuilderNode[] {
  const nodes: BuilderNode[] = []
  let inNodes = false
  for (const line of inspect.split('\n')) {
    if (/^Nodes:/.test(line)) inNodes = true
    const [key, ...rest] = line.split(':')
    const value = rest.join(':').trim()
    if (!inNodes) continue
    if (key === 'Name') nodes.push({ name: value, fixed: [], platforms: [] })
    else if (key === 'Platforms' && nodes.length) {
      const listed = value
        .split(',')
        .map(p => p.trim())
        .filter(Boolean)
      nodes[nodes.length - 1].platforms = listed.map(p => p.replace(/\*$/, ''))
      nodes[nodes.length - 1].fixed = listed.filter(p => p.endsWith('*')).map(p => p.replace(/\*$/, ''))
    }
  }
  return nodes
}

/** The nodes of the builder the action creates, as buildx will name them (the first is `<name>0`). */
export function createdNodes(create: Pick<ReturnType<typeof builderSpec>, 'spec' | 'appends'>): BuilderNode[] {
  const appended = create.appends.map(args => {
    const platform = args[args.indexOf('--platform') + 1]
    return { name: args[args.indexOf('--node') + 1], fixed: [platform], platforms: [platform] }
  })
  return [{ name: `${create.spec.name}0`, fixed: create.spec.platforms, platforms: create.spec.platforms }, ...appended]
}

/** The node buildx gives a platform: one that fixes it, else the first that lists it, else the first. */
function nodeFor(platform: string, nodes: BuilderNode[]): BuilderNode | undefined {
  return nodes.find(n => n.fixed.includes(platform)) ?? nodes.find(n => n.platforms.includes(platform)) ?? nodes[0]
}

/** The builds a build of several nodes is split into: one per node, of the platforms it gets. One group: no split. */
export function nodeGroups(platforms: string[], nodes: BuilderNode[]): { node: string; platforms: string[] }[] {
  const groups: { node: string; platforms: string[] }[] = []
  for (const platform of platforms) {
    const node = nodeFor(platform, nodes)?.name ?? ''
    const group = groups.find(g => g.node === node)
    if (group) group.platforms.push(platform)
    else groups.push({ node, platforms: [platform] })
  }
  return groups
}

/**
 * Whether a node builds a platform natively: the platform is of the node's own architecture
 * (or the 32-bit one it carries). A node's own is, in order: the runner's, for a node that runs
 * on the runner (the docker-container builder the action creates); the first platform the
 * node fixes (a node appended or fixed for a platform is that platform's machine); else the
 * first its BuildKit lists, which is the machine's own (QEMU's come after).
 */
function buildsNatively(platform: string, node: BuilderNode, runnerPlatform?: string): boolean {
  const own = runnerPlatform ?? node.fixed[0] ?? node.platforms[0]
  return own !== undefined && machineOf(own) === machineOf(platform)
}

/** Where each platform was built: its node, and whether that node is of its architecture. */
export interface Placement {
  platform: string
  node: string
  native: boolean
}

/** `onRunner`: the node that runs on the runner itself, and the runner's platform. */
export function placements(
  groups: { node: string; platforms: string[] }[],
  nodes: BuilderNode[],
  onRunner?: { node: string; platform: string }
): Placement[] {
  return groups.flatMap(g =>
    g.platforms.map(platform => {
      const node = nodes.find(n => n.name === g.node) ?? nodeFor(platform, nodes)
      const runner = node && onRunner?.node === node.name ? onRunner.platform : undefined
      return { platform, node: node?.name ?? g.node, native: node ? buildsNatively(platform, node, runner) : false }
    })
  )
}

/**
 * What a build spread over several nodes cannot do, each named by its input: buildx exports
 * only a registry push from several nodes (no load, no OCI layout), and each node keeps its own
 * cache mounts and would write the same local cache directory.
 */
export function severalNodesProblems(inputs: Pick<Inputs, 'push' | 'load' | 'cacheMounts' | 'cache'>, why: string): string[] {
  const problems: string[] = []
  if (!inputs.push)
    problems.push(
      `Input 'push': ${why}, which can only push: each node's part goes to the registry and the action writes the index there. Set push: true, or build on one node.`
    )
  if (inputs.load)
    problems.push(
      `Input 'load': ${why}; the engine cannot load an image made on several nodes. Pull it by digest after the push, or build on one node.`
    )
  if (inputs.cacheMounts.length)
    problems.push(
      `Input 'cache-mounts': ${why}, and each node keeps its own cache mounts, which one restore and one save cannot carry. Leave cache-mounts empty, or build on one node.`
    )
  if (inputs.cache.includes('local'))
    problems.push(`Input 'cache': local with ${why.replace(/^the /, '')}: each node would write the same directory. Use gha or registry.`)
  return problems
}

// The builder a run uses, decided from the inputs and what the machine has: which buildx, which
// driver, and the spec of a builder to create (its buildkitd config, TLS files, nodes). Pure.
import { join } from 'node:path'
import type { Inputs } from './inputs.js'
import { isLoopbackHost, registryOf } from './reference.js'
import { GHA_V2_BUILDX } from './cache-plan.js'
import { appendNodeArgs, type BuilderSpec } from './args.js'
import { atLeast } from './version.js'
import { pinnedLocalName } from './image-cache.js'

export interface EngineFacts {
  /** The daemon keeps images in containerd: multi-platform images and cache export work on its builder. */
  containerdStore: boolean
}

/** Older buildx lacks what the action relies on (multi-platform docker driver, rawjson-era flags). */
export const MIN_BUILDX = '0.13.0'
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

export interface BuildxNeed {
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
export function firstNodePlatforms(inputs: Pick<Inputs, 'appendNodes' | 'platforms'>, driver: BuilderSpec['driver']): string[] {
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
export function kubernetesNodeOpts(driverOpts: string[], platforms: string[]): string[] {
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

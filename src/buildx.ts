// buildx: find or install it, and pick (or create) the builder the build runs on.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Inputs } from './inputs.js'
import type { Docker } from './docker.js'
import { mustRun } from './docker.js'
import { createBuilderArgs, type BuilderSpec } from './args.js'
import { atLeast, parseVersion } from './version.js'
import type { Runtime } from './runtime.js'
import { STATE } from './runtime.js'
import { dockerConfigDir, engineFacts, readDockerConfig, type EngineFacts, type Env } from './engine.js'

/** Older buildx lacks what the action relies on (multi-platform docker driver, rawjson-era flags). */
export const MIN_BUILDX = '0.13.0'
/** Installed when the runner has no usable buildx and no version was asked for. */
export const DEFAULT_BUILDX = 'v0.23.0'

/** Where the docker CLI looks for its buildx plugin, in its order; undefined when it may look elsewhere. */
export function buildxPlugin(env: Env, exists: (path: string) => boolean = existsSync): string | undefined {
  if (readDockerConfig(env).cliPluginsExtraDirs) return undefined
  const dirs = [join(dockerConfigDir(env), 'cli-plugins'), ...['/usr/local/lib', '/usr/local/libexec', '/usr/lib', '/usr/libexec'].map(d => `${d}/docker/cli-plugins`)]
  return dirs.map(d => join(d, 'docker-buildx')).find(exists)
}

/** The plugin is asked directly when it can be found: a docker CLI start less. */
export async function installedBuildx(run: Docker, env: Env): Promise<string | undefined> {
  const plugin = buildxPlugin(env)
  const result = plugin ? await run(['version'], { quiet: true, command: plugin }) : await run(['buildx', 'version'], { quiet: true })
  return result.code === 0 ? parseVersion(result.stdout) : undefined
}

/** The version to install, or undefined to use the runner's own. */
export function buildxToInstall(wanted: string, installed: string | undefined): string | undefined {
  if (wanted !== 'installed') return wanted.startsWith('v') ? wanted : `v${wanted}`
  return installed && atLeast(installed, MIN_BUILDX) ? undefined : DEFAULT_BUILDX
}

export function buildxAsset(version: string, platform = process.platform, arch = process.arch): string {
  const archName = ({ x64: 'amd64', arm64: 'arm64', arm: 'arm-v7', s390x: 's390x', ppc64: 'ppc64le', riscv64: 'riscv64' } as Record<string, string>)[arch] ?? arch
  return `buildx-${version}.${platform}-${archName}${platform === 'win32' ? '.exe' : ''}`
}

/** Download (or take from the tool cache), verify against the release's checksums, and install as a CLI plugin. */
export async function installBuildx(version: string, baseUrl: string, env: Record<string, string | undefined>): Promise<string> {
  const tc = await import('@actions/tool-cache') // loaded only when installing (start-up time)
  let dir = tc.find('docker-buildx', version.slice(1))
  if (!dir) {
    const asset = buildxAsset(version)
    const url = `${baseUrl}/${version}/${asset}`
    const file = await tc.downloadTool(url)
    const sums = await readFile(await tc.downloadTool(`${baseUrl}/${version}/checksums.txt`), 'utf8')
    const expected = sums.split('\n').map(l => l.trim().split(/\s+\*?/)).find(([, name]) => name === asset)?.[0]
    const actual = createHash('sha256').update(await readFile(file)).digest('hex')
    if (!expected) throw new Error(`buildx ${version}: ${asset} is not listed in checksums.txt at ${baseUrl}/${version}`)
    if (expected !== actual) throw new Error(`buildx ${version}: checksum mismatch for ${url} (expected ${expected}, got ${actual})`)
    dir = await tc.cacheFile(file, 'docker-buildx', 'docker-buildx', version.slice(1))
  }
  const plugins = join(dockerConfigDir(env), 'cli-plugins')
  await mkdir(plugins, { recursive: true })
  const target = join(plugins, 'docker-buildx')
  await copyFile(join(dir, 'docker-buildx'), target)
  await chmod(target, 0o755)
  return target
}


/**
 * `auto`: the runner's own docker builder when it can do the job (containerd store, or a single
 * platform with at most inline cache and no builder options), else a docker-container builder.
 */
export function chooseDriver(inputs: Inputs, facts: EngineFacts, cacheTo: string[]): Exclude<Inputs['driver'], 'auto'> {
  if (inputs.driver !== 'auto') return inputs.driver
  if (inputs.driverOpts.length || inputs.buildkitdConfig.trim() || inputs.endpoint) return 'docker-container'
  if (facts.containerdStore) return 'docker'
  const onlyInline = cacheTo.every(c => c === 'type=inline')
  return inputs.platforms.length === 1 && onlyInline && !inputs.load ? 'docker' : 'docker-container'
}

/** Registries on the runner's loopback (a `services:` registry) that a builder must reach over plain HTTP. */
export function loopbackRegistries(refs: string[]): string[] {
  const hosts = refs
    .map(r => /^([^/]+)\//.exec(r.replace(/^type=[^,]*,(?:.*,)?ref=/, ''))?.[1] ?? '')
    .filter(h => /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(h))
  return [...new Set(hosts)]
}

export function buildkitdConfig(userConfig: string, plainHttp: string[]): string {
  const extra = plainHttp
    .filter(h => !userConfig.includes(`[registry."${h}"]`))
    .map(h => `[registry."${h}"]\n  http = true\n  insecure = true`)
  return [userConfig.trim(), ...extra].filter(Boolean).join('\n\n') + '\n'
}

export async function createBuilder(
  run: Docker,
  inputs: Inputs,
  driver: BuilderSpec['driver'],
  name: string,
  tempDir: string,
  refs: string[]
): Promise<void> {
  const loopback = loopbackRegistries(refs)
  const driverOpts = [...inputs.driverOpts]
  if (driver === 'docker-container' && loopback.length && !driverOpts.some(o => o.startsWith('network='))) {
    driverOpts.push('network=host')
  }
  let configFile = ''
  const config = buildkitdConfig(inputs.buildkitdConfig, loopback)
  if (config.trim()) {
    configFile = join(tempDir, `${name}-buildkitd.toml`)
    await writeFile(configFile, config)
  }
  const spec: BuilderSpec = { name, driver, endpoint: inputs.endpoint, driverOpts, configFile, platforms: inputs.platforms }
  await mustRun(run, createBuilderArgs(spec), `Creating the ${driver} builder`)
}

export interface BuildxSetup {
  version: string
  driver: Exclude<Inputs['driver'], 'auto'>
  /** '' when the runner's current builder is used. */
  builder: string
}

/** Make buildx usable and decide where the build runs; a builder it creates is removed in post. */
export async function setupBuildx(
  rt: Runtime,
  inputs: Inputs,
  names: { builder: string; temp: string },
  cacheTo: string[],
  refs: string[]
): Promise<BuildxSetup> {
  // Both questions at once: each is a process start.
  const facts = engineFacts(rt.docker, rt.env)
  facts.catch(() => undefined) // awaited below; an early rejection is not unhandled
  const installed = await installedBuildx(rt.docker, rt.env)
  const wanted = buildxToInstall(inputs.buildxVersion, installed)
  if (wanted) {
    const why = inputs.buildxVersion !== 'installed' ? 'as buildx-version asks' : installed ? `the runner's ${installed} is older than ${MIN_BUILDX}` : 'the runner has none'
    rt.info(`Installing buildx ${wanted} (${why})`)
    await installBuildx(wanted, inputs.buildxDownloadUrl, rt.env)
  }
  const version = (wanted ? await installedBuildx(rt.docker, rt.env) : installed) ?? ''
  if (!version) throw new Error('buildx is not usable after setup: `docker buildx version` fails')
  const driver = chooseDriver(inputs, await facts, cacheTo)
  rt.info(`buildx ${version}, ${driver} driver`)
  if (driver === 'docker') return { version, driver, builder: '' }
  rt.saveState(STATE.builder, names.builder)
  await createBuilder(rt.docker, inputs, driver, names.builder, names.temp, refs)
  return { version, driver, builder: names.builder }
}

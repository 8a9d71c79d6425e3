// buildx: find or install it, and pick (or create) the builder the build runs on.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { InputError, type Inputs } from '../../core/inputs/inputs.js'
import { type Docker, lastLines, mustRun, withBuildx } from '../host/docker.js'
import { download } from '../host/download.js'
import { readyImage } from '../github/image-cache.js'
import { pinnedLocalName } from '../../core/github/image-cache.js'
import { createBuilderArgs } from '../../core/builder/args.js'
import { atLeast, parseVersion } from '../../core/builder/version.js'
import { errorMessage } from '../../core/errors.js'
import {
  builderNodes,
  nodeGroups,
  severalNodesProblems,
  buildxAsset,
  buildxNeeded,
  buildxToInstall,
  DEFAULT_BUILDX_SHA256,
  placement,
  type BuilderNode
} from '../../core/builder/builder.js'
import type { BuilderToCreate, Driver, RunPlan } from '../../core/run-plan.js'
import type { Runtime } from '../host/runtime.js'
import type { Env } from '../../core/host/env.js'
import { dockerConfigDir, engineFacts, readDockerConfig } from '../host/docker-config.js'

/** Where the docker CLI looks for its buildx plugin, in its order; undefined when it may look elsewhere. */
export function buildxPlugin(env: Env, exists: (path: string) => boolean = existsSync): string | undefined {
  if (readDockerConfig(env).cliPluginsExtraDirs) return undefined
  const dirs = [
    join(dockerConfigDir(env), 'cli-plugins'),
    ...['/usr/local/lib', '/usr/local/libexec', '/usr/lib', '/usr/libexec'].map(d => `${d}/docker/cli-plugins`)
  ]
  return dirs.map(d => join(d, 'docker-buildx')).find(exists)
}

/**
 * The plugin is asked directly when it can be found: a docker CLI start less. Its answer is
 * kept in the tool cache, keyed by the binary's path, size and time, so that a runner whose
 * buildx did not change does not start it again (about 100 ms of every run).
 */
async function installedBuildx(run: Docker, env: Env, binary = buildxPlugin(env)): Promise<string | undefined> {
  const known = binary ? await versionsKnown(env) : {}
  const key = binary ? await binaryKey(binary) : undefined
  if (key && known[key]) return known[key]
  const result = binary ? await run(['version'], { quiet: true, command: binary }) : await run(['buildx', 'version'], { quiet: true })
  const version = result.code === 0 ? parseVersion(result.stdout) : undefined
  if (key && version) await rememberVersion(env, { ...known, [key]: version })
  return version
}

const versionsFile = (env: Env) =>
  env.RUNNER_TOOL_CACHE ? join(env.RUNNER_TOOL_CACHE, 'ci-base-action', 'buildx-versions.json') : undefined

async function binaryKey(binary: string): Promise<string | undefined> {
  const info = await stat(binary).catch(() => undefined)
  return info && `${binary} ${info.size} ${info.mtimeMs}`
}

async function versionsKnown(env: Env): Promise<Record<string, string>> {
  const file = versionsFile(env)
  if (!file) return {}
  try {
    const known = JSON.parse(await readFile(file, 'utf8')) as unknown
    return known && typeof known === 'object' ? (known as Record<string, string>) : {}
  } catch {
    return {}
  }
}

/** Best effort: a tool cache that cannot be written only costs the next run a `buildx version`. */
async function rememberVersion(env: Env, known: Record<string, string>): Promise<void> {
  const file = versionsFile(env)
  if (!file) return
  await mkdir(dirname(file), { recursive: true })
    .then(() => writeFile(file, JSON.stringify(known)))
    .catch(() => undefined)
}

/**
 * Download (or take from the tool cache) and verify against the release's checksums. The binary
 * is run from the tool cache as it is (buildx runs standalone too), never copied over the
 * runner's own plugin: a self-hosted runner's `docker buildx` is the same after the job.
 */
export async function installBuildx(version: string, baseUrl: string, env: Env): Promise<string> {
  let dir = toolCacheHit(env, 'docker-buildx', version.slice(1))
  if (!dir) {
    // Loaded only on a miss: the module costs about 200 ms to load.
    const tc = await import('@actions/tool-cache')
    const asset = buildxAsset(version)
    const url = `${baseUrl}/${version}/${asset}`
    const work = await mkdtemp(join(env.RUNNER_TEMP || tmpdir(), 'buildx-download-'))
    const file = join(work, asset)
    await download(url, file)
    await download(`${baseUrl}/${version}/checksums.txt`, join(work, 'checksums.txt'))
    const sums = await readFile(join(work, 'checksums.txt'), 'utf8')
    const expected = sums
      .split('\n')
      .map(l => l.trim().split(/\s+\*?/))
      .find(([, name]) => name === asset)?.[0]
    const actual = createHash('sha256')
      .update(await readFile(file))
      .digest('hex')
    if (!expected) throw new Error(`buildx ${version}: ${asset} is not listed in checksums.txt at ${baseUrl}/${version}`)
    if (expected !== actual) throw new Error(`buildx ${version}: checksum mismatch for ${url} (expected ${expected}, got ${actual})`)
    const pinned = DEFAULT_BUILDX_SHA256[asset]
    if (pinned && pinned !== actual)
      throw new Error(`buildx ${version}: ${url} is not the release this action pins (sha256 ${pinned}, got ${actual})`)
    dir = await tc.cacheFile(file, 'docker-buildx', 'docker-buildx', version.slice(1))
    await rm(work, { recursive: true, force: true })
  }
  const binary = join(dir, 'docker-buildx')
  await chmod(binary, 0o755) // downloads and cache copies come without the execute bit
  return binary
}

/** A tool the tool cache holds complete, as @actions/tool-cache lays it out (`<tool>/<version>/<arch>` and `<arch>.complete`). */
function toolCacheHit(env: Env, tool: string, version: string, exists: (path: string) => boolean = existsSync): string | undefined {
  if (!env.RUNNER_TOOL_CACHE) return undefined
  const dir = join(env.RUNNER_TOOL_CACHE, tool, version, process.arch)
  return exists(`${dir}.complete`) ? dir : undefined
}

async function createBuilder(run: Docker, create: BuilderToCreate): Promise<void> {
  const { spec, config, files, appends } = create
  if (spec.configFile) await writeFile(spec.configFile, config)
  for (const [path, pem] of Object.entries(files)) await writeFile(path, pem, { mode: 0o600 })
  await mustRun(run, createBuilderArgs(spec), `Creating the ${spec.driver} builder`)
  for (const append of appends) await mustRun(run, append, `Appending the ${append[append.indexOf('--platform') + 1]} node`)
}

/** A builder the user keeps (a warm one on a self-hosted runner): started if it is not, never created or removed here. */
async function existingBuilder(run: Docker, name: string): Promise<{ driver: Driver; nodes: BuilderNode[] }> {
  const inspected = await run(['buildx', 'inspect', '--bootstrap', name], { quiet: true })
  if (inspected.code !== 0) {
    throw new Error(
      `Input 'builder': '${name}' is not a usable builder (docker buildx ls lists the builders):\n${lastLines(inspected.stderr || inspected.stdout, 5)}`
    )
  }
  const driver = /^Driver:\s*(\S+)/m.exec(inspected.stdout)?.[1] ?? ''
  return {
    driver: (['docker', 'docker-container', 'remote', 'kubernetes'] as const).find(d => d === driver) ?? 'docker-container',
    nodes: builderNodes(inspected.stdout)
  }
}

/**
 * The `builder` input's driver and nodes, for the plan. A builder of several nodes splits a
 * build of several platforms between them: what such a build cannot do is refused now.
 */
export async function existingBuilderFacts(
  run: Docker,
  inputs: Pick<Inputs, 'builder' | 'platforms' | 'mode' | 'push' | 'load' | 'cacheMounts' | 'cache'>
): Promise<{ existingDriver: Driver; existingNodes: BuilderNode[] }> {
  const { driver, nodes } = await existingBuilder(run, inputs.builder)
  const groups = nodeGroups(inputs.platforms, nodes)
  if (groups.length > 1 && inputs.mode === 'build') {
    const problems = severalNodesProblems(inputs, `the builder '${inputs.builder}' builds the platforms on ${groups.length} nodes`)
    if (problems.length) throw new InputError(problems)
  }
  return { existingDriver: driver, existingNodes: nodes }
}

/** The nodes of the builder a build runs on, asked after setup for the report ('' is the current builder). */
export async function nodesOf(run: Docker, builder: string): Promise<BuilderNode[]> {
  const inspected = await run(['buildx', 'inspect', ...(builder ? [builder] : [])], { quiet: true })
  return inspected.code === 0 ? builderNodes(inspected.stdout) : []
}

export interface BuildxSetup {
  version: string
  /** The buildx binary run directly (the one the action installed, or the runner's plugin); undefined when only `docker buildx` finds it. */
  binary?: string
}

/**
 * The engine is asked only when it may build: `auto` chooses by it, and the docker driver's push
 * depends on whether it runs here. The answer (the engine's /info, tens of milliseconds) is
 * awaited when the plan is made; a caller may ask early, while it reads other things.
 */
export function askEngine(rt: Pick<Runtime, 'docker' | 'env'>, inputs: Pick<Inputs, 'driver' | 'builder'>) {
  const facts = (inputs.driver === 'auto' || inputs.driver === 'docker') && !inputs.builder ? engineFacts(rt.docker, rt.env) : undefined
  facts?.catch(() => undefined) // awaited later; an early rejection is not unhandled
  return facts
}

/**
 * Make buildx usable: the runner's, or the version the inputs need, installed for the job. When
 * only `cache: gha` needs a newer one and it cannot be downloaded (a runner without access to
 * GitHub's releases), the runner's is used and `withoutGha` says why the gha cache is left out.
 */
export async function readyBuildx(
  rt: Runtime,
  inputs: Pick<Inputs, 'buildxVersion' | 'buildxDownloadUrl'>,
  plan: Pick<RunPlan, 'cache'>
): Promise<BuildxSetup & { withoutGha?: string }> {
  // An explicit version is installed whatever the runner has: no need to ask the runner's.
  const installed = inputs.buildxVersion === 'installed' ? await installedBuildx(rt.docker, rt.env) : undefined
  const need = buildxNeeded(plan.cache.types)
  const wanted = buildxToInstall(inputs.buildxVersion, installed, need)
  let binary: string | undefined
  let withoutGha: string | undefined
  if (wanted) {
    rt.info(`Installing buildx ${wanted.version} (${wanted.why})`)
    try {
      binary = await installBuildx(wanted.version, inputs.buildxDownloadUrl, rt.env)
      rt.remember({ buildx: binary })
    } catch (e) {
      // Only gha's need can be given up: the build itself runs on what the runner has.
      if (!installed || !atLeast(installed, buildxNeeded([]).version) || !plan.cache.types.includes('gha')) throw e
      withoutGha =
        `buildx ${wanted.version}, which ${need.why} needs, could not be downloaded from ${inputs.buildxDownloadUrl} (${errorMessage(e)}); ` +
        `building with the runner's buildx ${installed}, without the gha cache. Set buildx-download-url to a mirror, or use cache: registry.`
    }
  }
  const version = (binary ? await installedBuildx(rt.docker, rt.env, binary) : installed) ?? ''
  if (!version) throw new Error(`buildx is not usable after setup: \`${binary ?? 'docker buildx'} version\` fails`)
  // The runner's own plugin runs standalone too: each `docker buildx` would first start the
  // docker CLI, which looks the plugin up (about 200 ms a call).
  binary ??= buildxPlugin(rt.env)
  return { version, binary, ...(withoutGha ? { withoutGha } : {}) }
}

/** Use the builder the plan names: the user's, the runner's, or one created now (post removes it). */
export async function useBuilder(
  rt: Runtime,
  inputs: Pick<Inputs, 'builder' | 'buildkitImage' | 'platforms' | 'appendNodes' | 'cacheTimeoutMs'>,
  plan: Pick<RunPlan, 'driver' | 'create'>,
  { version, binary }: BuildxSetup,
  temp: string
): Promise<void> {
  if (inputs.builder) {
    rt.info(`buildx ${version}, the existing builder ${inputs.builder} (${plan.driver} driver), left running after the job`)
  } else {
    rt.info(`buildx ${version}, ${plan.driver} driver`)
  }
  // The builder's BuildKit from the GitHub cache when a run before pulled it: no Docker Hub pull.
  if (plan.create?.spec.driverOpts.includes(`image=${pinnedLocalName(inputs.buildkitImage)}`)) {
    const { save, pullError } = await readyImage(rt, 'buildkit', inputs.buildkitImage, temp, 'builder image', inputs.cacheTimeoutMs)
    if (pullError)
      throw new Error(
        `Pulling the builder image ${inputs.buildkitImage} failed: ${pullError}\nSet buildkit-image to a copy your runner can pull (a mirror, with its login), or use driver: docker.`
      )
    if (save) rt.remember({ buildkitCache: save })
  }
  if (plan.create) {
    rt.remember({ builder: plan.create.spec.name })
    await createBuilder(withBuildx(rt.docker, binary), plan.create)
    if (plan.create.appends.length) for (const line of placement(inputs, plan.create.spec)) rt.info(`Where it builds: ${line}`)
  }
}

// `npm run bench`: what the action costs over raw buildx and over docker/build-push-action, on
// the image users build (the realistic fixture: about 250 MB a platform), on the local stack
// (scripts/stack.sh). Every comparison runs the same work on each side, alternates which side
// goes first, and times each side as whole processes. Writes bench/results.json,
// bench/RESULTS.md and the table in docs/speed.md, naming the commit it ran on.
//
// docker/build-push-action and docker/setup-buildx-action are not part of this repository:
// BUILD_PUSH_ACTION and SETUP_BUILDX_ACTION name checkouts of their releases (action.yml +
// dist/), which run here as the runner runs them. Without them those cells say so.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { ROOT, actionNode, actionYml, runAction } from './lib/runner.mjs'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const REGISTRY = process.env.TEST_REGISTRY ?? 'localhost:5000'
// Each bench run pushes to repositories of its own: no figure depends on what an earlier run left.
const BENCH_RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
const benchRepository = name => `${REGISTRY}/bench/${BENCH_RUN}/${name}`
const STACK_DIR = process.env.STACK_DIR ?? '/var/lib/ci-base-stack'
const BUILDX = 'v0.30.0'
const BUILDX_RELEASES = `http://127.0.0.1:${process.env.RELEASES_PORT ?? 5080}`
const BUILD_PUSH_ACTION = process.env.BUILD_PUSH_ACTION
const SETUP_BUILDX_ACTION = process.env.SETUP_BUILDX_ACTION
const FIXTURE = '__tests__/fixtures/realistic'
const PACKAGES = `${REGISTRY}/test/packages:bookworm`
const BASE = `${REGISTRY}/test/base:latest`
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
const median = values => {
  const s = [...values].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const ms = started => performance.now() - started
const round1 = n => Math.round(n * 10) / 10
const ratio = (a, b) => Math.round((a / b) * 100) / 100
const signed = n => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(0)}`
const log = message => console.error(`[bench] ${message}`)

/** One command as a whole process: start to exit. */
function timed(cmd, args, env) {
  const started = performance.now()
  const result = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: env ? { ...process.env, ...env } : process.env })
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`)
  return ms(started)
}

/** A JavaScript action's step as the runner runs it (main, then post): both processes, timed whole. */
async function step(options) {
  const result = await runAction({
    ...options,
    // The rebuild rows measure a build: the action's own skip of an unchanged one has a row of its own.
    ...(options.actionDir ? {} : { inputs: { 'skip-unchanged': 'false', ...options.inputs } }),
    env: { GITHUB_WORKFLOW: 'bench', ...(process.env.RUNNER_DEBUG ? { RUNNER_DEBUG: process.env.RUNNER_DEBUG } : {}), ...options.env }
  })
  if (result.main.code !== 0) throw new Error(`${options.actionDir ?? 'the action'} failed:\n${result.main.stdout.slice(-3000)}`)
  return { ...result, total: result.main.ms + result.post.ms }
}

async function tagDigest(repository, tag) {
  const [host, ...path] = repository.split('/')
  const res = await fetch(`http://${host.replace('localhost', '127.0.0.1')}/v2/${path.join('/')}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json' }
  })
  return res.headers.get('docker-content-digest')
}

/**
 * The exact `docker buildx build` argv the action ran (it logs it before building), without
 * `docker`, with its registry cache export put back in: the other sides export in their build.
 * The action exports that cache in a pass of its own (`--output type=cacheonly`) after the build,
 * or says that the cache already holds the build; its spec is then the one `cache: registry`
 * derives (docs/reference.md: `<image>:buildcache`, mode=max, never failing the build).
 */
function buildArgv(stdout, repository) {
  const lines = stdout.split('\n').filter(l => l.startsWith('docker buildx build '))
  const build = lines
    .find(l => !l.includes('--output type=cacheonly'))
    .split(' ')
    .slice(1)
  const cachePass = lines.find(l => l.includes('--output type=cacheonly'))?.split(' ')
  const derived = `type=registry,ref=${repository}:buildcache,mode=max,ignore-error=true`
  if (!cachePass && !stdout.includes(`${repository}:buildcache already holds this build`))
    throw new Error('the action neither exported its registry cache nor found it up to date')
  const cacheTo = cachePass ? valuesOf(cachePass, '--cache-to') : [derived]
  return [...build.slice(0, -1), ...cacheTo.flatMap(c => ['--cache-to', c]), build[build.length - 1]]
}

/** The same build pushed by tag, the way a user types it, instead of to the action's own output. */
function pushingByTag(argv, tag, metadataFile) {
  const out = [...argv]
  out.splice(out.indexOf('--output'), 2, '--output', `type=image,name=${tag},push=true,oci-mediatypes=true`)
  out[out.indexOf('--metadata-file') + 1] = metadataFile
  out[out.indexOf('--progress') + 1] = 'quiet'
  return out
}

/** A value after a flag, for every occurrence. */
const valuesOf = (argv, flag) => argv.flatMap((a, i) => (a === flag ? [argv[i + 1]] : []))

/**
 * build-push-action's inputs for the same build: the same build args (SOURCE_DATE_EPOCH
 * included), labels, annotations and caches, provenance off as the action's, pushed by tag.
 */
function buildPushInputs(argv, tag, builder) {
  return {
    context: FIXTURE,
    file: `${FIXTURE}/Dockerfile`,
    platforms: 'linux/amd64,linux/arm64',
    tags: tag,
    provenance: 'false',
    'build-args': valuesOf(argv, '--build-arg').join('\n'),
    labels: valuesOf(argv, '--label').join('\n'),
    annotations: valuesOf(argv, '--annotation').join('\n'),
    'cache-from': valuesOf(argv, '--cache-from').join('\n'),
    'cache-to': valuesOf(argv, '--cache-to').join('\n'),
    outputs: 'type=image,push=true,oci-mediatypes=true',
    ...(builder ? { builder } : {})
  }
}

function machine() {
  return {
    cpu: cpus()[0]?.model.trim(),
    cores: cpus().length,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: execFileSync(actionNode(), ['--version'], { encoding: 'utf8' }).trim(),
    docker: run('docker', ['version', '--format', '{{.Server.Version}}']).trim(),
    buildx: run('docker', ['buildx', 'version']).trim().split(' ')[1],
    registry: 'distribution 2.8 on loopback'
  }
}

function commit() {
  const sha = run('git', ['rev-parse', '--short=12', 'HEAD']).trim()
  const dirty = run('git', ['status', '--porcelain', '--untracked-files=no']).trim() !== ''
  return dirty ? `${sha} with uncommitted changes` : sha
}

/**
 * Rounds of the same work on each side, the order alternating (A first in even rounds, B first
 * in odd ones); `check` runs after each round and throws when the sides did not do the same work.
 */
async function paired(name, sides, check, { warmup = true } = {}) {
  // One round untimed first: each side's own first push (a new tag) is not what is measured.
  if (warmup) for (const side of Object.values(sides)) await side()
  const times = Object.fromEntries(Object.keys(sides).map(k => [k, []]))
  for (let i = 0; i < ROUNDS; i++) {
    const order = Object.keys(sides)
    if (i % 2) order.reverse()
    const round = {}
    for (const side of order) {
      round[side] = await sides[side]()
      times[side].push(round[side].ms)
    }
    await check?.(round)
    log(`${name} ${i + 1}/${ROUNDS}: ${order.map(s => `${s} ${round[s].ms.toFixed(0)} ms`).join(', ')}`)
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, round1(median(v))]))
}

// 1. The no-change rebuild of the realistic image (the weekly rebuild, every PR check) on the
//    engine's builder with warm local state: the machine's BuildKit cache, and on the action's
//    side its OCI layout in the tool cache, kept as a self-hosted runner keeps them.
async function engineRebuild() {
  const repository = benchRepository('realistic-engine')
  const inputs = {
    context: FIXTURE,
    file: `${FIXTURE}/Dockerfile`,
    image: repository,
    tags: 'weekly',
    'tag-policy': 'none',
    push: 'true',
    cache: 'registry',
    baseline: `${repository}:weekly`,
    'build-args': `BASE=${BASE}\nPACKAGES=${PACKAGES}`
  }
  const toolCache = mkdtempSync(join(tmpdir(), 'bench-tools-'))
  const runnerTemp = mkdtempSync(join(tmpdir(), 'bench-runner-'))
  log('engine: the first build of the realistic image')
  const prime = await step({ inputs, toolCache, runnerTemp })
  const argv = buildArgv(prime.main.stdout, repository)
  const metadata = join(runnerTemp, 'raw-metadata.json')
  const raw = pushingByTag(argv, `${repository}:weekly-raw`, metadata)
  const stages = {}
  let round = 0
  const changedSide = async skipUnchanged => {
    const a = await step({
      inputs: { ...inputs, 'skip-unchanged': skipUnchanged, 'build-args': `${inputs['build-args']}\nBENCH_ROUND=${++round}` },
      toolCache,
      runnerTemp
    })
    if (a.main.outputs.built !== 'true') throw new Error('a rebuild whose build args changed did not build')
    return { ms: a.total, digest: a.main.outputs.digest }
  }
  const sides = {
    action: async () => {
      const a = await cacheKeptWhole(repository, () => step({ inputs, toolCache, runnerTemp }))
      if (a.main.outputs.changed !== 'false')
        throw new Error(`the action's rebuild gave ${a.main.outputs.digest}, changed: ${a.main.outputs.changed}`)
      for (const s of JSON.parse(a.main.outputs.report).stages) (stages[s.stage] ??= []).push(s.seconds * 1000)
      return { ms: a.total, digest: a.main.outputs.digest }
    },
    raw: async () => ({ ms: timed('docker', raw), digest: await tagDigest(repository, 'weekly-raw') }),
    skip: () => skipSide(inputs, toolCache, runnerTemp),
    // A rebuild whose inputs changed (a build arg the image does not use, new every round), with
    // skip-unchanged on: it builds, after the fingerprint and its check; and the same with it off.
    changed: () => changedSide('true'),
    changedOff: () => changedSide('false'),
    // An ephemeral runner next to a long-lived engine: the engine warm, the tool cache new every run.
    fresh: async () => {
      const a = await step({ inputs, toolCache: mkdtempSync(join(tmpdir(), 'bench-tools-')), runnerTemp })
      return { ms: a.total, digest: a.main.outputs.digest }
    }
  }
  if (BUILD_PUSH_ACTION) {
    sides['build-push-action'] = async () => {
      const b = await step({
        actionDir: BUILD_PUSH_ACTION,
        inputs: buildPushInputs(argv, `${repository}:weekly-bpa`),
        runnerTemp,
        env: BUILD_PUSH_ENV
      })
      return { ms: b.total, digest: await tagDigest(repository, 'weekly-bpa') }
    }
  }
  const times = await paired('engine rebuild', sides, sameImage(repository, prime.main.outputs.digest))
  return { ...summary(times), stagesMs: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round1(median(v))])) }
}

/**
 * The same unchanged rebuild with skip-unchanged (the default): the fingerprint matches the one
 * the published image records, so nothing is built; its tag must still be on the same image.
 */
async function skipSide(inputs, toolCache, runnerTemp) {
  const s = await step({ inputs: { ...inputs, 'skip-unchanged': 'true' }, toolCache, runnerTemp })
  if (s.main.outputs.built !== 'false') throw new Error(`skip-unchanged built: ${s.main.outputs['rebuild-reason']}`)
  return { ms: s.total, digest: s.main.outputs.digest }
}

// build-push-action's own extras a runner does not have here (the build record upload needs
// GitHub's artifact service): off, which only makes its side faster.
const BUILD_PUSH_ENV = { DOCKER_BUILD_SUMMARY: 'false', DOCKER_BUILD_RECORD_UPLOAD: 'false' }

/** A manifest or blob of the bench's registry, as JSON. */
async function registryJson(repository, reference) {
  const [host, ...path] = repository.split('/')
  const res = await fetch(`http://${host.replace('localhost', '127.0.0.1')}/v2/${path.join('/')}/manifests/${reference}`, {
    headers: { Accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json' }
  })
  if (!res.ok) throw new Error(`${repository}:${reference}: ${res.status}`)
  return res.json()
}

/** The digest of a manifest of the bench's registry (undefined when there is none). */
async function manifestDigest(repository, reference) {
  const [host, ...path] = repository.split('/')
  const res = await fetch(`http://${host.replace('localhost', '127.0.0.1')}/v2/${path.join('/')}/manifests/${reference}`, {
    method: 'HEAD',
    headers: { Accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json' }
  })
  return res.ok ? (res.headers.get('docker-content-digest') ?? undefined) : undefined
}

/**
 * The action's round, with the registry cache read before and after it. The action skips the
 * cache export when the cache already holds the build; where it said so, the cache must be the
 * one it found, and hold every layer of the image it pushed, read at once (before another side
 * rewrites it): the export it skipped was not needed.
 */
async function cacheKeptWhole(repository, round) {
  const before = await manifestDigest(repository, 'buildcache')
  const a = await round()
  if (!a.main.stdout.includes(`${repository}:buildcache already holds this build`)) return a
  const after = await manifestDigest(repository, 'buildcache')
  if (after !== before)
    throw new Error(`the action skipped the cache export, yet ${repository}:buildcache moved from ${before} to ${after}`)
  await cacheHoldsEvery(repository, a.main.outputs.digest)
  return a
}

/** Every layer of the image's platforms is in the registry cache. */
async function cacheHoldsEvery(repository, image) {
  const cache = await registryJson(repository, 'buildcache')
  const held = new Set([...(cache.manifests ?? []), ...(cache.layers ?? [])].map(d => d.digest))
  for (const platform of (await registryJson(repository, image)).manifests) {
    for (const layer of (await registryJson(repository, platform.digest)).layers ?? [])
      if (!held.has(layer.digest)) throw new Error(`${repository}:buildcache lacks ${layer.digest} of ${platform.digest}`)
  }
}

/** Every side must have pushed the same image: the same platform manifests under its tag. */
function sameImage(repository, expected) {
  // The platform manifests, not the index: the action's index carries its build record (a time),
  // which no other side writes.
  const platformsOf = async digest =>
    ((await registryJson(repository, digest)).manifests ?? [])
      .filter(m => m.platform?.os !== 'unknown' && m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
      .map(m => `${m.platform.os}/${m.platform.architecture} ${m.digest}`)
      .sort()
      .join(', ')
  return async round => {
    const built = await platformsOf(expected)
    for (const [side, r] of Object.entries(round)) {
      const left = await platformsOf(r.digest)
      if (left !== built) throw new Error(`${side} left ${left}, the action built ${built}: not the same work`)
    }
  }
}

function summary(times) {
  return {
    ...times,
    overRaw: ratio(times.action, times.raw),
    ...(times['build-push-action'] ? { fasterThanBuildPush: ratio(times['build-push-action'], times.action) } : {})
  }
}

// 2. The same rebuild as GitHub's runners run it: a new docker-container builder (moby/buildkit,
//    buildx v0.30.0) each time, whose cache is warm in the registry. Raw: `buildx create`,
//    `buildx build` pushing by tag, `buildx rm`. Docker's actions: setup-buildx-action (main,
//    and its post that removes the builder) around build-push-action.
async function runnerRebuild() {
  const repository = benchRepository('realistic-runner')
  const toolCache = mkdtempSync(join(tmpdir(), 'bench-tools-'))
  const runnerTemp = mkdtempSync(join(tmpdir(), 'bench-runner-'))
  const inputs = {
    context: FIXTURE,
    file: `${FIXTURE}/Dockerfile`,
    image: repository,
    tags: 'weekly',
    'tag-policy': 'none',
    push: 'true',
    cache: 'registry',
    baseline: `${repository}:weekly`,
    'build-args': `BASE=${BASE}\nPACKAGES=${PACKAGES}`,
    driver: 'docker-container',
    'buildx-version': BUILDX,
    'buildx-download-url': BUILDX_RELEASES,
    // The BuildKit docker's actions run (buildx-stable-1), loaded from the stack: the same on every side.
    'buildkit-image': 'moby/buildkit:buildx-stable-1'
  }
  log('runner: the first build of the realistic image on a new builder')
  const prime = await step({ inputs, toolCache, runnerTemp })
  const buildx = join(STACK_DIR, 'buildx-releases', BUILDX, `buildx-${BUILDX}.linux-amd64`)
  chmodSync(buildx, 0o755)
  const dir = mkdtempSync(join(tmpdir(), 'bench-'))
  const config = join(dir, 'buildkitd.toml')
  // What the action writes for a loopback registry: plain HTTP.
  writeFileSync(config, `[registry."${REGISTRY}"]\n  http = true\n  insecure = true\n`)
  // The plugin as setup-buildx-action installs it: in the docker config's cli-plugins.
  const dockerConfig = join(dir, 'docker')
  mkdirSync(join(dockerConfig, 'cli-plugins'), { recursive: true })
  execFileSync('cp', [buildx, join(dockerConfig, 'cli-plugins', 'docker-buildx')])
  const argv = buildArgv(prime.main.stdout, repository).slice(1)
  const create = name => [
    'create',
    '--name',
    name,
    '--driver',
    'docker-container',
    '--driver-opt',
    'network=host',
    '--config',
    config,
    '--bootstrap'
  ]
  const raw = pushingByTag(argv, `${repository}:weekly-raw`, join(dir, 'metadata.json'))
  raw[raw.indexOf('--builder') + 1] = 'bench-raw'
  const sides = {
    action: async () => {
      const a = await cacheKeptWhole(repository, () => step({ inputs, toolCache, runnerTemp }))
      if (a.main.outputs.changed !== 'false')
        throw new Error(`the action's rebuild gave ${a.main.outputs.digest}, changed: ${a.main.outputs.changed}`)
      return { ms: a.total, digest: a.main.outputs.digest }
    },
    raw: async () => {
      const total = timed(buildx, create('bench-raw')) + timed(buildx, raw) + timed(buildx, ['rm', '--force', 'bench-raw'])
      return { ms: total, digest: await tagDigest(repository, 'weekly-raw') }
    },
    skip: () => skipSide(inputs, toolCache, runnerTemp)
  }
  if (BUILD_PUSH_ACTION && SETUP_BUILDX_ACTION) {
    // What a user of docker's actions runs for the same job: setup-buildx-action (a builder like
    // the action's: network=host, the loopback registry as plain HTTP; removed in its post),
    // then build-push-action on it, with buildx v0.30.0 as the plugin in the docker config.
    const withConfig = { ...BUILD_PUSH_ENV, DOCKER_CONFIG: dockerConfig }
    const setupInputs = {
      driver: 'docker-container',
      'driver-opts': 'network=host',
      'buildkitd-config-inline': readFileSync(config, 'utf8')
    }
    sides['build-push-action'] = async () => {
      let build
      const setup = await step({
        actionDir: SETUP_BUILDX_ACTION,
        inputs: setupInputs,
        env: withConfig,
        betweenSteps: async main => {
          build = await step({
            actionDir: BUILD_PUSH_ACTION,
            inputs: buildPushInputs(argv, `${repository}:weekly-bpa`, main.outputs.name),
            env: withConfig
          })
        }
      })
      return { ms: setup.total + build.total, digest: await tagDigest(repository, 'weekly-bpa') }
    }
  }
  return summary(await paired('runner rebuild', sides, sameImage(repository, prime.main.outputs.digest)))
}

// 3. `ci-base-action inspect` of the realistic image as a whole process (start-up included)
//    against `docker buildx imagetools inspect --raw` reading the same manifests (the index and
//    each platform's), summed with jq. Both must give the same sizes.
// 3. Cache mounts on a new builder: an apt-style install step (Debian packages downloaded into
//    /var/cache/apt/archives, a cache mount, then unpacked) with the mount warm from the GitHub
//    cache against the same step with it cold. The test cache service (as in the e2e tests)
//    stands in for GitHub's; the packages come from the machine's own Debian mirror.
const MOUNT_PACKAGES = ['gcc-12', 'cpp-12', 'g++-12', 'libstdc++-12-dev', 'libgcc-12-dev', 'libllvm15']

/** A helper of the e2e tests', bundled from its TypeScript and loaded in this process. */
async function testSupport(file) {
  const out = mkdtempSync(join(tmpdir(), 'bench-support-'))
  run(process.execPath, [join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', file, '-o', out, '-q'])
  return import(join(out, 'index.js'))
}

/** The test cache service (the e2e tests'), standing in for GitHub's. */
async function startCacheService() {
  const server = await (await testSupport('__tests__/support/cache-server.ts')).startCacheServer()
  return { env: server.env, stop: () => server.close() }
}

/**
 * One cache-mount row: the same build on a new docker-container builder each run, main + post
 * timed whole, with `cache-mounts: auto` warm from the GitHub cache (primed once) against the
 * same build without it (the mount starts empty, as on every hosted runner). Stage medians say
 * where each side spends its time.
 */
async function mountsRow(name, { context, mountId, buildArgs, extra = {} }) {
  const service = await startCacheService()
  const runnerTemp = mkdtempSync(join(tmpdir(), 'bench-runner-'))
  const toolCache = mkdtempSync(join(tmpdir(), 'bench-tools-'))
  const inputs = mounts => ({
    context,
    file: join(context, 'Dockerfile'),
    platforms: 'linux/amd64',
    cache: 'none',
    'cache-mounts': mounts,
    'cache-scope': `bench-${name}`,
    'build-args': buildArgs,
    driver: 'docker-container',
    'buildx-version': BUILDX,
    'buildx-download-url': BUILDX_RELEASES,
    'buildkit-image': 'moby/buildkit:buildx-stable-1',
    ...extra
  })
  try {
    log(`${name}: priming the GitHub cache`)
    const prime = await step({ inputs: inputs('auto'), runnerTemp, toolCache, env: service.env })
    if (!/bytes saved/.test(prime.main.outputs.report)) throw new Error('the cache mount was not saved')
    const firstRun = Math.round(prime.total)
    const firstStages = Object.fromEntries(JSON.parse(prime.main.outputs.report).stages.map(s => [s.stage, Math.round(s.seconds * 1000)]))
    let restored = 0
    // Where the time goes, per side: the action's own stage timings (seconds), medians below.
    const stages = { warm: {}, cold: {} }
    const keep = (side, report) => {
      for (const s of report.stages) (stages[side][s.stage] ??= []).push(s.seconds * 1000)
    }
    const times = await paired(name, {
      warm: async () => {
        const r = await step({ inputs: inputs('auto'), runnerTemp, toolCache, env: service.env })
        const report = JSON.parse(r.main.outputs.report)
        const row = report.caches.find(c => c.cache === `mount ${mountId}`)
        if (!/bytes restored$/.test(row?.read ?? '')) throw new Error(`the warm side restored nothing: ${JSON.stringify(row)}`)
        if (row.written !== 'unchanged: not saved') throw new Error(`the warm side saved its mount again: ${JSON.stringify(row)}`)
        restored = Number(row.read.split(' ')[0])
        keep('warm', report)
        return { ms: r.total }
      },
      cold: async () => {
        const r = await step({ inputs: inputs(''), runnerTemp, toolCache, env: service.env })
        keep('cold', JSON.parse(r.main.outputs.report))
        return { ms: r.total }
      }
    })
    const medians = side => Object.fromEntries(Object.entries(stages[side]).map(([k, v]) => [k, Math.round(median(v))]))
    return {
      restoredBytes: restored,
      firstRun,
      firstStages,
      ...times,
      speedup: ratio(times.cold, times.warm),
      warmOverCold: ratio(times.warm, times.cold),
      stagesMs: { warm: medians('warm'), cold: medians('cold') }
    }
  } finally {
    await service.stop()
  }
}

/** The apt row: Debian packages downloaded into /var/cache/apt/archives on the busybox base (root). */
async function aptMounts() {
  const uris = run('apt-get', ['download', '--print-uris', ...MOUNT_PACKAGES.map(p => `${p}:amd64`)])
    .split('\n')
    .filter(Boolean)
    .map(line => line.split(' '))
  const bytes = uris.reduce((sum, u) => sum + Number(u[2]), 0)
  const context = mkdtempSync(join(tmpdir(), 'bench-mounts-'))
  writeFileSync(join(context, 'urls.txt'), uris.map(u => u[0].replace(/^'|'$/g, '')).join('\n') + '\n')
  writeFileSync(
    join(context, 'Dockerfile'),
    [
      'ARG BASE',
      'FROM ${BASE}',
      'COPY urls.txt /tmp/urls.txt',
      '# Download what the archive lacks, unpack it all; the files are counted and dropped so that',
      "# the image's export (the same on both sides) does not drown the difference.",
      'RUN --mount=type=cache,id=apt-archives,target=/var/cache/apt/archives \\',
      '    cd /var/cache/apt/archives && while read -r url; do f="${url##*/}"; [ -s "$f" ] || wget -q -O "$f" "$url"; done < /tmp/urls.txt \\',
      '    && mkdir -p /opt/pkgs && for f in *.deb; do dpkg-deb -x "$f" /opt/pkgs; done \\',
      '    && find /opt/pkgs -type f | wc -l > /installed-files && rm -rf /opt/pkgs',
      ''
    ].join('\n')
  )
  return {
    packages: MOUNT_PACKAGES,
    downloadBytes: bytes,
    ...(await mountsRow('apt-mounts', { context, mountId: 'apt-archives', buildArgs: `BASE=${BASE}` }))
  }
}

// 4. Cache mounts on the shape this project's users have: an app image FROM a CI base that
//    runs as user 1001 (node and pnpm), `pnpm install` of a real dependency set (771 packages
//    from the npm registry) with the store in a uid=1001 cache mount. The base is made here from
//    this machine's node binary and pnpm from the npm registry, on the stack's busybox base.
const PNPM_APP = 'bench/fixtures/pnpm-app'
const NODE_BASE = `${REGISTRY}/test/node-pnpm:bench`
const PNPM_VERSION = '9.15.2'

function nodePnpmBase() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-node-base-'))
  const root = join(dir, 'root')
  const node = run('readlink', ['-f', process.env.BENCH_NODE ?? run('which', ['node']).trim()]).trim()
  // The node binary and the shared libraries it loads, where the loader looks for them.
  const libs = run('ldd', [node])
    .split('\n')
    .map(l => /(\/\S*lib\S+)/.exec(l)?.[1])
    .filter(Boolean)
  for (const file of [node, ...libs]) {
    const target = join(root, file === node ? '/usr/local/bin/node' : file)
    mkdirSync(join(target, '..'), { recursive: true })
    writeFileSync(target, readFileSync(file))
    chmodSync(target, 0o755)
  }
  run('npm', ['pack', `pnpm@${PNPM_VERSION}`, '--silent', '--pack-destination', dir])
  mkdirSync(join(root, 'opt'), { recursive: true })
  run('tar', ['-xzf', join(dir, `pnpm-${PNPM_VERSION}.tgz`), '-C', join(root, 'opt')])
  run('mv', [join(root, 'opt', 'package'), join(root, 'opt', 'pnpm')])
  writeFileSync(join(root, 'usr/local/bin/pnpm'), '#!/bin/sh\nexec node /opt/pnpm/bin/pnpm.cjs "$@"\n')
  chmodSync(join(root, 'usr/local/bin/pnpm'), 0o755)
  writeFileSync(
    join(dir, 'Dockerfile'),
    [
      'ARG BASE',
      'FROM ${BASE}',
      'COPY root/ /',
      'RUN addgroup -g 1001 nodejs && adduser -D -u 1001 -G nodejs nodejs',
      'USER nodejs',
      'WORKDIR /home/nodejs',
      ''
    ].join('\n')
  )
  run('docker', [
    'buildx',
    'build',
    '--quiet',
    '--provenance=false',
    '--platform',
    'linux/amd64',
    '--build-arg',
    `BASE=${BASE}`,
    '--output',
    `type=image,name=${NODE_BASE},push=true`,
    dir
  ])
  rmSync(dir, { recursive: true, force: true })
}

async function pnpmMounts() {
  nodePnpmBase()
  const ca = process.env.NODE_EXTRA_CA_CERTS ?? '/etc/ssl/certs/ca-certificates.crt'
  const lock = readFileSync(join(ROOT, PNPM_APP, 'pnpm-lock.yaml'), 'utf8')
  return {
    packages: (lock.match(/resolution:/g) ?? []).length,
    ...(await mountsRow('pnpm-mounts', {
      context: join(ROOT, PNPM_APP),
      mountId: 'pnpm-store',
      buildArgs: `BASE=${NODE_BASE}`,
      extra: { 'secret-files': `npm-ca=${ca}` }
    }))
  }
}

async function inspectSpeed(ref) {
  const [repository] = ref.split(':weekly')
  const typed = [
    `idx=$(docker buildx imagetools inspect --raw ${ref})`,
    `for d in $(echo "$idx" | jq -r '.manifests[] | select(.platform.os != "unknown") | .digest'); do`,
    `  docker buildx imagetools inspect --raw ${repository}@$d | jq '[.layers[].size] | add'`,
    'done'
  ].join('\n')
  const cliArgs = [join(ROOT, 'dist', 'cli', 'index.js'), 'inspect', '--json', ref]
  const sizesBy = {
    cli: JSON.parse(execFileSync(actionNode(), cliArgs, { encoding: 'utf8' })).platforms.map(p => p.size),
    typed: execFileSync('bash', ['-c', typed], { encoding: 'utf8' }).trim().split('\n').map(Number)
  }
  if (sizesBy.cli.join() !== sizesBy.typed.join())
    throw new Error(`inspect gave ${sizesBy.cli}, imagetools + jq ${sizesBy.typed}: not the same numbers`)
  const times = await paired('inspect', {
    cli: async () => ({ ms: timed(actionNode(), cliArgs) }),
    imagetools: async () => ({ ms: timed('bash', ['-c', typed]) })
  })
  return { ...times, sizes: sizesBy.cli, speedup: Math.round((times.imagetools / times.cli) * 10) / 10, target: 2 }
}

// 5. The history: a chain of 12 builds pushed by the action, read back (a) inside a PR check's
//    run, as its log line times it, and (b) by `ci-base-action history` as a whole process,
//    against the same 12 index reads done by hand (imagetools walking the same chain).
const HISTORY = 12
const HISTORY_KEY = 'com.github.phialo.ci-base-action.previous'
async function historyRead() {
  const repository = benchRepository('history')
  const inputs = (padKb, push) => ({
    context: '__tests__/fixtures/growing',
    file: '__tests__/fixtures/growing/Dockerfile',
    image: repository,
    push: String(push),
    cache: 'none',
    'tag-policy': 'none',
    tags: push ? 'latest' : '',
    history: String(HISTORY),
    'build-args': `BASE=${BASE}\nNONCE=${repository}\nPAD_KB=${padKb}`
  })
  for (let i = 0; i < HISTORY; i++) await step({ inputs: inputs(100 + 10 * i, true) })
  log(`history: ${HISTORY} builds pushed to ${repository}`)
  const inAction = []
  let summary = ''
  for (let i = 0; i < ROUNDS; i++) {
    const { main } = await step({ inputs: inputs(1000, false) })
    summary = main.summary
    const m = /History: (\d+) builds read in (\d+) ms/.exec(main.stdout)
    if (!m || Number(m[1]) !== HISTORY) throw new Error(`the PR run read no ${HISTORY}-build history:\n${main.stdout.slice(-2000)}`)
    inAction.push(Number(m[2]))
  }
  const ref = `${repository}:latest`
  const cliArgs = [join(ROOT, 'dist', 'cli', 'index.js'), 'history', ref, '--history', String(HISTORY), '--json']
  const walk = [
    `ref=${ref}; n=0`,
    `while [ -n "$ref" ] && [ $n -lt ${HISTORY} ]; do`,
    `  ref=$(docker buildx imagetools inspect --raw "$ref" | jq -r '.annotations["${HISTORY_KEY}"] // empty'); n=$((n+1))`,
    'done',
    'echo $n'
  ].join('\n')
  const read = JSON.parse(execFileSync(actionNode(), cliArgs, { encoding: 'utf8' })).records.length
  const walked = Number(execFileSync('bash', ['-c', walk], { encoding: 'utf8' }).trim())
  if (read !== HISTORY || walked !== HISTORY)
    throw new Error(`history read ${read} builds, the walk by hand ${walked}; expected ${HISTORY}`)
  const times = await paired('history', {
    cli: async () => ({ ms: timed(actionNode(), cliArgs) }),
    imagetools: async () => ({ ms: timed('bash', ['-c', walk]) })
  })
  // The trend section of a real PR run, for docs/behaviour.md: from the trend to the layer chart.
  const trend = /\*\*Trend\*\*[\s\S]*?(?=\*\*Largest layers\*\*)/.exec(summary)?.[0].trim() ?? ''
  return { builds: HISTORY, inActionMs: round1(median(inAction)), target: 300, ...times, trend }
}

// 6. The fingerprint of a large context: 20,000 small files that a `COPY . /app` reads, hashed
//    (path, mode, content) before anything is set up, as its log line times it inside a dry run;
//    and the dry run whole beside the same dry run of an empty context.
const FINGERPRINT_FILES = 20_000
async function fingerprintSpeed() {
  const make = files => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-fingerprint-'))
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /app\n')
    for (let i = 0; i < files; i++) {
      const sub = join(dir, 'node_modules', `pkg${Math.floor(i / 100)}`)
      if (i % 100 === 0) mkdirSync(sub, { recursive: true })
      writeFileSync(join(sub, `file${i % 100}.js`), `module.exports = ${i}\n`.repeat(1 + (i % 40)))
    }
    return dir
  }
  const [big, empty] = [make(FINGERPRINT_FILES), make(0)]
  const cli = join(ROOT, 'dist', 'cli', 'index.js')
  const dry = dir => [
    'build',
    '--dry-run',
    `--context=${dir}`,
    `--file=${join(dir, 'Dockerfile')}`,
    '--push=false',
    '--baseline=',
    '--platforms=linux/amd64',
    '--cache=none'
  ]
  const inside = []
  try {
    const times = await paired('fingerprint', {
      large: async () => {
        const started = performance.now()
        const out = execFileSync(actionNode(), [cli, ...dry(big)], { encoding: 'utf8' })
        const m = /fingerprint: (\d+) context files read, (\d+) ms/.exec(out)
        if (!m || Number(m[1]) !== FINGERPRINT_FILES + 1)
          throw new Error(`the dry run read ${m?.[1]} files, not ${FINGERPRINT_FILES + 1}:\n${out}`)
        inside.push(Number(m[2]))
        return { ms: ms(started) }
      },
      empty: async () => ({ ms: timed(actionNode(), [cli, ...dry(empty)]) })
    })
    return { files: FINGERPRINT_FILES, insideMs: round1(median(inside)), target: 300, ...times }
  } finally {
    rmSync(big, { recursive: true, force: true })
    rmSync(empty, { recursive: true, force: true })
  }
}

// 4. Start-up: `node dist/index.js` to its first log line, against a bare node; and dist's size.
async function startup() {
  const env = { PATH: process.env.PATH, GITHUB_STATE: join(tmpdir(), 'bench-state'), GITHUB_OUTPUT: join(tmpdir(), 'bench-output') }
  for (const [name, spec] of Object.entries(actionYml().inputs)) env[`INPUT_${name.toUpperCase()}`] = String(spec.default ?? '')
  env.INPUT_PLATFORMS = 'linux/amd64'
  const firstLine = argv =>
    new Promise(done => {
      const started = performance.now()
      const child = spawn(actionNode(), argv, { env, stdio: ['ignore', 'pipe', 'ignore'] })
      child.stdout.once('data', () => {
        done({ ms: ms(started) })
        child.kill()
      })
    })
  // BENCH_STARTUP_BEFORE=<commit>: that commit's dist/ runs as a third side, to show what a change to the entry cost.
  const beforeCommit = process.env.BENCH_STARTUP_BEFORE
  const before = beforeCommit ? mkdtempSync(join(tmpdir(), 'bench-dist-before-')) : ''
  if (before) execFileSync('bash', ['-c', `git -C "${ROOT}" archive "${beforeCommit}" dist | tar -x -C "${before}"`])
  try {
    const times = await paired('start-up', {
      action: () => firstLine([join(ROOT, 'dist', 'index.js')]),
      node: () => firstLine(['-e', 'console.log(1)']),
      ...(before ? { before: () => firstLine([join(before, 'dist', 'index.js')]) } : {})
    })
    const files = readdirSync(join(ROOT, 'dist')).filter(f => f.endsWith('.js'))
    const bytes = files.reduce((sum, f) => sum + statSync(join(ROOT, 'dist', f)).size, 0)
    return {
      firstLineMs: times.action,
      bareNodeMs: times.node,
      ...(before ? { before: { commit: run('git', ['rev-parse', '--short=12', beforeCommit]).trim(), firstLineMs: times.before } } : {}),
      target: 150,
      distBytes: bytes,
      entryBytes: statSync(join(ROOT, 'dist', 'index.js')).size
    }
  } finally {
    if (before) rmSync(before, { recursive: true, force: true })
  }
}

const kb = bytes => `${(bytes / 1000).toFixed(0)} kB`
const verdict = ok => (ok ? 'met' : 'missed')
const bpaCell = r =>
  r['build-push-action'] ? `${r['build-push-action'].toFixed(0)} ms` : 'not run (set BUILD_PUSH_ACTION, SETUP_BUILDX_ACTION)'
const bpaRatio = r =>
  r.fasterThanBuildPush
    ? `${r.fasterThanBuildPush}× faster than build-push-action (≥ 2×: ${verdict(r.fasterThanBuildPush >= 2)})`
    : 'build-push-action not run'

// 6. A builder of native nodes: the realistic image built cold on two BuildKit daemons, one per
//    platform (the arm64 one's worker restricted to arm64: on this amd64 machine it still runs
//    arm64 under QEMU, as the one node does), against the same build on one daemon that emulates
//    arm64 itself. Fresh daemons and a new repository every run: nothing cached, everything pushed.
async function nodesRow() {
  const { startDaemon } = await testSupport('__tests__/support/buildkitd.ts')
  const toolCache = mkdtempSync(join(tmpdir(), 'bench-tools-'))
  const runnerTemp = mkdtempSync(join(tmpdir(), 'bench-runner-'))
  const stamp = Date.now().toString(36)
  let round = 0
  const side = (name, daemonPlatforms) => async () => {
    const daemons = await Promise.all(daemonPlatforms.map(p => startDaemon(p)))
    try {
      const repository = benchRepository(`nodes-${stamp}-${name}-${round++}`)
      const result = await step({
        inputs: {
          context: FIXTURE,
          file: `${FIXTURE}/Dockerfile`,
          image: repository,
          tags: 'cold',
          'tag-policy': 'none',
          push: 'true',
          cache: 'none',
          'build-args': `BASE=${BASE}\nPACKAGES=${PACKAGES}`,
          driver: 'remote',
          endpoint: daemons[0].endpoint,
          ...(daemons[1] ? { 'append-nodes': `linux/arm64=${daemons[1].endpoint}` } : {}),
          'buildx-version': BUILDX,
          'buildx-download-url': BUILDX_RELEASES
        },
        toolCache,
        runnerTemp
      })
      const builtOn = JSON.parse(result.main.outputs.report).builtOn
      const sizes = JSON.parse(result.main.outputs.report).platforms.map(p => p.size)
      return { ms: result.total, builtOn, sizes, built: daemons.map(d => d.builtPlatforms()) }
    } finally {
      for (const d of daemons) d.stop()
    }
  }
  // Each side checked every round: the two nodes built a platform each, the one node both.
  const check = r => {
    if (JSON.stringify(r['two nodes'].built) !== JSON.stringify([['linux/amd64'], ['linux/arm64']]))
      throw new Error(`two nodes: the daemons built ${JSON.stringify(r['two nodes'].built)}`)
    if (JSON.stringify(r['one node'].built) !== JSON.stringify([['linux/amd64', 'linux/arm64']]))
      throw new Error(`one node: the daemon built ${JSON.stringify(r['one node'].built)}`)
  }
  const last = {}
  const times = await paired(
    'nodes',
    {
      'two nodes': async () => (last.two = await side('two', [['linux/amd64'], ['linux/arm64']])()),
      'one node': async () => (last.one = await side('one', [[]])())
    },
    check,
    { warmup: false }
  )
  return { ...times, builtOn: { two: last.two.builtOn, one: last.one.builtOn }, sizes: last.one.sizes }
}

function markdown(r) {
  const m = r.machine
  const size = r.inspect.sizes.map(s => `${(s / 1e6).toFixed(0)} MB`).join(' + ')
  return [
    `Measured ${r.date} at commit \`${r.commit}\` on ${m.cores} cores (${m.cpu}), ${m.memory}, node ${m.node}, docker ${m.docker}, buildx ${m.buildx}, ${m.registry}; medians of ${r.rounds} rounds, the order of the sides alternating, each side timed as whole processes.`,
    '',
    `No-change rebuild of the realistic image (${size}, two platforms, pushed with a registry cache)${r.engine.commit ? ` (measured ${r.engine.date} at \`${r.engine.commit}\`, medians of ${r.engine.rounds})` : ''}, the same image from the same inputs on every side (the same build arguments, caches and \`SOURCE_DATE_EPOCH\`; each round, every side's tag checked to hold the action's platform manifests, and the registry cache read before and after the action's round: where the action skipped its export, the cache was unchanged and held every layer of the image); repositories new to each bench run; what the sides do differently is listed below the table:`,
    '',
    '| setup | the action (main + post) | raw buildx | docker/build-push-action v7 (with setup-buildx-action v4 where a builder is made) | action ÷ raw | vs build-push-action |',
    '|---|---:|---:|---:|---:|---|',
    `| engine builder (docker driver), warm local state | ${r.engine.action.toFixed(0)} ms | ${r.engine.raw.toFixed(0)} ms | ${bpaCell(r.engine)} | ×${r.engine.overRaw} (≤ 1.2: ${verdict(r.engine.overRaw <= 1.2)}) | ${bpaRatio(r.engine)} |`,
    ...(r.engine.fresh
      ? [
          `| engine builder, warm engine, a new tool cache every run (an ephemeral runner next to a long-lived engine: the engine pushes to the action's front) | ${r.engine.fresh.toFixed(0)} ms | ${r.engine.raw.toFixed(0)} ms | | ×${ratio(r.engine.fresh, r.engine.raw)} (≤ 1.2: ${verdict(r.engine.fresh / r.engine.raw <= 1.2)}) | |`
        ]
      : []),
    `| new docker-container builder, warm registry cache (GitHub's runners) | ${r.runner.action.toFixed(0)} ms | ${r.runner.raw.toFixed(0)} ms | ${bpaCell(r.runner)} | ×${r.runner.overRaw} (≤ 1.2: ${verdict(r.runner.overRaw <= 1.2)}) | ${bpaRatio(r.runner)} |`,
    ...(r.engine.skip && r.runner.skip
      ? [
          `| skip-unchanged (the default) on the same unchanged rebuild: nothing built, the tag checked to stay on the same image, on the engine | ${r.engine.skip.toFixed(0)} ms | ${r.engine.raw.toFixed(0)} ms | ${bpaCell(r.engine)} | ≤ 800 ms: ${verdict(r.engine.skip <= 800)} | |`,
          `| the same on a new docker-container builder (none is created) | ${r.runner.skip.toFixed(0)} ms | ${r.runner.raw.toFixed(0)} ms | ${bpaCell(r.runner)} | ≤ 1000 ms: ${verdict(r.runner.skip <= 1000)} | |`,
          ...(r.engine.changed
            ? [
                `| a rebuild whose inputs changed (a build arg, new every round), on the engine: skip-unchanged on (it builds, after the fingerprint and its check) against the same rebuild with it off | ${r.engine.changed.toFixed(0)} ms | ${r.engine.changedOff.toFixed(0)} ms (off) | | ×${ratio(r.engine.changed, r.engine.changedOff)} (no slower: ${verdict(r.engine.changed <= r.engine.changedOff)}) | |`
              ]
            : [])
        ]
      : []),
    '',
    '| benchmark | the action | the other side | result | target |',
    '|---|---:|---:|---:|---|',
    `| \`ci-base-action inspect\` of that image (a whole process) vs \`docker buildx imagetools inspect --raw\` of the same index and platform manifests, summed with jq; the same sizes checked | ${r.inspect.cli.toFixed(0)} ms | ${r.inspect.imagetools.toFixed(0)} ms | ${r.inspect.speedup}× faster | ≥ ${r.inspect.target}×: ${verdict(r.inspect.speedup >= r.inspect.target)} |`,
    `| start-up: \`node dist/index.js\` to its first log line vs a bare node${r.startup.commit ? ` (measured ${r.startup.date} at \`${r.startup.commit}\`, medians of ${r.startup.rounds})` : ''} | ${r.startup.firstLineMs.toFixed(0)} ms | ${r.startup.bareNodeMs.toFixed(0)} ms | dist ${kb(r.startup.distBytes)} (entry ${kb(r.startup.entryBytes)}) | ≤ ${r.startup.target} ms: ${verdict(r.startup.firstLineMs <= r.startup.target)} |`,
    ...(r.startup.before
      ? [
          `| start-up before and after: the same, \`dist/\` of \`${r.startup.before.commit}\` vs this commit's, side by side with the row above | ${r.startup.firstLineMs.toFixed(0)} ms | ${r.startup.before.firstLineMs.toFixed(0)} ms | ${signed(r.startup.firstLineMs - r.startup.before.firstLineMs)} ms | |`
        ]
      : []),
    ...(r.fingerprint
      ? [
          `| the fingerprint of a ${r.fingerprint.files.toLocaleString('en')}-file context (\`COPY . /app\`: path, mode and content of each file hashed before anything is set up), from its log line inside \`build --dry-run\` (measured ${r.fingerprint.date} at \`${r.fingerprint.commit}\`, medians of ${r.fingerprint.rounds}); the dry run whole vs the same of an empty context | ${r.fingerprint.insideMs.toFixed(0)} ms (whole: ${r.fingerprint.large.toFixed(0)} ms) | ${r.fingerprint.empty.toFixed(0)} ms | | ≤ ${r.fingerprint.target} ms: ${verdict(r.fingerprint.insideMs <= r.fingerprint.target)} |`
        ]
      : []),
    ...(r.history
      ? [
          `| reading a ${r.history.builds}-build history (12 index manifests, no pull): inside a PR check's run, from its log line (measured ${r.history.date} at \`${r.history.commit}\`) | ${r.history.inActionMs.toFixed(0)} ms | | | ≤ ${r.history.target} ms: ${verdict(r.history.inActionMs <= r.history.target)} |`,
          `| \`ci-base-action history\` of those builds (a whole process) vs the same chain walked with \`docker buildx imagetools inspect --raw\` and jq | ${r.history.cli.toFixed(0)} ms | ${r.history.imagetools.toFixed(0)} ms | ${ratio(r.history.imagetools, r.history.cli)}× faster | |`
        ]
      : []),
    '',
    `Engine rebuild, the action's stage medians (ms): ${Object.entries(r.engine.stagesMs)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    ...(r.mounts ? ['', ...mountsTable(r.mounts, 'apt')] : []),
    ...(r.pnpm ? ['', ...mountsTable(r.pnpm, 'pnpm')] : []),
    ...(r.nodes ? ['', ...nodesTable(r.nodes)] : [])
  ].join('\n')
}

/** The builder of native nodes against one node with QEMU. */
function nodesTable(r) {
  const where = list => list.map(b => `${b.platform} ${b.native ? 'native' : 'emulated'}`).join(', ')
  return [
    `A builder of native nodes (measured ${r.date} at commit \`${r.commit}\`, medians of ${r.rounds} rounds, alternating): the realistic image (${r.sizes.map(s => `${(s / 1e6).toFixed(0)} MB`).join(' + ')}) built cold and pushed to a new repository, on fresh BuildKit daemons of the stack's image, main + post timed whole. Both sides share this machine's ${cpus().length} cores, and the "arm64 node" is a daemon whose worker is restricted to arm64 on this amd64 machine, so it too runs arm64 under QEMU: this row shows what splitting the build over two nodes costs or saves, not what a real arm64 machine would.`,
    '',
    "| builder | the action (main + post) | where each platform was built (the report's `builtOn`, checked against each daemon's own records every round) |",
    '|---|---:|---|',
    `| two nodes: \`endpoint\` (amd64) + \`append-nodes: linux/arm64=…\`, one build per node side by side, the index written by the action | ${r['two nodes'].toFixed(0)} ms | ${where(r.builtOn.two)} |`,
    `| one node that emulates arm64 (\`driver: remote\`, no appended node) | ${r['one node'].toFixed(0)} ms | ${where(r.builtOn.one)} |`,
    '',
    `Two nodes ÷ one node: ×${ratio(r['two nodes'], r['one node'])}.`
  ]
}

/** A cache-mount row: cold (no cache-mounts) and warm side by side, the first run with it, and where each spends its time. */
function mountsTable(r, kind) {
  const stages = obj =>
    Object.entries(obj)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')
  const what =
    kind === 'apt'
      ? `an apt-style install of ${r.packages.length} Debian packages (${(r.downloadBytes / 1e6).toFixed(0)} MB of .debs into the \`/var/cache/apt/archives\` cache mount, then unpacked) on the busybox base (root)`
      : `\`pnpm install --frozen-lockfile\` of ${r.packages} packages from the npm registry, FROM a base that runs as user 1001, the store in a \`uid=1001\` cache mount (\`bench/fixtures/pnpm-app\`)`
  const cold =
    kind === 'apt' ? 'every package downloaded from the Debian mirror' : 'an empty store: every package downloaded from the npm registry'
  return [
    `Cache mounts, ${kind} (measured ${r.date} at commit \`${r.commit}\`, medians of ${r.rounds} rounds, alternating): ${what}; a new docker-container builder each run, no layer cache, main + post timed whole:`,
    '',
    '| cache mount | the action (main + post) | stages (ms) |',
    '|---|---:|---|',
    `| cold: without \`cache-mounts\`, ${cold} | ${r.cold.toFixed(0)} ms | ${stages(r.stagesMs.cold)} |`,
    `| warm: \`cache-mounts: auto\`, ${(r.restoredBytes / 1e6).toFixed(0)} MB archive restored from the GitHub cache (the test cache service), unchanged so not saved | ${r.warm.toFixed(0)} ms | ${stages(r.stagesMs.warm)} |`,
    ...(r.firstRun
      ? [
          `| the first run with \`cache-mounts: auto\` (nothing saved yet; it saves the mount), one run | ${r.firstRun} ms | ${stages(r.firstStages)} |`
        ]
      : []),
    '',
    `Warm ÷ cold: ×${ratio(r.warm, r.cold)} (target ≤ 0.6: ${verdict(r.warm <= 0.6 * r.cold)}). The restore costs ${r.stagesMs.warm['Restore cache mounts']} ms ` +
      `and the unchanged mount's listing ${r.stagesMs.warm['Save cache mounts'] ?? 0} ms; the build is ${r.stagesMs.cold.Build - r.stagesMs.warm.Build} ms shorter warm than cold ` +
      `(the restore includes pulling the image the build then starts from, which the cold build pays in its own stage; ` +
      `even a restore that cost nothing at all would leave warm ÷ cold at ×${ratio(r.warm - r.stagesMs.warm['Restore cache mounts'], r.cold)}).`
  ]
}

if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('dist/ is missing: npm run build first')
if (BUILD_PUSH_ACTION && !existsSync(join(BUILD_PUSH_ACTION, 'action.yml')))
  throw new Error(`BUILD_PUSH_ACTION=${BUILD_PUSH_ACTION} holds no action.yml`)
// BENCH_ONLY=mounts (or pnpm, history, nodes, startup, fingerprint, rebuild) measures the cache mounts (or the history read) alone and keeps the other figures, each with the commit it was measured at.
const only = process.env.BENCH_ONLY
const stamp = () => ({ date: new Date().toISOString().slice(0, 10), commit: commit(), rounds: ROUNDS })
const results = only ? JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8')) : { ...stamp(), machine: machine() }
if (!only || only === 'startup') results.startup = { ...stamp(), ...(await startup()) }
if (!only || only === 'fingerprint') results.fingerprint = { ...stamp(), ...(await fingerprintSpeed()) }
if (!only || only === 'rebuild') {
  results.engine = { ...stamp(), ...(await engineRebuild()) }
  results.runner = { ...stamp(), ...(await runnerRebuild()) }
}
if (!only) {
  results.inspect = await inspectSpeed(`${benchRepository('realistic-engine')}:weekly`)
}
if (!only || only === 'mounts') results.mounts = { ...stamp(), ...(await aptMounts()) }
if (!only || only === 'mounts' || only === 'pnpm') results.pnpm = { ...stamp(), ...(await pnpmMounts()) }
if (!only || only === 'history') results.history = { ...stamp(), ...(await historyRead()) }
if (!only || only === 'nodes') results.nodes = { ...stamp(), ...(await nodesRow()) }
const table = markdown(results)
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n')
writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), `# Benchmarks\n\n${table}\n`)
// The figures' page and the history's page carry the same tables between their markers.
const replaceBetween = (file, marker, text) => {
  const path = join(ROOT, file)
  const page = readFileSync(path, 'utf8')
  const updated = page.replace(
    new RegExp(`(<!-- ${marker}:start -->\\n)[\\s\\S]*?(<!-- ${marker}:end -->)`),
    (_, start, end) => `${start}${text}\n${end}`
  )
  if (updated !== page) writeFileSync(path, updated)
}
replaceBetween('docs/speed.md', 'bench', table)
if (results.history?.trend) replaceBetween('docs/behaviour.md', 'trend', results.history.trend)
rmSync(join(tmpdir(), 'bench-state'), { force: true })
console.log(table)

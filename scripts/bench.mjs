// `npm run bench`: what the action costs over raw buildx, and how fast its report is, on the
// local stack (scripts/stack.sh). Side by side in one run, several rounds, medians and ratios.
// Writes bench/results.json and bench/RESULTS.md, and the README's table.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { ROOT, actionNode, actionYml, runAction } from './lib/runner.mjs'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const REGISTRY = 'localhost:5000'
const STACK_DIR = process.env.STACK_DIR ?? '/var/lib/ci-base-stack'
const BUILDX = 'v0.30.0'
const BUILDX_RELEASES = `http://127.0.0.1:${process.env.RELEASES_PORT ?? 5080}`
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
const median = values => {
  const s = [...values].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const ms = started => performance.now() - started
const round1 = n => Math.round(n * 10) / 10
const log = message => console.error(`[bench] ${message}`)

function timed(cmd, args) {
  const started = performance.now()
  const result = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`)
  return ms(started)
}

async function action(inputs) {
  const result = await runAction({ inputs, env: { GITHUB_WORKFLOW: 'bench' } })
  if (result.main.code !== 0) throw new Error(`the action failed:\n${result.main.stdout.slice(-3000)}`)
  return { ...result, total: result.main.ms + result.post.ms, report: JSON.parse(result.main.outputs.report) }
}

/** The exact `docker buildx build` argv the action ran (it logs it before building). */
function buildArgv(stdout) {
  const line = stdout.split('\n').find(l => l.startsWith('docker buildx build '))
  return line.split(' ').slice(1)
}

/**
 * The raw side of a rebuild: the action's own argv (labels, build args, SOURCE_DATE_EPOCH, cache),
 * pushing by tag the way a user types it, instead of to the layout the action then pushes itself.
 */
function pushingByTag(argv, tags) {
  const at = argv.indexOf('--output')
  const out = [...argv]
  out.splice(at, 2, '--output', `type=image,"name=${tags.join(',')}",push=true,rewrite-timestamp=true`)
  return out
}

async function tagDigest(repository, tag) {
  const [host, ...path] = repository.split('/')
  const res = await fetch(`http://${host.replace('localhost', '127.0.0.1')}/v2/${path.join('/')}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json' }
  })
  return res.headers.get('docker-content-digest')
}

function machine() {
  return {
    cpu: cpus()[0]?.model.trim(),
    cores: cpus().length,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    // The Node.js the action runs on (action.yml: node24), as the runner would start it.
    node: execFileSync(actionNode(), ['--version'], { encoding: 'utf8' }).trim(),
    docker: run('docker', ['version', '--format', '{{.Server.Version}}']).trim(),
    buildx: run('docker', ['buildx', 'version']).trim().split(' ')[1],
    registry: 'distribution 2.8 on loopback'
  }
}

// 1. The no-change weekly rebuild (the same commit again), as GitHub's runners run it: a
//    docker-container builder from moby/buildkit with buildx v0.30.0, and the registry cache.
//    The action (main + post: builder, build, push by digest, tags, report, builder removed)
//    against what a user scripts by hand for the same result: `buildx create`, `buildx build`
//    with the action's own arguments pushing by tag, `buildx rm`. Alternating so drift hits
//    both; both leave the tag at the same digest, which is checked each round.
async function weeklyRebuild() {
  const fixture = '__tests__/fixtures/multistage'
  const inputs = {
    context: fixture, file: `${fixture}/Dockerfile`, image: `${REGISTRY}/bench/weekly`, tags: 'weekly', 'tag-policy': 'none',
    push: 'true', cache: 'registry', 'build-args': 'NONCE=bench-weekly', baseline: `${REGISTRY}/bench/weekly:weekly`,
    driver: 'docker-container', 'buildx-version': BUILDX, 'buildx-download-url': BUILDX_RELEASES
  }
  const prime = await action(inputs)
  const buildx = join(STACK_DIR, 'buildx-releases', BUILDX, `buildx-${BUILDX}.linux-amd64`)
  chmodSync(buildx, 0o755)
  const dir = mkdtempSync(join(tmpdir(), 'bench-'))
  const config = join(dir, 'buildkitd.toml')
  // What the action writes for a loopback registry: plain HTTP.
  writeFileSync(config, `[registry."${REGISTRY}"]\n  http = true\n  insecure = true\n`)
  const build = pushingByTag(buildArgv(prime.main.stdout), prime.main.outputs.tags.split('\n'))
  build[build.indexOf('--builder') + 1] = 'bench-raw'
  build[build.indexOf('--metadata-file') + 1] = join(dir, 'metadata.json')
  const raw = () =>
    timed(buildx, ['create', '--name', 'bench-raw', '--driver', 'docker-container', '--driver-opt', 'network=host', '--config', config, '--bootstrap']) +
    timed(buildx, build.slice(1)) +
    timed(buildx, ['rm', '--force', 'bench-raw'])
  const actionMs = []
  const rawMs = []
  const stages = {}
  for (let i = 0; i < ROUNDS; i++) {
    const a = await action(inputs)
    if (a.main.outputs.digest !== prime.main.outputs.digest || a.main.outputs.changed !== 'false') {
      throw new Error(`the rebuild gave ${a.main.outputs.digest} (changed: ${a.main.outputs.changed}), not ${prime.main.outputs.digest} unchanged`)
    }
    actionMs.push(a.total)
    for (const s of a.report.stages) (stages[s.stage] ??= []).push(s.seconds * 1000)
    rawMs.push(raw())
    // Both sides end in the same registry state: the tag at the digest the action reported.
    const tagged = await tagDigest(`${REGISTRY}/bench/weekly`, 'weekly')
    if (tagged !== a.main.outputs.digest) throw new Error(`raw buildx left the tag at ${tagged}, the action at ${a.main.outputs.digest}: not the same work`)
    log(`weekly rebuild ${i + 1}/${ROUNDS}: action ${actionMs[i].toFixed(0)} ms, raw ${rawMs[i].toFixed(0)} ms, both at ${tagged.slice(0, 19)}`)
  }
  return {
    actionMs: round1(median(actionMs)),
    rawMs: round1(median(rawMs)),
    ratio: Math.round((median(actionMs) / median(rawMs)) * 100) / 100,
    stagesMs: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round1(median(v))]))
  }
}

// 2. The size and layer report of a pushed two-platform image of about 200 MB per platform:
//    the action's registry read (its Inspect stage) against pulling both platforms and inspecting.
async function reportSpeed() {
  const fixture = 'bench/fixtures/large'
  const image = `${REGISTRY}/bench/large`
  // A builder that pushes by digest: the report then reads the registry (the docker driver's
  // report reads the layout it has just pushed, which says nothing about a registry read).
  const inputs = {
    context: fixture, file: `${fixture}/Dockerfile`, image, tags: 'v1', 'tag-policy': 'none', push: 'true', cache: 'inline', baseline: 'none',
    driver: 'docker-container', 'buildx-version': BUILDX, 'buildx-download-url': BUILDX_RELEASES
  }
  log('building the ~200 MB image once')
  const first = await action(inputs)
  const perPlatform = first.report.platforms.map(p => ({ platform: p.platform, size: p.size, layers: p.layers }))
  const readMs = []
  const pullMs = []
  for (let i = 0; i < ROUNDS; i++) {
    const a = await action(inputs)
    readMs.push(a.report.stages.find(s => s.stage === 'Inspect').seconds * 1000)
    // Nothing of the image may be left locally, or the pull only pretends: image and build cache go.
    spawnSync('docker', ['image', 'rm', '--force', `${image}:v1`])
    run('docker', ['buildx', 'prune', '-af'])
    pullMs.push(timed('docker', ['pull', '--quiet', '--platform', 'linux/amd64', `${image}:v1`]) +
      timed('docker', ['pull', '--quiet', '--platform', 'linux/arm64', `${image}:v1`]) +
      timed('docker', ['image', 'inspect', `${image}:v1`]))
    spawnSync('docker', ['image', 'rm', '--force', `${image}:v1`])
    log(`report ${i + 1}/${ROUNDS}: registry read ${readMs[i].toFixed(0)} ms, pull + inspect ${pullMs[i].toFixed(0)} ms`)
  }
  return {
    image: perPlatform,
    readMs: round1(median(readMs)),
    pullMs: round1(median(pullMs)),
    speedup: Math.round(median(pullMs) / Math.max(median(readMs), 1)),
    target: 10
  }
}

// 2b. `ci-base-action inspect` of that image as a whole process (start-up included) against
//     what a user types today for the same numbers: imagetools' raw index, then each platform's
//     manifest, summed with jq. Both must give the same sizes.
async function inspectSpeed(ref) {
  const [repository] = ref.split(':v')
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
  if (sizesBy.cli.join() !== sizesBy.typed.join()) throw new Error(`inspect gave ${sizesBy.cli}, imagetools + jq ${sizesBy.typed}: not the same numbers`)
  const cliMs = []
  const typedMs = []
  for (let i = 0; i < ROUNDS * 2; i++) {
    cliMs.push(timed(actionNode(), cliArgs))
    typedMs.push(timed('bash', ['-c', typed]))
  }
  log(`inspect: ${round1(median(cliMs))} ms vs imagetools + jq ${round1(median(typedMs))} ms`)
  return { cliMs: round1(median(cliMs)), typedMs: round1(median(typedMs)), speedup: Math.round((median(typedMs) / median(cliMs)) * 10) / 10, target: 2 }
}

// 3. A fresh builder: everything BuildKit had is pruned; the registry cache must serve it all.
async function freshBuilder() {
  const fixture = '__tests__/fixtures/multistage'
  const inputs = {
    context: fixture, file: `${fixture}/Dockerfile`, image: `${REGISTRY}/bench/warm`, tags: 'warm', 'tag-policy': 'none',
    push: 'true', cache: 'registry', 'build-args': 'NONCE=bench-warm'
  }
  const times = []
  const rates = []
  for (let i = 0; i < ROUNDS; i++) {
    run('docker', ['buildx', 'prune', '-af'])
    const a = await action(inputs)
    times.push(a.total)
    rates.push(a.report.cacheHitRate)
    log(`fresh builder ${i + 1}/${ROUNDS}: ${a.total.toFixed(0)} ms, hit rate ${a.report.cacheHitRate}%`)
  }
  return { actionMs: round1(median(times)), cacheHitRate: Math.min(...rates), target: 100 }
}

// 4. Start-up: `node dist/index.js` to its first log line, and the size of dist/.
async function startup() {
  const env = { PATH: process.env.PATH, GITHUB_STATE: join(tmpdir(), 'bench-state'), GITHUB_OUTPUT: join(tmpdir(), 'bench-output') }
  for (const [name, spec] of Object.entries(actionYml().inputs)) env[`INPUT_${name.toUpperCase()}`] = String(spec.default ?? '')
  env.INPUT_PLATFORMS = 'linux/amd64'
  const firstLine = () =>
    new Promise(done => {
      const started = performance.now()
      const child = spawn(actionNode(), [join(ROOT, 'dist', 'index.js')], { env, stdio: ['ignore', 'pipe', 'ignore'] })
      child.stdout.once('data', () => {
        done(ms(started))
        child.kill()
      })
    })
  const bare = () =>
    new Promise(done => {
      const started = performance.now()
      const child = spawn(actionNode(), ['-e', 'console.log(1)'], { stdio: ['ignore', 'pipe', 'ignore'] })
      child.stdout.once('data', () => done(ms(started)))
    })
  const actionMs = []
  const nodeMs = []
  for (let i = 0; i < ROUNDS * 4; i++) {
    actionMs.push(await firstLine())
    nodeMs.push(await bare())
  }
  const files = readdirSync(join(ROOT, 'dist')).filter(f => f.endsWith('.js'))
  const bytes = files.reduce((sum, f) => sum + statSync(join(ROOT, 'dist', f)).size, 0)
  return {
    firstLineMs: round1(median(actionMs)),
    bareNodeMs: round1(median(nodeMs)),
    target: 150,
    distBytes: bytes,
    entryBytes: statSync(join(ROOT, 'dist', 'index.js')).size
  }
}

const kb = bytes => `${(bytes / 1000).toFixed(0)} kB`
const verdict = ok => (ok ? 'met' : 'missed')

function markdown(r) {
  const m = r.machine
  return [
    `Measured ${r.date} on ${m.cores} cores (${m.cpu}), ${m.memory}, node ${m.node}, docker ${m.docker}, buildx ${m.buildx}, ${m.registry}; medians of ${r.rounds} rounds.`,
    '',
    '| benchmark | action | baseline | result | target |',
    '|---|---:|---:|---:|---|',
    `| no-change weekly rebuild (the same commit again), 2 platforms, docker-container builder, registry cache, push: the action (main + post) vs \`buildx create\` + \`buildx build\` with the action's arguments pushing by tag + \`buildx rm\`; both leave the tag at the same digest | ${r.weekly.actionMs.toFixed(0)} ms | ${r.weekly.rawMs.toFixed(0)} ms | ×${r.weekly.ratio} | the same digest every round |`,
    `| size + layer report of a pushed image, ${r.report.image.map(p => `${(p.size / 1e6).toFixed(0)} MB`).join(' + ')} (registry read vs pull both + inspect) | ${r.report.readMs.toFixed(0)} ms | ${r.report.pullMs.toFixed(0)} ms | ${r.report.speedup}× faster | ≥ ${r.report.target}×: ${verdict(r.report.speedup >= r.report.target)} |`,
    `| \`ci-base-action inspect\` of that image, a whole process (start-up included) vs \`docker buildx imagetools inspect --raw\` of the index and each platform manifest, summed with jq; same sizes checked | ${r.inspect.cliMs.toFixed(0)} ms | ${r.inspect.typedMs.toFixed(0)} ms | ${r.inspect.speedup}× faster | ≥ ${r.inspect.target}×: ${verdict(r.inspect.speedup >= r.inspect.target)} |`,
    `| fresh engine builder (\`buildx prune -af\`), docker driver, registry cache, push | ${r.fresh.actionMs.toFixed(0)} ms | | hit rate ${r.fresh.cacheHitRate}% | 100%: ${verdict(r.fresh.cacheHitRate === 100)} |`,
    `| start-up: \`node dist/index.js\` to its first log line | ${r.startup.firstLineMs.toFixed(0)} ms | bare node ${r.startup.bareNodeMs.toFixed(0)} ms | dist ${kb(r.startup.distBytes)} (entry ${kb(r.startup.entryBytes)}) | ≤ ${r.startup.target} ms: ${verdict(r.startup.firstLineMs <= r.startup.target)} |`,
    '',
    `Weekly rebuild: the action adds ${(r.weekly.actionMs - r.weekly.rawMs).toFixed(0)} ms to the hand-written steps. Its stage medians (ms): ` +
      `${Object.entries(r.weekly.stagesMs).map(([k, v]) => `${k} ${v}`).join(', ')}; its buildx setup includes fetching and checking buildx ${BUILDX} ` +
      `into a job's empty tool cache (from a loopback mirror here), which the hand-written side skips; the rest is starting node twice ` +
      `(main and post, ${r.startup.bareNodeMs.toFixed(0)} ms each for a bare node here) and loading the bundle.`
  ].join('\n')
}

const results = { date: new Date().toISOString().slice(0, 10), rounds: ROUNDS, machine: machine() }
results.startup = await startup()
results.weekly = await weeklyRebuild()
results.fresh = await freshBuilder()
results.report = await reportSpeed()
results.inspect = await inspectSpeed(`${REGISTRY}/bench/large:v1`)
const table = markdown(results)
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n')
writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), `# Benchmarks\n\n${table}\n`)
const readmePath = join(ROOT, 'README.md')
const readme = readFileSync(readmePath, 'utf8')
const marked = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/
if (marked.test(readme)) writeFileSync(readmePath, readme.replace(marked, (_, start, end) => `${start}${table}\n${end}`))
console.log(table)

import fc from 'fast-check'
import {
  INPUT_DEFAULTS,
  InputError,
  durationMs,
  parseInputs,
  splitList,
  type InputName,
  type RawInputs
} from '../../../../src/core/inputs/inputs'
import { actionYml } from '../../../support/runner'
import { OUTPUT_NAMES } from '../../../../src/core/inputs/action-inputs'
import { outputs } from '../../../../src/core/report/outputs'
import { makeReport } from '../../../../src/core/report/report'
import { bareBuildPlan } from '../../../support/build-plan'

const raw = (over: Partial<RawInputs> = {}): RawInputs => ({ ...INPUT_DEFAULTS, ...over })

function problems(over: Partial<RawInputs>, env: Record<string, string> = {}): string[] {
  try {
    parseInputs(raw(over), env)
  } catch (e) {
    if (e instanceof InputError) return e.problems
    throw e
  }
  return []
}

describe('action.yml and the parser agree', () => {
  test('every output declared in action.yml is one the action sets, and it sets no other', () => {
    const declared = Object.keys(actionYml().outputs as Record<string, unknown>)
    expect([...OUTPUT_NAMES]).toStrictEqual(declared)
    const report = makeReport({
      digest: 'sha256:0',
      imageid: '',
      tags: [],
      pushed: false,
      platforms: [],
      baseline: { ref: '', status: 'none' },
      budgets: {},
      buildTime: 1,
      cacheHitRate: 0,
      steps: { steps: 0, cached: 0 },
      stages: []
    } as unknown as Parameters<typeof makeReport>[0])
    expect(Object.keys(outputs(report, '{}', '', { version: '', labels: [], annotations: [] })).sort()).toStrictEqual([...declared].sort())
  })

  test('every input declared in action.yml is parsed, with the same default', () => {
    const declared = actionYml().inputs
    expect(Object.keys(declared).sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort())
    for (const [name, spec] of Object.entries(declared)) {
      expect([name, String(spec.default ?? '')]).toEqual([name, INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS]])
    }
  })
})

describe('parseInputs', () => {
  test('defaults give the design defaults', () => {
    const inputs = parseInputs(raw())
    expect(inputs).toMatchObject({
      context: '.',
      file: 'Dockerfile.base',
      platforms: ['linux/amd64', 'linux/arm64'],
      push: false,
      cache: ['gha', 'inline'],
      tagPolicy: [{ kind: 'sha' }],
      driver: 'auto',
      qemu: 'auto',
      summary: true
    })
  })

  test('lists split on newlines and commas; multi-line values keep their commas', () => {
    expect(splitList(' a,\nb ,, c\n')).toEqual(['a', 'b', 'c'])
    const inputs = parseInputs(raw({ 'build-args': 'A=1,2\nB=x', 'cache-from': 'type=registry,ref=r/x:c' }))
    expect(inputs.buildArgs).toEqual(['A=1,2', 'B=x'])
    expect(inputs.cacheFrom).toEqual(['type=registry,ref=r/x:c'])
  })

  test('baseline defaults to <image>:latest; none turns it off; budgets parse', () => {
    expect(parseInputs(raw({ image: 'r/x' })).baseline).toBe('r/x:latest')
    expect(parseInputs(raw({ image: 'r/x', baseline: 'none' })).baseline).toBe('')
    expect(parseInputs(raw({})).baseline).toBe('')
    expect(parseInputs(raw({ 'max-size': '250MB', 'max-layers': '12', 'max-growth': '10%' })).budgets).toEqual({
      maxSize: 250_000_000,
      maxLayers: 12,
      maxGrowth: { percent: 10 }
    })
    expect(parseInputs(raw({})).githubToken).toBe('')
  })

  test('none in a list means nothing', () => {
    expect(parseInputs(raw({ cache: 'none', 'tag-policy': 'none' }))).toMatchObject({ cache: [], tagPolicy: [] })
  })

  test.each([
    [{ platforms: 'linux/amd64,lnx' }, "Input 'platforms': 'lnx' is not valid; use os/arch[/variant]"],
    [{ platforms: '' }, "Input 'platforms': '' is not valid; name at least one platform"],
    [{ push: 'yes' }, "Input 'push': 'yes' is not valid; use true or false."],
    [{ push: 'true' }, "Input 'push': true needs 'image'"],
    [{ image: 'GHCR.io/Phialo/CI' }, "Input 'image': 'GHCR.io/Phialo/CI' is not valid; use a lowercase repository"],
    [{ image: 'ghcr.io/p/ci:1.0' }, "Input 'image': 'ghcr.io/p/ci:1.0' is not valid"],
    [{ tags: '1.4.0' }, "Input 'tags': '1.4.0' is not valid; a bare tag needs 'image' to be set"],
    [{ image: 'r/x', tags: 'bad tag!' }, "Input 'tags': 'bad tag!' is not valid"],
    [
      { 'tag-policy': 'sha,weekly' },
      "Input 'tag-policy': 'weekly' is not valid; 'weekly' is not a tag kind; use sha[:LENGTH|long][:head], date, latest, semver, ref, edge[:BRANCH], schedule[:PATTERN], none"
    ],
    [{ 'tag-policy': 'none,sha' }, "Input 'tag-policy': 'none,sha' is not valid; 'none' cannot be combined"],
    [{ cache: 'gha,s3' }, "Input 'cache': 's3' is not valid; allowed: gha, registry, inline, local, none."],
    [{ cache: 'registry' }, "Input 'cache': 'registry' needs 'cache-ref' or 'image'"],
    [
      { 'cache-to': 'inline' },
      "Input 'cache-to': 'inline' is not valid; use type=<registry|local|gha|inline|s3|azblob>[,key=value...] (did you mean 'type=inline'?)."
    ],
    [{ 'cache-to': 'type=redis' }, "Input 'cache-to': 'type=redis' is not valid; type must be one of"],
    [{ 'cache-from': 'type=registry,ref' }, "Input 'cache-from': 'type=registry,ref' is not valid; use comma-separated key=value pairs"],
    [{ 'cache-ref': 'Not A Ref' }, "Input 'cache-ref': 'Not A Ref' is not valid"],
    [{ 'build-args': 'NOVALUE' }, "Input 'build-args': 'NOVALUE' is not valid; use one KEY=VALUE per line."],
    [{ labels: '=x' }, "Input 'labels': '=x' is not valid; use one KEY=VALUE per line."],
    [{ secrets: 'npmrc' }, "Input 'secrets': 'npmrc' is not valid; use one id=ENV_NAME per line"],
    [{ secrets: 'npm=NPM_TOKEN' }, "Input 'secrets': environment variable 'NPM_TOKEN' for secret 'npm' is not set"],
    [{ driver: 'podman' }, "Input 'driver': 'podman' is not valid; allowed: auto, docker, docker-container, remote, kubernetes."],
    [{ driver: 'remote' }, "Input 'endpoint': the remote driver needs an endpoint"],
    [{ 'buildx-version': 'latest' }, "Input 'buildx-version': 'latest' is not valid; use 'installed' or a release such as v0.23.0."],
    [{ 'buildx-download-url': 'ftp://x' }, "Input 'buildx-download-url': 'ftp://x' is not valid; use an http(s) URL."],
    [{ qemu: 'maybe' }, "Input 'qemu': 'maybe' is not valid; allowed: auto, true, false."],
    [{ 'qemu-image': 'Bad Image' }, "Input 'qemu-image': 'Bad Image' is not valid"],
    [{ username: 'bot' }, "Inputs 'username' and 'password': give both to log in, or neither."],
    [{ summary: 'on' }, "Input 'summary': 'on' is not valid; use true or false."],
    [
      { baseline: 'Not A Ref' },
      "Input 'baseline': 'Not A Ref' is not valid; use an image reference such as ghcr.io/phialo/ci-base:latest, or 'none'."
    ],
    [
      { 'max-size': '250 megabytes' },
      "Input 'max-size': '250 megabytes' is not valid; use bytes (231000000) or a number with a unit: kB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 250MB or 1.2GiB."
    ],
    [{ 'max-layers': '12.5' }, "Input 'max-layers': '12.5' is not valid; use a whole number above 0, e.g. 12."],
    [{ 'max-layers': '0' }, "Input 'max-layers': '0' is not valid"],
    [{ 'max-growth': 'ten' }, "Input 'max-growth': 'ten' is not valid; use a percentage (10%) or a size"],
    [{ history: '101' }, "Input 'history': '101' is not valid; use a whole number of builds from 0 (no trend) to 100"],
    [{ 'max-vulnerabilities': 'severe=1' }, "Input 'max-vulnerabilities': 'severe=1' is not valid; use severity=count pairs"],
    [{ 'max-vulnerabilities': 'high=1' }, "Input 'max-vulnerabilities': needs 'scan-report'"],
    [{ variants: 'slim' }, "Input 'variants': 'slim' is not valid; use one name=target per line"],
    [{ variants: 'slim=a\nslim=b' }, "Input 'variants': slim named twice"],
    [{ 'scan-report': 'trivy' }, "Input 'scan-report': trivy scans the pushed or the loaded image"],
    [{ comment: 'yes' }, "Input 'comment': 'yes' is not valid; use true or false."]
  ])('%j fails naming the input and what is allowed', (over, message) => {
    const found = problems(over as Partial<RawInputs>)
    expect(found).toHaveLength(1)
    expect(found[0]).toContain(message)
  })

  test('all problems are reported at once, one line each', () => {
    const error = (() => {
      try {
        parseInputs(raw({ push: 'maybe', qemu: 'x' }))
      } catch (e) {
        return e as InputError
      }
    })()
    expect(error?.message).toMatch(/^2 invalid inputs:\nInput 'push'.*\nInput 'qemu'/)
  })

  test('rules between inputs are checked once each input is parsed: a platform named twice, in any mode', () => {
    expect(problems({ platforms: 'linux/amd64,linux/arm64,linux/amd64,linux/amd64' })).toEqual([
      "Input 'platforms': linux/amd64 named twice"
    ])
    expect(problems({ mode: 'merge', image: 'r/x', push: 'true', platforms: 'linux/arm64\nlinux/arm64' })).toEqual([
      "Input 'platforms': linux/arm64 named twice"
    ])
    expect(problems({ platforms: 'linux/amd64,linux/arm64' })).toEqual([])
  })

  test('valid non-default values pass', () => {
    const inputs = parseInputs(
      raw({
        image: 'localhost:5000/phialo/ci-base',
        tags: '1.4.0\nghcr.io/phialo/other:edge',
        'tag-policy': 'sha,date,latest',
        push: 'TRUE',
        platforms: 'linux/amd64,linux/arm/v7',
        secrets: 'npm=NPM_TOKEN',
        cache: 'registry,local',
        'cache-from': 'localhost:5000/phialo/ci-base:buildcache',
        driver: 'remote',
        endpoint: 'tcp://127.0.0.1:1234',
        'buildx-version': 'v0.23.0',
        username: 'bot',
        password: 's3cret'
      }),
      { NPM_TOKEN: 'x' }
    )
    expect(inputs.secrets).toEqual([{ id: 'npm', env: 'NPM_TOKEN' }])
    expect(inputs.push).toBe(true)
    expect(inputs.platforms).toEqual(['linux/amd64', 'linux/arm/v7'])
  })
})

// Each input's own words, so that generated values reach what the parser tells apart (a
// random string never says `remote` or `v0.30.0`); random text and combinations on top.
const WORDS: Record<InputName, string[]> = {
  context: ['.', 'ctx', '--push', ''],
  file: ['Dockerfile', 'Dockerfile.base', '-f', ''],
  mode: ['build', 'platform', 'merge', 'split', ''],
  target: ['build', '--load', ''],
  image: ['ghcr.io/phialo/ci-base', 'localhost:5000/a', 'Upper/Case', 'a:tag', ''],
  tags: ['1.4.0', 'ghcr.io/o/n:1', 'bad tag', ':x', ''],
  'tag-policy': [
    'sha',
    'sha:12:head',
    'sha:6',
    'date',
    'latest',
    'ref',
    'edge:main',
    "schedule:nightly-{{date 'YYYYMMDD'}}",
    'schedule:{{when}}',
    'none',
    'semver2',
    ''
  ],
  'tag-prefix': ['v', 'ci-', '-x', 'a b', ''],
  'tag-suffix': ['-alpine', '.1', 'a/b', ''],
  'build-contexts': ['deps=./deps', 'alpine=docker-image://alpine:3.20', 'src=../shared', 'x=ftp://a', '-x=.', 'nokey', ''],
  'no-cache-filters': ['deps', 'deps,runtime', 'a b', ''],
  'add-hosts': ['registry.local:10.0.0.5', 'h:[::1]', 'h=host-gateway', 'h:300.1', 'nohost', ''],
  ulimit: ['nofile=1024:2048', 'nproc=-1', 'files=1', 'nofile', ''],
  allow: ['network.host', 'security.insecure', 'network.host,security.insecure', 'root', ''],
  call: ['build', 'check', 'outline', ''],
  attest: ['provenance', 'sbom', 'provenance,sbom', 'slsa', ''],
  platforms: ['linux/amd64', 'linux/arm/v7', 'lnx', 'linux/', ''],
  push: ['true', 'false', 'yes', ''],
  load: ['true', 'false', '1', ''],
  'build-args': ['A=1', 'B', ''],
  secrets: ['npm=NPM_TOKEN', 'npm', 'x=UNSET_VAR', ''],
  'secret-files': ['npmrc=/home/runner/.npmrc', 'npmrc', '=x', ''],
  ssh: ['default', 'github=/home/runner/.ssh/id_ed25519', 'a b', ''],
  annotations: ['org.opencontainers.image.description=CI base', 'index:a=b', 'manifest:a=b', 'nokey', 'bogus:a=b', ''],
  network: ['host', 'none', 'default', 'bridge2', ''],
  'shm-size': ['2g', '512m', '1024', 'big', ''],
  builder: ['warm', 'bad name', ''],
  'registry-auth': [
    '- registry: ghcr.io\n  username: bot\n  password: p#1: x',
    '- registry: docker.io\n  username: bot',
    'registry ghcr.io',
    ''
  ],
  labels: ['a=b', ''],
  cache: ['gha', 'registry', 'inline', 'local', 'none', 'redis', ''],
  'cache-ref': ['r/x:cache', 'Bad Ref', ''],
  'cache-scope': ['main', ''],
  'cache-mounts': ['auto', '/root/.npm', 'pnpm-store\napk', 'id=pnpm,target=/x', 'auto\napk', ''],
  'cache-mounts-store': ['gha', 'registry', 's3', ''],
  'cache-write': ['auto', 'always', 'never', 'pr', ''],
  'cache-mode': ['max', 'min', 'all', ''],
  'cache-timeout': ['90s', '2m', '1m30s', '0s', '10', 'soon', ''],
  'registry-timeout': ['30s', '2m', '0s', 'never', ''],
  'cache-from': ['type=gha', 'type=registry,ref=r/x:c', 'r/x:c', 'inline', 'type=nope', ''],
  'cache-to': ['type=gha,mode=max', 'type=inline', 'inline', 'r/x:c', ''],
  'no-cache': ['true', 'false', 'maybe', ''],
  'skip-unchanged': ['true', 'false', 'maybe', ''],
  pull: ['true', 'false', 'y', ''],
  driver: ['auto', 'docker', 'docker-container', 'remote', 'kubernetes', 'podman', ''],
  endpoint: ['tcp://127.0.0.1:1234', ''],
  'tls-ca': ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', 'not a pem', ''],
  'tls-cert': ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', 'nope', ''],
  'tls-key': ['-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----', 'nope', ''],
  'append-nodes': ['linux/arm64=tcp://arm:1234', 'arm64', ''],
  'driver-opts': ['network=host', ''],
  'buildkitd-config': ['debug = true', ''],
  'buildx-version': ['installed', 'v0.30.0', '0.21.0', 'latest', ''],
  'buildx-download-url': ['https://example.com/x', 'ftp://x', ''],
  qemu: ['auto', 'true', 'false', 'sometimes', ''],
  'qemu-image': ['tonistiigi/binfmt:latest', 'Bad Image', ''],
  'buildkit-image': ['moby/buildkit:v0.31.2@sha256:' + 'a'.repeat(64), 'mirror.example/moby/buildkit:v0', 'Bad Image', ''],
  registry: ['ghcr.io', '--password-stdin', ''],
  username: ['bot', ''],
  password: ['s3cret', ''],
  baseline: ['none', 'ghcr.io/o/n:latest', 'Bad Ref', ''],
  'max-size': ['250MB', '1.2GiB', '1000', 'big', ''],
  'max-layers': ['12', '0', 'many', ''],
  'max-growth': ['10%', '5MB', 'lots', ''],
  history: ['12', '0', '100', '101', 'all', ''],
  'scan-report': ['trivy', 'scan/trivy.json', '-o', ''],
  'max-vulnerabilities': ['critical=0,high=5', 'high=2', 'severe=1', 'critical', ''],
  variants: ['slim=runtime', 'slim=runtime\nfull=ci', 'Slim=runtime', 'slim', ''],
  summary: ['true', 'false', 'no', ''],
  comment: ['true', 'false', 'ok', ''],
  'github-token': ['ghs_x', ''],
  created: ['commit', 'now', 'today', ''],
  'rewrite-timestamp': ['true', 'false', 'always', ''],
  verify: ['uname -m', "sh -c 'test -w /app'", "echo 'open", ''],
  'require-non-root': ['true', 'false', 'yes', ''],
  'verify-timeout': ['30s', '1m30s', '0s', 'long', ''],
  provenance: ['mode=max', 'false', ''],
  sbom: ['true', '']
}

/** A value of one input may need another: its error may name that one instead. */
const NEEDS: Partial<Record<InputName, InputName[]>> = {
  driver: ['endpoint'],
  push: ['image'],
  mode: ['image', 'push'],
  cache: ['cache-ref', 'image'],
  username: ['password'],
  password: ['username'],
  'tls-cert': ['tls-key'],
  'tls-key': ['tls-cert'],
  // A builder of several nodes only pushes.
  'append-nodes': ['push']
}

/** Inputs that take any text: nothing to reject. */
const FREE_TEXT: InputName[] = [
  'build-args',
  'labels',
  'cache-scope',
  'endpoint',
  'driver-opts',
  'buildkitd-config',
  'github-token',
  'provenance',
  'sbom'
]

const valueOf = (name: InputName) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...WORDS[name]) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.constantFrom(...WORDS[name]), { minLength: 2, maxLength: 3 })
        .chain(w => fc.constantFrom(w.join(','), w.join('\n')))
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    // Near-misses a user or an attacker writes: flags, separators, unicode, very long values.
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '--push',
        '-t evil',
        '--output=type=local,dest=/',
        'a\nb',
        'a,b',
        ' ',
        '\t',
        'ünïcødé',
        '🐳',
        'x'.repeat(5000),
        '$(id)',
        '`id`',
        "'",
        '"',
        ';rm -rf /'
      )
    }
  )

test('any value of any input parses, or fails with one InputError whose problems name that input (or the one it needs)', () => {
  const names = Object.keys(INPUT_DEFAULTS) as InputName[]
  const accepted = new Set<InputName>()
  const rejected = new Set<InputName>()
  const namedOther = new Set<string>()
  // Each input gets runs of its own: a value that only one input's words reach (driver=remote)
  // is then met every time, not by luck.
  for (const input of names) {
    fc.assert(
      fc.property(fc.tuple(fc.constant(input), valueOf(input)), ([name, value]) => {
        try {
          parseInputs(raw({ [name]: value }), { NPM_TOKEN: 'x' })
          accepted.add(name)
        } catch (e) {
          expect(e).toBeInstanceOf(InputError)
          rejected.add(name)
          for (const problem of (e as InputError).problems) {
            const named = /^Inputs? '([a-z-]+)'(?: and '([a-z-]+)')?/.exec(problem)?.slice(1).filter(Boolean) ?? []
            expect([problem, named.some(n => n === name || NEEDS[name]?.includes(n as InputName))]).toEqual([problem, true])
            if (!named.includes(name)) namedOther.add(`${name}=${value}`)
          }
        }
      }),
      { numRuns: 200 }
    )
  }
  // 200 runs for each of the inputs: over 10,000 cases in all.
  expect(names.length * 200).toBeGreaterThanOrEqual(10_000)
  // The generators reached what matters: every input was accepted, every checked one rejected,
  // and a value whose error names the input it needs.
  expect(names.filter(n => !accepted.has(n))).toEqual([])
  expect(names.filter(n => !FREE_TEXT.includes(n) && !rejected.has(n))).toEqual([])
  expect([...namedOther]).toContain('driver=remote')
})

test('property: no input value becomes a flag or a second argument of buildx build', async () => {
  const { buildArgs } = await import('../../../../src/core/builder/args')
  const flags = new Set<string>()
  let built = 0
  fc.assert(
    fc.property(
      fc.constantFrom(
        'context',
        'file',
        'target',
        'build-args',
        'labels',
        'platforms',
        'provenance',
        'sbom',
        'network',
        'shm-size',
        'ssh'
      ) as fc.Arbitrary<InputName>,
      fc.string({ maxLength: 30 }),
      (name, value) => {
        let inputs
        try {
          inputs = parseInputs(raw({ [name]: value }), {})
        } catch {
          return
        }
        built++
        const argv = buildArgs(bareBuildPlan(inputs))
        // Every element that looks like a flag is one the action wrote; the context is last and is no flag.
        for (const [i, a] of argv.entries())
          if (a.startsWith('-') && !/^--[a-z-]+(=.*)?$/.test(argv[i - 1] ?? '')) flags.add(a.split('=')[0])
        expect(argv[argv.length - 1].startsWith('-')).toBe(false)
      }
    ),
    { numRuns: 2000 }
  )
  expect(built).toBeGreaterThan(500)
  expect(
    [...flags].filter(
      f =>
        !/^--(platform|file|target|label|build-arg|secret|ssh|network|shm-size|provenance|sbom|output|metadata-file|progress|annotation|builder|cache-from|cache-to|no-cache|pull|load|tag)$/.test(
          f
        )
    )
  ).toEqual([])
})

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
  test('blank inputs with defaults take them: cache-timeout and verify-timeout', () => {
    const parsed = parseInputs({ ...INPUT_DEFAULTS, 'cache-timeout': ' ', 'verify-timeout': ' ' })
    expect(parsed.cacheTimeout).toBe(INPUT_DEFAULTS['cache-timeout'])
    expect(parsed.cacheTimeoutMs).toBe(durationMs(INPUT_DEFAULTS['cache-timeout']))
    expect(parsed.cacheTimeoutMs).toBeGreaterThan(0)
    expect(parsed.verifyTimeoutMs).toBeGreaterThan(0)
    // A per-platform build needs both an image and push: either missing is an error.
    expect(() => parseInputs({ ...INPUT_DEFAULTS, mode: 'platform', image: 'r/x', push: 'false' })).toThrow(/mode/)
  })
})

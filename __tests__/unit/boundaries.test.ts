// Boundaries of the pure core, each at its exact limit: the places a mutation pass found
// untested (a `>` that could be `>=`, one half of an `||`, a default, an off-by-one).
import { checkBudgets } from '../../src/core/report/budget'
import { runContext } from '../../src/core/inputs/github-context'
import { makeReport, summaryMarkdown, fitMarkdown, layerChart } from '../../src/core/report/report'
import { humanSize } from '../../src/core/report/size'
import { atLeast } from '../../src/core/builder/version'
import { loginsOf, parseRegistryAuth } from '../../src/core/inputs/registry-auth'
import { largestGrowth } from '../../src/core/report/compare'
import { layerBreakdown } from '../../src/core/registry/image'
import { imageTags } from '../../src/core/inputs/tags'
import { createBuilderArgs } from '../../src/core/builder/args'
import { JsonStream, BuildProgress } from '../../src/core/builder/progress'
import { INPUT_DEFAULTS, parseInputs } from '../../src/core/inputs/inputs'
import { parseVersion } from '../../src/core/registry/semver'
import { inputsWithoutGha } from '../../src/core/builder/cache-plan'
import { isAttestation, readImage } from '../../src/core/registry/image'
import { repositoryOf, tagOf } from '../../src/core/registry/reference'
import { splitCommand, userCheck, verified, verifyFailures, type Verification } from '../../src/core/builder/verify'

const at = (size: number, layers: number, sizeDelta?: number, sizePercent?: number) => [
  { platform: 'linux/amd64', size, layers, sizeDelta, sizePercent }
]
const budgetsBroken = (...args: Parameters<typeof checkBudgets>) => checkBudgets(...args).map(b => b.budget)

describe('budgets: at the limit is within it; one over breaks it', () => {
  test('max-size', () => {
    expect(budgetsBroken(at(250_000_000, 1), { maxSize: 250_000_000 })).toEqual([])
    expect(budgetsBroken(at(250_000_001, 1), { maxSize: 250_000_000 })).toEqual(['max-size'])
  })
  test('max-layers', () => {
    expect(budgetsBroken(at(1, 12), { maxLayers: 12 })).toEqual([])
    expect(budgetsBroken(at(1, 13), { maxLayers: 12 })).toEqual(['max-layers'])
  })
  test('max-growth in bytes', () => {
    expect(budgetsBroken(at(1, 1, 5_000_000, 2), { maxGrowth: { bytes: 5_000_000 } })).toEqual([])
    expect(budgetsBroken(at(1, 1, 5_000_001, 2), { maxGrowth: { bytes: 5_000_000 } })).toEqual(['max-growth'])
  })
  test('max-growth in percent', () => {
    expect(budgetsBroken(at(1, 1, 100, 10), { maxGrowth: { percent: 10 } })).toEqual([])
    expect(budgetsBroken(at(1, 1, 100, 10.01), { maxGrowth: { percent: 10 } })).toEqual(['max-growth'])
  })
})

describe('isAttestation: either sign is enough', () => {
  test.each([
    [{ annotations: { 'vnd.docker.reference.type': 'attestation-manifest' }, platform: { os: 'linux', architecture: 'amd64' } }, true],
    [{ platform: { os: 'unknown', architecture: 'unknown' } }, true],
    [{ platform: { os: 'linux', architecture: 'arm64' } }, false],
    [{ annotations: { 'vnd.docker.reference.type': 'something-else' }, platform: { os: 'linux', architecture: 'arm64' } }, false]
  ])('%j -> %s', (d, expected) => expect(isAttestation({ digest: 'sha256:0', mediaType: '', size: 1, ...d })).toBe(expected))
})

describe('references', () => {
  test.each([
    ['ghcr.io/p/ci-base', 'latest'],
    ['localhost:5000/p/ci-base', 'latest'],
    ['ghcr.io/p/ci-base:1.2', '1.2'],
    ['localhost:5000/p/ci-base:weekly', 'weekly']
  ])('tagOf(%s) = %s', (ref, tag) => expect(tagOf(ref)).toBe(tag))
  test.each([
    ['ghcr.io/p/ci-base:1', 'ghcr.io/p/ci-base'],
    ['localhost:5000/p/x:y', 'localhost:5000/p/x'],
    ['localhost:5000/p/x', 'localhost:5000/p/x'],
    ['ghcr.io/p/x@sha256:abc', 'ghcr.io/p/x'],
    ['a:b', 'a']
  ])('repositoryOf(%s) = %s', (ref, repository) => expect(repositoryOf(ref)).toBe(repository))
})

test('a backslash at the very end is kept as it is', () => {
  expect(splitCommand('echo a\\')).toEqual(['echo', 'a\\'])
})

test('verify words are split on any whitespace: tabs as spaces', () => {
  expect(splitCommand('test\t-w\t/app')).toEqual(['test', '-w', '/app'])
  expect(splitCommand(' sh \t -c\t\t"echo a\tb" ')).toEqual(['sh', '-c', 'echo a\tb'])
})

describe('verified', () => {
  const result = (passed: boolean) => ({ platform: 'linux/amd64', command: 'true', passed, timedOut: false, seconds: 0, output: '' })
  const user = (passed: boolean) => ({ platform: 'linux/amd64', user: passed ? '1001' : 'root', uid: passed ? 1001 : 0, passed })
  test.each<[string, Verification | undefined, boolean | undefined]>([
    ['nothing asked', undefined, undefined],
    ['commands pass, user passes', { results: [result(true)], users: [user(true)] }, true],
    ['commands pass, the user is root (require-non-root)', { results: [result(true)], users: [user(false)] }, false],
    ['a command fails', { results: [result(true), result(false)], users: [] }, false]
  ])('%s', (_, v, expected) => expect(verified(v)).toBe(expected))
})

describe('the second mutation pass', () => {
  test('repositoryOf a bare name keeps it whole (no colon, no slash)', () => {
    expect(repositoryOf('busybox')).toBe('busybox')
  })

  test('a single manifest read with no platform order, no User and no layers: unknown, root (""), none', async () => {
    const source = {
      manifest: () => Promise.resolve(JSON.stringify({ schemaVersion: 2, config: { digest: 'sha256:c', size: 1 } })),
      config: () => Promise.resolve({})
    }
    const image = await readImage(source, 'r/x@sha256:abc')
    expect(image.platforms).toEqual([{ platform: 'unknown', digest: 'sha256:abc', user: '', size: 0, layers: 0, breakdown: [] }])
  })

  test('a byte budget breached without a percentage says 0%, not NaN', () => {
    const [breach] = checkBudgets([{ platform: 'linux/amd64', size: 1, layers: 1, sizeDelta: 2_000_000 }], {
      maxGrowth: { bytes: 1_000_000 }
    })
    expect(breach.message).toMatch(/grew by 2\.0 MB \(0\.0%\) vs the baseline/)
  })
})

describe('require-non-root on a user the image does not name', () => {
  test('no /etc/passwd read: the user is unknown, not a crash', () => {
    expect(userCheck('linux/amd64', 'ci')).toEqual({ platform: 'linux/amd64', user: 'ci', passed: false })
  })
  test('the failure says the user is not in /etc/passwd; a known root uid says so', () => {
    const users = [userCheck('linux/amd64', 'ci', 'root:x:0:0::/root:/bin/sh'), userCheck('linux/arm64', 'admin', 'admin:x:0:0::/:/bin/sh')]
    expect(verifyFailures({ results: [], users })).toEqual([
      "linux/amd64: require-non-root: the image runs as 'ci', which is not in its /etc/passwd",
      "linux/arm64: require-non-root: the image runs as 'admin' (uid 0)"
    ])
  })
})

// The second mutation pass, over all of core/: the survivors that changed what a user sees.
describe('second pass over core/', () => {
  test("a run context from a bare environment: strings with GitHub's defaults, never undefined", () => {
    expect(runContext({ GITHUB_EVENT_PATH: '/e.json' }, () => '{}')).toMatchObject({
      sha: '',
      workflow: '',
      job: '',
      ref: '',
      eventName: '',
      defaultBranch: '',
      repository: '',
      serverUrl: 'https://github.com',
      runAttempt: '1',
      apiUrl: 'https://api.github.com'
    })
    // Only a schedule's own branch stands in for an unknown default branch.
    expect(runContext({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature' }, () => '{}').defaultBranch).toBe('')
    expect(runContext({ GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/main' }, () => '{}').defaultBranch).toBe('main')
  })

  const part = (over: Partial<Parameters<typeof makeReport>[0]> = {}) =>
    makeReport({
      digest: '',
      imageid: '',
      tags: [],
      pushed: false,
      platforms: [{ platform: 'linux/amd64', digest: 'sha256:a', size: 1000, layers: 1, breakdown: [], sizeDelta: 0, sizePercent: 0 }],
      baseline: { ref: 'r/x:latest', status: 'found' },
      budgets: {},
      buildTime: 1,
      cacheHitRate: 0,
      steps: { steps: 0, cached: 0 },
      stages: [],
      ...over
    })

  test('the summary: no budget or verify trouble claimed without cause, unchanged only when known, sizes at 0 and 1000', () => {
    expect(part().breaches).toStrictEqual([])
    const text = summaryMarkdown(part({ changed: true, verify: { results: [], users: [] } }))
    expect(text.split('\n')[0]).toBe('### CI base image built')
    expect(text).not.toContain('Budget exceeded')
    expect(summaryMarkdown(part({ changed: false })).split('\n')[0]).toBe('### CI base image built — unchanged')
    expect(summaryMarkdown(part())).toContain('| linux/amd64 | 1.0 kB | 0 B (0.0%) |')
    const shrank = part({
      platforms: [{ platform: 'linux/amd64', digest: 'sha256:a', size: 1000, layers: 1, breakdown: [], sizeDelta: -1000, sizePercent: -50 }]
    })
    expect(summaryMarkdown(shrank)).toContain('| linux/amd64 | 1.0 kB | -1.0 kB (-50.0%) |')
    expect(humanSize(1000)).toBe('1.0 kB')
    expect(humanSize(999)).toBe('999 B')
    const unchangedSince = (created: string) =>
      summaryMarkdown(part({ changed: false, baseline: { ref: 'r/x:latest', status: 'found', created } }))
    expect(unchangedSince('not a date')).toContain('**Unchanged** since `r/x:latest`: the same image')
    expect(unchangedSince('2026-11-23T04:23:00Z')).toContain('**Unchanged** since `r/x:latest` (made 2026-11-23)')
  })

  test('a report that nothing fits is the note alone; the layer chart cuts instructions past 60 characters only', () => {
    expect(fitMarkdown('x'.repeat(100), () => false, 'a limit')).toBe('\n_Left out to stay within a limit: the rest._\n')
    const at = (n: number) => ({ digest: 'd', size: 10, instruction: 'R'.repeat(n) })
    const chart = (n: number) => layerChart({ platform: 'p', digest: 'x', size: 10, layers: 1, breakdown: [at(n)] })
    expect(chart(60)).toContain('R'.repeat(60))
    expect(chart(61)).toContain(`${'R'.repeat(59)}…`)
  })

  test('versions with fewer parts are zero-filled; registry-auth strips a pair of quotes, even an empty pair', () => {
    expect(atLeast('0.21', '0.21.0')).toBe(true)
    expect(atLeast('0.21.0', '0.21')).toBe(true)
    expect(atLeast('0.20', '0.21.0')).toBe(false)
    // An empty pair of quotes is an empty password: a problem, not the two-character password `""`.
    expect(parseRegistryAuth('- registry: r.io\n  username: u\n  password: ""').problems).toStrictEqual(['entry 1 (r.io) has no password'])
    const login = (over: object) =>
      loginsOf({ username: 'u', password: 'p', registry: '', image: '', logins: [], ...over }, ref => ref.split('/')[0])
    expect(login({ registry: 'ghcr.io', image: 'quay.io/x/y' })[0].registry).toBe('ghcr.io')
    expect(login({ image: 'quay.io/x/y' })[0].registry).toBe('quay.io')
    expect(login({})[0].registry).toBe('docker.io')
  })

  test('what grew most: nothing when nothing grew; the first of two equal growths', () => {
    const layer = (instruction: string, delta: number) => ({ digest: instruction, size: 1, instruction, delta })
    const p = (name: string, deltas: number[]) => ({
      platform: name,
      digest: 'x',
      size: 1,
      layers: 1,
      breakdown: deltas.map((d, i) => layer(`${name}-${i}`, d))
    })
    expect(largestGrowth([p('a', [0, -5])])).toBeUndefined()
    expect(largestGrowth([p('a', [0, 3]), p('b', [3])])?.layer.instruction).toBe('a-1')
  })

  test('more layers than history: the first ones have none', () => {
    const layers = [1, 2, 3].map(n => ({ mediaType: 'x', digest: `sha256:${n}`, size: n }))
    expect(layerBreakdown(layers, [{ created_by: 'RUN b' }, { created_by: 'RUN c' }]).map(l => l.instruction)).toStrictEqual([
      '(no history)',
      'RUN b',
      'RUN c'
    ])
  })

  test('without gha: the derived cache and every gha spec of cache-from and cache-to left out, the rest kept', () => {
    const without = inputsWithoutGha({
      cache: ['gha', 'registry'] as ('gha' | 'registry')[],
      cacheFrom: ['type=gha,scope=a', 'type=registry,ref=r/x:c'],
      cacheTo: ['type=gha,mode=max', 'type=local,dest=/c']
    })
    expect(without).toStrictEqual({ cache: ['registry'], cacheFrom: ['type=registry,ref=r/x:c'], cacheTo: ['type=local,dest=/c'] })
  })

  test("semver tags only with the semver policy; --platform only where the spec names the first node's platforms", () => {
    const release = { version: parseVersion('refs/tags/v1.2.3')!, published: [] }
    const ctx = runContext({ GITHUB_SHA: 'abcdef0123', GITHUB_REF: 'refs/tags/v1.2.3' }, () => '{}')
    expect(
      imageTags({ image: 'r/x', tags: [], tagPolicy: [{ kind: 'sha' }], tagPrefix: '', tagSuffix: '' }, ctx, new Date(0), release)
    ).toStrictEqual(['r/x:sha-abcdef0'])
    const spec = { name: 'b', endpoint: '', driverOpts: [], configFile: '' }
    expect(createBuilderArgs({ ...spec, driver: 'docker-container', platforms: [] })).not.toContain('--platform')
    expect(createBuilderArgs({ ...spec, driver: 'kubernetes', platforms: ['linux/amd64'] })).toContain('--platform')
  })

  test('blank inputs with defaults take them: cache-timeout and verify-timeout', () => {
    const parsed = parseInputs({ ...INPUT_DEFAULTS, 'cache-timeout': ' ', 'verify-timeout': ' ' })
    expect(parsed.cacheTimeout).toBe(INPUT_DEFAULTS['cache-timeout'])
    expect(parsed.verifyTimeoutMs).toBeGreaterThan(0)
    // A per-platform build needs both an image and push: either missing is an error.
    expect(() => parseInputs({ ...INPUT_DEFAULTS, mode: 'platform', image: 'r/x', push: 'false' })).toThrow(/mode/)
  })

  test('the progress stream: a quote in text before an object, text after the last one, and no cause without an ERROR line', () => {
    const objects: unknown[] = []
    const texts: string[] = []
    const stream = new JsonStream(
      o => objects.push(o),
      t => texts.push(t)
    )
    stream.push('buildx says "hi\n{"a":1}\ntail')
    stream.end()
    expect(objects).toStrictEqual([{ a: 1 }])
    expect(texts.join('')).toContain('tail')
    // An object the stream ends inside is neither an object nor text.
    const cut: string[] = []
    const unfinished = new JsonStream(
      () => undefined,
      t => cut.push(t)
    )
    unfinished.push('{"a":')
    unfinished.end()
    expect(cut).toStrictEqual([])
    const progress = new BuildProgress()
    progress.push('{"vertexes":[]}')
    progress.end()
    expect(progress.cause()).toBe('')
  })
})

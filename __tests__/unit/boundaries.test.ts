// Boundaries of the pure core, each at its exact limit: the places a mutation pass found
// untested (a `>` that could be `>=`, one half of an `||`, a default, an off-by-one).
import { checkBudgets } from '../../src/core/budget'
import { isAttestation, readImage } from '../../src/core/image'
import { repositoryOf, tagOf } from '../../src/core/reference'
import { splitCommand, userCheck, verified, verifyFailures, type Verification } from '../../src/core/verify'

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

import fc from 'fast-check'
import {
  resolveUid,
  splitCommand,
  userCheck,
  verifyFailures,
  verifyMarkdown,
  type Verification,
  verified
} from '../../../../src/core/builder/verify'
import { durationMs } from '../../../../src/core/inputs/inputs'

describe('a verify line into argv, without a shell', () => {
  test.each([
    ['uname -m', ['uname', '-m']],
    ['sh -c \'test "$(id -u)" = 1001\'', ['sh', '-c', 'test "$(id -u)" = 1001']],
    ['echo "a  b" c\\ d', ['echo', 'a  b', 'c d']],
    ['echo "say \\"hi\\" \\$HOME"', ['echo', 'say "hi" $HOME']],
    ["echo ''", ['echo', '']],
    ['  spaced   out  ', ['spaced', 'out']],
    ['echo $HOME; rm -rf /', ['echo', '$HOME;', 'rm', '-rf', '/']]
  ])('%s', (line, argv) => expect(splitCommand(line)).toEqual(argv))

  test('an unclosed quote is an error', () => {
    expect(() => splitCommand("sh -c 'oops")).toThrow("unclosed ' in: sh -c 'oops")
    expect(() => splitCommand('echo "oops')).toThrow('unclosed " in')
  })

  test('property: words quoted with single quotes come back exactly, spaces, quotes and $ included', () => {
    const word = fc.string({ minLength: 0, maxLength: 12 }).filter(w => !w.includes("'"))
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), words => {
        expect(splitCommand(words.map(w => `'${w}'`).join(' '))).toEqual(words)
      }),
      { numRuns: 300 }
    )
  })
})

describe('the image user', () => {
  const passwd = 'root:x:0:0:root:/root:/bin/sh\nnodejs:x:1001:1001::/home/nodejs:/bin/sh\n'
  test.each([
    ['1001', undefined, 1001],
    ['1001:1001', undefined, 1001],
    ['0', undefined, 0],
    ['', undefined, 0],
    ['root', undefined, 0],
    ['nodejs', passwd, 1001],
    ['nodejs:nodejs', passwd, 1001],
    ['ghost', passwd, undefined]
  ])('%s resolves to %s', (user, file, uid) => expect(resolveUid(user, file)).toBe(uid))

  test('passes only for a known uid other than 0', () => {
    expect(userCheck('linux/arm64', 'nodejs', passwd)).toEqual({ platform: 'linux/arm64', user: 'nodejs', uid: 1001, passed: true })
    expect(userCheck('linux/arm64', '', undefined)).toEqual({ platform: 'linux/arm64', user: '', uid: 0, passed: false })
    expect(userCheck('linux/arm64', 'ghost', passwd)).toEqual({ platform: 'linux/arm64', user: 'ghost', passed: false })
  })
})

test('failures name platform, command and output; the grid has a row per command and a column per platform', () => {
  const v: Verification = {
    users: [
      { platform: 'linux/amd64', user: '1001', uid: 1001, passed: true },
      { platform: 'linux/arm64', user: '', uid: 0, passed: false }
    ],
    results: [
      { platform: 'linux/amd64', command: 'g++ --version', passed: true, exitCode: 0, timedOut: false, seconds: 0.2, output: 'g++ 14' },
      {
        platform: 'linux/arm64',
        command: 'g++ --version',
        passed: false,
        exitCode: 127,
        timedOut: false,
        seconds: 0.9,
        output: 'exec format error'
      },
      { platform: 'linux/amd64', command: 'sleep 99', passed: false, timedOut: true, seconds: 120.2, output: '' },
      { platform: 'linux/arm64', command: 'sleep 99', passed: true, exitCode: 0, timedOut: false, seconds: 1, output: '' }
    ]
  }
  expect(verifyFailures(v)).toEqual([
    'linux/arm64: require-non-root: the image sets no USER, so it runs as root',
    'linux/arm64: `g++ --version` exited 127:\nexec format error',
    'linux/amd64: `sleep 99` was stopped after 120 s'
  ])
  const md = verifyMarkdown(v).join('\n')
  expect(md).toContain('**Verify** — 3 failed')
  expect(md).toContain('| check | linux/amd64 | linux/arm64 |')
  expect(md).toContain('| non-root user | ✓ | ✗ |')
  expect(md).toContain('| `g++ --version` | ✓ | ✗ |')
  expect(md).toContain('| `sleep 99` | ✗ | ✓ |')
})

test.each([
  ['2m', 120_000],
  ['1m30s', 90_000],
  ['250ms', 250],
  ['1h', 3_600_000],
  ['0s', undefined],
  ['10', undefined],
  ['soon', undefined]
])('duration %s', (text, ms) => expect(durationMs(text)).toBe(ms))

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
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

  describe('require-non-root on a user the image does not name', () => {
    test('no /etc/passwd read: the user is unknown, not a crash', () => {
      expect(userCheck('linux/amd64', 'ci')).toEqual({ platform: 'linux/amd64', user: 'ci', passed: false })
    })
    test('the failure says the user is not in /etc/passwd; a known root uid says so', () => {
      const users = [
        userCheck('linux/amd64', 'ci', 'root:x:0:0::/root:/bin/sh'),
        userCheck('linux/arm64', 'admin', 'admin:x:0:0::/:/bin/sh')
      ]
      expect(verifyFailures({ results: [], users })).toEqual([
        "linux/amd64: require-non-root: the image runs as 'ci', which is not in its /etc/passwd",
        "linux/arm64: require-non-root: the image runs as 'admin' (uid 0)"
      ])
    })
  })
})

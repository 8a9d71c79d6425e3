import { inFlags, OWN_FLAGS, parseArgs, rawInputs, UsageError } from '../../../src/cli/flags'
import { shellQuote } from '../../../src/pipeline/dry-run'
import { INPUT_DEFAULTS } from '../../../src/core/inputs/inputs'
import { actionYml } from '../../support/runner'

test("every action input is a flag, and every flag that is not the command line's own is an input", () => {
  const inputs = Object.keys(actionYml().inputs)
  for (const name of inputs)
    expect([name, parseArgs(['build', `--${name}`, 'x']).inputs[name as keyof typeof INPUT_DEFAULTS]]).toEqual([
      name,
      INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS] === 'true' || INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS] === 'false'
        ? 'true'
        : 'x'
    ])
  for (const flag of OWN_FLAGS) expect(inputs).not.toContain(flag)
  expect(Object.keys(INPUT_DEFAULTS).sort()).toEqual([...inputs].sort())
})

test('flags: values, --name=value, switches alone or with true/false, repeated flags as lines', () => {
  const inv = parseArgs([
    'build',
    '--platforms',
    'linux/amd64',
    '--push',
    '--load=false',
    '--no-cache',
    'false',
    '--build-args',
    'A=1',
    '--build-args',
    'B=2',
    '--json'
  ])
  expect(inv).toEqual({
    command: 'build',
    positional: [],
    json: true,
    dryRun: false,
    help: false,
    inputs: { platforms: 'linux/amd64', push: 'true', load: 'false', 'no-cache': 'false', 'build-args': 'A=1\nB=2' }
  })
  expect(parseArgs(['inspect', 'ghcr.io/p/x:1', '--dry-run'])).toMatchObject({
    command: 'inspect',
    positional: ['ghcr.io/p/x:1'],
    dryRun: true
  })
  expect(rawInputs({ push: 'true' })).toEqual({ ...INPUT_DEFAULTS, push: 'true' })
})

test('usage errors name the flag or the command', () => {
  expect(() => parseArgs(['build', '--platfroms', 'x'])).toThrow(
    new UsageError('--platfroms is not a flag; `ci-base-action --help` lists them')
  )
  expect(() => parseArgs(['build', '--cache'])).toThrow('--cache needs a value')
  expect(() => parseArgs(['push'])).toThrow("'push' is not a command; use one of build, inspect, compare")
  expect(() => parseArgs(['build', '--max'])).toThrow('(did you mean --max-size, --max-layers, --max-growth?)')
})

test("the action's messages in flags", () => {
  expect(inFlags("Input 'platforms': 'lnx' is not valid")).toBe("--platforms: 'lnx' is not valid")
  expect(inFlags("Inputs 'username' and 'password' go together")).toBe('--username and --password go together')
})

test.each([
  ['linux/amd64,linux/arm64', 'linux/amd64,linux/arm64'],
  ['type=registry,ref=r/x:cache', 'type=registry,ref=r/x:cache'],
  ['a b', "'a b'"],
  ["it's", "'it'\\''s'"],
  ['type=image,"name=a,b"', `'type=image,"name=a,b"'`],
  ['$HOME', "'$HOME'"]
])('shellQuote(%s)', (arg, quoted) => expect(shellQuote(arg)).toBe(quoted))

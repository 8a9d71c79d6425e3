// Build checks: BuildKit's warnings in the progress stream and `--call check,format=json`, in
// the shapes BuildKit 0.26 sends them (base64 for Go's []byte), as annotations and a summary.
import { checksMarkdown, dedupe, findingOfWarning, findingText, parseLintResults } from '../../../../src/core/builder/build-checks'
import { BuildProgress } from '../../../../src/core/builder/progress'
import { buildArgs, checkArgs } from '../../../../src/core/builder/args'
import { buildkitdConfig } from '../../../../src/core/builder/builder'
import { bareBuildPlan } from '../../../support/build-plan'
import { INPUT_DEFAULTS, parseInputs } from '../../../../src/core/inputs/inputs'

const b64 = (text: string) => Buffer.from(text).toString('base64')
const URL = 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/'

describe('build checks', () => {
  test("a build's check warnings from the JSON progress stream, on the workflow's Dockerfile path; other warnings are no checks", () => {
    const progress = new BuildProgress()
    const warning = (short: string, url?: string, line?: number) => ({
      vertex: 'sha256:v',
      level: 1,
      short: b64(short),
      detail: [b64('The rule')],
      ...(url ? { url } : {}),
      sourceInfo: { filename: 'Dockerfile' },
      ...(line ? { range: [{ start: { line }, end: { line: line + 1 } }] } : {})
    })
    progress.push(
      JSON.stringify({ warnings: [warning("FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)", URL, 1)] }) +
        JSON.stringify({ warnings: [warning('LegacyKeyValueFormat: "ENV key=value" should be used (line 2)', URL)] }) +
        JSON.stringify({ warnings: [warning('some other warning without a rule page')] })
    )
    progress.end()
    const findings = progress.warnings.flatMap(w => findingOfWarning(w, 'docker/Dockerfile.base') ?? [])
    expect(findings).toStrictEqual([
      {
        rule: 'FromAsCasing',
        message: "'as' and 'FROM' keywords' casing do not match",
        file: 'docker/Dockerfile.base',
        url: URL,
        line: 1,
        endLine: 2
      },
      { rule: 'LegacyKeyValueFormat', message: '"ENV key=value" should be used', file: 'docker/Dockerfile.base', url: URL, line: 2 }
    ])
    expect(dedupe([...findings, ...findings])).toStrictEqual(findings)
    expect(findingText(findings[0])).toBe(`FromAsCasing: 'as' and 'FROM' keywords' casing do not match (${URL})`)
  })

  test("--call check's JSON: findings with their lines; a Dockerfile that does not parse is an error; no JSON is thrown", () => {
    const text = JSON.stringify({
      warnings: [
        {
          ruleName: 'FromAsCasing',
          description: 'd',
          url: URL,
          detail: "'as' and 'FROM' do not match",
          location: { ranges: [{ start: { line: 1 }, end: { line: 1 } }] }
        },
        { ruleName: 'NoLine', description: 'only a description' }
      ],
      sources: [{ filename: 'Dockerfile', data: b64('FROM x as y') }]
    })
    expect(parseLintResults(text, 'Dockerfile.base')).toStrictEqual({
      findings: [
        { rule: 'FromAsCasing', message: "'as' and 'FROM' do not match", file: 'Dockerfile.base', url: URL, line: 1 },
        { rule: 'NoLine', message: 'only a description', file: 'Dockerfile.base' }
      ]
    })
    expect(parseLintResults('{"warnings":[],"buildError":{"message":"unknown instruction: FORM"}}', 'D')).toStrictEqual({
      findings: [],
      error: 'unknown instruction: FORM'
    })
    expect(() => parseLintResults('ERROR: unsupported request frontend.lint', 'D')).toThrow('the check printed no results')
  })

  test('the summary section: a row per finding with its rule linked; "No findings." only when checking alone', () => {
    const md = checksMarkdown([{ rule: 'FromAsCasing', message: 'a | b', file: 'Dockerfile', line: 3, url: URL }], false)
    expect(md).toBe(
      `### Build checks\n\n1 finding:\n\n| where | rule | finding |\n|---|---|---|\n| Dockerfile:3 | [FromAsCasing](${URL}) | a \\| b |\n`
    )
    expect(checksMarkdown([], false)).toBe('')
    expect(checksMarkdown([], true)).toBe('### Build checks\n\nNo findings.\n')
  })
})

describe("build-push-action's remaining inputs as buildx flags", () => {
  const inputs = parseInputs({
    ...INPUT_DEFAULTS,
    'build-contexts': 'deps=__tests__/fixtures/deps\nalpine=docker-image://localhost:5000/alpine:3.20',
    'no-cache-filters': 'deps,runtime',
    'add-hosts': 'registry.local:10.0.0.5',
    ulimit: 'nofile=1024:2048',
    allow: 'network.host',
    call: 'check',
    target: 'ci'
  })
  const plan = bareBuildPlan(inputs, { builder: 'b' })
  test('each as its own argv pair, after the cache flags', () => {
    const args = buildArgs(plan)
    const pairs = (flag: string) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []))
    expect(pairs('--build-context')).toStrictEqual(['deps=__tests__/fixtures/deps', 'alpine=docker-image://localhost:5000/alpine:3.20'])
    expect(pairs('--no-cache-filter')).toStrictEqual(['deps', 'runtime'])
    expect(pairs('--add-host')).toStrictEqual(['registry.local:10.0.0.5'])
    expect(pairs('--ulimit')).toStrictEqual(['nofile=1024:2048'])
    expect(pairs('--allow')).toStrictEqual(['network.host'])
  })
  test('call: check builds nothing: the Dockerfile, its target, args and contexts, and --call check with JSON', () => {
    expect(checkArgs(plan)).toStrictEqual([
      'buildx',
      'build',
      '--builder',
      'b',
      '--file',
      'Dockerfile.base',
      '--target',
      'ci',
      '--build-context',
      'deps=__tests__/fixtures/deps',
      '--build-context',
      'alpine=docker-image://localhost:5000/alpine:3.20',
      '--call',
      'check,format=json',
      '.'
    ])
  })
  test("a builder the action creates grants what allow asks for, unless the user's config says", () => {
    expect(buildkitdConfig('', [], ['network.host', 'security.insecure'])).toBe(
      'insecure-entitlements = ["network.host", "security.insecure"]\n'
    )
    expect(buildkitdConfig('insecure-entitlements = ["network.host"]', [], ['security.insecure'])).toBe(
      'insecure-entitlements = ["network.host"]\n'
    )
    expect(buildkitdConfig('', [], [])).toBe('\n')
  })
  test.each([
    ['build-contexts', 'x=ftp://host/a', "Input 'build-contexts': 'x=ftp://host/a' is not valid"],
    ['add-hosts', 'host:999', "Input 'add-hosts': 'host:999' is not valid"],
    ['ulimit', 'files=1', 'types: core, cpu'],
    ['allow', 'root', "Input 'allow': 'root' is not valid; allowed: network.host, security.insecure"],
    ['call', 'outline', "Input 'call': 'outline' is not valid; allowed: build, check"]
  ])('%s %j is refused', (name, value, message) => expect(() => parseInputs({ ...INPUT_DEFAULTS, [name]: value })).toThrow(message))
  test('call: check in a merge job is refused', () =>
    expect(() => parseInputs({ ...INPUT_DEFAULTS, mode: 'merge', call: 'check', image: 'r/x', push: 'true' })).toThrow(
      "Input 'call': check runs"
    ))
})

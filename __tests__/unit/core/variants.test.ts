// What a variant is asked to do, from the main image's inputs and plan.
import { INPUT_DEFAULTS, parseInputs, type RawInputs } from '../../../src/core/inputs/inputs'
import { checksThatApply, variantInputs, variantTag } from '../../../src/core/variants'
import type { Verification } from '../../../src/core/builder/verify'

const inputs = (over: Partial<RawInputs> = {}) =>
  parseInputs({ ...INPUT_DEFAULTS, image: 'ghcr.io/phialo/ci-base', push: 'true', variants: 'slim=slim', ...over } as RawInputs)

test('a variant tag puts the name after the tag, on any registry, port or tag', () => {
  expect(variantTag('ghcr.io/phialo/ci-base:latest', 'slim')).toBe('ghcr.io/phialo/ci-base:latest-slim')
  expect(variantTag('localhost:5000/a/b:1.2.3', 'slim')).toBe('localhost:5000/a/b:1.2.3-slim')
  expect(variantTag('localhost:5000/a/b', 'min')).toBe('localhost:5000/a/b:latest-min')
})

test("the variant's inputs: its target, every main tag with its suffix, its own baseline, the main builder, a read-only cache", () => {
  const main = inputs({ 'cache-mounts': 'auto', 'max-size': '300MB', verify: 'node --version' })
  const v = variantInputs(
    main,
    { name: 'slim', target: 'slim' },
    ['ghcr.io/phialo/ci-base:sha-abc1234', 'ghcr.io/phialo/ci-base:latest'],
    'ci-base-7'
  )
  expect(v).toMatchObject({
    target: 'slim',
    tags: ['ghcr.io/phialo/ci-base:sha-abc1234-slim', 'ghcr.io/phialo/ci-base:latest-slim'],
    tagPolicy: [],
    baseline: 'ghcr.io/phialo/ci-base:latest-slim',
    builder: 'ci-base-7',
    cacheWrite: 'never',
    cacheMounts: [],
    variants: []
  })
  // The same checks and budgets.
  expect(v.verify).toStrictEqual(main.verify)
  expect(v.budgets).toStrictEqual(main.budgets)
})

test('a baseline by digest has no variant beside it; a scan report file is the main image’s, trivy scans each', () => {
  const byDigest = inputs({ baseline: `ghcr.io/phialo/ci-base@sha256:${'a'.repeat(64)}` })
  expect(variantInputs(byDigest, { name: 'slim', target: 'slim' }, [], '').baseline).toBe('')
  const file = inputs({ 'scan-report': 'trivy.json', 'max-vulnerabilities': 'critical=0' })
  expect(variantInputs(file, { name: 'slim', target: 'slim' }, [], '')).toMatchObject({ scanReport: '', maxVulnerabilities: undefined })
  const trivy = inputs({ 'scan-report': 'trivy', 'max-vulnerabilities': 'critical=0' })
  expect(variantInputs(trivy, { name: 'slim', target: 'slim' }, [], '')).toMatchObject({
    scanReport: 'trivy',
    maxVulnerabilities: { critical: 0 }
  })
})

test('on a variant, a check whose program is missing (exit 127) does not apply; any other failure still fails', () => {
  const result = (command: string, exitCode: number | undefined, passed = false) => ({
    platform: 'linux/amd64',
    command,
    passed,
    exitCode,
    timedOut: exitCode === undefined,
    seconds: 0.1,
    output: 'x'
  })
  const v: Verification = {
    results: [result('git --version', 127), result('node --version', 0, true), result('pnpm x', 1), result('sleep 99', undefined)],
    users: []
  }
  const checked = checksThatApply(v).results
  expect(checked.map(r => [r.command, r.passed])).toStrictEqual([
    ['git --version', true],
    ['node --version', true],
    ['pnpm x', false],
    ['sleep 99', false]
  ])
  expect(checked[0].output).toBe('not in this variant (exit 127)')
})

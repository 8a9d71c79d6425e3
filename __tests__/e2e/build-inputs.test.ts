// build-push-action's remaining inputs and the Dockerfile's build checks, on both stacks: the
// image in the registry holds what the contexts gave it, a filtered stage is rebuilt while the
// rest comes from the cache, and the checks' findings land on their lines.
import type { ActionRun } from '../support/runner'
import { BASE_IMAGE, manifest, platformSizes, readImageFile, REGISTRY } from '../support/registry'
import { errorLines, expectGreen, fixture, nonce, onEveryStack } from '../support/stack'

const contexts = fixture('contexts')
const checks = fixture('checks')
const CHECKS_FILE = checks.file

onEveryStack('build-contexts and no-cache-filters', stack => {
  const run = nonce()
  const repo = `e2e/contexts-${stack.name}-${run}`
  const build = (inputs: Record<string, string> = {}) =>
    stack.run({
      inputs: {
        ...contexts,
        image: `${REGISTRY}/${repo}`,
        push: 'true',
        platforms: 'linux/amd64',
        'build-args': `NONCE=${run}`,
        'build-contexts': `assets=${contexts.context}/assets\ntools=docker-image://${BASE_IMAGE}`,
        // A registry cache, so that a new builder (the runner stack's) starts warm the second time.
        cache: 'registry',
        'cache-ref': `${REGISTRY}/${repo}:buildcache`,
        'cache-write': 'always',
        ...inputs
      }
    })
  let first: ActionRun
  let filtered: ActionRun

  beforeAll(async () => {
    first = await build({ tags: 'first' })
    filtered = await build({ tags: 'filtered', 'no-cache-filters': 'stamp' })
  }, 400_000)

  const fileOf = async (tag: string, path: string) => {
    const digest = (await platformSizes(repo, tag))['linux/amd64'].digest
    return readImageFile(repo, digest, path)
  }

  test('a stage named like a build context is replaced by it; an image is a context too', async () => {
    expectGreen(first)
    expect(await fileOf('first', 'opt/hello.txt')).toBe('from the build context\n')
    expect((await fileOf('first', 'opt/tools-busybox'))?.length).toBeGreaterThan(100_000)
  })

  test('no-cache-filters rebuilds that stage alone: a new stamp, the other steps from the cache', async () => {
    expectGreen(filtered)
    expect(first.main.stdout).toMatch(/--build-context assets=/)
    expect(filtered.main.stdout).toMatch(/--no-cache-filter stamp/)
    const [before, after] = [await fileOf('first', 'opt/stamp.txt'), await fileOf('filtered', 'opt/stamp.txt')]
    expect(before).toMatch(/^[0-9a-f-]{36}\n$/)
    expect(after).toMatch(/^[0-9a-f-]{36}\n$/)
    expect(after).not.toBe(before)
    const { steps } = JSON.parse(filtered.main.outputs.report) as { steps: { steps: number; cached: number } }
    // RUN kept.txt and two of the COPYs come from the cache; RUN stamp and the COPY of its file do not.
    expect(steps.cached).toBeGreaterThanOrEqual(2)
    expect(steps.steps - steps.cached).toBeGreaterThanOrEqual(1)
  })
})

onEveryStack('build checks', stack => {
  const run = nonce()
  const repo = `e2e/checks-${stack.name}-${run}`
  let checkOnly: ActionRun
  let built: ActionRun

  beforeAll(async () => {
    checkOnly = await stack.run({ inputs: { ...checks, image: `${REGISTRY}/${repo}`, push: 'true', tags: 'checked', call: 'check' } })
    built = await stack.run({
      inputs: { ...checks, image: `${REGISTRY}/${repo}`, push: 'true', tags: 'built', platforms: 'linux/amd64', history: '0' }
    })
  }, 300_000)

  if (stack.name === 'runner') {
    test('call: check fails on the two findings without building, each an annotation on its line', async () => {
      expect(checkOnly.main.code).toBe(1)
      expect(errorLines(checkOnly.main.stdout)[0]).toMatch(
        new RegExp(`^::error::Build checks: 2 findings in ${CHECKS_FILE}; nothing was built:`)
      )
      expect(checkOnly.main.stdout).toMatch(
        new RegExp(
          `^::warning title=FromAsCasing,file=${CHECKS_FILE},line=2::'as' and 'FROM' keywords' casing do not match \\(https://docs.docker.com/go/dockerfile/rule/from-as-casing/\\)$`,
          'm'
        )
      )
      expect(checkOnly.main.stdout).toMatch(new RegExp(`^::warning title=LegacyKeyValueFormat,file=${CHECKS_FILE},line=3::`, 'm'))
      expect(checkOnly.main.summary).toContain('### Build checks\n\n2 findings:')
      expect(checkOnly.main.summary).toContain(
        `| ${CHECKS_FILE}:2 | [FromAsCasing](https://docs.docker.com/go/dockerfile/rule/from-as-casing/) |`
      )
      expect(await manifest(repo, 'checked')).toBeUndefined()
      expect(checkOnly.post.code).toBe(0)
    })

    test('a Dockerfile without findings passes call: check', async () => {
      const clean = await stack.run({ inputs: { ...fixture('multistage'), call: 'check' } })
      expectGreen(clean)
      expect(clean.main.stdout).toContain('Build checks: no findings in __tests__/fixtures/multistage/Dockerfile')
      expect(clean.main.summary).toContain('### Build checks\n\nNo findings.')
    }, 120_000)

    test('a build shows the same findings as annotations and in the summary, and goes on', async () => {
      expectGreen(built)
      expect(built.main.stdout).toMatch(new RegExp(`^::warning title=FromAsCasing,file=${CHECKS_FILE},line=2::`, 'm'))
      expect(built.main.stdout).toMatch(new RegExp(`^::warning title=LegacyKeyValueFormat,file=${CHECKS_FILE},line=3::`, 'm'))
      expect(built.main.stdout.match(/^::warning title=FromAsCasing,file=.*::/gm)).toHaveLength(1)
      expect(built.main.summary).toContain('### Build checks\n\n2 findings:')
      expect(await manifest(repo, 'built')).toBeDefined()
    })
  } else {
    // The engine here is Docker 26 (BuildKit 0.13, Dockerfile 1.7) with Debian's buildx 0.13:
    // older than the checks. GitHub's runners have both newer; here the error must say what to change.
    test('call: check on a buildx without --call fails up front, saying which buildx it needs', async () => {
      expect(checkOnly.main.code).toBe(1)
      expect(errorLines(checkOnly.main.stdout)).toStrictEqual([
        "::error::Input 'call': check needs buildx 0.15 or later, and this one has no --call; set buildx-version (e.g. v0.30.0) to install one."
      ])
      expect(await manifest(repo, 'checked')).toBeUndefined()
    })

    test("with a newer buildx, the engine's own frontend is too old for checks, and the error says so", async () => {
      const newer = await stack.run({ inputs: { ...checks, call: 'check', 'buildx-version': 'v0.30.0' } })
      expect(newer.main.code).toBe(1)
      expect(errorLines(newer.main.stdout)[0]).toMatch(
        /^::error::Input 'call': check needs a builder whose Dockerfile frontend runs build checks \(BuildKit 0.14 \/ Dockerfile 1.8 or later\); this one does not:/
      )
    }, 120_000)

    test('a build on that engine finds nothing to show and goes on', async () => {
      expectGreen(built)
      expect(built.main.summary).not.toContain('### Build checks')
      expect(await manifest(repo, 'built')).toBeDefined()
    })
  }
})

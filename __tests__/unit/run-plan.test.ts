import { weeklyRun } from '../support/run-context'
import { INPUT_DEFAULTS, parseInputs, type RawInputs } from '../../src/core/inputs'
import { planRun, type RunFacts } from '../../src/core/run-plan'
import { buildArgs } from '../../src/core/args'
import { parseVersion } from '../../src/core/semver'

const ctx = weeklyRun
const facts = (over: Partial<RawInputs>, more: Partial<RunFacts> = {}): RunFacts => ({
  inputs: parseInputs({ ...INPUT_DEFAULTS, image: 'ghcr.io/p/x', push: 'true', cache: 'registry', ...over }),
  ctx,
  env: {},
  now: new Date('2026-11-25T10:00:00Z'),
  sourceDateEpoch: 1795167000,
  dockerfile: 'FROM localhost:5000/base:1\nRUN true\n',
  work: '/rt/work',
  layoutDir: '/tools/layout',
  pid: 42,
  ...more
})

describe('one plan for a run', () => {
  test("the engine's builder when it keeps images in containerd: nothing to create, the layout pushed by the action", () => {
    const plan = planRun(facts({}, { engine: { containerdStore: true } }))
    expect(plan).toMatchObject({ mode: 'build', driver: 'docker', create: undefined, repositories: ['ghcr.io/p/x'] })
    expect(plan.tags).toEqual(['ghcr.io/p/x:sha-0123456'])
    expect(plan.build).toMatchObject({ builder: '', pushTo: [], ociDir: '/tools/layout', metadataFile: '/rt/work/metadata.json' })
    expect(plan.build.cacheToAfter).toEqual(['type=registry,ref=ghcr.io/p/x:buildcache,mode=max,ignore-error=true'])
  })

  test('a new docker-container builder otherwise, named by the run, reaching loopback registries over plain HTTP; it pushes by digest', () => {
    const plan = planRun(facts({}, { engine: { containerdStore: false } }))
    expect(plan.driver).toBe('docker-container')
    expect(plan.names.builder).toBe('ci-base-77-2-42')
    expect(plan.create?.spec).toMatchObject({
      name: 'ci-base-77-2-42',
      driver: 'docker-container',
      driverOpts: [expect.stringMatching(/^image=docker\.io\/moby\/buildkit:v[\d.]+-[0-9a-f]{64}$/), 'network=host']
    })
    expect(plan.create?.config).toContain('[registry."localhost:5000"]')
    expect(plan.build).toMatchObject({ builder: 'ci-base-77-2-42', pushTo: ['ghcr.io/p/x'] })
    expect(buildArgs(plan.build).slice(0, 4)).toEqual(['buildx', 'build', '--builder', 'ci-base-77-2-42'])
  })

  test("a named builder is used as it is: its own driver, nothing created; the engine's facts do not matter", () => {
    const plan = planRun(facts({ builder: 'warm' }, { existingDriver: 'remote', engine: { containerdStore: true } }))
    expect(plan).toMatchObject({ driver: 'remote', create: undefined })
    expect(plan.build.builder).toBe('warm')
  })

  test('a per-platform job writes no tags and pushes to the image; a merge job creates no builder', () => {
    expect(planRun(facts({ mode: 'platform', platforms: 'linux/arm64' }))).toMatchObject({ tags: [], repositories: ['ghcr.io/p/x'] })
    expect(planRun(facts({ mode: 'merge' })).create).toBeUndefined()
  })

  test('a release run tags the version, and floats X.Y, X and latest only over what is published', () => {
    const release = { version: parseVersion('v1.2.3')!, published: ['1.2.4'] }
    const tagRun = { ...ctx, ref: 'refs/tags/v1.2.3' }
    const plan = planRun(facts({ 'tag-policy': 'semver' }, { release, ctx: tagRun }))
    expect(plan.tags).toEqual(['ghcr.io/p/x:1.2.3'])
  })

  test('verify: a pushed build is verified by digest, an unpushed one under a local name of the run', () => {
    expect(planRun(facts({ verify: 'true' })).verify).toEqual({ key: 'ci-base-verify-77-2-42', localName: '' })
    expect(planRun(facts({ verify: 'true', push: 'false' })).verify).toEqual({
      key: 'ci-base-verify-77-2-42',
      localName: 'ci-base-verify-77-2-42:built'
    })
    expect(planRun(facts({})).verify).toBeUndefined()
  })
})

test('unprefixed annotations go to the index only when there is one (several platforms)', () => {
  const annotations = (platforms: string) =>
    planRun(facts({ platforms, annotations: 'org.example.team=ci' }, { engine: { containerdStore: true } })).build.annotations.filter(a =>
      a.endsWith('org.example.team=ci')
    )
  expect(annotations('linux/amd64')).toStrictEqual(['manifest:org.example.team=ci'])
  expect(annotations('linux/amd64,linux/arm64')).toStrictEqual(['index:org.example.team=ci', 'manifest:org.example.team=ci'])
})

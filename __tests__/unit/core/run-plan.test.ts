import { weeklyRun } from '../../support/run-context'
import { INPUT_DEFAULTS, parseInputs, type InputError, type RawInputs } from '../../../src/core/inputs/inputs'
import { builderNodes, nodeGroups, placements } from '../../../src/core/builder/builder'
import { planRun, type RunFacts } from '../../../src/core/run-plan'
import { buildArgs } from '../../../src/core/builder/args'
import { parseVersion } from '../../../src/core/registry/semver'

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

  test("the engine's builder where this machine kept no layout and the engine runs here: the engine pushes to the action's front, whose layout is the run's own", () => {
    const fresh = { engine: { containerdStore: true }, engineHere: true, layoutKept: false }
    const plan = planRun(facts({}, fresh))
    expect(plan.build).toMatchObject({ pushTo: [], frontTo: ['ghcr.io/p/x'], ociDir: '/rt/work/engine-push' })
    expect(buildArgs({ ...plan.build, front: '127.0.0.1:4000' })).toContain(
      'type=image,name=127.0.0.1:4000/ci-base-action/push:build,push=true,oci-mediatypes=true'
    )
    // A kept layout, an engine elsewhere, or nothing to push: the layout, as before.
    for (const more of [{ layoutKept: true }, { engineHere: false }, { layoutKept: undefined, engineHere: undefined }])
      expect(planRun(facts({}, { ...fresh, ...more })).build).toMatchObject({ frontTo: [], ociDir: '/tools/layout' })
    expect(planRun(facts({ push: 'false' }, fresh)).build).toMatchObject({ frontTo: [], ociDir: '/tools/layout' })
    // The engine's image export unpacks, which BuildKit refuses with rewrite-timestamp.
    expect(planRun(facts({ 'rewrite-timestamp': 'true' }, fresh)).build).toMatchObject({ frontTo: [], ociDir: '/tools/layout' })
    // A builder that pushes by digest itself never uses the front.
    expect(planRun(facts({}, { ...fresh, engine: { containerdStore: false } })).build).toMatchObject({
      frontTo: [],
      pushTo: ['ghcr.io/p/x']
    })
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

describe('a builder of several nodes: one build per node, the index written by the action', () => {
  const INSPECT = [
    'Name:          warm',
    'Driver:        remote',
    '',
    'Nodes:',
    'Name:                  warm0',
    'Endpoint:              tcp://amd:1234',
    'Status:                running',
    'Platforms:             linux/amd64*, linux/amd64/v2, linux/arm64',
    'GC Policy rule#0:',
    ' All:            false',
    '',
    'Name:                  warm1',
    'Endpoint:              tcp://arm:1234',
    'Platforms:             linux/arm64, linux/arm/v7, linux/amd64',
    'Devices:',
    '\tName:                 nvidia.com/gpu'
  ].join('\n')

  test('the nodes are read from `buildx inspect`, fixed platforms apart; each platform goes where buildx puts it', () => {
    const nodes = builderNodes(INSPECT)
    expect(nodes).toStrictEqual([
      { name: 'warm0', fixed: ['linux/amd64'], platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/arm64'] },
      { name: 'warm1', fixed: [], platforms: ['linux/arm64', 'linux/arm/v7', 'linux/amd64'] }
    ])
    // arm64 on warm0 too (the first that lists it): buildx's own choice, not changed here.
    expect(nodeGroups(['linux/amd64', 'linux/arm64', 'linux/arm/v7'], nodes)).toStrictEqual([
      { node: 'warm0', platforms: ['linux/amd64', 'linux/arm64'] },
      { node: 'warm1', platforms: ['linux/arm/v7'] }
    ])
    // Native: the node's fixed platform, else the first its BuildKit lists; the runner's for the runner's own node.
    expect(
      placements(
        [
          { node: 'warm0', platforms: ['linux/amd64', 'linux/arm64'] },
          { node: 'warm1', platforms: ['linux/arm/v7'] }
        ],
        nodes
      )
    ).toStrictEqual([
      { platform: 'linux/amd64', node: 'warm0', native: true },
      { platform: 'linux/arm64', node: 'warm0', native: false },
      { platform: 'linux/arm/v7', node: 'warm1', native: true }
    ])
    expect(placements([{ node: 'warm0', platforms: ['linux/amd64'] }], nodes, { node: 'warm0', platform: 'linux/arm64' })[0].native).toBe(
      false
    )
  })

  test('append-nodes: each node builds its platforms, pushed by digest under no tag, to a cache of its own platform', () => {
    const plan = planRun(facts({ driver: 'remote', endpoint: 'tcp://amd:1234', 'append-nodes': 'linux/arm64=tcp://arm:1234', tags: 'one' }))
    const argv = plan.split!.map(n => buildArgs(n.build))
    const flag = (args: string[], name: string) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []))
    expect(plan.split!.map(n => n.node)).toStrictEqual(['ci-base-77-2-420', 'ci-base-77-2-42-linux-arm64'])
    expect(argv.map(a => flag(a, '--platform'))).toStrictEqual([['linux/amd64'], ['linux/arm64']])
    expect(argv.map(a => flag(a, '--output'))).toStrictEqual([
      ['type=image,name=ghcr.io/p/x,push-by-digest=true,name-canonical=true,push=true'],
      ['type=image,name=ghcr.io/p/x,push-by-digest=true,name-canonical=true,push=true']
    ])
    for (const args of argv) expect(args).not.toContain('--tag')
    expect(argv.map(a => flag(a, '--cache-to'))).toStrictEqual([
      ['type=registry,ref=ghcr.io/p/x:buildcache-linux-amd64,mode=max,ignore-error=true'],
      ['type=registry,ref=ghcr.io/p/x:buildcache-linux-arm64,mode=max,ignore-error=true']
    ])
    expect(flag(argv[1], '--cache-from')).toStrictEqual([
      'type=registry,ref=ghcr.io/p/x:buildcache-linux-arm64',
      'type=registry,ref=ghcr.io/p/x:buildcache',
      'type=registry,ref=ghcr.io/p/x:buildcache-linux-amd64'
    ])
    // Two metadata files: the builds run side by side. Nothing is exported after them.
    expect(new Set(plan.split!.map(n => n.build.metadataFile)).size).toBe(2)
    expect(plan.build.cacheToAfter).toStrictEqual([])
    // One node, or one platform: one build, as before.
    expect(planRun(facts({ driver: 'remote', endpoint: 'tcp://amd:1234' })).split).toBeUndefined()
  })

  test('what several nodes cannot do is refused up front, each naming its input', () => {
    const refused = (over: Partial<RawInputs>) => {
      try {
        parseInputs({
          ...INPUT_DEFAULTS,
          image: 'ghcr.io/p/x',
          push: 'true',
          driver: 'remote',
          endpoint: 'tcp://amd:1234',
          'append-nodes': 'linux/arm64=tcp://arm:1234',
          ...over
        })
        return []
      } catch (e) {
        return (e as InputError).problems.map(p => /^Input '([a-z-]+)'/.exec(p)?.[1])
      }
    }
    expect(refused({})).toStrictEqual([])
    expect(refused({ push: 'false' })).toStrictEqual(['push'])
    expect(refused({ load: 'true' })).toStrictEqual(['load'])
    expect(refused({ 'cache-mounts': 'auto' })).toStrictEqual(['cache-mounts'])
    expect(refused({ cache: 'local' })).toStrictEqual(['cache'])
    // The appended platform not built: one node, nothing to refuse.
    expect(refused({ push: 'false', platforms: 'linux/amd64' })).toStrictEqual([])
  })
})

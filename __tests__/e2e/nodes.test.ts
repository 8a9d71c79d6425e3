// A builder of native nodes: two BuildKit daemons, each restricted to one platform (the
// stand-ins for an amd64 and an arm64 machine), joined as one builder through the action's
// inputs. Where each platform was built is asked of each daemon's own records.
import { startDaemon, type Daemon } from '../support/buildkitd'
import { docker, errorLines, expectGreen, fixture, nonce, onTheStack, stackNamed } from '../support/stack'
import { manifest, platformSizes, REGISTRY, tagsOf } from '../support/registry'

/** The multistage fixture, tagged `one`, on a builder of the two daemons joined through the action's inputs. */
const buildOn = (first: Daemon, arm: Daemon, repo: string, cache: string) =>
  stackNamed('runner').run({
    inputs: {
      ...fixture('multistage'),
      driver: 'remote',
      endpoint: first.endpoint,
      'append-nodes': `linux/arm64=${arm.endpoint}`,
      platforms: 'linux/amd64,linux/arm64',
      image: `${REGISTRY}/${repo}`,
      push: 'true',
      cache,
      'tag-policy': 'none',
      tags: 'one',
      'build-args': `NONCE=${repo}`
    }
  })

onTheStack('a builder of native nodes (the remote driver, one node per platform)', () => {
  let amd64: Daemon
  let arm64: Daemon
  beforeAll(async () => {
    ;[amd64, arm64] = await Promise.all([startDaemon(['linux/amd64']), startDaemon(['linux/arm64'])])
  })
  afterAll(() => {
    amd64?.stop()
    arm64?.stop()
  })

  test('each platform is built on its own node, both are in the index the tag points at, and the nodes keep running', async () => {
    const repo = `e2e/nodes-${nonce()}`
    const run = await buildOn(amd64, arm64, repo, 'none')
    expectGreen(run)
    // The first node is fixed to the platform no appended node names.
    expect(run.main.stdout).toMatch(
      /buildx create --name (ci-base-\S+) --driver remote --platform linux\/amd64 --bootstrap tcp:\/\/127\.0\.0\.1:\d+/
    )
    expect(run.main.stdout).toContain(`Where it builds: linux/arm64: node `)
    // Each daemon ran its own platform, and only that.
    expect({ amd64: amd64.builtPlatforms(), arm64: arm64.builtPlatforms() }).toStrictEqual({
      amd64: ['linux/amd64'],
      arm64: ['linux/arm64']
    })
    expect(Object.keys(await platformSizes(repo, 'one')).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    expect((await manifest(repo, 'one'))!.digest).toBe(run.main.outputs.digest)
    // Each node pushed its part by digest and the action wrote the index: no tag of buildx's own (`:latest`).
    expect(await tagsOf(repo)).toStrictEqual(['one'])
    // The report says where each platform was built.
    const report = JSON.parse(run.main.outputs.report) as { builtOn: { platform: string; node: string; native: boolean }[] }
    expect(report.builtOn).toStrictEqual([
      { platform: 'linux/amd64', node: expect.stringMatching(/^ci-base-\S+0$/), native: true },
      { platform: 'linux/arm64', node: expect.stringMatching(/^ci-base-\S+-linux-arm64$/), native: true }
    ])
    expect(run.main.summary).toMatch(
      /\*\*Built on\*\* linux\/amd64: `ci-base-\S+0` \(native\) · linux\/arm64: `ci-base-\S+-linux-arm64` \(native\)/
    )
    expect({ amd64: amd64.running(), arm64: arm64.running() }).toStrictEqual({ amd64: true, arm64: true })
  })

  test('each node writes a registry cache of its own platform and reads every one: the next run, on emptied nodes, is all cache hits', async () => {
    const repo = `e2e/nodes-cache-${nonce()}`
    const build = (a: Daemon, b: Daemon) => buildOn(a, b, repo, 'registry')
    const first = await build(amd64, arm64)
    expectGreen(first)
    const built = await platformSizes(repo, 'one')
    // Two exports to one ref would overwrite each other: each node's goes to its platform's.
    expect((await tagsOf(repo)).sort()).toStrictEqual(['buildcache-linux-amd64', 'buildcache-linux-arm64', 'one'])
    // New daemons: nothing of the first run's is left in a builder.
    const [fresh64, freshArm] = await Promise.all([startDaemon(['linux/amd64']), startDaemon(['linux/arm64'])])
    try {
      const again = await build(fresh64, freshArm)
      expectGreen(again)
      expect(again.main.outputs['cache-hit-rate']).toBe('100')
      // The same platform images (the index differs by its build record).
      expect(await platformSizes(repo, 'one')).toStrictEqual(built)
    } finally {
      fresh64.stop()
      freshArm.stop()
    }
  })

  test("a builder of the user's with a node per platform (the builder input): split the same way; what it cannot do is refused before anything builds", async () => {
    const name = `user-nodes-${nonce()}`
    docker('buildx', 'create', '--name', name, '--driver', 'remote', '--platform', 'linux/amd64', amd64.endpoint)
    docker('buildx', 'create', '--append', '--name', name, '--platform', 'linux/arm64', '--node', `${name}-arm64`, arm64.endpoint)
    const repo = `e2e/nodes-user-${nonce()}`
    const build = (push: string) =>
      stackNamed('runner').run({
        inputs: {
          ...fixture('multistage'),
          builder: name,
          driver: 'auto',
          platforms: 'linux/amd64,linux/arm64',
          image: `${REGISTRY}/${repo}`,
          push,
          cache: 'none',
          'tag-policy': 'none',
          tags: 'one',
          'build-args': `NONCE=${repo}`
        }
      })
    try {
      const run = await build('true')
      expectGreen(run)
      expect(run.main.stdout).toContain(`One build per node, side by side: linux/amd64 on ${name}0; linux/arm64 on ${name}-arm64`)
      expect(await tagsOf(repo)).toStrictEqual(['one'])
      expect(JSON.parse(run.main.outputs.report).builtOn).toStrictEqual([
        { platform: 'linux/amd64', node: `${name}0`, native: true },
        { platform: 'linux/arm64', node: `${name}-arm64`, native: true }
      ])
      expect({ amd64: amd64.builtPlatforms(), arm64: arm64.builtPlatforms() }).toStrictEqual({
        amd64: ['linux/amd64'],
        arm64: ['linux/arm64']
      })
      const unpushed = await build('false')
      expect(unpushed.main.code).toBe(1)
      expect(errorLines(unpushed.main.stdout)).toStrictEqual([
        expect.stringMatching(
          new RegExp(`^::error::Input 'push': the builder '${name}' builds the platforms on 2 nodes, which can only push`)
        )
      ])
      expect(unpushed.main.stdout).not.toContain('buildx build')
      // The user's builder is left as it was.
      expect(docker('buildx', 'inspect', name)).toContain(`${name}-arm64`)
    } finally {
      docker('buildx', 'rm', '--force', name)
    }
  })
})

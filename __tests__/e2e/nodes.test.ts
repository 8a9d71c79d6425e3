// A builder of native nodes: two BuildKit daemons, each restricted to one platform (the
// stand-ins for an amd64 and an arm64 machine), joined as one builder through the action's
// inputs. Where each platform was built is asked of each daemon's own records.
import { startDaemon, type Daemon } from '../support/buildkitd'
import { expectGreen, fixture, nonce, onTheStack, STACKS } from '../support/stack'
import { manifest, platformSizes, REGISTRY, tagsOf } from '../support/registry'

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
    const run = await STACKS.find(s => s.name === 'runner')!.run({
      inputs: {
        ...fixture('multistage'),
        driver: 'remote',
        endpoint: amd64.endpoint,
        'append-nodes': `linux/arm64=${arm64.endpoint}`,
        platforms: 'linux/amd64,linux/arm64',
        image: `${REGISTRY}/${repo}`,
        push: 'true',
        cache: 'none',
        'tag-policy': 'none',
        tags: 'one',
        'build-args': `NONCE=${nonce()}`
      }
    })
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
    expect(await tagsOf(repo)).toContain('one')
    expect({ amd64: amd64.running(), arm64: arm64.running() }).toStrictEqual({ amd64: true, arm64: true })
  })
})

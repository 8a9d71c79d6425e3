// Beyond one machine: each platform built by its own job, handed over through the GitHub cache
// (the test's cache service), merged into one index by digest; and a remote BuildKit.
import { api, manifest, platformSizes, REGISTRY, REGISTRY_PORT } from '../support/registry'
import { startDaemon, type Daemon } from '../support/buildkitd'
import { manifestPuts, startFaultyProxy } from '../support/faulty-proxy'
import { startCacheServer, type CacheServer } from '../support/cache-server'
import { errorLines, fixture, nonce, onEveryStack, stackNamed, expectGreen, onTheStack, RUNNER_BUILDX } from '../support/stack'

const multistage = fixture('multistage')

onEveryStack('a platform per job, merged by digest', stack => {
  let cache: CacheServer
  beforeAll(async () => (cache = await startCacheServer()))
  afterAll(() => cache?.close())

  test('amd64 and arm64 jobs, then a merge: one index of both, each tag written once, sizes as the registry has them', async () => {
    const repo = `e2e/split-${stack.name}-${nonce()}`
    const proxy = await startFaultyProxy(REGISTRY_PORT)
    try {
      const env = { ...cache.env, GITHUB_RUN_ID: `${Date.now()}` }
      const common = {
        ...multistage,
        image: `${proxy.host}/${repo}`,
        push: 'true',
        cache: 'none',
        'tag-policy': 'sha',
        tags: '1',
        'build-args': `NONCE=${repo}`
      }
      const [amd, arm] = await Promise.all(
        ['linux/amd64', 'linux/arm64'].map(platform => stack.run({ inputs: { ...common, mode: 'platform', platforms: platform }, env }))
      )
      expectGreen(amd)
      expectGreen(arm)
      expect([amd.main.outputs.tags, arm.main.outputs.tags]).toEqual(['', ''])
      expect((await fetch(`${api}/${repo}/tags/list`).then(r => r.json())).tags ?? []).toEqual([])
      const before = proxy.requests.length
      const merged = await stack.run({ inputs: { ...common, mode: 'merge', platforms: 'linux/amd64,linux/arm64' }, env })
      expectGreen(merged)
      const index = (await manifest(repo, '1'))!
      expect(index.digest).toBe(merged.main.outputs.digest)
      expect((await manifest(repo, 'sha-a1b2c3d'))!.digest).toBe(index.digest)
      expect(index.body.manifests!.map(m => [`${m.platform!.os}/${m.platform!.architecture}`, m.digest])).toEqual([
        ['linux/amd64', amd.main.outputs.digest],
        ['linux/arm64', arm.main.outputs.digest]
      ])
      // The merge wrote the index by digest, then the same index with its metrics, and each tag once; it built nothing.
      const merges = manifestPuts({ ...proxy, requests: proxy.requests.slice(before) })
      const written = merges.map(r => r.replace(/^PUT \/v2\/.+\/manifests\//, ''))
      expect(written[0]).toMatch(/^sha256:/)
      expect(written[1]).toBe(index.digest)
      expect(written.slice(2).sort()).toEqual(['1', 'sha-a1b2c3d'])
      // The history works across jobs: the platforms' own build times and sizes, recorded by the merge.
      const sizes = await platformSizes(repo, '1')
      const sizesOf = (p: string) => `${sizes[p].size}/${sizes[p].layers}`
      const record = index.body.annotations!
      expect(record['com.github.phialo.ci-base-action.platforms']).toBe(
        ['linux/amd64', 'linux/arm64'].map(p => `${p}=${sizesOf(p)}`).join(',')
      )
      const slowest = Math.max(...[amd, arm].map(r => Number(r.main.outputs['build-time'])))
      expect(record['com.github.phialo.ci-base-action.build-seconds']).toBe(slowest.toFixed(1))
      expect(merged.main.outputs['build-time']).toBe(slowest.toFixed(1))
      expect(merged.main.stdout).not.toContain('buildx build')
      const report = JSON.parse(merged.main.outputs.report)
      expect(report.platforms.map((p: { platform: string; size: number; layers: number }) => [p.platform, p.size, p.layers])).toEqual(
        ['linux/amd64', 'linux/arm64'].map(p => [p, sizes[p].size, sizes[p].layers])
      )
      expect(merged.main.summary).toContain('| linux/arm64 |')
      // Where each platform was built, as its job handed it over: this machine is amd64, arm64 ran under QEMU.
      expect(report.builtOn.map((b: { platform: string; native: boolean }) => [b.platform, b.native])).toEqual([
        ['linux/amd64', true],
        ['linux/arm64', false]
      ])
    } finally {
      await proxy.close()
    }
  })

  test('with cache: gha and no cache-scope, each platform job writes its own scope: the next run of each is a 100 % cache hit', async () => {
    const scope = `split-${stack.name}-${nonce()}`
    const repo = `e2e/split-cache-${stack.name}-${nonce()}`
    const job = (platform: string) =>
      stack.run({
        inputs: {
          ...multistage,
          image: `${REGISTRY}/${repo}`,
          push: 'true',
          cache: 'gha',
          mode: 'platform',
          platforms: platform,
          'tag-policy': 'none',
          'build-args': `NONCE=${repo}`,
          // The engine's buildx (0.13) is too old for the gha cache: the stack's release, as cache.test asks.
          ...(stack.name === 'engine' ? { 'buildx-version': RUNNER_BUILDX } : {})
        },
        env: { ...cache.env, GITHUB_WORKFLOW: scope, GITHUB_RUN_ID: `${Date.now()}` }
      })
    // Both jobs at once, as a matrix runs them: with one shared scope the last to export would win.
    const first = await Promise.all(['linux/amd64', 'linux/arm64'].map(job))
    for (const run of first) expectGreen(run)
    expect(first.map(run => run.main.stdout.match(/type=gha,scope=([^,\s]+),mode=/)?.[1])).toEqual([
      `${scope}-linux-amd64`,
      `${scope}-linux-arm64`
    ])
    await stack.emptyBuilder()
    const again = await Promise.all(['linux/amd64', 'linux/arm64'].map(job))
    for (const run of again) expectGreen(run)
    expect(again.map(run => run.main.outputs['cache-hit-rate'])).toEqual(['100', '100'])
  })

  test('a merge with a platform no job handed over fails naming it', async () => {
    const env = { ...cache.env, GITHUB_RUN_ID: `${Date.now()}` }
    const common = {
      ...multistage,
      image: `${REGISTRY}/e2e/split-missing-${stack.name}-${nonce()}`,
      push: 'true',
      cache: 'none',
      'tag-policy': 'none',
      tags: '1'
    }
    expectGreen(await stack.run({ inputs: { ...common, mode: 'platform', platforms: 'linux/amd64' }, env }))
    const merged = await stack.run({ inputs: { ...common, mode: 'merge', platforms: 'linux/amd64,linux/arm64' }, env })
    expect(merged.main.code).toBe(1)
    expect(errorLines(merged.main.stdout)).toEqual([
      expect.stringMatching(/^::error::merge: no per-platform job of run \d+ handed over linux\/arm64; /)
    ])
  })
})

onTheStack('a remote BuildKit (the remote driver)', () => {
  let daemon: Daemon
  beforeAll(async () => (daemon = await startDaemon()))
  afterAll(() => daemon?.stop())

  test('builds and pushes both platforms through tcp://, and post removes only the builder entry', async () => {
    const repo = `e2e/remote-${nonce()}`
    const run = await stackNamed('engine').run({
      inputs: {
        ...multistage,
        driver: 'remote',
        endpoint: daemon.endpoint,
        image: `${REGISTRY}/${repo}`,
        push: 'true',
        cache: 'none',
        'tag-policy': 'none',
        tags: '1'
      }
    })
    expectGreen(run)
    expect(run.main.stdout).toMatch(/buildx create --name ci-base-\S+ --driver remote --bootstrap tcp:\/\/127\.0\.0\.1:\d+/)
    expect(Object.keys(await platformSizes(repo, '1')).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    expect((await manifest(repo, '1'))!.digest).toBe(run.main.outputs.digest)
    expect(daemon.running()).toBe(true)
  })
})

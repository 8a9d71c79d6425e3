// Caches that fail on the real stack: a cache service down or answering errors, a registry
// that cannot be reached, a buildx too old for gha. Each is a warning; the build goes on. Apart
// from cache.test.ts (which empties the builder) so that these run beside it.
import type { ActionRun } from '../support/runner'
import { startCacheServer, type CacheServer } from '../support/cache-server'
import { fixture, nonce, onEveryStack, expectGreen, ghaBuildx } from '../support/stack'
import { DEFAULT_BUILDX } from '../../src/core/builder/builder'
import { manifest, platformSizes, REGISTRY } from '../support/registry'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../support/ports'

const multistage = fixture('multistage')
const mounts = fixture('cache-mounts')

/**
 * A docker config whose buildx plugin says it is 0.13.1 (too old for the gha cache, as Debian
 * bookworm's) and runs the machine's own for everything else: the test does not depend on
 * which buildx this machine has.
 */
function oldBuildxConfig(): string {
  const real = ['/usr/libexec', '/usr/lib', '/usr/local/lib', '/usr/local/libexec']
    .map(dir => join(dir, 'docker', 'cli-plugins', 'docker-buildx'))
    .find(path => existsSync(path))
  if (!real) throw new Error('this machine has no buildx plugin in the docker CLI plugin directories')
  const dir = mkdtempSync(join(tmpdir(), 'old-buildx-'))
  mkdirSync(join(dir, 'cli-plugins'))
  writeFileSync(
    join(dir, 'cli-plugins', 'docker-buildx'),
    `#!/bin/sh\n[ "$1" = version ] && { echo "github.com/docker/buildx v0.13.1 stand-in"; exit 0; }\nexec ${real} "$@"\n`,
    { mode: 0o755 }
  )
  return dir
}

onEveryStack('a cache that fails is a warning, never a failed build', stack => {
  // What a fault may add to a cold build's time: the import and the export each give up after
  // cache-timeout (4 s here), for gha in BuildKit, for local and the mounts in the action (where
  // @actions/cache alone would retry a 5xx for about 25 s); post's save, likewise. The healthy
  // run is timed once, beside other files that keep both cores busy: 12 s of slack for the load
  // (6 s was not enough: a build 7.5 s healthy took 22.7 s with the service down, in one CI
  // run), still under one wait of @actions/cache's retries.
  const CACHE_TIMEOUT = 4
  const EXTRA_SECONDS = 2 * CACHE_TIMEOUT + 12
  let server: CacheServer
  let healthySeconds = 0
  const repo = `e2e/cache-fault-${stack.name}-${nonce()}`
  const build = (name: string, inputs: Record<string, string>, env: Record<string, string> = {}) =>
    stack.run({
      inputs: {
        ...multistage,
        image: `${REGISTRY}/${repo}`,
        // One platform: the faults are in the caches, not in emulation.
        platforms: 'linux/amd64',
        push: 'true',
        'tag-policy': 'none',
        tags: name,
        'build-args': `NONCE=${nonce()}`,
        'cache-timeout': `${CACHE_TIMEOUT}s`,
        ...inputs,
        ...ghaBuildx(stack, inputs)
      },
      env
    })
  const warnings = (r: ActionRun) => r.main.stdout.match(/^::warning::.*$/gm) ?? []
  /** A cold build with one cache mount, carried through the (faulty) cache service. */
  const mountsBuild = () =>
    stack.run({
      inputs: {
        ...mounts,
        platforms: 'linux/amd64',
        cache: 'none',
        'cache-mounts': 'auto',
        'cache-scope': nonce(),
        'cache-timeout': `${CACHE_TIMEOUT}s`,
        'build-args': `NONCE=${nonce()}`
      },
      env: server.env
    })

  /** Succeeded, with exactly one warning (matching `warning`), outputs equal to the registry, within the bound. */
  async function survived(run: ActionRun, name: string, warning: RegExp) {
    expectGreen(run)
    expect(warnings(run)).toEqual([expect.stringMatching(warning)])
    const sizes = await platformSizes(repo, name)
    expect(run.main.outputs.digest).toBe((await manifest(repo, name))!.digest)
    expect([run.main.outputs.size, run.main.outputs.layers]).toEqual([
      String(sizes['linux/amd64'].size),
      String(sizes['linux/amd64'].layers)
    ])
    expect(run.main.ms / 1000).toBeLessThan(healthySeconds + EXTRA_SECONDS)
    expect(run.post.ms / 1000).toBeLessThan(CACHE_TIMEOUT + 6)
  }

  beforeAll(async () => {
    server = await startCacheServer()
    const healthy = await build('healthy', { cache: 'gha', 'cache-scope': nonce() }, server.env)
    expectGreen(healthy)
    healthySeconds = healthy.main.ms / 1000
  })
  afterAll(() => server?.close())
  afterEach(() => {
    server.failWith = undefined
    server.failWritesWith = undefined
  })

  test('cache: registry on a registry that cannot be reached', async () => {
    // A port just freed: nothing answers there.
    const port = await freePort()
    const run = await build('registry-down', { cache: 'registry', 'cache-ref': `localhost:${port}/e2e/nowhere:cache` })
    await survived(run, 'registry-down', new RegExp(`^::warning::The build went on without cache: .*localhost:${port}.*connection refused`))
  })

  test('cache: gha with the cache service down', async () => {
    const closed = await startCacheServer()
    const env = closed.env
    await closed.close()
    const run = await build('gha-down', { cache: 'gha', 'cache-scope': nonce() }, env)
    await survived(run, 'gha-down', /^::warning::The build went on without cache: .*connection refused/)
  })

  test("cache: gha where GitHub's releases cannot be reached and the runner's buildx is too old for it: one warning, no gha cache", async () => {
    const before = { ...server.stats.requests }
    // `.invalid` never resolves: the runner of an air-gapped or GitHub Enterprise Server network.
    const run = await build(
      'no-releases',
      {
        cache: 'gha',
        'cache-scope': nonce(),
        'buildx-version': 'installed',
        'buildx-download-url': 'https://releases.invalid/docker/buildx'
      },
      { ...server.env, DOCKER_CONFIG: oldBuildxConfig() }
    )
    await survived(
      run,
      'no-releases',
      new RegExp(
        `^::warning::buildx ${DEFAULT_BUILDX.replace(/\./g, '\\.')}, which cache: gha .* needs, could not be downloaded from https://releases\\.invalid/docker/buildx \\(GET .*ENOTFOUND releases\\.invalid\\); building with the runner's buildx 0\\.13\\.1, without the gha cache\\.`
      )
    )
    expect(server.stats.requests).toStrictEqual(before)
    expect(run.main.stdout).not.toMatch(/type=gha/)
  })

  // The mounts' restore and save go through @actions/cache in the action's own process: their
  // faults are the same on every stack, and each waits out the library's retries; one stack.
  if (stack.name === 'engine')
    test('cache mounts with the cache service answering 503: one warning, no second wait for a save, and the build as it would be', async () => {
      server.failWith = 503
      const run = await mountsBuild()
      expectGreen(run)
      expect(warnings(run)).toStrictEqual([
        expect.stringMatching(
          /^::warning::cache-mounts: restoring failed; the build runs with what the mounts hold, and they are not saved this run: .*503/
        )
      ])
      expect(JSON.parse(run.main.outputs.report).caches).toStrictEqual([
        { cache: 'mount store', read: 'none yet', written: 'not saved: the restore failed' }
      ])
      expect(run.main.ms / 1000).toBeLessThan(healthySeconds + EXTRA_SECONDS)
    })

  if (stack.name === 'engine')
    test('cache mounts with a cache service that reads but fails every write: the save is one warning', async () => {
      server.failWritesWith = 503
      const run = await mountsBuild()
      expectGreen(run)
      expect(warnings(run)).toStrictEqual([expect.stringMatching(/^::warning::cache-mounts: saving store failed: .*503/)])
      expect(JSON.parse(run.main.outputs.report).caches).toStrictEqual([
        { cache: 'mount store', read: 'none yet', written: expect.stringMatching(/^failed: .*503/) }
      ])
      expect(run.main.ms / 1000).toBeLessThan(healthySeconds + EXTRA_SECONDS)
    })

  test.each([503, 429])('cache: gha with the cache service answering %i on every route', async status => {
    server.failWith = status
    const run = await build(`gha-${status}`, { cache: 'gha', 'cache-scope': nonce() }, server.env)
    // BuildKit names the service's own message (not the status), or gives up after cache-timeout.
    await survived(
      run,
      `gha-${status}`,
      /^::warning::The build went on without cache: .*GitHub Actions Cache failed: .*(injected fault|maximum timeout reached%0A\(the cache service did not answer in time: see cache-timeout\))/
    )
  })

  // `cache: local` goes through @actions/cache in the action's own process, the same on every
  // stack (no builder takes part): its faults, each waiting out about 25 s of the library's
  // retries, run on one stack.
  if (stack.name === 'engine')
    test.each([503, 429, 403])(
      'cache: local with the cache service answering %i on every route: restore and save each warn',
      async status => {
        server.failWith = status
        const run = await build(`local-${status}`, { cache: 'local', 'cache-scope': nonce() }, server.env)
        // Told apart from a plain miss ("No cache found"): the restore itself failed. A 503,
        // which the library retries, is given up on at cache-timeout, naming its last answer.
        await survived(run, `local-${status}`, new RegExp(`^::warning::Cache restore failed; building without it: .*${status}`))
        if (status === 503) expect(run.main.stdout).toContain('did not finish in 4 s (cache-timeout); its last attempt failed:')
        expect(run.main.stdout).not.toContain('No cache found')
        expect(run.post.stdout.match(/^::(warning|error)::.*$/gm)).toEqual([expect.stringMatching(/^::warning::Save cache failed: /)])
      }
    )
})

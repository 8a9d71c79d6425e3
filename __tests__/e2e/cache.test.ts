// Caches on the real stack: each second build runs on an empty builder and must be served from cache.
import type { ActionRun } from '../support/runner'
import { startCacheServer, type CacheServer } from '../support/cache-server'
import { fixture, nonce, onEveryStack, expectGreen, ghaBuildx, RUNNER_BUILDX } from '../support/stack'
import { manifest, REGISTRY } from '../support/registry'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const multistage = fixture('multistage')
const mounts = fixture('cache-mounts')
/** What the cache-mounts fixture's step found in its mount, and the report's row for that mount. */
const found = (run: ActionRun) => /found:\[([^\]$]*)\]/.exec(run.main.stdout)?.[1].trim().split(/\s+/).filter(Boolean)
const row = (run: ActionRun) =>
  (JSON.parse(run.main.outputs.report) as { caches: { cache: string; read: string; written: string }[] }).caches.find(
    c => c.cache === 'mount store'
  )

onEveryStack('cache on an empty builder', stack => {
  // One runner: its temp directory has a fixed path and is emptied between jobs.
  const runnerTemp = join(tmpdir(), `runner-cache-e2e-${stack.name}-${process.pid}`)
  const build = (tag: string, inputs: Record<string, string>, env: Record<string, string> = {}) =>
    stack.run({ inputs: { ...multistage, 'build-args': `NONCE=${tag}`, ...inputs, ...ghaBuildx(stack, inputs) }, env, runnerTemp })
  let server: CacheServer
  beforeAll(async () => (server = await startCacheServer()))
  afterAll(() => server?.close())

  test('registry cache: a rebuild on an empty builder is 100% cached', async () => {
    const tag = nonce()
    const inputs = { image: `${REGISTRY}/e2e/cache-${tag}`, push: 'true', cache: 'registry' }
    const first = await build(tag, inputs)
    expectGreen(first)
    expect(first.main.outputs['cache-hit-rate']).toBe('0')
    await stack.emptyBuilder()
    const second = await build(tag, inputs)
    expectGreen(second)
    expect(second.main.outputs['cache-hit-rate']).toBe('100')
    expect(second.main.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/)
  })

  test('local cache: restored through the GitHub cache service (v2), rotated, and served on an empty builder', async () => {
    const tag = nonce()
    const inputs = { cache: 'local', 'cache-scope': `local-${tag}` }
    const first = await build(tag, inputs, server.env)
    expectGreen(first)
    expect(first.main.stdout).toContain('No cache found; this build starts cold')
    const saved = server.entries().filter(e => e.key.startsWith(`ci-base-action-local-${tag}-`))
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({ committed: true })
    expect(saved[0].size).toBeGreaterThan(100_000)

    await stack.emptyBuilder()
    const downloadedBefore = server.stats.downloaded
    const second = await build(tag, inputs, server.env)
    expectGreen(second)
    expect(second.main.stdout).toContain(`Cache restored from ${saved[0].key}`)
    expect(server.stats.downloaded - downloadedBefore).toBe(saved[0].size)
    expect(second.main.outputs['cache-hit-rate']).toBe('100')
    // Rotation: the next save replaces the directory instead of adding to it.
    expect(server.entries().filter(e => e.key.startsWith(`ci-base-action-local-${tag}-`))).toHaveLength(2)
  })

  test('gha cache: buildx exports to the cache service and an empty builder imports it', async () => {
    const tag = nonce()
    const inputs = { cache: 'gha', 'cache-scope': `gha-${tag}` }
    const before = { ...server.stats.requests }
    const first = await build(tag, inputs, server.env)
    expectGreen(first)
    // GitHub's cache service speaks only v2: a buildx new enough for it is installed for the job.
    expect(first.main.stdout).toContain(`Installing buildx ${RUNNER_BUILDX} (as buildx-version asks)`)
    const exported = server.entries().filter(e => e.committed && e.size > 0)
    expect(exported.some(e => e.key.startsWith(`index-gha-${tag}`))).toBe(true)

    await stack.emptyBuilder()
    const downloadedBefore = server.stats.downloaded
    const second = await build(tag, inputs, server.env)
    expectGreen(second)
    expect(second.main.outputs['cache-hit-rate']).toBe('100')
    expect(server.stats.downloaded).toBeGreaterThan(downloadedBefore)
    // The runner stack's BuildKit speaks v2 (Twirp + blob uploads); the engine's BuildKit 0.13 only v1.
    const used = (api: 'v1' | 'v2') => server.stats.requests[api] - before[api]
    if (stack.name === 'runner') expect({ v1: used('v1'), v2: used('v2') > 0 }).toEqual({ v1: 0, v2: true })
    else expect({ v1: used('v1') > 0 }).toEqual({ v1: true })
  })

  test('a corrupt cache never fails the build: a warning, then a build without importing it', async () => {
    const tag = nonce()
    const dir = join(tmpdir(), `corrupt-cache-${tag}`)
    expectGreen(await build(tag, { cache: 'none', 'cache-to': `type=local,dest=${dir},mode=max` }))
    // Truncate the small layer blobs (the build's own steps), keep the index: the import looks fine until the layers are read.
    const blobs = join(dir, 'blobs', 'sha256')
    for (const name of readdirSync(blobs)) {
      const file = join(blobs, name)
      const head = readFileSync(file).subarray(0, 2)
      if (statSync(file).size < 1000 && head[0] === 0x1f && head[1] === 0x8b) writeFileSync(file, 'garbage')
    }
    await stack.emptyBuilder()
    const run = await build(tag, { cache: 'none', 'cache-from': `type=local,src=${dir}` })
    expectGreen(run)
    expect(run.main.stdout).toMatch(
      /::warning::The build cache could not be imported; building once more without it\.%0A.*(unexpected EOF|cache key)/
    )
    expect(run.main.outputs['cache-hit-rate']).toBe('0')
    expect(JSON.parse(run.main.outputs.report).platforms).toHaveLength(2)
  })

  test('cache-write auto: the default branch writes; a pull request reads its entries on an empty builder and writes none', async () => {
    const tag = nonce()
    const scope = `write-${tag}`
    const inputs = { cache: 'gha,local', 'cache-scope': scope }
    const events = mkdtempSync(join(tmpdir(), 'event-'))
    const event = (name: string, payload: object) => {
      writeFileSync(join(events, name), JSON.stringify({ ...payload, repository: { default_branch: 'main' } }))
      return join(events, name)
    }
    const ours = () => server.entries().filter(e => e.key.includes(scope))
    const cacheRows = (run: ActionRun) => (JSON.parse(run.main.outputs.report) as { caches: { cache: string; written: string }[] }).caches

    const onMain = await build(tag, inputs, { ...server.env, GITHUB_EVENT_PATH: event('push.json', { head_commit: { id: 'x' } }) })
    expectGreen(onMain)
    expect(onMain.main.stdout).toContain('The build writes its caches: the default branch writes the cache (cache-write: auto)')
    const written = ours()
    // The gha cache's index and layers, and the local cache's archive, all on the default branch.
    expect(written.some(e => e.key.startsWith(`index-${scope}`))).toBe(true)
    expect(written.some(e => e.key.startsWith(`ci-base-action-${scope}-`))).toBe(true)
    expect(new Set(written.map(e => e.scope))).toStrictEqual(new Set(['refs/heads/main']))
    expect(cacheRows(onMain).find(r => r.cache === `gha scope=${scope}`)?.written).toMatch(/^[1-9]\d* layers? new$/)

    await stack.emptyBuilder()
    const pr = await build(tag, inputs, {
      ...server.envFor('refs/pull/7/merge'),
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event('pr.json', { pull_request: { number: 7 } })
    })
    expectGreen(pr)
    expect(pr.main.outputs['cache-hit-rate']).toBe('100')
    expect(pr.main.stdout).toContain(
      "The build reads its caches and writes none: a pull request reads the default branch's cache and writes none"
    )
    expect(pr.post.stdout).toContain('Cache not saved: a pull request')
    expect(ours()).toStrictEqual(written)
    expect(cacheRows(pr)).toStrictEqual([
      expect.objectContaining({
        cache: `gha scope=${scope}`,
        read: 'imported',
        written: expect.stringMatching(/^not written: a pull request/)
      }),
      // Each platform's own scope is read too (where platforms built apart write theirs); none is written here.
      ...['linux-amd64', 'linux-arm64'].map(p => ({ cache: `gha scope=${scope}-${p}`, read: 'imported', written: '—' })),
      expect.objectContaining({ cache: 'local GitHub cache', written: expect.stringMatching(/^not written: a pull request/) })
    ])
    expect(pr.main.summary).toContain('<summary>Caches</summary>')
  })

  test("cache mounts: an emptied builder sees the last run's files, a changed step reuses them, and an unchanged mount is not saved again", async () => {
    const scope = `mounts-${nonce()}`
    const mountsRunner = join(tmpdir(), `runner-mounts-${stack.name}-${process.pid}`)
    // The fixture, and a copy whose step reads differently: a Dockerfile change that re-runs it.
    const changed = mkdtempSync(join(tmpdir(), 'mounts-changed-'))
    writeFileSync(
      join(changed, 'Dockerfile'),
      readFileSync(join(mounts.context, 'Dockerfile'), 'utf8').replace('echo "found:', 'echo "changed step found:')
    )
    const job = (where: { context: string; file: string }, arg: string) =>
      stack.run({
        inputs: {
          ...where,
          platforms: 'linux/amd64',
          cache: 'none',
          'cache-mounts': 'auto',
          'cache-scope': scope,
          'build-args': `NONCE=${arg}`
        },
        env: server.env,
        runnerTemp: mountsRunner
      })
    const saved = () => server.entries().filter(e => e.key.startsWith(`ci-base-action-mount-${scope}-0-store-`) && e.committed)

    // The engine's builder outlives runs: its mount may hold an earlier test's files.
    await stack.emptyBuilder()
    const first = await job(mounts, 'one')
    expectGreen(first)
    expect(found(first)).toStrictEqual([])
    expect(row(first)).toMatchObject({ read: 'none yet', written: expect.stringMatching(/^[1-9]\d* bytes saved$/) })
    expect(saved()).toHaveLength(1)

    await stack.emptyBuilder()
    const second = await job(mounts, 'two')
    expectGreen(second)
    expect(found(second)).toStrictEqual(['run-one.txt'])
    expect(row(second)).toMatchObject({
      read: expect.stringMatching(/^[1-9]\d* bytes restored$/),
      written: expect.stringMatching(/bytes saved$/)
    })
    expect(saved()).toHaveLength(2)

    await stack.emptyBuilder()
    const third = await job({ context: mounts.context, file: join(changed, 'Dockerfile') }, 'two')
    expectGreen(third)
    expect(third.main.stdout).toContain('changed step found:[run-one.txt run-two.txt ]')

    // The same build once more: on the engine's builder the step is cached and the mount is as
    // restored, so nothing is saved; a new builder (runner stack) runs the step again.
    const fourth = await job({ context: mounts.context, file: join(changed, 'Dockerfile') }, 'two')
    expectGreen(fourth)
    if (stack.name === 'engine') {
      expect(row(fourth)).toMatchObject({ written: 'unchanged: not saved' })
      expect(saved()).toHaveLength(3)
    } else expect(row(fourth)?.written).toMatch(/bytes saved$/)
  })

  test("cache mounts kept in the registry next to the registry cache: an emptied builder sees the last run's files", async () => {
    const repo = `e2e/mounts-${stack.name}-${nonce()}`
    const job = (arg: string) =>
      stack.run({
        inputs: {
          ...mounts,
          image: `${REGISTRY}/${repo}`,
          platforms: 'linux/amd64',
          cache: 'none',
          'cache-mounts': 'auto',
          'cache-mounts-store': 'registry',
          'build-args': `NONCE=${arg}`
        }
      })
    await stack.emptyBuilder()
    const first = await job('one')
    expectGreen(first)
    expect(found(first)).toStrictEqual([])
    expect(first.main.stdout).toContain(`${REGISTRY}/${repo}:buildcache-mounts holds none of them yet`)
    expect(row(first)?.written).toMatch(new RegExp(`^saved to ${REGISTRY}/${repo}:buildcache-mounts: [1-9]\\d* bytes`))
    expect(await manifest(repo, 'buildcache-mounts')).toBeDefined()

    await stack.emptyBuilder()
    const second = await job('two')
    expectGreen(second)
    expect(found(second)).toStrictEqual(['run-one.txt'])
    expect(row(second)?.read).toMatch(/^[1-9]\d* bytes restored$/)
  })

  test("branches: a run reads its own branch's cache and the default branch's, never another branch's", async () => {
    const tag = nonce()
    const inputs = { cache: 'gha', 'cache-scope': `branches-${tag}` }
    expectGreen(await build(tag, inputs, server.envFor('refs/heads/feature-a')))
    expect(
      server
        .entries()
        .filter(e => e.key.startsWith(`index-branches-${tag}`))
        .map(e => e.scope)
    ).toEqual(['refs/heads/feature-a'])
    await stack.emptyBuilder()
    const other = await build(tag, inputs, server.envFor('refs/heads/feature-b'))
    expectGreen(other)
    expect(other.main.outputs['cache-hit-rate']).toBe('0')
    await stack.emptyBuilder()
    expectGreen(await build(tag, inputs, server.env))
    await stack.emptyBuilder()
    const fromMain = await build(tag, inputs, server.envFor('refs/heads/feature-c'))
    expectGreen(fromMain)
    expect(fromMain.main.outputs['cache-hit-rate']).toBe('100')
  })
})

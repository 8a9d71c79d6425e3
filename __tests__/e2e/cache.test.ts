// Caches on the real stack: each second build runs on an empty builder and must be served from cache.
import { runAction, type ActionRun } from '../support/runner'
import { startCacheServer, type CacheServer } from '../support/cache-server'
import { nonce, pruneBuilder, stackReady } from '../support/stack'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ready = await stackReady()
const fixture = '__tests__/fixtures/multistage'

// One runner: its temp directory has a fixed path and is emptied between jobs.
const runnerTemp = join(tmpdir(), `runner-cache-e2e-${process.pid}`)

function build(tag: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runAction({ inputs: { context: fixture, file: `${fixture}/Dockerfile`, 'build-args': `NONCE=${tag}`, ...inputs }, env, runnerTemp })
}

const ok = (r: ActionRun) => {
  expect({ main: r.main.code, post: r.post.code, errors: r.main.stdout.match(/::error::.*/g) }).toEqual({ main: 0, post: 0, errors: null })
}

;(ready ? describe : describe.skip)('cache on an empty builder', () => {
  let server: CacheServer
  beforeAll(async () => (server = await startCacheServer()))
  afterAll(() => server?.close())

  test('registry cache: a rebuild after `docker buildx prune -af` is 100% cached', async () => {
    const tag = nonce()
    const inputs = { image: `localhost:5000/e2e/cache-${tag}`, push: 'true', cache: 'registry' }
    const first = await build(tag, inputs)
    ok(first)
    expect(first.main.outputs['cache-hit-rate']).toBe('0')
    pruneBuilder()
    const second = await build(tag, inputs)
    ok(second)
    expect(second.main.outputs['cache-hit-rate']).toBe('100')
    expect(second.main.outputs.digest).not.toBe('')
  })

  test('local cache: restored through the GitHub cache service (v2), rotated, and served on an empty builder', async () => {
    const tag = nonce()
    const inputs = { cache: 'local', 'cache-scope': `local-${tag}` }
    const first = await build(tag, inputs, server.env)
    ok(first)
    expect(first.main.stdout).toContain('No cache found; this build starts cold')
    const saved = server.entries().filter(e => e.key.startsWith(`ci-base-action-local-${tag}-`))
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({ committed: true })
    expect(saved[0].size).toBeGreaterThan(100_000)

    pruneBuilder()
    const downloadedBefore = server.stats.downloaded
    const second = await build(tag, inputs, server.env)
    ok(second)
    expect(second.main.stdout).toContain(`Cache restored from ${saved[0].key}`)
    expect(server.stats.downloaded - downloadedBefore).toBe(saved[0].size)
    expect(second.main.outputs['cache-hit-rate']).toBe('100')
    // Rotation: the next save replaces the directory instead of adding to it.
    expect(server.entries().filter(e => e.key.startsWith(`ci-base-action-local-${tag}-`))).toHaveLength(2)
  })

  test('gha cache: buildx exports to the cache service and an empty builder imports it', async () => {
    const tag = nonce()
    const inputs = { cache: 'gha', 'cache-scope': `gha-${tag}` }
    const first = await build(tag, inputs, server.env)
    ok(first)
    expect(first.main.stdout).toMatch(/::warning::cache: gha with buildx 0\.13\.\d+: .*needs buildx >= 0\.21\.0/)
    const exported = server.entries().filter(e => e.committed && e.size > 0)
    expect(exported.some(e => e.key.startsWith(`index-gha-${tag}`))).toBe(true)

    pruneBuilder()
    const downloadedBefore = server.stats.downloaded
    const second = await build(tag, inputs, server.env)
    ok(second)
    expect(second.main.outputs['cache-hit-rate']).toBe('100')
    expect(server.stats.downloaded).toBeGreaterThan(downloadedBefore)
  })

  test('a corrupt cache never fails the build: a warning, then a build without importing it', async () => {
    const tag = nonce()
    const dir = join(tmpdir(), `corrupt-cache-${tag}`)
    ok(await build(tag, { cache: 'none', 'cache-to': `type=local,dest=${dir},mode=max` }))
    // Truncate the small layer blobs (the build's own steps), keep the index: the import looks fine until the layers are read.
    const blobs = join(dir, 'blobs', 'sha256')
    for (const name of readdirSync(blobs)) {
      const file = join(blobs, name)
      const head = readFileSync(file).subarray(0, 2)
      if (statSync(file).size < 1000 && head[0] === 0x1f && head[1] === 0x8b) writeFileSync(file, 'garbage')
    }
    pruneBuilder()
    const run = await build(tag, { cache: 'none', 'cache-from': `type=local,src=${dir}` })
    ok(run)
    expect(run.main.stdout).toMatch(/::warning::The build cache could not be imported; building once more without it\.%0A.*(unexpected EOF|cache key)/)
    expect(run.main.outputs['cache-hit-rate']).toBe('0')
    expect(JSON.parse(run.main.outputs.report).platforms).toHaveLength(2)
  })

  test('a cache service that fails is a warning, never a failed build', async () => {
    const tag = nonce()
    server.failWith = 403
    try {
      const run = await build(tag, { cache: 'local', 'cache-scope': `down-${tag}` }, server.env)
      ok(run)
      expect(run.main.stdout).toMatch(/::warning::Cache restore failed|No cache found/)
      expect(run.post.stdout).toMatch(/::warning::Save cache failed/)
      expect(run.main.outputs.size).toMatch(/^\d+$/)
    } finally {
      server.failWith = undefined
    }
  })
})

// finish.ts and the GitHub cache round trips (github-cache.ts, local-cache.ts) without the
// docker engine: a scripted host, and an in-process cache service (v2).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { finish } from '../../../../src/pipeline/report/finish'
import { restorePaths, savePaths } from '../../../../src/pipeline/github/github-cache'
import { restoreLocalCache, saveLocalCache } from '../../../../src/pipeline/github/local-cache'
import { INPUT_DEFAULTS, parseInputs } from '../../../../src/core/inputs/inputs'
import { runContext } from '../../../../src/core/inputs/github-context'
import type { ImageInfo } from '../../../../src/core/registry/image'
import { startCacheServer, type CacheServer } from '../../../support/cache-server'
import { host } from '../../../support/scripted-host'

const image = (sizes: number[], digest = 'sha256:new'): ImageInfo => ({
  digest,
  platforms: sizes.map((size, i) => ({
    platform: ['linux/amd64', 'linux/arm64'][i],
    digest: `sha256:p${i}${size}`,
    size,
    layers: 3,
    breakdown: [{ digest: `sha256:l${i}${size}`, size, instruction: 'RUN apk add' }]
  }))
})

describe('finish', () => {
  const ctx = runContext({ GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'abc' }, () => '{}')
  const finished = (sizes: number[]) => ({
    digest: 'sha256:new',
    imageid: '',
    tags: ['r/x:1'],
    image: image(sizes),
    base: { ref: 'r/x:1', status: 'found' as const, image: image([100_000_000, 100_000_000], 'sha256:old') },
    buildMs: 12_300,
    steps: { steps: 4, cached: 3 },
    stages: []
  })

  test('over budget: outputs and the summary are written first, then the step fails naming the platform', async () => {
    const h = host(() => ({ code: 0 }))
    const inputs = parseInputs({ ...INPUT_DEFAULTS, image: 'r/x', push: 'true', 'max-size': '115MB' })
    await expect(
      finish(h.rt, inputs, ctx, {
        ...finished([120_000_000, 110_000_000]),
        metadataText: '{}',
        meta: { version: '', labels: [], annotations: [] }
      })
    ).rejects.toThrow(/^Image over budget:\nlinux\/amd64: /)
    expect(h.outputs).toMatchObject({ digest: 'sha256:new', size: '120000000', 'size-delta': '20000000', changed: 'true' })
    expect(h.outputs['cache-hit-rate']).toBe('75')
    expect(h.summaries).toHaveLength(1)
    expect(h.summaries[0]).toContain('linux/arm64')
  })

  test('within budget: no failure; the report says what changed', async () => {
    const h = host(() => ({ code: 0 }))
    const inputs = parseInputs({ ...INPUT_DEFAULTS, image: 'r/x', push: 'true', 'max-size': '115MB' })
    await finish(h.rt, inputs, ctx, {
      ...finished([101_000_000, 99_000_000]),
      metadataText: '{}',
      meta: { version: '', labels: [], annotations: [] }
    })
    expect(JSON.parse(h.outputs.report)).toMatchObject({ breaches: [], platforms: [{ sizeDelta: 1_000_000 }, { sizeDelta: -1_000_000 }] })
  })
})

describe('the GitHub cache round trips', () => {
  let server: CacheServer
  const saved = { ...process.env }
  const cwd = process.cwd()
  beforeAll(async () => {
    server = await startCacheServer()
    Object.assign(process.env, server.env)
    process.chdir(mkdtempSync(join(tmpdir(), 'cache-ws-')))
  })
  afterAll(async () => {
    process.chdir(cwd)
    process.env = saved
    await server.close()
  })

  test('saved, then restored by key prefix; a miss is undefined', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paths-'))
    writeFileSync(join(dir, 'a.txt'), 'one')
    const key = `k-${Date.now()}`
    await savePaths([dir], `${key}-1`)
    writeFileSync(join(dir, 'a.txt'), 'changed')
    expect(await restorePaths([dir], `${key}-2`, [`${key}-`])).toBe(`${key}-1`)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('one')
    expect(await restorePaths([dir], `nothing-${key}`)).toBeUndefined()
  })

  test('a service that refuses is an exception (the caller warns), never a miss', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paths-'))
    writeFileSync(join(dir, 'a.txt'), 'one')
    server.failWith = 403
    try {
      await expect(savePaths([dir], `k-${Date.now()}-fail`)).rejects.toThrow()
      await expect(restorePaths([dir], `k-${Date.now()}-fail`)).rejects.toThrow()
    } finally {
      server.failWith = undefined
    }
  })

  test('the local cache: what the build exported is swapped in and saved; nothing exported, nothing saved', async () => {
    const base = mkdtempSync(join(tmpdir(), 'local-'))
    const local = {
      dir: join(base, 'cache'),
      nextDir: join(base, 'cache-next'),
      key: `local-${Date.now()}-1`,
      restoreKeys: [`local-${Date.now()}`]
    }
    expect(await saveLocalCache(local)).toBe(false)
    mkdirSync(local.dir)
    writeFileSync(join(local.dir, 'old'), 'old')
    mkdirSync(local.nextDir)
    writeFileSync(join(local.nextDir, 'index.json'), '{}')
    expect(await saveLocalCache(local)).toBe(true)
    expect([existsSync(local.nextDir), existsSync(join(local.dir, 'old')), existsSync(join(local.dir, 'index.json'))]).toEqual([
      false,
      false,
      true
    ])
    await import('node:fs/promises').then(fs => fs.rm(local.dir, { recursive: true }))
    expect(await restoreLocalCache(local)).toBe(local.key)
    expect(readFileSync(join(local.dir, 'index.json'), 'utf8')).toBe('{}')
  })
})

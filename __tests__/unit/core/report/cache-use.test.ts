// What a run did with each cache: BuildKit's cache steps, read from its progress stream, matched to the specs.
import { readFileSync } from 'node:fs'
import { BuildProgress, type CacheStep } from '../../../../src/core/builder/progress'
import { cacheLabel, cacheUses, type CacheUseFacts } from '../../../../src/core/report/cache-use'

const writes = { write: true, why: 'the default branch writes the cache (cache-write: auto)' }
const facts = (over: Partial<CacheUseFacts>): CacheUseFacts => ({
  from: [],
  to: [],
  toAfter: [],
  upToDate: [],
  unwritten: [],
  write: writes,
  steps: [],
  afterSteps: [],
  ...over
})
const step = (step: string, over: Partial<CacheStep> = {}): CacheStep => ({
  step,
  kind: step.startsWith('importing') ? 'import' : 'export',
  outcome: 'done',
  layers: 0,
  ...over
})

describe("BuildKit's cache steps", () => {
  test('a recorded BuildKit 0.26 stream (a first build): the import by its ref finds none yet, the export writes each layer', () => {
    const progress = new BuildProgress()
    progress.push(readFileSync('__tests__/fixtures/progress-registry-cache.rawjson', 'utf8'))
    progress.end()
    expect(progress.cacheSteps()).toStrictEqual([
      {
        step: 'importing cache manifest from localhost:5000/probe/c:cache',
        kind: 'import',
        outcome: 'none yet',
        error: 'failed to configure registry cache importer: localhost:5000/probe/c:cache: not found',
        layers: 0
      },
      { step: 'exporting cache to registry', kind: 'export', outcome: 'done', layers: 4 }
    ])
  })

  test('a cache not there yet is "none yet", a broken one "failed"; a status seen twice counts once', () => {
    const progress = new BuildProgress()
    const status = (id: string) => ({ statuses: [{ id, vertex: 'sha256:e', name: id }] })
    for (const value of [
      { vertexes: [{ digest: 'sha256:a', name: 'importing cache manifest from r/x:c', error: 'r/x:c: not found' }] },
      { vertexes: [{ digest: 'sha256:b', name: 'importing cache manifest from gha:123', error: 'unexpected EOF' }] },
      { vertexes: [{ digest: 'sha256:c', name: '[2/3] RUN make' }] },
      { vertexes: [{ digest: 'sha256:e', name: 'exporting to GitHub Actions Cache' }] },
      status('writing layer sha256:1'),
      status('writing layer sha256:1'),
      status('writing layer sha256:2'),
      status('writing config sha256:3')
    ])
      progress.push(JSON.stringify(value))
    progress.end()
    expect(progress.cacheSteps()).toStrictEqual([
      { step: 'importing cache manifest from r/x:c', kind: 'import', outcome: 'none yet', error: 'r/x:c: not found', layers: 0 },
      { step: 'importing cache manifest from gha:123', kind: 'import', outcome: 'failed', error: 'unexpected EOF', layers: 0 },
      { step: 'exporting to GitHub Actions Cache', kind: 'export', outcome: 'done', layers: 2 }
    ])
  })
})

describe('cache rows for the report', () => {
  test('each cache once, read and written, matched by ref or by kind', () => {
    const rows = cacheUses(
      facts({
        from: ['type=gha,scope=main,timeout=2m', 'type=registry,ref=r/x:buildcache', 'type=registry,ref=r/x:latest'],
        to: ['type=gha,scope=main,mode=max,timeout=2m,ignore-error=true'],
        toAfter: ['type=registry,ref=r/x:buildcache,mode=max,ignore-error=true'],
        steps: [
          step('importing cache manifest from r/x:buildcache', { outcome: 'none yet' }),
          step('importing cache manifest from gha:42'),
          step('exporting to GitHub Actions Cache', { layers: 3 })
        ],
        afterSteps: [step('exporting cache to registry', { layers: 7 })]
      })
    )
    expect(rows).toStrictEqual([
      { cache: 'gha scope=main', read: 'imported', written: '3 layers new' },
      { cache: 'registry r/x:buildcache', read: 'none yet', written: '7 layers exported' },
      { cache: 'registry r/x:latest', read: 'not looked up (nothing asked for it)', written: '—' }
    ])
  })

  test('a pull request: every cache read, none written, and the row says why', () => {
    const why = "a pull request reads the default branch's cache and writes none (cache-write: auto)"
    const rows = cacheUses(
      facts({
        from: ['type=gha,scope=main'],
        unwritten: ['type=gha,scope=main,mode=max'],
        write: { write: false, why },
        steps: [step('importing cache manifest from gha:1')]
      })
    )
    expect(rows).toStrictEqual([{ cache: 'gha scope=main', read: 'imported', written: `not written: ${why}` }])
  })

  test('an up-to-date registry cache, a failed export, one layer, and the local cache under one name', () => {
    const rows = cacheUses(
      facts({
        from: ['type=local,src=/t/c', 'type=registry,ref=r/a:c', 'type=registry,ref=r/b:c'],
        to: ['type=local,dest=/t/c-next,mode=max'],
        toAfter: ['type=registry,ref=r/a:c,mode=max', 'type=registry,ref=r/b:c,mode=max'],
        upToDate: ['type=registry,ref=r/a:c,mode=max'],
        sameAs: { '/t/c': 'GitHub cache', '/t/c-next': 'GitHub cache' },
        steps: [step('exporting cache to client directory', { layers: 1 })],
        afterSteps: [step('exporting cache to registry', { outcome: 'failed', error: 'unauthorized\nmore' })]
      })
    )
    expect(rows).toStrictEqual([
      { cache: 'local GitHub cache', read: 'not looked up (nothing asked for it)', written: '1 layer exported' },
      { cache: 'registry r/a:c', read: 'not looked up (nothing asked for it)', written: 'up to date: not written again' },
      { cache: 'registry r/b:c', read: 'not looked up (nothing asked for it)', written: 'failed: unauthorized' }
    ])
  })

  test('labels', () => {
    expect(cacheLabel('r/x:c')).toBe('registry r/x:c')
    expect(cacheLabel('type=s3,name=blobs,region=eu')).toBe('s3 blobs')
    expect(cacheLabel('type=inline')).toBe('inline')
  })
})

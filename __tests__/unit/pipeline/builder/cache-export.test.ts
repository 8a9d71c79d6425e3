// cache-export.ts without the docker engine: what the registry cache holds, read from an
// in-process registry within the optional reads' budget; the cache pass as argv.
import { readHeldBlobs, exportCaches } from '../../../../src/pipeline/builder/cache-export'
import { OptionalReads } from '../../../../src/pipeline/host/optional-reads'
import { INPUT_DEFAULTS, parseInputs } from '../../../../src/core/inputs/inputs'
import type { BuildPlan } from '../../../../src/core/builder/args'
import { startTinyRegistry, type TinyRegistry } from '../../../support/tiny-registry'
import { host } from '../../../support/scripted-host'

let registry: TinyRegistry | undefined
afterEach(async () => registry?.close())

const reads = (budgetMs = 30_000, warnings: string[] = []) => new OptionalReads(budgetMs, m => warnings.push(m))
const spec = (ref: string) => `type=registry,ref=${ref},mode=max,ignore-error=true`

describe('what the registry cache holds', () => {
  test('the blobs its ref lists; none when there is no cache yet', async () => {
    registry = await startTinyRegistry()
    const cache = JSON.stringify({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: 'sha256:l1' },
        { mediaType: 'application/vnd.buildkit.cacheconfig.v0', digest: 'sha256:cfg' }
      ]
    })
    registry.manifests.set(
      'p/x',
      new Map([['buildcache', { bytes: Buffer.from(cache), mediaType: 'application/vnd.oci.image.index.v1+json' }]])
    )
    const held = await readHeldBlobs([spec(`${registry.host}/p/x:buildcache`), spec(`${registry.host}/p/y:buildcache`)], {}, reads())
    expect([...held.values()]).toEqual([['sha256:l1'], []])
  })

  test('a registry that cannot answer within the budget: unknown (so the cache is written), and one warning', async () => {
    registry = await startTinyRegistry(() => ({ status: 503 }))
    const warnings: string[] = []
    const started = Date.now()
    const held = await readHeldBlobs([spec(`${registry.host}/p/x:buildcache`)], {}, reads(300, warnings))
    expect([...held.values()]).toEqual([undefined])
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(warnings).toHaveLength(1)
  })
})

describe('the cache pass', () => {
  const plan: BuildPlan = {
    inputs: parseInputs({ ...INPUT_DEFAULTS, image: 'r/x' }),
    builder: 'b',
    tags: [],
    labels: [],
    annotations: [],
    cacheFrom: ['type=registry,ref=r/x:buildcache'],
    cacheTo: [],
    cacheToAfter: [spec('r/x:buildcache'), spec('r/x:other')],
    inlineCache: false,
    metadataFile: '/tmp/m.json',
    ociDir: '/tmp/oci',
    pushTo: ['r/x'],
    frontTo: [],
    sourceDateEpoch: 1,
    loadTags: []
  }

  test('the same build to no image, exporting only the stale caches', async () => {
    const h = host(() => ({ code: 0 }))
    expect(await exportCaches(h.rt, plan, [spec('r/x:other')])).toStrictEqual({ faults: [], steps: [] })
    const argv = h.calls[0].split(' ')
    expect(argv.slice(0, 3)).toEqual(['docker', 'buildx', 'build'])
    expect(argv.filter((_, i) => argv[i - 1] === '--cache-to')).toEqual([spec('r/x:other')])
    expect(argv.filter((_, i) => argv[i - 1] === '--output')).toEqual(['type=cacheonly'])
  })

  test('a pass that fails is a fault to warn of, never a thrown error', async () => {
    const h = host(() => ({ code: 1 }))
    const { faults } = await exportCaches(h.rt, plan, [spec('r/x:other')])
    expect(faults).toHaveLength(1)
    expect(faults[0].step).toBe('exporting cache')
  })
})

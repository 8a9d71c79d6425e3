// The image at the size users build (about 250 MB a platform, 20,000 files): published by
// digest before any tag, and rebuilt unchanged on an emptied builder from the registry cache
// with the same digest, `changed: false` and nothing uploaded. Checked in the registry.
import type { ActionRun } from '../support/runner'
import { BASE_IMAGE, PACKAGES_IMAGE, REGISTRY, REGISTRY_PORT, countLayerFiles, manifest, platformSizes } from '../support/registry'
import { blobUploads, manifestPuts, startFaultyProxy } from '../support/faulty-proxy'
import { fixture, nonce, onEveryStack, expectGreen } from '../support/stack'

const realistic = fixture('realistic')
const layersOf = async (repo: string, digest: string) => (await manifest(repo, digest))!.body.layers!.map(l => l.digest)

onEveryStack('a realistic CI image (250 MB a platform)', stack => {
  const repo = `e2e/realistic-${stack.name}-${nonce()}`
  const inputs = (host: string) => ({
    ...realistic,
    image: `${host}/${repo}`,
    baseline: `${host}/${repo}:weekly`,
    push: 'true',
    cache: 'registry',
    'cache-ref': `${REGISTRY}/${repo}:buildcache`,
    'tag-policy': 'sha',
    tags: 'weekly',
    'build-args': `PACKAGES=${PACKAGES_IMAGE}`
  })
  let first: ActionRun

  test('the fixture is the size users build; it is pushed by digest, and only then are the tags written', async () => {
    const proxy = await startFaultyProxy(REGISTRY_PORT)
    try {
      first = await stack.run({ inputs: inputs(proxy.host) })
    } finally {
      await proxy.close()
    }
    expectGreen(first)
    const puts = manifestPuts(proxy)
    const byDigest = puts.filter(p => /\/manifests\/sha256:/.test(p))
    const tagWrites = puts.filter(p => !/\/manifests\/sha256:/.test(p))
    expect(byDigest.length).toBeGreaterThanOrEqual(3)
    expect(tagWrites.sort()).toEqual([`PUT /v2/${repo}/manifests/sha-a1b2c3d`, `PUT /v2/${repo}/manifests/weekly`])
    expect(Math.max(...byDigest.map(p => puts.indexOf(p)))).toBeLessThan(Math.min(...tagWrites.map(p => puts.indexOf(p))))

    const platforms = await platformSizes(repo, 'weekly')
    expect(Object.keys(platforms).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    const [amd64, arm64] = [platforms['linux/amd64'], platforms['linux/arm64']]
    for (const p of [amd64, arm64]) {
      expect(p.size).toBeGreaterThanOrEqual(200e6)
      expect(p.layers).toBeGreaterThanOrEqual(5)
    }
    const [amd64Layers, arm64Layers] = await Promise.all([layersOf(repo, amd64.digest), layersOf(repo, arm64.digest)])
    // At least one layer is the same blob on both platforms.
    expect(amd64Layers.filter(d => arm64Layers.includes(d)).length).toBeGreaterThanOrEqual(1)
    // The base image comes from the local registry: its layers are the bottom of each platform's.
    const [baseRepo] = BASE_IMAGE.slice(REGISTRY.length + 1).split(':')
    const base = await platformSizes(baseRepo, 'latest')
    expect(amd64Layers.slice(0, base['linux/amd64'].layers)).toEqual(await layersOf(baseRepo, base['linux/amd64'].digest))
    expect(arm64Layers.slice(0, base['linux/arm64'].layers)).toEqual(await layersOf(baseRepo, base['linux/arm64'].digest))
    let files = 0
    for (const layer of amd64Layers) files += await countLayerFiles(repo, layer)
    expect(files).toBeGreaterThanOrEqual(10_000)
  })

  test('the same commit on an emptied builder: the same digest, unchanged, no blob uploaded, no manifest written', async () => {
    expect(first?.main.outputs.digest).toMatch(/^sha256:/)
    await stack.emptyBuilder()
    const proxy = await startFaultyProxy(REGISTRY_PORT)
    let again: ActionRun
    try {
      again = await stack.run({ inputs: inputs(proxy.host) })
    } finally {
      await proxy.close()
    }
    expectGreen(again)
    expect(again.main.outputs.digest).toBe(first.main.outputs.digest)
    expect(again.main.outputs.changed).toBe('false')
    expect(JSON.parse(again.main.outputs.report).cacheHitRate).toBe(100)
    expect({ blobUploads: blobUploads(proxy), manifestPuts: manifestPuts(proxy) }).toEqual({ blobUploads: [], manifestPuts: [] })
    for (const tag of ['weekly', 'sha-a1b2c3d'])
      expect([tag, (await manifest(repo, tag))?.digest]).toEqual([tag, first.main.outputs.digest])
  })
})

// The registry cache the action derives is written when its ref lacks the build, and not
// rewritten when it already holds it. Checked at the registry: the manifest PUTs of the cache
// tag as a proxy in front of the registry sees them, and the blobs the cache tag lists.
import { fixture, nonce, onEveryStack, expectGreen } from '../support/stack'
import { api, manifest, platformSizes, REGISTRY_PORT } from '../support/registry'
import { manifestPuts, startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy'
import type { ActionRun } from '../support/runner'

const stagesOf = (r: ActionRun) => (JSON.parse(r.main.outputs.report) as { stages: { stage: string }[] }).stages.map(s => s.stage)

/** The blobs the cache tag lists (an index of blobs, or an image manifest's layers). */
async function cacheBlobs(repo: string): Promise<string[]> {
  const m = (await manifest(repo, 'buildcache'))!.body
  return [...(m.manifests ?? []), ...(m.layers ?? [])].map(d => d.digest)
}

/** Every layer of the image under `tag`, both platforms. */
async function imageLayers(repo: string, tag: string): Promise<string[]> {
  const platforms = Object.values(await platformSizes(repo, tag))
  expect(platforms).toHaveLength(2)
  return (await Promise.all(platforms.map(async p => (await manifest(repo, p.digest))!.body.layers!.map(l => l.digest)))).flat()
}

onEveryStack('the registry cache, written only when it lacks the build', stack => {
  let proxy: FaultyProxy
  beforeAll(async () => (proxy = await startFaultyProxy(REGISTRY_PORT, () => false, 500)))
  afterAll(() => proxy?.close())

  test('written by a first build, left alone by a no-change rebuild, written again when stale or changed', async () => {
    const n = nonce()
    const repo = `e2e/cache-export-${stack.name}-${n}`
    const cachePuts = () => manifestPuts(proxy).filter(r => r === `PUT /v2/${repo}/manifests/buildcache`).length
    const build = (tag: string) =>
      stack.run({
        inputs: {
          ...fixture('growing'),
          image: `${proxy.host}/${repo}`,
          tags: 'weekly',
          'tag-policy': 'none',
          push: 'true',
          cache: 'registry',
          baseline: `${proxy.host}/${repo}:weekly`,
          'build-args': `NONCE=${tag}\nPAD_KB=20`
        }
      })

    const first = await build(n)
    expectGreen(first)
    expect(stagesOf(first)).toContain('Export cache')
    expect(cachePuts()).toBe(1)
    const layers = await imageLayers(repo, 'weekly')
    expect(await cacheBlobs(repo)).toEqual(expect.arrayContaining(layers))

    // Nothing changed: every step comes from cache and the cache holds every layer.
    const same = await build(n)
    expectGreen(same)
    expect(same.main.outputs.digest).toBe(first.main.outputs.digest)
    expect(same.main.outputs['cache-hit-rate']).toBe('100')
    expect(stagesOf(same)).not.toContain('Export cache')
    expect(same.main.stdout).toContain(`${proxy.host}/${repo}:buildcache already holds this build`)
    expect(cachePuts()).toBe(1)

    // The cache tag moved to something that lacks the arm64 layers (another build's cache, say):
    // the next no-change rebuild writes it again, whether its steps came from the builder's own
    // state (engine) or from that cache (runner).
    const amd64 = Object.entries(await platformSizes(repo, 'weekly')).find(([p]) => p === 'linux/amd64')![1].digest
    const res = await fetch(`${api}/${repo}/manifests/${amd64}`, { headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' } })
    const put = await fetch(`${api}/${repo}/manifests/buildcache`, {
      method: 'PUT',
      headers: { 'Content-Type': res.headers.get('content-type')! },
      body: Buffer.from(await res.arrayBuffer())
    })
    expect(put.status).toBe(201)
    const stale = await build(n)
    expect(stale.main.code).toBe(0)
    // The engine's steps come from its own state; a new builder finds no usable cache and runs them.
    expect(stale.main.outputs['cache-hit-rate']).toBe(stack.name === 'engine' ? '100' : '0')
    expect(stagesOf(stale)).toContain('Export cache')
    expect(cachePuts()).toBe(2)
    expect(await cacheBlobs(repo)).toEqual(expect.arrayContaining(await imageLayers(repo, 'weekly')))

    // A step that runs again: the cache is written with the new layers.
    const changed = await build(`${n}-2`)
    expectGreen(changed)
    expect(changed.main.outputs.changed).toBe('true')
    expect(stagesOf(changed)).toContain('Export cache')
    expect(cachePuts()).toBe(3)
    expect(await cacheBlobs(repo)).toEqual(expect.arrayContaining(await imageLayers(repo, 'weekly')))
  })
})

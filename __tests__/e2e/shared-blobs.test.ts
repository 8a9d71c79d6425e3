// A layer both platforms share is one blob in the registry. Whichever platform sends it first,
// the other platform's manifest must wait for that upload to finish, even when the upload
// meets a 429 or a dropped connection. Checked in the registry: the image complete, every tag
// written once.
import { mkdtempSync, cpSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { manifest, platformSizes, REGISTRY, REGISTRY_PORT, api } from '../support/registry'
import { startFaultyProxy, manifestPuts, type Fault } from '../support/faulty-proxy'
import { fixture, nonce, onEveryStack, expectGreen } from '../support/stack'

/** The layer digests both platforms' manifests name. */
async function sharedLayers(repo: string, ref: string): Promise<string[]> {
  const sizes = await platformSizes(repo, ref)
  const [a, b] = await Promise.all(Object.values(sizes).map(async p => (await manifest(repo, p.digest))!.body.layers!.map(l => l.digest)))
  return a.filter(d => b.includes(d))
}

/** Every manifest and blob of the image is in the registry. */
async function complete(repo: string, ref: string): Promise<boolean> {
  for (const p of Object.values(await platformSizes(repo, ref))) {
    const m = (await manifest(repo, p.digest))!.body
    for (const d of [m.config!, ...m.layers!])
      if ((await fetch(`${api}/${repo}/blobs/${d.digest}`, { method: 'HEAD' })).status !== 200) return false
  }
  return true
}

onEveryStack('a layer both platforms share', stack => {
  // A context of this run's own: the shared file is new to the registry, so it is really uploaded.
  const context = mkdtempSync(join(tmpdir(), 'shared-layer-'))
  cpSync(fixture('shared-layer').context, context, { recursive: true })
  writeFileSync(join(context, 'same-on-every-platform.bin'), randomBytes(300_000))
  const n = nonce()
  // rewrite-timestamp: a new builder writes the COPY's new /opt with its own time; clamped to the
  // commit's, every build of this context gives the same shared blob, whose digest is learned first.
  const inputs = (image: string) => ({
    context,
    file: join(context, 'Dockerfile'),
    image,
    push: 'true',
    cache: 'none',
    'tag-policy': 'sha',
    tags: 'weekly',
    baseline: 'none',
    'build-args': `NONCE=${n}`,
    'rewrite-timestamp': 'true'
  })

  let shared = ''
  beforeAll(async () => {
    // A first push learns the shared blob's digest; the builds below give the same blobs.
    const repo = `e2e/shared-learn-${stack.name}-${n}`
    const first = await stack.run({ inputs: inputs(`${REGISTRY}/${repo}`) })
    expectGreen(first)
    const layers = await sharedLayers(repo, 'weekly')
    expect(layers).toHaveLength(1)
    shared = layers[0]
  })

  test.each<[string, Fault]>([
    [
      'a 429 with Retry-After',
      { status: 429, headers: { 'Retry-After': '2' }, body: '{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}' }
    ],
    ['a connection reset midway', 'reset']
  ])("%s on the shared blob's first upload: the run ends green, the image is complete, each tag is written once", async (_, fault) => {
    let faulted = 0
    // The upload's closing PUT names the blob (`?digest=sha256%3A<hex>`).
    const uploadsShared = (method: string, path: string) =>
      method === 'PUT' && /\/blobs\/uploads\//.test(path) && path.includes(shared.slice('sha256:'.length))
    const proxy = await startFaultyProxy(REGISTRY_PORT, (method, path) => uploadsShared(method, path) && ++faulted === 1, fault)
    const repo = `e2e/shared-${stack.name}-${n}-${typeof fault === 'object' ? fault.status : fault}`
    try {
      const run = await stack.run({ inputs: inputs(`${proxy.host}/${repo}`) })
      expectGreen(run)
      expect(proxy.failed).toHaveLength(1)
      expect(await sharedLayers(repo, 'weekly')).toEqual([shared])
      expect(await complete(repo, 'weekly')).toBe(true)
      for (const tag of ['weekly', 'sha-a1b2c3d']) {
        expect([tag, (await manifest(repo, tag))?.digest]).toEqual([tag, run.main.outputs.digest])
        expect([tag, manifestPuts(proxy).filter(r => r.endsWith(`/manifests/${tag}`))]).toEqual([tag, [`PUT /v2/${repo}/manifests/${tag}`]])
      }
    } finally {
      await proxy.close()
    }
  })
})

// The engine front: a registry on 127.0.0.1 that the engine pushes to in the distribution
// protocol (as containerd's pusher does: HEAD each blob, upload what is missing in chunks,
// manifests by tag, the index read back by tag). It keeps only what the run's repositories lack;
// the action's own push of that layout then makes the image whole in the registry.
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { heldByAll, startEngineFront, type EngineFront } from '../../../../src/pipeline/registry/engine-front'
import { pushLayout } from '../../../../src/pipeline/registry/publish'
import { RegistryClient } from '../../../../src/pipeline/registry/registry-client'
import { parseRepository } from '../../../../src/core/registry/reference'
import { startTinyRegistry, type TinyRegistry } from '../../../support/tiny-registry'

const sha = (bytes: Buffer | string) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

/** A two-platform image in memory: a base layer both platforms share, a layer and a config each. */
function image() {
  const blobs = new Map<string, Buffer>()
  const put = (bytes: Buffer | string) => {
    const b = Buffer.from(bytes)
    blobs.set(sha(b), b)
    return { digest: sha(b), size: b.length }
  }
  const base = put(Buffer.alloc(300_000, 3))
  const manifests: { digest: string; bytes: Buffer; mediaType: string }[] = []
  const platform = (arch: string) => {
    const config = { mediaType: 'application/vnd.oci.image.config.v1+json', ...put(JSON.stringify({ architecture: arch, os: 'linux' })) }
    const own = { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...put(Buffer.alloc(150_000, arch.length)) }
    const bytes = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers: [{ ...base, mediaType: own.mediaType }, own] })
    )
    manifests.push({ digest: sha(bytes), bytes, mediaType: OCI_MANIFEST })
    return { mediaType: OCI_MANIFEST, digest: sha(bytes), size: bytes.length, platform: { os: 'linux', architecture: arch } }
  }
  const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [platform('amd64'), platform('arm64')] }))
  return { blobs, manifests, index: { digest: sha(index), bytes: index }, base: base.digest }
}

/** What the engine does on push: each blob it is not told is there goes up in two chunks; each manifest by the tag; the index read back. */
async function enginePush(front: string, img: ReturnType<typeof image>): Promise<{ sent: string[] }> {
  const root = `http://${front}/v2/ci-base-action/push`
  const sent: string[] = []
  for (const [digest, bytes] of img.blobs) {
    if ((await fetch(`${root}/blobs/${digest}`, { method: 'HEAD' })).status === 200) continue
    const start = await fetch(`${root}/blobs/uploads/?mount=${digest}&from=elsewhere`, { method: 'POST' })
    expect(start.status).toBe(202)
    const half = Math.floor(bytes.length / 2)
    const patched = await fetch(new URL(start.headers.get('location')!, `http://${front}`), {
      method: 'PATCH',
      body: new Uint8Array(bytes.subarray(0, half))
    })
    expect(patched.status).toBe(202)
    const done = new URL(patched.headers.get('location')!, `http://${front}`)
    done.searchParams.set('digest', digest)
    expect((await fetch(done, { method: 'PUT', body: new Uint8Array(bytes.subarray(half)) })).status).toBe(201)
    sent.push(digest)
  }
  for (const m of [...img.manifests, { ...img.index, mediaType: OCI_INDEX }]) {
    const put = await fetch(`${root}/manifests/build`, {
      method: 'PUT',
      body: new Uint8Array(m.bytes),
      headers: { 'Content-Type': m.mediaType }
    })
    expect({ status: put.status, digest: put.headers.get('docker-content-digest') }).toEqual({ status: 201, digest: m.digest })
  }
  const back = await fetch(`${root}/manifests/build`, { headers: { Accept: OCI_INDEX } })
  expect({ status: back.status, type: back.headers.get('content-type'), digest: sha(Buffer.from(await back.arrayBuffer())) }).toEqual({
    status: 200,
    type: OCI_INDEX,
    digest: img.index.digest
  })
  return { sent }
}

const client = (registry: TinyRegistry, repository: string) =>
  new RegistryClient(parseRepository(`${registry.host}/${repository}`), async () => undefined, { attempts: 2, baseMs: 10, maxWaitMs: 100 })

let registry: TinyRegistry | undefined
let front: EngineFront | undefined
afterEach(async () => {
  await front?.close()
  await registry?.close()
  front = registry = undefined
})

test('the engine sends only what the registry lacks; the layout the front keeps, pushed by digest, makes the image whole', async () => {
  const img = image()
  registry = await startTinyRegistry()
  // The base layer is in the registry already, as on every rebuild.
  registry.blobs.set(img.base, img.blobs.get(img.base)!)
  const dir = mkdtempSync(join(tmpdir(), 'front-'))
  const reg = registry
  front = await startEngineFront(
    dir,
    heldByAll(r => client(reg, r), ['p/app'])
  )
  const { sent } = await enginePush(front.address, img)
  expect(sent).not.toContain(img.base)
  expect(sent).toHaveLength(img.blobs.size - 1)
  const sentBytes = sent.reduce((sum, digest) => sum + img.blobs.get(digest)!.length, 0)
  expect(front.received()).toEqual({ blobs: img.blobs.size - 1, bytes: sentBytes })
  expect(existsSync(join(dir, 'blobs', 'sha256', img.base.slice(7)))).toBe(false)
  // Nothing reached the registry from the front itself: the engine's push stops here.
  expect(registry.requests.filter(r => !r.startsWith('HEAD '))).toEqual([])
  const uploads = await pushLayout(client(registry, 'p/app'), dir, img.index.digest)
  expect(uploads).toEqual({ blobs: img.blobs.size - 1, manifests: 3 })
  expect(registry.manifests.get('p/app')?.get(img.index.digest)?.bytes.equals(img.index.bytes)).toBe(true)
})

test('a blob one of the repositories lacks is taken in; one whose bytes are not its digest is refused and not kept', async () => {
  const img = image()
  registry = await startTinyRegistry()
  registry.blobs.set(img.base, img.blobs.get(img.base)!)
  const dir = mkdtempSync(join(tmpdir(), 'front-'))
  const reg = registry
  let asked = 0
  // The second repository is on a registry that cannot answer: the blob counts as lacking there.
  front = await startEngineFront(dir, async digest => {
    asked++
    return heldByAll(r => client(reg, r), ['p/app'])(digest).then(size => (digest === img.base ? undefined : size))
  })
  const { sent } = await enginePush(front.address, img)
  expect(asked).toBeGreaterThan(0)
  expect(sent).toContain(img.base)
  const root = `http://${front.address}/v2/ci-base-action/push`
  const start = await fetch(`${root}/blobs/uploads/`, { method: 'POST' })
  const done = new URL(start.headers.get('location')!, `http://${front.address}`)
  const wrong = sha('something else')
  done.searchParams.set('digest', wrong)
  const put = await fetch(done, { method: 'PUT', body: 'these bytes' })
  expect(put.status).toBe(400)
  expect(await put.text()).toContain('DIGEST_INVALID')
  expect((await fetch(`${root}/blobs/${wrong}`, { method: 'HEAD' })).status).toBe(404)
  // A refused upload is not counted as taken in.
  expect(front.received().blobs).toBe(sent.length)
})

test('a registry that fails to answer makes the blob count as lacking: the engine sends it, the push goes on', async () => {
  const img = image()
  const dir = mkdtempSync(join(tmpdir(), 'front-'))
  front = await startEngineFront(dir, () => Promise.reject(new Error('registry down')))
  const { sent } = await enginePush(front.address, img)
  expect(sent.sort()).toEqual([...img.blobs.keys()].sort())
})

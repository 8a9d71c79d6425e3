// publish.ts against an in-process registry: an OCI layout whose two platforms share a layer,
// pushed by digest with faults on that shared layer, then the tags.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pointTags, pushLayout } from '../../../../src/pipeline/registry/publish'
import { RegistryClient } from '../../../../src/pipeline/registry/registry-client'
import { parseRepository } from '../../../../src/core/registry/reference'
import { startTinyRegistry, type TinyFault, type TinyRegistry } from '../../../support/tiny-registry'

const sha = (bytes: Buffer | string) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/** A two-platform layout: each platform has a layer of its own and one layer they share. */
function layout() {
  const dir = mkdtempSync(join(tmpdir(), 'publish-layout-'))
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true })
  const put = (bytes: Buffer | string) => {
    const digest = sha(bytes)
    writeFileSync(join(dir, 'blobs', 'sha256', digest.slice(7)), bytes)
    return { digest, size: Buffer.byteLength(bytes) }
  }
  const shared = put(Buffer.alloc(200_000, 7))
  const platform = (arch: string) => {
    const config = put(JSON.stringify({ architecture: arch, os: 'linux' }))
    const own = put(`layer of ${arch}`)
    const manifest = put(
      JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config, layers: [own, shared] })
    )
    return { mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, platform: { os: 'linux', architecture: arch } }
  }
  const index = put(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [platform('amd64'), platform('arm64')]
    })
  )
  return { dir, index: index.digest, shared: shared.digest }
}

const fastRetries = { attempts: 4, baseMs: 10, maxWaitMs: 30_000 }
const clientOf = (registry: TinyRegistry, repository: string, onRetry?: (m: string) => void) =>
  new RegistryClient(parseRepository(`${registry.host}/${repository}`), async () => undefined, { ...fastRetries, onRetry })

let registry: TinyRegistry | undefined
afterEach(async () => registry?.close())

describe('pushLayout: a blob both platforms share', () => {
  test.each<[string, TinyFault]>([
    ['a 429 with Retry-After', { status: 429, headers: { 'Retry-After': '1' } }],
    ['a connection reset', 'reset']
  ])('%s on its first upload: each manifest waits for it; the image is complete', async (_, fault) => {
    const image = layout()
    const faulted: string[] = []
    registry = await startTinyRegistry((method, url, nth) => {
      if (method === 'PUT' && url.includes(`digest=${encodeURIComponent(image.shared)}`) && nth === 1) {
        faulted.push(url)
        return fault
      }
      return undefined
    })
    const retries: string[] = []
    const uploads = await pushLayout(
      clientOf(registry, 'ci/base', m => retries.push(m)),
      image.dir,
      image.index
    )
    expect(faulted).toHaveLength(1)
    expect(retries).toHaveLength(1)
    expect(uploads).toEqual({ blobs: 5, manifests: 3 })
    // The shared blob went once, after its fault; no manifest was refused on the way.
    expect(registry.requests.filter(r => r.startsWith('PUT') && r.includes(encodeURIComponent(image.shared)))).toHaveLength(2)
    expect(registry.requests.filter(r => r.startsWith('PUT /v2/ci/base/manifests/'))).toHaveLength(3)
    expect(registry.manifests.get('ci/base')?.has(image.index)).toBe(true)
  })

  test('what the registry has is not sent again: an unchanged image costs one HEAD', async () => {
    const image = layout()
    registry = await startTinyRegistry()
    const client = clientOf(registry, 'ci/base')
    await pushLayout(client, image.dir, image.index)
    const before = registry.requests.length
    expect(await pushLayout(client, image.dir, image.index)).toEqual({ blobs: 0, manifests: 0 })
    expect(registry.requests.slice(before)).toEqual([`HEAD /v2/ci/base/manifests/${image.index}`])
  })

  test('a blob another build is still writing into the shared layout is waited for, never sent half-written', async () => {
    const image = layout()
    const path = join(image.dir, 'blobs', 'sha256', image.shared.slice('sha256:'.length))
    const whole = readFileSync(path)
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)))
    setTimeout(() => writeFileSync(path, whole), 120)
    registry = await startTinyRegistry()
    await pushLayout(clientOf(registry, 'ci/base'), image.dir, image.index, 50)
    expect(registry.manifests.get('ci/base')?.has(image.index)).toBe(true)
    // Sent once, whole: the registry checks every upload against its digest.
    expect(registry.requests.filter(r => r.startsWith('PUT') && r.includes(encodeURIComponent(image.shared)))).toHaveLength(1)
  })

  test("a manifest refused while another run re-links one of its blobs (distribution's DIGEST_INVALID with MANIFEST_BLOB_UNKNOWN) is written again; a real refusal is not", async () => {
    const image = layout()
    const race = {
      status: 400,
      body: JSON.stringify({
        errors: [
          { code: 'DIGEST_INVALID', message: 'provided digest did not match uploaded content' },
          { code: 'MANIFEST_BLOB_UNKNOWN', message: 'blob unknown to registry', detail: image.shared }
        ]
      })
    }
    let refused = 0
    registry = await startTinyRegistry((method, url, nth) => {
      if (method === 'PUT' && url.startsWith('/v2/ci/base/manifests/') && url !== `/v2/ci/base/manifests/${image.index}` && nth <= 2) {
        refused++
        return race
      }
      return undefined
    })
    await pushLayout(clientOf(registry, 'ci/base'), image.dir, image.index, 1)
    expect(refused).toBe(4) // both platform manifests, twice each
    expect(registry.manifests.get('ci/base')?.has(image.index)).toBe(true)

    const other = layout()
    await registry.close()
    registry = await startTinyRegistry((method, url) =>
      method === 'PUT' && url.startsWith('/v2/ci/base/manifests/')
        ? { status: 400, body: '{"errors":[{"code":"MANIFEST_INVALID"}]}' }
        : undefined
    )
    await expect(pushLayout(clientOf(registry, 'ci/base'), other.dir, other.index, 1)).rejects.toThrow(/MANIFEST_INVALID/)
    // Refused for what the manifest is: not written again.
    const puts = registry.requests.filter(r => r.startsWith('PUT /v2/ci/base/manifests/'))
    expect(puts.length).toBeGreaterThan(0)
    expect(new Set(puts).size).toBe(puts.length)
  })

  test('a blob that never becomes its digest fails the push, naming it', async () => {
    const image = layout()
    writeFileSync(join(image.dir, 'blobs', 'sha256', image.shared.slice('sha256:'.length)), 'not the blob')
    registry = await startTinyRegistry()
    await expect(pushLayout(clientOf(registry, 'ci/base'), image.dir, image.index, 1)).rejects.toThrow(
      new RegExp(`is not ${image.shared} in the OCI layout`)
    )
    expect(registry.manifests.get('ci/base')?.has(image.index) ?? false).toBe(false)
  })

  test('a fault that does not pass fails the push, and the index is never written', async () => {
    const image = layout()
    registry = await startTinyRegistry((method, url) =>
      method === 'PUT' && url.includes(encodeURIComponent(image.shared)) ? { status: 503 } : undefined
    )
    await expect(pushLayout(clientOf(registry, 'ci/base'), image.dir, image.index)).rejects.toThrow(/503.*gave up after 4 tries/s)
    expect(registry.manifests.get('ci/base')?.has(image.index) ?? false).toBe(false)
  })
})

describe('pointTags', () => {
  test('each tag is written once; a tag already at the digest is left alone', async () => {
    const image = layout()
    registry = await startTinyRegistry()
    const client = clientOf(registry, 'ci/base')
    await pushLayout(client, image.dir, image.index)
    const tags = ['1', '1.2', 'latest'].map(t => `${registry!.host}/ci/base:${t}`)
    expect(await pointTags(() => client, image.index, tags)).toEqual({ moved: tags, unchanged: [] })
    const again = await pointTags(() => client, image.index, tags)
    expect(again).toEqual({ moved: [], unchanged: tags })
    for (const t of ['1', '1.2', 'latest']) expect(registry.requests.filter(r => r === `PUT /v2/ci/base/manifests/${t}`)).toHaveLength(1)
  })
})

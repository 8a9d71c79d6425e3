// The test's own view of the local registry, over its HTTP API (independent of the action's code).
import { createGunzip, gunzipSync } from 'node:zlib'
import { Readable } from 'node:stream'

/** The registry the e2e suite pushes to and reads from (TEST_REGISTRY moves it; loopback, plain HTTP). */
export const REGISTRY = process.env.TEST_REGISTRY ?? 'localhost:5000'
export const REGISTRY_PORT = Number(REGISTRY.split(':')[1] ?? 80)
/** The two-arch base image scripts/stack.sh pushes there (its BASE_IMAGE). */
export const BASE_IMAGE = `${REGISTRY}/test/base:latest`
/** Debian's packages for both architectures, unpacked (scripts/stack.sh's PACKAGES_IMAGE): the realistic fixture's bulk. */
export const PACKAGES_IMAGE = `${REGISTRY}/test/packages:bookworm`
export const api = `http://${REGISTRY.replace('localhost', '127.0.0.1')}/v2`

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

export interface Manifest {
  manifests?: { digest: string; platform?: { os: string; architecture: string; variant?: string }; annotations?: Record<string, string> }[]
  layers?: { digest: string; size: number }[]
  config?: { digest: string }
  annotations?: Record<string, string>
}

export async function manifest(repo: string, ref: string): Promise<{ body: Manifest; digest: string } | undefined> {
  const res = await fetch(`${api}/${repo}/manifests/${ref}`, { headers: { Accept: ACCEPT } })
  if (res.status === 404) return undefined
  if (!res.ok) throw new Error(`registry: ${res.status} for ${repo}:${ref}`)
  return { body: (await res.json()) as Manifest, digest: res.headers.get('docker-content-digest') ?? '' }
}

export async function blob(repo: string, digest: string): Promise<Buffer> {
  const res = await fetch(`${api}/${repo}/blobs/${digest}`)
  if (!res.ok) throw new Error(`registry: ${res.status} for blob ${digest}`)
  return Buffer.from(await res.arrayBuffer())
}

/** Per platform: the manifest's layer count and the sum of its layer sizes. Attestations left out. */
export async function platformSizes(repo: string, ref: string): Promise<Record<string, { size: number; layers: number; digest: string }>> {
  const index = await manifest(repo, ref)
  if (!index) throw new Error(`${repo}:${ref} is not in the registry`)
  const result: Record<string, { size: number; layers: number; digest: string }> = {}
  for (const d of index.body.manifests ?? []) {
    if (d.platform?.os === 'unknown') continue
    const m = (await manifest(repo, d.digest))!.body
    const name = [d.platform!.os, d.platform!.architecture, d.platform!.variant].filter(Boolean).join('/')
    result[name] = { size: m.layers!.reduce((s, l) => s + l.size, 0), layers: m.layers!.length, digest: d.digest }
  }
  return result
}

export interface TarEntry {
  uid: number
  content: string
}

/** Every path in the image's layers with owner and content (top layer wins), from the gzip'd tar blobs. */
export async function imageFiles(repo: string, manifestDigest: string): Promise<Map<string, TarEntry>> {
  const m = (await manifest(repo, manifestDigest))!.body
  const files = new Map<string, TarEntry>()
  const field = (tar: Buffer, from: number, length: number) =>
    tar
      .toString('utf8', from, from + length)
      .replace(/\0.*$/s, '')
      .trim()
  for (const layer of m.layers!) {
    const tar = gunzipSync(await blob(repo, layer.digest))
    for (let off = 0; off + 512 <= tar.length;) {
      const name = field(tar, off, 100)
      if (!name) break
      const size = parseInt(field(tar, off + 124, 12) || '0', 8)
      const prefix = field(tar, off + 345, 155)
      const path = (prefix ? `${prefix}/${name}` : name).replace(/^\.?\//, '').replace(/\/$/, '')
      files.set(path, { uid: parseInt(field(tar, off + 108, 8) || '0', 8), content: tar.toString('utf8', off + 512, off + 512 + size) })
      off += 512 + Math.ceil(size / 512) * 512
    }
  }
  return files
}

/** Regular files in a gzip'd tar layer, streamed from the registry (layers of hundreds of MB). */
export async function countLayerFiles(repo: string, digest: string): Promise<number> {
  const res = await fetch(`${api}/${repo}/blobs/${digest}`)
  if (!res.ok || !res.body) throw new Error(`registry: ${res.status} for blob ${digest}`)
  let files = 0
  let pending = Buffer.alloc(0)
  let skip = 0
  for await (const chunk of Readable.fromWeb(res.body as import('node:stream/web').ReadableStream).pipe(createGunzip())) {
    pending = Buffer.concat([pending, chunk as Buffer])
    for (;;) {
      if (skip) {
        const n = Math.min(skip, pending.length)
        pending = pending.subarray(n)
        skip -= n
        if (skip) break
      }
      if (pending.length < 512) break
      const header = pending.subarray(0, 512)
      pending = pending.subarray(512)
      if (header.every(b => b === 0)) continue
      const size = parseInt(header.toString('utf8', 124, 136).replace(/\0.*$/s, '').trim() || '0', 8)
      const type = String.fromCharCode(header[156])
      const name = header.toString('utf8', 0, 100).replace(/\0.*$/s, '')
      if ((type === '0' || type === '\0') && !name.split('/').pop()!.startsWith('.wh.')) files++
      skip = Math.ceil(size / 512) * 512
    }
  }
  return files
}

export async function readImageFile(repo: string, manifestDigest: string, path: string): Promise<string | undefined> {
  return (await imageFiles(repo, manifestDigest)).get(path.replace(/^\//, ''))?.content
}

export interface ImageConfig {
  created?: string
  config: { User?: string; Env?: string[]; WorkingDir?: string; Labels?: Record<string, string> }
  history?: { created_by?: string; empty_layer?: boolean }[]
}

export async function imageConfig(repo: string, manifestDigest: string): Promise<ImageConfig> {
  const m = (await manifest(repo, manifestDigest))!.body
  return JSON.parse((await blob(repo, m.config!.digest)).toString('utf8'))
}

export async function registryUp(): Promise<boolean> {
  try {
    return (await fetch(`${api}/`)).ok
  } catch {
    return false
  }
}

/** The tags a repository holds, sorted ([] when it has none). */
export async function tagsOf(repo: string): Promise<string[]> {
  const res = await fetch(`${api}/${repo}/tags/list`)
  if (res.status === 404) return []
  return (((await res.json()) as { tags?: string[] | null }).tags ?? []).sort()
}

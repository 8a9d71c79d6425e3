// Per-platform size and layer count from image manifests, read without pulling:
// from the registry after a push, or from the OCI layout the build wrote.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Docker } from './docker.js'
import { mustRun } from './docker.js'
import { inspectRawArgs } from './args.js'

export interface Descriptor {
  mediaType?: string
  digest: string
  size: number
  platform?: { os: string; architecture: string; variant?: string }
  annotations?: Record<string, string>
}

export interface Manifest {
  mediaType?: string
  manifests?: Descriptor[]
  config?: Descriptor
  layers?: Descriptor[]
}

export interface PlatformImage {
  platform: string
  digest: string
  size: number
  layers: number
}

export interface ImageInfo {
  digest: string
  platforms: PlatformImage[]
}

/** Fetches a manifest by reference or digest; returns its raw bytes. */
export type ManifestSource = (refOrDigest: string) => Promise<string>

export function platformName(p: Descriptor['platform']): string {
  return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown'
}

export function isAttestation(d: Descriptor): boolean {
  return d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || d.platform?.os === 'unknown'
}

export function layerTotals(manifest: Manifest): { size: number; layers: number } {
  const layers = manifest.layers ?? []
  return { size: layers.reduce((sum, l) => sum + l.size, 0), layers: layers.length }
}

export const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`

/**
 * Walk an index (or a single manifest) and measure each platform, in the order the caller
 * asked for platforms; platforms it did not ask for follow.
 */
export async function readImage(fetch: ManifestSource, ref: string, order: string[] = []): Promise<ImageInfo> {
  const raw = await fetch(ref)
  const top = JSON.parse(raw) as Manifest
  const digest = ref.includes('@') ? ref.slice(ref.indexOf('@') + 1) : sha256(raw)
  if (!top.manifests) {
    return { digest, platforms: [{ platform: order[0] ?? 'unknown', digest, ...layerTotals(top) }] }
  }
  const images = top.manifests.filter(d => !isAttestation(d))
  const platforms = await Promise.all(
    images.map(async d => {
      const manifest = JSON.parse(await fetch(d.digest)) as Manifest
      return { platform: platformName(d.platform), digest: d.digest, ...layerTotals(manifest) }
    })
  )
  const rank = (p: PlatformImage) => (order.includes(p.platform) ? order.indexOf(p.platform) : order.length)
  return { digest, platforms: platforms.sort((a, b) => rank(a) - rank(b)) }
}

/** Manifests from a registry, through buildx (it uses the runner's docker credentials). */
export function registrySource(run: Docker, repository: string): ManifestSource {
  return async refOrDigest => {
    const ref = refOrDigest.startsWith('sha256:') ? `${repository}@${refOrDigest}` : refOrDigest
    return (await mustRun(run, inspectRawArgs(ref), `Reading manifest ${ref}`, { quiet: true })).stdout
  }
}

/** Manifests from an OCI image layout on disk; the layout's index.json names the image. */
export function ociLayoutSource(dir: string): ManifestSource {
  return async refOrDigest => {
    if (!refOrDigest.startsWith('sha256:')) {
      const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as Manifest
      const image = index.manifests?.[0]
      if (!image) throw new Error(`OCI layout ${dir} holds no image`)
      refOrDigest = image.digest
    }
    return readFile(join(dir, 'blobs', 'sha256', refOrDigest.slice('sha256:'.length)), 'utf8')
  }
}

/** A reference without tag or digest: where the digests of an index live. */
export function repositoryOf(ref: string): string {
  const noDigest = ref.split('@')[0]
  const slash = noDigest.lastIndexOf('/')
  const colon = noDigest.lastIndexOf(':')
  return colon > slash ? noDigest.slice(0, colon) : noDigest
}

// Per-platform size and layer count from image manifests, read without pulling:
// from the registry after a push, or from the OCI layout the build wrote.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Docker } from './docker.js'
import { mustRun } from './docker.js'
import { inspectConfigArgs, inspectRawArgs } from './args.js'
import type { Baseline } from './compare.js'
import { NotFoundError, RegistryClient, dockerCredentials, parseRepository } from './registry.js'

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

export interface HistoryEntry {
  created_by?: string
  empty_layer?: boolean
}

export interface ImageConfig {
  history?: HistoryEntry[]
}

export interface Layer {
  digest: string
  size: number
  /** The Dockerfile instruction that made the layer, as the image history tells it. */
  instruction: string
}

export interface PlatformImage {
  platform: string
  digest: string
  size: number
  layers: number
  breakdown: Layer[]
}

export interface ImageInfo {
  digest: string
  platforms: PlatformImage[]
}

export interface ImageSource {
  /** A manifest (or index) by reference or digest, as raw bytes. */
  manifest(refOrDigest: string): Promise<string>
  /** An image's config (its history names each layer's instruction). */
  config(manifestDigest: string, manifest: Manifest): Promise<ImageConfig>
}

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

/** `RUN |2 A=1 B=2 /bin/sh -c make # buildkit` -> `RUN make`; legacy `#(nop)` forms likewise. */
export function instructionOf(createdBy = ''): string {
  return createdBy
    .replace(/\s*# buildkit$/, '')
    .replace(/^\/bin\/sh -c #\(nop\)\s*/, '')
    .replace(/^\/bin\/sh -c /, 'RUN ')
    .replace(/^RUN \|\d+ (?:\S+=\S* )*/, 'RUN ')
    .replace(/^RUN \/bin\/sh -c /, 'RUN ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Each layer with the instruction that made it: history entries that made no layer are
 * skipped; when the history is shorter than the layer list (squashed or foreign base
 * images), the two are aligned from the top, where this Dockerfile's own layers are.
 */
export function layerBreakdown(layers: Descriptor[], history: HistoryEntry[] = []): Layer[] {
  const made = history.filter(h => !h.empty_layer)
  const offset = made.length - layers.length
  return layers.map((layer, i) => ({
    digest: layer.digest,
    size: layer.size,
    instruction: i + offset >= 0 && made[i + offset] ? instructionOf(made[i + offset].created_by) : '(no history)'
  }))
}

export const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`

/**
 * Walk an index (or a single manifest) and measure each platform, in the order the caller
 * asked for platforms; platforms it did not ask for follow.
 */
export async function readImage(source: ImageSource, ref: string, order: string[] = []): Promise<ImageInfo> {
  const raw = await source.manifest(ref)
  const top = JSON.parse(raw) as Manifest
  const digest = ref.includes('@') ? ref.slice(ref.indexOf('@') + 1) : sha256(raw)
  const measure = async (platform: string, manifestDigest: string, manifest: Manifest): Promise<PlatformImage> => ({
    platform,
    digest: manifestDigest,
    ...layerTotals(manifest),
    breakdown: layerBreakdown(manifest.layers ?? [], (await source.config(manifestDigest, manifest)).history)
  })
  if (!top.manifests) return { digest, platforms: [await measure(order[0] ?? 'unknown', digest, top)] }
  const images = top.manifests.filter(d => !isAttestation(d))
  const platforms = await Promise.all(
    images.map(async d => measure(platformName(d.platform), d.digest, JSON.parse(await source.manifest(d.digest)) as Manifest))
  )
  const rank = (p: PlatformImage) => (order.includes(p.platform) ? order.indexOf(p.platform) : order.length)
  return { digest, platforms: platforms.sort((a, b) => rank(a) - rank(b)) }
}

/**
 * Images in a registry: over its HTTP API with docker's credentials, and through buildx's
 * imagetools (which knows every registry setup docker does) when that cannot answer.
 */
export function registrySource(run: Docker, repository: string, env: Record<string, string | undefined> = process.env): ImageSource {
  const ref = parseRepository(repository)
  const http = new RegistryClient(ref, () => dockerCredentials(ref.host, env))
  const at = (refOrDigest: string) => (refOrDigest.startsWith('sha256:') ? `${repository}@${refOrDigest}` : refOrDigest)
  const tagOf = (refOrDigest: string) => (refOrDigest.startsWith('sha256:') ? refOrDigest : refOrDigest.slice(repositoryOf(refOrDigest).length).replace(/^[:@]/, '') || 'latest')
  const either = async <T>(fast: () => Promise<T>, slow: () => Promise<T>): Promise<T> => {
    try {
      return await fast()
    } catch (e) {
      if (e instanceof NotFoundError) throw e
      return slow()
    }
  }
  return {
    manifest: refOrDigest =>
      either(
        () => http.manifest(tagOf(refOrDigest)),
        async () => (await mustRun(run, inspectRawArgs(at(refOrDigest)), `Reading manifest ${at(refOrDigest)}`, { quiet: true })).stdout
      ),
    config: (manifestDigest, manifest) =>
      either(
        async () => JSON.parse(await http.blob(manifest.config!.digest)) as ImageConfig,
        async () => JSON.parse((await mustRun(run, inspectConfigArgs(at(manifestDigest)), `Reading image config ${at(manifestDigest)}`, { quiet: true })).stdout) as ImageConfig
      )
  }
}

/** An OCI image layout on disk; its index.json names the image. */
export function ociLayoutSource(dir: string): ImageSource {
  const blob = (digest: string) => readFile(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), 'utf8')
  return {
    manifest: async refOrDigest => {
      if (refOrDigest.startsWith('sha256:')) return blob(refOrDigest)
      const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as Manifest
      const image = index.manifests?.[0]
      if (!image) throw new Error(`OCI layout ${dir} holds no image`)
      return blob(image.digest)
    },
    config: async (_digest, manifest) => JSON.parse(await blob(manifest.config!.digest)) as ImageConfig
  }
}

/** A reference without tag or digest: where the digests of an index live. */
export function repositoryOf(ref: string): string {
  const noDigest = ref.split('@')[0]
  const slash = noDigest.lastIndexOf('/')
  const colon = noDigest.lastIndexOf(':')
  return colon > slash ? noDigest.slice(0, colon) : noDigest
}

/** The published image to compare with. Not there yet is no error: the report says "new". */
export async function readBaseline(run: Docker, ref: string, order: string[]): Promise<Baseline> {
  if (!ref) return { ref, status: 'none' }
  try {
    return { ref, status: 'found', image: await readImage(registrySource(run, repositoryOf(ref)), ref, order) }
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    if (e instanceof NotFoundError || /not found|manifest unknown|404/i.test(reason)) return { ref, status: 'missing' }
    return { ref, status: 'unavailable', reason: reason.split('\n').filter(Boolean).pop() }
  }
}

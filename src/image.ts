// Per-platform size and layer count from image manifests, read without pulling:
// from the registry after a push, or from the OCI layout the build wrote.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Docker } from './docker.js'
import { mustRun } from './docker.js'
import { inspectConfigArgs, inspectRawArgs } from './args.js'
import type { Baseline } from './compare.js'

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
  /** The image configs of a reference, by platform (their history names each layer's instruction). */
  configs(ref: string): Promise<Record<string, ImageConfig>>
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
  const [raw, configs] = await Promise.all([source.manifest(ref), source.configs(ref)])
  const top = JSON.parse(raw) as Manifest
  const digest = ref.includes('@') ? ref.slice(ref.indexOf('@') + 1) : sha256(raw)
  const measure = (platform: string, manifestDigest: string, manifest: Manifest): PlatformImage => ({
    platform,
    digest: manifestDigest,
    ...layerTotals(manifest),
    breakdown: layerBreakdown(manifest.layers ?? [], configs[platform]?.history)
  })
  if (!top.manifests) {
    const platform = order[0] ?? Object.keys(configs)[0] ?? 'unknown'
    return { digest, platforms: [measure(platform, digest, { ...top, layers: top.layers })] }
  }
  const images = top.manifests.filter(d => !isAttestation(d))
  const platforms = await Promise.all(
    images.map(async d => measure(platformName(d.platform), d.digest, JSON.parse(await source.manifest(d.digest)) as Manifest))
  )
  const rank = (p: PlatformImage) => (order.includes(p.platform) ? order.indexOf(p.platform) : order.length)
  return { digest, platforms: platforms.sort((a, b) => rank(a) - rank(b)) }
}

/** Images in a registry, read through buildx (it uses the runner's docker credentials). */
export function registrySource(run: Docker, repository: string): ImageSource {
  const at = (refOrDigest: string) => (refOrDigest.startsWith('sha256:') ? `${repository}@${refOrDigest}` : refOrDigest)
  return {
    manifest: async refOrDigest => (await mustRun(run, inspectRawArgs(at(refOrDigest)), `Reading manifest ${at(refOrDigest)}`, { quiet: true })).stdout,
    configs: async ref => {
      const out = (await mustRun(run, inspectConfigArgs(at(ref)), `Reading image config ${at(ref)}`, { quiet: true })).stdout
      const parsed = JSON.parse(out) as Record<string, ImageConfig> & ImageConfig & { os?: string; architecture?: string; variant?: string }
      // A single-platform image gives its config itself, an index a map by platform.
      return parsed.history || parsed.os ? { [platformName(parsed as Descriptor['platform'])]: parsed } : parsed
    }
  }
}

/** An OCI image layout on disk; its index.json names the image. */
export function ociLayoutSource(dir: string): ImageSource {
  const blob = (digest: string) => readFile(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), 'utf8')
  const manifest = async (refOrDigest: string) => {
    if (refOrDigest.startsWith('sha256:')) return blob(refOrDigest)
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as Manifest
    const image = index.manifests?.[0]
    if (!image) throw new Error(`OCI layout ${dir} holds no image`)
    return blob(image.digest)
  }
  return {
    manifest,
    configs: async ref => {
      const top = JSON.parse(await manifest(ref)) as Manifest
      const images = top.manifests ? top.manifests.filter(d => !isAttestation(d)) : [{ digest: '', size: 0 }]
      const entries = await Promise.all(
        images.map(async d => {
          const m = d.digest ? (JSON.parse(await blob(d.digest)) as Manifest) : top
          const config = JSON.parse(await blob(m.config!.digest)) as ImageConfig & Descriptor['platform']
          return [d.platform ? platformName(d.platform) : platformName(config as Descriptor['platform']), config] as const
        })
      )
      return Object.fromEntries(entries)
    }
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
    if (/not found|manifest unknown|404/i.test(reason)) return { ref, status: 'missing' }
    return { ref, status: 'unavailable', reason: reason.split('\n').filter(Boolean).pop() }
  }
}

// An image as its manifests describe it: per-platform size, layer count and the instruction
// behind each layer, measured without pulling from whatever source serves the manifests.
import { createHash } from 'node:crypto'

export interface Descriptor {
  mediaType?: string
  digest: string
  size: number
  platform?: { os: string; architecture: string; variant?: string }
  annotations?: Record<string, string>
}

/** What an index and a manifest both may carry. */
interface Annotated {
  schemaVersion?: number
  mediaType?: string
  artifactType?: string
  annotations?: Record<string, string>
  subject?: Descriptor
}

/** An image index (or Docker manifest list): one entry per platform image, and attestations. */
export interface ImageIndex extends Annotated {
  manifests: Descriptor[]
}

/** One image (or artifact): its config and layers. */
export interface ImageManifest extends Annotated {
  config: Descriptor
  layers: Descriptor[]
}

const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']
const MANIFEST_TYPES = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json']
// BuildKit's registry cache is an index of blobs (layers and its cache config) under the OCI index type.

export const isIndex = (m: ImageIndex | ImageManifest): m is ImageIndex => Array.isArray((m as ImageIndex).manifests)

const isDescriptor = (d: unknown): d is Descriptor =>
  typeof d === 'object' &&
  d !== null &&
  typeof (d as Descriptor).digest === 'string' &&
  ['number', 'undefined'].includes(typeof (d as Descriptor).size)

/**
 * Registry (or OCI layout) JSON read as what it says it is: an index when it lists manifests, a
 * manifest when it has a config and layers, and its media type, where it gives one, agreeing.
 * Anything else is an error naming `what`.
 */
export function parseManifest(text: string | Uint8Array, what = 'the manifest'): ImageIndex | ImageManifest {
  let json: unknown
  try {
    json = JSON.parse(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'))
  } catch (e) {
    throw new Error(`${what} is not JSON: ${(e as Error).message}`)
  }
  const m = (typeof json === 'object' && json !== null ? json : {}) as Partial<ImageIndex & ImageManifest>
  const type = m.mediaType
  if (Array.isArray(m.manifests) && m.manifests.every(isDescriptor) && (!type || INDEX_TYPES.includes(type))) return m as ImageIndex
  // A manifest without layers (an empty image) lists none.
  const layers = m.layers ?? []
  if (isDescriptor(m.config) && Array.isArray(layers) && layers.every(isDescriptor) && (!type || MANIFEST_TYPES.includes(type)))
    return { ...m, layers } as ImageManifest
  throw new Error(`${what} is neither an image index nor an image manifest${type ? ` (media type ${type})` : ''}`)
}

/** An image's config blob: an object, whatever fields it carries (each is optional). */
export function parseImageConfig(
  text: string | Uint8Array,
  what = 'the image config'
): ImageConfig & { os?: string; architecture?: string } {
  let json: unknown
  try {
    json = JSON.parse(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'))
  } catch (e) {
    throw new Error(`${what} is not JSON: ${(e as Error).message}`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${what} is not an image config`)
  const config = json as ImageConfig
  if (config.history !== undefined && !Array.isArray(config.history)) throw new Error(`${what} has a history that is not a list`)
  return config
}

/** The same, where only an index will do (a referrers list, a multi-platform image). */
export function parseIndex(text: string | Uint8Array, what = 'the index'): ImageIndex {
  const m = parseManifest(text, what)
  if (!isIndex(m)) throw new Error(`${what} is an image manifest, not an index`)
  return m
}

interface HistoryEntry {
  created_by?: string
  empty_layer?: boolean
}

export interface ImageConfig {
  created?: string
  /** `OnBuild`: the triggers a build FROM this image runs first. */
  config?: { User?: string; OnBuild?: string[] | null }
  history?: HistoryEntry[]
}

interface Layer {
  digest: string
  size: number
  /** The Dockerfile instruction that made the layer, as the image history tells it. */
  instruction: string
}

export interface PlatformImage {
  platform: string
  digest: string
  /** The config's creation time: with SOURCE_DATE_EPOCH, the commit's time. */
  created?: string
  /** The config's User ('' when unset). */
  user?: string
  size: number
  layers: number
  breakdown: Layer[]
  /** Its entry's annotations in the index: a merge records there what each platform was built from. */
  annotations?: Record<string, string>
}

export interface ImageInfo {
  digest: string
  platforms: PlatformImage[]
  /** The index's annotations (the one manifest's, for an image of one platform): the history record and fingerprint live there. */
  annotations?: Record<string, string>
}

/** When an image was made, as its first platform's config says. */
export const createdOf = (image?: ImageInfo) => image?.platforms.find(p => p.created)?.created

export interface ImageSource {
  /** A manifest (or index) by reference or digest, as raw bytes. */
  manifest(refOrDigest: string): Promise<string>
  /** An image's config (its history names each layer's instruction). */
  config(manifestDigest: string, manifest: ImageManifest): Promise<ImageConfig>
}

function platformName(p: Descriptor['platform']): string {
  return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown'
}

export function isAttestation(d: Descriptor): boolean {
  return d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || d.platform?.os === 'unknown'
}

export function layerTotals(manifest: ImageManifest): { size: number; layers: number } {
  const layers = manifest.layers
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
  const top = parseManifest(raw, ref)
  const digest = ref.includes('@') ? ref.slice(ref.indexOf('@') + 1) : sha256(raw)
  const measure = async (
    platform: string,
    manifestDigest: string,
    manifest: ImageManifest,
    entry?: Descriptor['annotations']
  ): Promise<PlatformImage> => {
    const config = await source.config(manifestDigest, manifest)
    return {
      platform,
      digest: manifestDigest,
      ...(config.created ? { created: config.created } : {}),
      user: config.config?.User ?? '',
      ...layerTotals(manifest),
      breakdown: layerBreakdown(manifest.layers, config.history),
      ...(entry && Object.keys(entry).length ? { annotations: entry } : {})
    }
  }
  const annotations = top.annotations && Object.keys(top.annotations).length ? { annotations: top.annotations } : {}
  if (!isIndex(top)) return { digest, platforms: [await measure(order[0] ?? 'unknown', digest, top)], ...annotations }
  const images = top.manifests.filter(d => !isAttestation(d))
  const platforms = await Promise.all(
    images.map(async d => {
      const manifest = parseManifest(await source.manifest(d.digest), `${platformName(d.platform)} ${d.digest}`)
      if (isIndex(manifest)) throw new Error(`${platformName(d.platform)} ${d.digest} is an index inside an index`)
      return measure(platformName(d.platform), d.digest, manifest, d.annotations)
    })
  )
  const rank = (p: PlatformImage) => (order.includes(p.platform) ? order.indexOf(p.platform) : order.length)
  return { digest, platforms: platforms.sort((a, b) => rank(a) - rank(b)), ...annotations }
}

export interface Baseline {
  ref: string
  /** found; missing (first build: the report says "new"); unavailable (could not be read); none (not asked). */
  status: 'found' | 'missing' | 'unavailable' | 'none'
  reason?: string
  /** The reason was already given as a warning (the optional reads ran out of time): not warned again. */
  warned?: boolean
  /** When the baseline was made (its config's time). */
  created?: string
  image?: ImageInfo
}

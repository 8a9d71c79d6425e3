// Attestations that keep the image's digest: BuildKit's provenance and SBOM, which it puts inside
// the index (so that every build, with its own time and id, gets a new index digest), moved out
// into OCI 1.1 referrers: manifests whose `subject` is the published index. The index then holds
// the platform images alone, and a rebuild of the same commit keeps its digest. Pure.
import { createHash } from 'node:crypto'
import type { Descriptor, ImageIndex, ImageManifest } from './image.js'

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const IN_TOTO = 'application/vnd.in-toto+json'
/** The OCI empty descriptor: an artifact's config when it has none (`{}`). */
export const EMPTY_CONFIG = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2
}
export const EMPTY_CONFIG_BYTES = new TextEncoder().encode('{}')

// How BuildKit marks an attestation manifest in an index, and which image it is about.
const REFERENCE_TYPE = 'vnd.docker.reference.type'
const REFERENCE_DIGEST = 'vnd.docker.reference.digest'
const PREDICATE_TYPE = 'in-toto.io/predicate-type'

export type AttestKind = 'provenance' | 'sbom'

/** One platform's attestation manifest as the builder pushed it: the image it is about, and where it is. */
export interface Attestation {
  /** The platform image the statements are about. */
  image: string
  /** BuildKit's attestation manifest, in the pushed repository. */
  manifest: string
  platform?: string
}

export const isAttestation = (d: Descriptor) => d.annotations?.[REFERENCE_TYPE] === 'attestation-manifest'

/** The attestation manifests of a built index, each with the platform image it is about. */
export function attestationsOf(index: ImageIndex | ImageManifest): Attestation[] {
  const manifests = 'manifests' in index ? index.manifests : []
  const platformOf = new Map(manifests.filter(d => !isAttestation(d)).map(d => [d.digest, d.platform]))
  return manifests.filter(isAttestation).map(d => {
    const image = d.annotations![REFERENCE_DIGEST]
    const p = platformOf.get(image)
    return { image, manifest: d.digest, ...(p ? { platform: [p.os, p.architecture, p.variant].filter(Boolean).join('/') } : {}) }
  })
}

const digestOf = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/**
 * The referrer for one attestation: an artifact manifest of in-toto statements (the builder's own
 * layers, unchanged) whose subject is the published index. Its annotations say which platform
 * image the statements are about and what they state.
 */
export function referrerManifest(
  attestation: Attestation,
  statements: ImageManifest,
  subject: Descriptor,
  created: string
): { digest: string; bytes: Uint8Array; descriptor: Descriptor & { artifactType: string } } {
  const layers = statements.layers.filter(l => l.mediaType === IN_TOTO)
  const predicates = [...new Set(layers.map(l => l.annotations?.[PREDICATE_TYPE]).filter(Boolean))].join(',')
  const annotations = {
    'org.opencontainers.image.created': created,
    [REFERENCE_TYPE]: 'attestation-manifest',
    [REFERENCE_DIGEST]: attestation.image,
    ...(attestation.platform ? { 'com.github.phialo.ci-base-action.platform': attestation.platform } : {}),
    ...(predicates ? { [PREDICATE_TYPE]: predicates } : {})
  }
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: IN_TOTO,
    config: EMPTY_CONFIG,
    layers,
    subject: { mediaType: subject.mediaType ?? OCI_INDEX, digest: subject.digest, size: subject.size },
    annotations
  }
  const bytes = new TextEncoder().encode(JSON.stringify(manifest))
  const digest = digestOf(bytes)
  return { digest, bytes, descriptor: { mediaType: OCI_MANIFEST, digest, size: bytes.length, artifactType: IN_TOTO, annotations } }
}

/** The referrers tag schema's tag for a subject (registries without the referrers API): `sha256-<hex>`. */
export const referrersTag = (digest: string) => digest.replace(':', '-')

/** The referrers tag's index with one more descriptor (once). */
export function withReferrer(index: ImageIndex | undefined, descriptor: Descriptor): { bytes: Uint8Array; changed: boolean } {
  const manifests = index?.manifests ?? []
  const changed = !manifests.some(d => d.digest === descriptor.digest)
  const next = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: changed ? [...manifests, descriptor] : manifests }
  return { bytes: new TextEncoder().encode(JSON.stringify(next)), changed }
}

/** The images a subject's referrers already attest: an unchanged rebuild adds no second statement. */
export const attestedImages = (referrers: (Descriptor & { artifactType?: string })[]) =>
  new Set(referrers.filter(r => r.artifactType === IN_TOTO).map(r => r.annotations?.[REFERENCE_DIGEST] ?? ''))

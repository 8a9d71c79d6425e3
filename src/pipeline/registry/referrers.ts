// Attestations attached to the published index as OCI 1.1 referrers: through the registry's
// referrers API where it has one (it answers the manifest's PUT with OCI-Subject), else through
// the referrers tag schema (an index of referrers under the tag sha256-<hex>), as the OCI
// distribution spec says a client does for registries from before it (distribution 2.8, ...).
import {
  attestedImages,
  EMPTY_CONFIG,
  EMPTY_CONFIG_BYTES,
  OCI_INDEX,
  OCI_MANIFEST,
  referrerManifest,
  referrersTag,
  withReferrer,
  type Attestation
} from '../../core/registry/attestations.js'
import { isIndex, parseIndex, parseManifest, type Descriptor, type ImageIndex } from '../../core/registry/image.js'
import { NotFoundError, type RegistryClient } from './registry-client.js'

/** Every referrer of a manifest, from the API or from the tag schema. */
export async function listReferrers(client: RegistryClient, digest: string): Promise<(Descriptor & { artifactType?: string })[]> {
  const viaApi = await client.referrers(digest)
  if (viaApi?.length) return viaApi
  return (await tagIndex(client, digest))?.manifests ?? viaApi ?? []
}

/** An attestation manifest: one image manifest (its layers are the statements). */
function statementsManifest(text: string, digest: string) {
  const manifest = parseManifest(text, `the attestation manifest ${digest}`)
  if (isIndex(manifest)) throw new Error(`the attestation manifest ${digest} is an index`)
  return manifest
}

async function tagIndex(client: RegistryClient, digest: string): Promise<ImageIndex | undefined> {
  try {
    return parseIndex(await client.manifest(referrersTag(digest)), `the referrers tag of ${digest}`)
  } catch (e) {
    if (e instanceof NotFoundError) return undefined
    throw e
  }
}

/**
 * Attaches each attestation to `subject` in every repository; an image the subject's referrers
 * already attest (an unchanged rebuild's) gets no second one. Returns the referrers written.
 */
export async function attachAttestations(
  clientOf: (repository: string) => RegistryClient,
  source: string,
  repositories: string[],
  subject: Descriptor,
  attestations: Attestation[],
  created: string
): Promise<{ written: string[]; kept: number }> {
  const from = clientOf(source)
  // Each statement manifest read once, whatever the number of repositories.
  const statementsOf = new Map(
    await Promise.all(attestations.map(async a => [a.manifest, statementsManifest(await from.manifest(a.manifest), a.manifest)] as const))
  )
  const written: string[] = []
  let kept = 0
  for (const repository of repositories) {
    const client = clientOf(repository)
    const attested = attestedImages(await listReferrers(client, subject.digest))
    const todo = attestations.filter(a => !attested.has(a.image))
    kept = attestations.length - todo.length
    if (todo.length && !(await client.hasBlob(EMPTY_CONFIG.digest))) await client.uploadBlob(EMPTY_CONFIG.digest, EMPTY_CONFIG_BYTES)
    for (const attestation of todo) {
      const statements = statementsOf.get(attestation.manifest)!
      // The statements' blobs, where the builder pushed them to another repository.
      if (repository !== source)
        for (const layer of statements.layers ?? [])
          if (!(await client.hasBlob(layer.digest)))
            await client.uploadBlob(layer.digest, Buffer.from(await from.blob(layer.digest), 'utf8'))
      const referrer = referrerManifest(attestation, statements, subject, created)
      const taken = await client.putManifest(referrer.digest, referrer.bytes, OCI_MANIFEST)
      if (taken !== subject.digest) {
        const next = withReferrer(await tagIndex(client, subject.digest), referrer.descriptor)
        if (next.changed) await client.putManifest(referrersTag(subject.digest), next.bytes, OCI_INDEX)
      }
      written.push(`${repository}@${referrer.digest}`)
    }
  }
  return { written, kept }
}

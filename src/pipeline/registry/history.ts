// The history kept on the published images (see core/history.ts): a build's metrics written
// onto its index before its tags move, and the chain of earlier builds read back from the
// registry, one index manifest per build.
import { isIndex, parseManifest, sha256, type Descriptor } from '../../core/registry/image.js'
import { parseRecord, type BuildRecord, type History } from '../../core/registry/history.js'
import { repositoryOf, tagOf } from '../../core/registry/reference.js'
import type { Env } from '../../core/host/env.js'
import { errorMessage } from '../../core/errors.js'
import { clientsFor, NotFoundError, readBack, type RegistryClient } from './registry-client.js'
import type { OptionalReads } from '../host/optional-reads.js'

import { isAttestation, OCI_INDEX } from '../../core/registry/attestations.js'

/**
 * Up to `count` builds, newest first as walked, starting at `ref` (the baseline tag) and
 * following each index's link to the one before. An optional read: it gives up within the
 * run's budget, and a link that cannot be read ends the walk with a note instead of an error.
 */
export async function readHistory(ref: string, count: number, env: Env, reads: OptionalReads): Promise<History> {
  if (!ref || count <= 0) return { records: [] }
  const walked: BuildRecord[] = []
  let note: string | undefined
  let oldest: string | undefined
  const done = await reads.read(`the history behind ${ref}`, async signal => {
    const clientOf = clientsFor(env, undefined, signal)
    let next: string | undefined = ref
    while (next && walked.length < count) {
      const at: string = next
      const repository = repositoryOf(at)
      let raw: string
      try {
        raw = await clientOf(repository).manifest(tagOf(at))
      } catch (e) {
        // The first read is the baseline's, which the report speaks of already: no history then.
        if (walked.length)
          note = `The history stops at ${at}: ${e instanceof NotFoundError ? 'it is no longer in the registry' : errorMessage(e)}.`
        return
      }
      const digest = at.includes('@') ? at.slice(at.indexOf('@') + 1) : sha256(raw)
      const record = parseRecord(digest, parseManifest(raw, at).annotations)
      if (!record) return
      if (walked.some(r => r.digest === record.digest)) return
      walked.push(record)
      oldest = `${repository}@${digest}`
      next = record.previous
    }
  })
  if (done === undefined && !walked.length && reads.spent) note = 'The history could not be read in time.'
  return { records: walked.reverse(), ...(note ? { note } : {}), ...(oldest ? { oldest } : {}) }
}

/**
 * The built image as one index carrying `annotations`, written by digest to each repository;
 * returns its digest, which the tags then point at. An index keeps its manifests (and any
 * attestations) and gains the annotations; a single manifest is wrapped in an index of one, so
 * its own digest, which `changed` compares, stays what the build made.
 */
export async function writeRecordedIndex(
  clientOf: (repository: string) => RegistryClient,
  repositories: string[],
  built: string,
  annotations: Record<string, string>,
  platform: string,
  warn: (message: string) => void,
  /** Leave the builder's attestation manifests out: they go beside the index, as its referrers. */
  withoutAttestations = false
): Promise<string> {
  const source = clientOf(repositories[0])
  const { bytes, mediaType } = await readBack(`${repositories[0]}@${built}`, () => source.manifestBytes(built), warn)
  const top = parseManifest(bytes, `${repositories[0]}@${built}`)
  const [os, architecture, variant] = platform.split('/')
  const manifests: Descriptor[] = isIndex(top) ? top.manifests.filter(d => !withoutAttestations || !isAttestation(d)) : []
  if (!isIndex(top))
    manifests.push({
      mediaType: top.mediaType ?? mediaType,
      digest: built,
      size: bytes.length,
      platform: { os, architecture, ...(variant ? { variant } : {}) }
    })
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests,
    annotations: { ...(isIndex(top) ? top.annotations : {}), ...annotations }
  }
  const written = new TextEncoder().encode(JSON.stringify(index))
  const digest = sha256(Buffer.from(written).toString('utf8'))
  await Promise.all(
    repositories.map(async repository => {
      const client = clientOf(repository)
      if (!(await client.manifestDigest(digest))) await client.putManifest(digest, written, OCI_INDEX)
    })
  )
  return digest
}

/** The repositories that do not hold a manifest by this digest. */
export async function lacking(clientOf: (repository: string) => RegistryClient, repositories: string[], digest: string): Promise<string[]> {
  const held = await Promise.all(repositories.map(r => clientOf(r).manifestDigest(digest)))
  return repositories.filter((_, i) => !held[i])
}

/** An index already in the registry (the baseline's), copied by digest to each repository that lacks it. */
export async function copyIndex(clientOf: (repository: string) => RegistryClient, from: string, repositories: string[]): Promise<void> {
  const digest = from.slice(from.indexOf('@') + 1)
  const missing = await lacking(clientOf, repositories, digest)
  if (!missing.length) return
  const { bytes, mediaType } = await clientOf(repositoryOf(from)).manifestBytes(digest)
  await Promise.all(missing.map(r => clientOf(r).putManifest(digest, bytes, mediaType)))
}

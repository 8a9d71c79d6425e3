// Publishing in two moves: the whole image goes to the registry by digest (blobs, each
// platform's manifest, the index), and only then is every tag pointed at that digest. A push
// that fails midway moves no tag; tags of one run never point at different images; a tag that
// already points at the digest is left alone, and nothing the registry has is sent again.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isIndex, parseManifest } from '../../core/registry/image.js'
import { repositoriesOf, repositoryOf, tagOf } from '../../core/registry/reference.js'
import { clientsFor, readBack, RegistryError, type RegistryClient } from './registry-client.js'
import type { Runtime } from '../host/runtime.js'
import { errorMessage } from '../../core/errors.js'
import { pushDeniedHint } from '../../core/builder/build-failures.js'

interface Uploads {
  blobs: number
  manifests: number
}

export interface Tagging {
  /** Tags this run pointed at the digest. */
  moved: string[]
  /** Tags that already pointed at it. */
  unchanged: string[]
}

// Layers are sent a few at a time: enough to fill a runner's link, few enough for a rate limit.
const PARALLEL_UPLOADS = 4
const BLOB_RACE_TRIES = 4

/** A manifest refused for a blob the registry could not read at that moment. */
const isBlobRace = (e: unknown) => e instanceof RegistryError && e.status === 400 && /MANIFEST_BLOB_UNKNOWN|DIGEST_INVALID/.test(e.message)
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/**
 * A blob of the layout, checked against its digest. The layout is the machine's, kept across
 * runs: another run's build on the same engine may be writing the same blob right now. Bytes
 * that are not (yet) that digest are read again a little later, for a few seconds, and never sent.
 */
async function readWhole(path: string, digest: string, waitMs: number): Promise<Buffer> {
  for (let attempt = 1; ; attempt++) {
    const bytes = await readFile(path).catch(() => undefined)
    if (bytes && `sha256:${createHash('sha256').update(bytes).digest('hex')}` === digest) return bytes
    if (attempt >= 20)
      throw new Error(`${path} is ${bytes ? `not ${digest}` : 'missing'} in the OCI layout (another build may have changed it)`)
    await new Promise(resolve => setTimeout(resolve, waitMs))
  }
}

/**
 * Push one image of an OCI image layout by its digest: children before
 * parents, so the registry never holds a manifest whose parts are missing. What the registry
 * already has is skipped: an unchanged image costs one HEAD request.
 */
export async function pushLayout(client: RegistryClient, dir: string, digest: string, waitMs = 250): Promise<Uploads> {
  const read = (blob: string) => readWhole(join(dir, 'blobs', 'sha256', blob.slice('sha256:'.length)), blob, waitMs)
  const uploads: Uploads = { blobs: 0, manifests: 0 }
  // Platforms share blobs (a layer that is the same on every architecture). The first push of a
  // blob is the one every platform waits for: a manifest is written only once each of its blobs
  // is really in the registry, however long that blob's upload (or its 429) takes.
  const blobsInFlight = new Map<string, Promise<void>>()
  const sendBlob = async (digest: string) => {
    if (await client.hasBlob(digest)) return
    await client.uploadBlob(digest, await read(digest))
    uploads.blobs++
  }
  const pushBlob = (digest: string): Promise<void> => {
    if (!blobsInFlight.has(digest)) blobsInFlight.set(digest, sendBlob(digest))
    return blobsInFlight.get(digest)!
  }
  const pushManifest = async (digest: string, mediaType = ''): Promise<void> => {
    if (await client.manifestDigest(digest)) return
    const bytes = await read(digest)
    const manifest = parseManifest(bytes, `${digest} in the OCI layout`)
    const blobs = isIndex(manifest) ? [] : [manifest.config.digest, ...manifest.layers.map(l => l.digest)]
    if (isIndex(manifest)) await Promise.all(manifest.manifests.map(m => pushManifest(m.digest, m.mediaType)))
    else await eachLimited(blobs, PARALLEL_UPLOADS, pushBlob)
    for (let attempt = 1; ; attempt++) {
      try {
        await client.putManifest(digest, bytes, manifest.mediaType ?? mediaType)
        break
      } catch (e) {
        // Another run pushing the same blob into this repository at this moment: the registry
        // rewrites the blob's link then, and a manifest checked meanwhile finds it unreadable
        // (DIGEST_INVALID with MANIFEST_BLOB_UNKNOWN). The blob is there once that run is done:
        // wait, make sure of each blob, and write the manifest again.
        if (attempt >= BLOB_RACE_TRIES || !isBlobRace(e)) throw e
        await sleep(waitMs * attempt)
        for (const blob of blobs) if (!(await client.hasBlob(blob))) await client.uploadBlob(blob, await read(blob))
      }
    }
    uploads.manifests++
  }
  await pushManifest(digest)
  return uploads
}

/**
 * Point every tag at `digest`, which must already be complete in each tag's repository. The
 * bytes are the registry's own for that digest, so a tag resolves to exactly what was pushed.
 * All tags are written together, once the image is whole.
 */
export async function pointTags(
  clientOf: (repository: string) => RegistryClient,
  digest: string,
  tags: string[],
  warn: (message: string) => void = () => undefined
): Promise<Tagging> {
  const result: Tagging = { moved: [], unchanged: [] }
  await Promise.all(
    repositoriesOf(tags).map(async repository => {
      const client = clientOf(repository)
      const mine = tags.filter(t => repositoryOf(t) === repository)
      const current = await Promise.all(mine.map(t => client.manifestDigest(tagOf(t))))
      const moving = mine.filter((_, i) => current[i] !== digest)
      result.unchanged.push(...mine.filter((_, i) => current[i] === digest))
      if (!moving.length) return
      const { bytes, mediaType } = await readBack(`${repository}@${digest}`, () => client.manifestBytes(digest), warn)
      await Promise.all(moving.map(t => client.putManifest(tagOf(t), bytes, mediaType)))
      result.moved.push(...moving)
    })
  )
  return result
}

interface Publication extends Tagging {
  uploads?: Uploads
}

/**
 * The push of a built image: from the OCI layout when the builder could not push by digest
 * itself (the docker driver), then the tags. Nothing is tagged unless the whole image is there.
 */
export async function publish(rt: Runtime, digest: string, repositories: string[], tags: string[], layout?: string): Promise<Publication> {
  // Each request is retried by the client (429 with its Retry-After, 5xx, a dropped connection), with a warning.
  // One client per repository: the push and the tags share its token.
  const clientOf = clientsFor(rt.env, message => rt.warning(message))
  let uploads: Uploads | undefined
  if (layout) {
    uploads = { blobs: 0, manifests: 0 }
    for (const repository of repositories) {
      const pushed = await pushLayout(clientOf(repository), layout, digest).catch(e => {
        throw new Error(
          `Pushing ${repository}@${digest} failed: ${errorMessage(e)}; no tag was moved.${pushDeniedHint(errorMessage(e), [repository])}`
        )
      })
      uploads.blobs += pushed.blobs
      uploads.manifests += pushed.manifests
    }
    rt.info(`Pushed ${digest}: ${uploads.blobs} blobs and ${uploads.manifests} manifests uploaded; the registry had the rest`)
  }
  if (!tags.length) return { moved: [], unchanged: [], uploads }
  const tagging = await pointTags(clientOf, digest, tags, message => rt.warning(message)).catch(e => {
    throw new Error(`Tagging ${digest} failed: ${errorMessage(e)}${pushDeniedHint(errorMessage(e), repositoriesOf(tags))}`)
  })
  if (tagging.moved.length) rt.info(`Tagged ${digest}: ${tagging.moved.join(', ')}`)
  if (tagging.unchanged.length) rt.info(`Already at ${digest}: ${tagging.unchanged.join(', ')}`)
  return { ...tagging, uploads }
}

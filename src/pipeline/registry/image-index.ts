// An index made by the action from images already in the registry: a merge job's platforms,
// or the parts a builder of several nodes pushed. The same parts, in the same order, give the
// same digest.
import { createHash } from 'node:crypto'
import { isIndex, parseImageConfig, parseManifest, type Descriptor } from '../../core/registry/image.js'
import { OCI_INDEX } from '../../core/registry/attestations.js'
import { readBack, type RegistryClient } from './registry-client.js'

export interface Index {
  digest: string
  bytes: Uint8Array
}

/** Reads a pushed part, read again (with a warning) while the registry does not serve it yet. */
async function readPart(client: RegistryClient, digest: string, what: string, warn: (message: string) => void) {
  const { bytes, mediaType } = await readBack(`${what} ${digest}`, () => client.manifestBytes(digest), warn)
  return { bytes, mediaType, manifest: parseManifest(bytes, `${what} ${digest}`) }
}

/** One platform's image manifest as an index entry, its platform checked against its config's. */
export async function platformEntry(
  client: RegistryClient,
  platform: string,
  digest: string,
  warn: (message: string) => void
): Promise<Descriptor> {
  const { bytes, mediaType, manifest } = await readPart(client, digest, platform, warn)
  if (isIndex(manifest))
    throw new Error(`${platform}: ${digest} is an index; a per-platform job must push one platform's manifest (provenance off)`)
  const config = parseImageConfig(await client.blob(manifest.config.digest), `${platform} ${digest}'s config`)
  const [os, architecture, variant] = platform.split('/')
  if (config.os !== os || config.architecture !== architecture)
    throw new Error(`${platform}: ${digest} is an image for ${config.os}/${config.architecture}`)
  return {
    mediaType: manifest.mediaType ?? mediaType,
    digest,
    size: bytes.length,
    platform: { os, architecture, ...(variant ? { variant } : {}) }
  }
}

/**
 * The entries a node's build adds to the image's index: the entries of the index it pushed
 * (its platforms' manifests and their attestations), or its one manifest.
 */
export async function nodeEntries(
  client: RegistryClient,
  platforms: string[],
  digest: string,
  warn: (message: string) => void
): Promise<Descriptor[]> {
  const { manifest } = await readPart(client, digest, platforms.join(', '), warn)
  if (!isIndex(manifest)) return [await platformEntry(client, platforms[0], digest, warn)]
  const made = manifest.manifests
    .filter(m => m.platform?.os !== 'unknown')
    .map(m => [m.platform?.os, m.platform?.architecture, m.platform?.variant].filter(Boolean).join('/'))
  const stray = made.filter(p => !platforms.includes(p))
  if (stray.length) throw new Error(`the build of ${platforms.join(', ')} made ${stray.join(', ')} too (${digest})`)
  return manifest.manifests
}

export function makeIndex(manifests: Descriptor[], annotations: Record<string, string>): Index {
  const index = { schemaVersion: 2, mediaType: OCI_INDEX, manifests, ...(Object.keys(annotations).length ? { annotations } : {}) }
  const bytes = new TextEncoder().encode(JSON.stringify(index))
  return { digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, bytes }
}

/** Writes the index by digest where the registry lacks it: its parts are there already. */
export async function putIndex(client: RegistryClient, index: Index): Promise<void> {
  if (!(await client.manifestDigest(index.digest))) await client.putManifest(index.digest, index.bytes, OCI_INDEX)
}

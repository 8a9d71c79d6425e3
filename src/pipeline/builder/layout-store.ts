// The OCI layout the docker driver's builds are exported to, kept from run to run on the same
// machine. BuildKit writes into it only the blobs it does not hold yet, so an unchanged rebuild
// of a 250 MB image exports in well under a second where a fresh layout costs the whole image
// written to disk again. It holds many images (index.json only names the last one): every read
// and push goes by digest. Blobs no run has used for a while are pruned.
import { readdir, readFile, stat, unlink, utimes } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { Env } from '../../core/host/env.js'
import { isIndex, parseManifest } from '../../core/registry/image.js'

/** Blobs unused for this long go: a weekly rebuild still finds last week's layers. */
export const KEEP_UNUSED_MS = 8 * 24 * 3600 * 1000

/** A machine's layout: in the runner's tool cache (kept between jobs on a self-hosted runner), else in the user's cache. */
export function layoutStoreDir(env: Env): string {
  const root = env.RUNNER_TOOL_CACHE || join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'))
  return join(root, 'ci-base-action', 'oci-layout')
}

const blobPath = (dir: string, digest: string) => join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length))

/** Every blob an image is made of, the image's own manifest included. */
export async function imageBlobs(dir: string, digest: string): Promise<string[]> {
  const manifest = parseManifest(await readFile(blobPath(dir, digest)), `${digest} in the OCI layout`)
  if (isIndex(manifest)) return [digest, ...(await Promise.all(manifest.manifests.map(m => imageBlobs(dir, m.digest)))).flat()]
  return [digest, manifest.config.digest, ...manifest.layers.map(l => l.digest)]
}

/**
 * Mark the image's blobs as used now (BuildKit leaves a blob it already had untouched) and
 * remove the blobs nobody used within KEEP_UNUSED_MS. Returns how many blobs were removed.
 */
export async function keepImagePruneRest(dir: string, digest: string, now: Date): Promise<number> {
  const used = new Set(await imageBlobs(dir, digest))
  await Promise.all([...used].map(d => utimes(blobPath(dir, d), now, now)))
  const folder = join(dir, 'blobs', 'sha256')
  let removed = 0
  for (const name of await readdir(folder)) {
    if (used.has(`sha256:${name}`)) continue
    const file = join(folder, name)
    const info = await stat(file).catch(() => undefined)
    if (info && now.getTime() - info.mtimeMs > KEEP_UNUSED_MS) {
      await unlink(file).catch(() => undefined)
      removed++
    }
  }
  return removed
}

// Images the action needs on the runner that it keeps in the GitHub cache: the binfmt image that
// registers QEMU, and the BuildKit image of a builder it creates. A runner starts without them,
// and each pull from Docker Hub counts against its anonymous rate limit. Pure.
import { join } from 'node:path'

export interface CachedImage {
  /** The name the image is kept and run under on the runner. */
  image: string
  path: string
  key: string
  /** How long its restore, and its save, may each take (cache-timeout) before the run pulls it instead, or keeps nothing. */
  timeoutMs?: number
}

export function cachedImageFor(kind: 'binfmt' | 'buildkit', image: string, temp: string, timeoutMs?: number): CachedImage {
  const name = image.replace(/[^A-Za-z0-9._-]+/g, '-')
  return {
    image,
    path: join(temp, `ci-base-action-${kind}`, `${name}.tar`),
    key: `ci-base-action-${kind}-${name}`,
    ...(timeoutMs ? { timeoutMs } : {})
  }
}

/**
 * The local name of an image pinned by digest. A digest cannot be a local tag, and an image
 * loaded from a saved archive keeps only its tags, so a pinned image is run under a tag that
 * carries its digest: `moby/buildkit:v0.31.2@sha256:2f5a…` runs as `moby/buildkit:v0.31.2-2f5a…`.
 * It is only ever made from a pull by that digest, or from the archive of one. Unpinned: as it is.
 */
export function pinnedLocalName(image: string): string {
  const at = image.indexOf('@sha256:')
  if (at < 0) return image
  const hex = image.slice(at + '@sha256:'.length)
  const named = image.slice(0, at)
  const colon = named.lastIndexOf(':')
  const hasTag = colon > named.lastIndexOf('/')
  return hasTag ? `${named}-${hex}` : `${named}:sha256-${hex}`
}

// An image kept in the GitHub cache: loaded into the engine on a hit, saved by post after a
// pull. Either failing is a warning: the image is pulled as it would have been without it.
import { dirname } from 'node:path'
import { mkdir } from 'node:fs/promises'
import { cachedImageFor, pinnedLocalName, type CachedImage } from '../../core/github/image-cache.js'
import { errorMessage } from '../../core/errors.js'
import { lastLines, mustRun } from '../host/docker.js'
import type { Runtime } from '../host/runtime.js'
import { githubCacheAvailable, restorePaths, savePaths } from './github-cache.js'

/** Whether the engine has the image under this name. */
const hasImage = async (rt: Runtime, image: string) => (await rt.docker(['image', 'inspect', image], { quiet: true })).code === 0

/** Load the image from the GitHub cache; false on a miss, and on a fault after a warning. */
async function loadCachedImage(rt: Runtime, cache: CachedImage, what: string): Promise<boolean> {
  try {
    if (!(await restorePaths([cache.path], cache.key, [], cache.timeoutMs))) return false
    await mustRun(rt.docker, ['load', '--input', cache.path], `Loading the cached ${what}`, { quiet: true })
    return true
  } catch (e) {
    rt.warning(`Could not restore the ${what} ${cache.image} from the GitHub cache; pulling it: ${errorMessage(e)}`)
    return false
  }
}

/**
 * Make the image ready on the engine, and say the name to run it under: already there, loaded
 * from the GitHub cache, or pulled (then `save` is what post keeps for the next run). A pinned
 * image is pulled here by its digest and tagged with it (see pinnedLocalName); an unpinned one
 * is left to whatever runs it to pull, as before. A pull that fails here is left to that too,
 * so that its own error is the one the run reports.
 */
export async function readyImage(
  rt: Runtime,
  kind: 'binfmt' | 'buildkit',
  image: string,
  temp: string,
  what: string,
  timeoutMs?: number
): Promise<{ name: string; save?: CachedImage; pullError?: string }> {
  const name = pinnedLocalName(image)
  if (await hasImage(rt, name)) return { name }
  // Without the cache service (a terminal) there is nothing to load, and post keeps nothing.
  const cache = (await githubCacheAvailable()) ? cachedImageFor(kind, name, temp, timeoutMs) : undefined
  if (cache && (await loadCachedImage(rt, cache, what)) && (await hasImage(rt, name))) {
    rt.info(`The ${what} ${image} was loaded from the GitHub cache (${cache.key}): nothing pulled`)
    return { name }
  }
  const saved = cache ? { save: cache } : {}
  if (name === image) return { name, ...saved }
  const pulled = await rt.docker(['pull', '--quiet', image], { quiet: true })
  if (pulled.code !== 0) return { name: image, pullError: lastLines(pulled.stderr, 3) || `docker pull exited ${pulled.code}` }
  await mustRun(rt.docker, ['tag', image, name], `Naming the ${what}`, { quiet: true })
  return { name, ...saved }
}

/** Post: keep an image main pulled for the next run. */
export async function saveCachedImage(rt: Runtime, cache: CachedImage, what: string): Promise<void> {
  await mkdir(dirname(cache.path), { recursive: true })
  await mustRun(rt.docker, ['save', '--output', cache.path, cache.image], `Saving the ${what}`, { quiet: true })
  await savePaths([cache.path], cache.key, cache.timeoutMs)
  rt.info(`The ${what} ${cache.image} is kept in the GitHub cache as ${cache.key}`)
}

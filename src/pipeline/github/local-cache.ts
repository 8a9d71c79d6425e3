// The local cache directory's round trip through the GitHub cache: restored before the build,
// rotated and saved in post.
import { existsSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import type { LocalCache } from '../../core/builder/cache-plan.js'
import { restorePaths, savePaths } from './github-cache.js'

export const restoreLocalCache = (local: LocalCache) => restorePaths([local.dir], local.key, local.restoreKeys, local.timeoutMs)

/** Swap in what this build exported, then save it under the run's key. */
export async function saveLocalCache(local: LocalCache): Promise<boolean> {
  if (!existsSync(local.nextDir)) return false
  await rm(local.dir, { recursive: true, force: true })
  await rename(local.nextDir, local.dir)
  await savePaths([local.dir], local.key, local.timeoutMs)
  return true
}

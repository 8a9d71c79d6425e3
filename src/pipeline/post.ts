// The post step: save cache, remove the builder main created, log out. Every cleanup is
// its own try; a failure is a warning, never a failed job.
import { saveLocalCache } from './github/local-cache.js'
import { saveCachedImage } from './github/image-cache.js'
import { logoutArgs, removeBuilderArgs } from '../core/builder/args.js'
import { mustRun, withBuildx } from './host/docker.js'
import type { Runtime } from './host/runtime.js'
import { errorMessage } from '../core/errors.js'
import { removeVerifyLeftovers } from './builder/verify.js'

export async function post(rt: Runtime): Promise<void> {
  const state = rt.postState()
  // The builder is removed with the buildx that created it.
  rt = { ...rt, docker: withBuildx(rt.docker, state.buildx) }
  const cleanup = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await rt.group(what, fn)
    } catch (e) {
      rt.warning(`${what} failed: ${errorMessage(e)}`)
    }
  }

  const local = state.localCache
  if (local?.noSave) rt.info(`Cache not saved: ${local.noSave}`)
  else if (local) {
    await cleanup('Save cache', async () =>
      rt.info((await saveLocalCache(local)) ? `Cache saved as ${local.key}` : 'The build exported no cache; nothing to save')
    )
  }
  const binfmt = state.binfmtCache
  if (binfmt) await cleanup('Save binfmt image', () => saveCachedImage(rt, binfmt, 'binfmt image'))
  const buildkit = state.buildkitCache
  if (buildkit) await cleanup('Save builder image', () => saveCachedImage(rt, buildkit, 'builder image'))
  const verifyKey = state.verifyKey
  if (verifyKey)
    await cleanup('Remove verify containers', () =>
      removeVerifyLeftovers(rt, verifyKey, [...(state.verifyImage ? [state.verifyImage] : []), ...(state.verifyPulled ?? [])])
    )
  const builder = state.builder
  if (builder) await cleanup(`Remove builder ${builder}`, () => mustRun(rt.docker, removeBuilderArgs(builder), 'Removing the builder'))
  for (const registry of state.logouts ?? [])
    await cleanup(`Log out of ${registry}`, () => mustRun(rt.docker, logoutArgs(registry), 'Logging out'))
}

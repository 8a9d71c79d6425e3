// The post step: save cache, remove the builder main created, log out. Every cleanup is
// its own try; a failure is a warning, never a failed job.
import { saveLocalCache, type LocalCache } from './cache.js'
import { saveBinfmtImage, type BinfmtCache } from './qemu.js'
import { logoutArgs, removeBuilderArgs } from './args.js'
import { mustRun, withBuildx } from './docker.js'
import { STATE, errorMessage, type Runtime } from './runtime.js'

export async function post(rt: Runtime): Promise<void> {
  // The builder is removed with the buildx that created it.
  rt = { ...rt, docker: withBuildx(rt.docker, rt.getState(STATE.buildx) || undefined) }
  const json = <T>(name: string): T | undefined => {
    const value = rt.getState(name)
    return value ? (JSON.parse(value) as T) : undefined
  }
  const cleanup = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await rt.group(what, fn)
    } catch (e) {
      rt.warning(`${what} failed: ${errorMessage(e)}`)
    }
  }

  const local = json<LocalCache>(STATE.localCache)
  if (local) {
    await cleanup('Save cache', async () => rt.info((await saveLocalCache(local)) ? `Cache saved as ${local.key}` : 'The build exported no cache; nothing to save'))
  }
  const binfmt = json<BinfmtCache>(STATE.binfmtCache)
  if (binfmt) await cleanup('Save binfmt image', () => saveBinfmtImage(rt, binfmt))
  const builder = rt.getState(STATE.builder)
  if (builder) await cleanup(`Remove builder ${builder}`, () => mustRun(rt.docker, removeBuilderArgs(builder), 'Removing the builder'))
  const registry = rt.getState(STATE.logout)
  if (registry) await cleanup(`Log out of ${registry}`, () => mustRun(rt.docker, logoutArgs(registry), 'Logging out'))
}

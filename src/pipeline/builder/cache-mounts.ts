// Cache mounts carried across runs through the GitHub cache: each mount's archive is restored
// and unpacked into the builder before the build; after it, each mount is listed, and only one
// whose listing changed is packed and saved under a key that carries its new sum. Every fault
// here is a warning: the build runs with whatever the mounts hold.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { mountKey, mountKeyPrefix, restoreDockerfile, sumDockerfile, sumOfKey, type MountsPlan } from '../../core/cache-mounts.js'
import { helperBuildArgs } from '../../core/args.js'
import { errorMessage } from '../../core/errors.js'
import { lastLines } from '../host/docker.js'
import { githubCacheAvailable, restorePaths, savePaths } from '../github/github-cache.js'
import type { Runtime } from '../host/runtime.js'

/** What became of one mount: the sum it was restored with ('' for none), and the bytes moved each way. */
export interface MountUse {
  id: string
  restoredSum: string
  restoredBytes: number
  /** Bytes saved; 0 when unchanged, not written, or failed (see `note`). */
  savedBytes: number
  note?: string
  /** The restore met a failing cache service: the save does not ask it again (another ~25 s of its retries). */
  serviceFailed?: boolean
}

const size = async (path: string) => (await stat(path).catch(() => undefined))?.size ?? 0

/** One helper build; `context` is what its RUN lines bind (the archives to unpack), else an empty directory. */
async function helperBuild(
  rt: Runtime,
  builder: string,
  plan: MountsPlan,
  dockerfile: string,
  output: string,
  context?: string
): Promise<void> {
  const file = join(plan.dir, `helper-${Date.now()}.Dockerfile`)
  await writeFile(file, dockerfile)
  const empty = join(plan.dir, 'empty')
  await mkdir(empty, { recursive: true })
  const { code, stderr } = await rt.docker(helperBuildArgs(builder, file, context ?? empty, output, String(Date.now())), { quiet: true })
  if (code !== 0) throw new Error(lastLines(stderr, 5) || `docker buildx build exited ${code}`)
}

/** Restore each mount's newest archive of this scope and unpack them all into the builder in one build. */
export async function restoreMounts(rt: Runtime, plan: MountsPlan, builder: string): Promise<MountUse[]> {
  const uses: MountUse[] = plan.mounts.map(({ mount }) => ({ id: mount.id, restoredSum: '', restoredBytes: 0, savedBytes: 0 }))
  if (!plan.mounts.length) return uses
  try {
    if (!(await githubCacheAvailable())) {
      rt.info('cache-mounts: this run has no GitHub cache service; the mounts start as the builder has them')
      return uses
    }
    await mkdir(plan.dir, { recursive: true })
    const restored: typeof plan.mounts = []
    for (const [i, entry] of plan.mounts.entries()) {
      const prefix = mountKeyPrefix(plan.scope, entry.file)
      const archive = join(plan.dir, `${entry.file}.tar`)
      const key = await restorePaths([archive], prefix, [prefix])
      if (!key) continue
      uses[i].restoredSum = sumOfKey(key, prefix)
      uses[i].restoredBytes = await size(archive)
      restored.push(entry)
    }
    if (restored.length) await helperBuild(rt, builder, plan, restoreDockerfile(plan.helper, restored), 'type=cacheonly', plan.dir)
    for (const use of uses)
      rt.info(use.restoredSum ? `cache mount ${use.id}: restored ${use.restoredBytes} bytes` : `cache mount ${use.id}: nothing saved yet`)
  } catch (e) {
    rt.warning(
      `cache-mounts: restoring failed; the build runs with what the mounts hold, and they are not saved this run: ${errorMessage(e)}`
    )
    for (const use of uses)
      Object.assign(use, { restoredSum: '', restoredBytes: 0, serviceFailed: true, note: 'not saved: the restore failed' })
  }
  return uses
}

/** List every mount; pack and save the ones whose listing changed since they were restored. */
export async function saveMounts(rt: Runtime, plan: MountsPlan, builder: string, uses: MountUse[]): Promise<MountUse[]> {
  if (!plan.mounts.length) return uses
  if (!plan.write.write) return uses.map(u => ({ ...u, note: `not written: ${plan.write.why}` }))
  if (uses.some(u => u.serviceFailed)) return uses
  try {
    if (!(await githubCacheAvailable())) return uses
    const sums = join(plan.dir, 'sums')
    await helperBuild(rt, builder, plan, sumDockerfile(plan.helper, plan.mounts, false), `type=local,dest=${sums}`)
    const changed = []
    for (const [i, entry] of plan.mounts.entries()) {
      const sum = (await readFile(join(sums, `${entry.file}.sum`), 'utf8')).trim()
      if (sum.slice(0, 16) === uses[i].restoredSum) uses[i] = { ...uses[i], note: 'unchanged: not saved' }
      else changed.push({ i, entry, sum })
    }
    if (!changed.length) return uses
    const packed = join(plan.dir, 'packed')
    await helperBuild(
      rt,
      builder,
      plan,
      sumDockerfile(
        plan.helper,
        changed.map(c => c.entry),
        true
      ),
      `type=local,dest=${packed}`
    )
    for (const { i, entry } of changed) {
      // The sum of what was packed (the mount may have changed between the two builds).
      const sum = (await readFile(join(packed, `${entry.file}.sum`), 'utf8')).trim()
      const archive = join(plan.dir, `${entry.file}.tar`)
      await rm(archive, { force: true })
      await rename(join(packed, `${entry.file}.tar`), archive)
      try {
        await savePaths([archive], mountKey(plan.scope, entry.file, sum))
        uses[i] = { ...uses[i], savedBytes: await size(archive) }
        rt.info(`cache mount ${entry.mount.id}: saved ${uses[i].savedBytes} bytes`)
      } catch (e) {
        uses[i] = { ...uses[i], note: `failed: ${errorMessage(e)}` }
        rt.warning(`cache-mounts: saving ${entry.mount.id} failed: ${errorMessage(e)}`)
      }
    }
  } catch (e) {
    rt.warning(`cache-mounts: saving failed; the next run starts from what was saved before: ${errorMessage(e)}`)
  }
  return uses
}

// Cache mounts carried across runs through the GitHub cache: each mount's archive is restored
// and unpacked into the builder before the build; after it, each mount is listed, and only one
// whose listing changed is packed and saved under a key that carries its new sum. Every fault
// here is a warning: the build runs with whatever the mounts hold.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  mountKey,
  mountKeyPrefix,
  restoreDockerfile,
  restoreFromImageDockerfile,
  sumDockerfile,
  sumOfKey,
  type MountsPlan
} from '../../core/cache-mounts.js'
import { repositoryOf } from '../../core/reference.js'
import { publish } from '../registry/publish.js'
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
  context?: string,
  metadataFile?: string
): Promise<void> {
  await mkdir(plan.dir, { recursive: true })
  const file = join(plan.dir, `helper-${Date.now()}.Dockerfile`)
  await writeFile(file, dockerfile)
  const empty = join(plan.dir, 'empty')
  await mkdir(empty, { recursive: true })
  const args = helperBuildArgs(builder, file, context ?? empty, output, String(Date.now()), metadataFile)
  const { code, stderr } = await rt.docker(args, { quiet: true })
  if (code !== 0) throw new Error(lastLines(stderr, 5) || `docker buildx build exited ${code}`)
}

/** Restore each mount's newest archive of this scope and unpack them all into the builder in one build. */
export async function restoreMounts(rt: Runtime, plan: MountsPlan, builder: string): Promise<MountUse[]> {
  const uses: MountUse[] = plan.mounts.map(({ mount }) => ({ id: mount.id, restoredSum: '', restoredBytes: 0, savedBytes: 0 }))
  if (!plan.mounts.length) return uses
  try {
    if (plan.store === 'registry') return await restoreFromImage(rt, plan, builder, uses)
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

/** The registry store: one build unpacks every archive from the saved image and hands back their sums and sizes. */
async function restoreFromImage(rt: Runtime, plan: MountsPlan, builder: string, uses: MountUse[]): Promise<MountUse[]> {
  const out = join(plan.dir, 'restored')
  try {
    await helperBuild(rt, builder, plan, restoreFromImageDockerfile(plan.helper, plan.image, plan.mounts), `type=local,dest=${out}`)
  } catch (e) {
    // No image yet, or one saved before this mount was added: a cold start, not a fault.
    if (!/not found|manifest unknown|no such file|404/i.test(errorMessage(e))) throw e
    rt.info(`cache-mounts: ${plan.image} holds none of them yet`)
    return uses
  }
  for (const [i, { file }] of plan.mounts.entries()) {
    uses[i].restoredSum = (await readFile(join(out, `${file}.sum`), 'utf8')).trim().slice(0, 16)
    uses[i].restoredBytes = Number((await readFile(join(out, `${file}.size`), 'utf8')).trim()) || 0
    rt.info(`cache mount ${uses[i].id}: restored ${uses[i].restoredBytes} bytes from ${plan.image}`)
  }
  return uses
}

/** The registry store: every mount packed into one image, pushed as the action pushes a layout, then tagged. */
async function saveToImage(rt: Runtime, plan: MountsPlan, builder: string, uses: MountUse[]): Promise<MountUse[]> {
  const layout = join(plan.dir, 'layout')
  const metadataFile = join(plan.dir, 'packed.json')
  await rm(layout, { recursive: true, force: true })
  await helperBuild(
    rt,
    builder,
    plan,
    sumDockerfile(plan.helper, plan.mounts, true),
    `type=oci,dest=${layout},tar=false`,
    undefined,
    metadataFile
  )
  const digest = (JSON.parse(await readFile(metadataFile, 'utf8')) as Record<string, string>)['containerimage.digest']
  await publish(rt, digest, [repositoryOf(plan.image)], [plan.image], layout)
  // One image holds every mount: its layer's size is what was saved, for all of them together.
  const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8')) as { manifests: { digest: string }[] }
  const blob = (digest: string) => join(layout, 'blobs', 'sha256', digest.slice('sha256:'.length))
  const manifest = JSON.parse(await readFile(blob(index.manifests[0].digest), 'utf8')) as { layers?: { size: number }[] }
  const bytes = (manifest.layers ?? []).reduce((sum, l) => sum + l.size, 0)
  return uses.map(u => ({ ...u, note: `saved to ${plan.image}: ${bytes} bytes (compressed), every mount in one image` }))
}

/** List every mount; pack and save the ones whose listing changed since they were restored. */
export async function saveMounts(rt: Runtime, plan: MountsPlan, builder: string, uses: MountUse[]): Promise<MountUse[]> {
  if (!plan.mounts.length) return uses
  if (!plan.write.write) return uses.map(u => ({ ...u, note: `not written: ${plan.write.why}` }))
  if (uses.some(u => u.serviceFailed)) return uses
  try {
    if (plan.store === 'gha' && !(await githubCacheAvailable())) return uses
    const sums = join(plan.dir, 'sums')
    await helperBuild(rt, builder, plan, sumDockerfile(plan.helper, plan.mounts, false), `type=local,dest=${sums}`)
    const changed = []
    for (const [i, entry] of plan.mounts.entries()) {
      const sum = (await readFile(join(sums, `${entry.file}.sum`), 'utf8')).trim()
      if (sum.slice(0, 16) === uses[i].restoredSum) uses[i] = { ...uses[i], note: 'unchanged: not saved' }
      else changed.push({ i, entry, sum })
    }
    if (!changed.length) return uses
    if (plan.store === 'registry') {
      const saved = await saveToImage(rt, plan, builder, uses)
      rt.info(`cache mounts: ${saved[0].note}`)
      return saved
    }
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

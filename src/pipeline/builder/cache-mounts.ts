// Cache mounts carried across runs through the GitHub cache: each mount's archive is restored
// and unpacked into the builder before the build, in one helper build; after it, one helper
// build lists every mount and packs only one whose listing changed, which is saved under a key
// that carries its new sum. Every fault
// here is a warning: the build runs with whatever the mounts hold.
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  archiveName,
  mountKey,
  mountKeyPrefix,
  restoreDockerfile,
  restoreFromImageDockerfile,
  sumDockerfile,
  sumOfKey,
  type CacheMount,
  type MountsPlan
} from '../../core/builder/cache-mounts.js'
import { repositoryOf } from '../../core/registry/reference.js'
import { publish } from '../registry/publish.js'
import { helperBuildArgs } from '../../core/builder/args.js'
import { errorMessage } from '../../core/errors.js'
import { lastLines } from '../host/docker.js'
import { githubCacheAvailable, restorePaths, savePaths } from '../github/github-cache.js'
import type { Runtime } from '../host/runtime.js'
import { isIndex, layerTotals, parseIndex, parseManifest } from '../../core/registry/image.js'

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

/** Whether a file starts with gzip's magic bytes. */
async function isGzip(path: string): Promise<boolean> {
  const file = await open(path, 'r')
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(2), 0, 2, 0)
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b
  } finally {
    await file.close()
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const size = async (path: string) => (await stat(path).catch(() => undefined))?.size ?? 0

/** One helper build; `context` is what its RUN lines bind (the archives to unpack), else an empty directory. */
async function helperBuild(
  rt: Runtime,
  builder: string,
  plan: MountsPlan,
  dockerfile: string,
  output: string,
  options: { context?: string; metadataFile?: string; buildArgs?: string[] } = {}
): Promise<void> {
  await mkdir(plan.dir, { recursive: true })
  const file = join(plan.dir, `helper-${Date.now()}.Dockerfile`)
  await writeFile(file, dockerfile)
  const empty = join(plan.dir, 'empty')
  await mkdir(empty, { recursive: true })
  const buildArgs = [`NONCE=${Date.now()}`, ...(options.buildArgs ?? [])]
  const args = helperBuildArgs(builder, file, options.context ?? empty, output, buildArgs, options.metadataFile)
  const { code, stderr } = await rt.docker(args, { quiet: true })
  await rm(file, { force: true })
  // With step debug logging on (RUNNER_DEBUG), the helper build's own progress, to see where it spends its time.
  if (rt.env.RUNNER_DEBUG === '1') rt.info(stderr)
  if (code !== 0) throw new Error(lastLines(stderr, 5) || `docker buildx build exited ${code}`)
}

/** The archives, alone in a directory: it is the restore's build context, sent whole to the builder. */
const archivesDir = (plan: MountsPlan) => join(plan.dir, 'archives')

/** Restore each mount's newest archive of this scope (all at once) and unpack them all into the builder in one step. */
export async function restoreMounts(rt: Runtime, plan: MountsPlan, builder: string): Promise<MountUse[]> {
  const uses: MountUse[] = plan.mounts.map(({ mount }) => ({ id: mount.id, restoredSum: '', restoredBytes: 0, savedBytes: 0 }))
  if (!plan.mounts.length) return uses
  try {
    if (plan.store === 'registry') return await restoreFromImage(rt, plan, builder, uses)
    if (!(await githubCacheAvailable())) {
      rt.info('cache-mounts: this run has no GitHub cache service; the mounts start as the builder has them')
      return uses
    }
    const dir = archivesDir(plan)
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    const started = Date.now()
    const keys = await Promise.all(
      plan.mounts.map(entry => {
        const prefix = mountKeyPrefix(plan.scope, entry.file)
        return restorePaths([join(dir, archiveName(entry.file))], prefix, [prefix], plan.timeoutMs)
      })
    )
    const restored: { mount: CacheMount; file: string; gzip: boolean }[] = []
    for (const [i, entry] of plan.mounts.entries()) {
      if (!keys[i]) continue
      const archive = join(dir, archiveName(entry.file))
      uses[i].restoredSum = sumOfKey(keys[i], mountKeyPrefix(plan.scope, entry.file))
      uses[i].restoredBytes = await size(archive)
      restored.push({ ...entry, gzip: await isGzip(archive) })
    }
    const downloaded = Date.now()
    if (restored.length) await helperBuild(rt, builder, plan, restoreDockerfile(plan.helper, restored), 'type=cacheonly', { context: dir })
    // The archives were sent to the builder: the runner's disk needs them no more.
    await rm(dir, { recursive: true, force: true })
    for (const use of uses)
      rt.info(use.restoredSum ? `cache mount ${use.id}: restored ${use.restoredBytes} bytes` : `cache mount ${use.id}: nothing saved yet`)
    if (restored.length)
      rt.info(
        `cache mounts: downloaded in ${seconds(downloaded - started)}, unpacked in the builder in ${seconds(Date.now() - downloaded)}`
      )
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
  await helperBuild(rt, builder, plan, sumDockerfile(plan.helper, plan.mounts, 'all', false), `type=oci,dest=${layout},tar=false`, {
    metadataFile
  })
  const digest = (JSON.parse(await readFile(metadataFile, 'utf8')) as Record<string, string>)['containerimage.digest']
  await publish(rt, digest, [repositoryOf(plan.image)], [plan.image], layout)
  // One image holds every mount: its layer's size is what was saved, for all of them together.
  const index = parseIndex(await readFile(join(layout, 'index.json')), 'the mounts image layout')
  const blob = (digest: string) => join(layout, 'blobs', 'sha256', digest.slice('sha256:'.length))
  const manifest = parseManifest(await readFile(blob(index.manifests[0].digest)), 'the mounts image')
  const bytes = isIndex(manifest) ? 0 : layerTotals(manifest).size
  return uses.map(u => ({ ...u, note: `saved to ${plan.image}: ${bytes} bytes (compressed), every mount in one image` }))
}

/**
 * List every mount and pack the ones whose listing changed since they were restored, in one
 * build (an unchanged mount is listed only), then save each packed one under its new sum.
 */
export async function saveMounts(rt: Runtime, plan: MountsPlan, builder: string, uses: MountUse[]): Promise<MountUse[]> {
  if (!plan.mounts.length) return uses
  if (!plan.write.write) return uses.map(u => ({ ...u, note: `not written: ${plan.write.why}` }))
  if (uses.some(u => u.serviceFailed)) return uses
  try {
    if (plan.store === 'gha' && !(await githubCacheAvailable())) return uses
    const packed = join(plan.dir, 'packed')
    await rm(packed, { recursive: true, force: true })
    // The registry keeps every mount in one image: it is packed whole, and only when one changed.
    const pack = plan.store === 'registry' ? 'none' : 'changed'
    const sums = plan.mounts.map(({ file }, i) => `${file}=${uses[i].restoredSum}`).join(' ')
    await helperBuild(rt, builder, plan, sumDockerfile(plan.helper, plan.mounts, pack), `type=local,dest=${packed}`, {
      buildArgs: [`SUMS=${sums}`]
    })
    const changed = []
    for (const [i, entry] of plan.mounts.entries()) {
      const sum = (await readFile(join(packed, `${entry.file}.sum`), 'utf8')).trim()
      if (sum.slice(0, 16) === uses[i].restoredSum) uses[i] = { ...uses[i], note: 'unchanged: not saved' }
      else changed.push({ i, entry, sum })
    }
    if (!changed.length) return uses
    if (plan.store === 'registry') {
      const saved = await saveToImage(rt, plan, builder, uses)
      rt.info(`cache mounts: ${saved[0].note}`)
      return saved
    }
    await mkdir(archivesDir(plan), { recursive: true })
    for (const { i, entry, sum } of changed) {
      const archive = join(archivesDir(plan), archiveName(entry.file))
      await rm(archive, { force: true })
      await rename(join(packed, archiveName(entry.file)), archive)
      try {
        await savePaths([archive], mountKey(plan.scope, entry.file, sum), plan.timeoutMs)
        uses[i] = { ...uses[i], savedBytes: await size(archive) }
        rt.info(`cache mount ${entry.mount.id}: saved ${uses[i].savedBytes} bytes`)
      } catch (e) {
        uses[i] = { ...uses[i], note: `failed: ${errorMessage(e)}` }
        rt.warning(`cache-mounts: saving ${entry.mount.id} failed: ${errorMessage(e)}`)
      }
    }
    await rm(packed, { recursive: true, force: true })
  } catch (e) {
    rt.warning(`cache-mounts: saving failed; the next run starts from what was saved before: ${errorMessage(e)}`)
  }
  return uses
}

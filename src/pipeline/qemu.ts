// QEMU user emulation: which requested platforms need an emulator, which are already
// registered with binfmt_misc, and registering the missing ones.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { restorePaths, savePaths } from './github-cache.js'
import type { Inputs } from '../core/inputs.js'
import { type Runtime, errorMessage } from './runtime.js'
import { binfmtArgs } from '../core/args.js'
import { mustRun } from './docker.js'

export const BINFMT_DIR = '/proc/sys/fs/binfmt_misc'

/** linux/<arch> names of the machine's own architecture (and what it runs natively). */
export function nativePlatforms(arch = process.arch): string[] {
  switch (arch) {
    case 'x64':
      return ['linux/amd64', 'linux/386']
    case 'arm64':
      return ['linux/arm64', 'linux/arm/v7', 'linux/arm/v6']
    default:
      return []
  }
}

/** binfmt_misc entry name for a platform, and tonistiigi/binfmt's name for it. */
export function emulatorFor(platform: string): { entry: string; arch: string } | undefined {
  const arch = platform.split('/')[1]
  const table: Record<string, { entry: string; arch: string }> = {
    amd64: { entry: 'qemu-x86_64', arch: 'amd64' },
    arm64: { entry: 'qemu-aarch64', arch: 'arm64' },
    arm: { entry: 'qemu-arm', arch: 'arm' },
    '386': { entry: 'qemu-i386', arch: '386' },
    riscv64: { entry: 'qemu-riscv64', arch: 'riscv64' },
    ppc64le: { entry: 'qemu-ppc64le', arch: 'ppc64le' },
    s390x: { entry: 'qemu-s390x', arch: 's390x' },
    mips64le: { entry: 'qemu-mips64el', arch: 'mips64le' },
    loong64: { entry: 'qemu-loongarch64', arch: 'loong64' }
  }
  return table[arch]
}

export function isRegistered(entry: string, dir = BINFMT_DIR): boolean {
  const file = join(dir, entry)
  return existsSync(file) && readFileSync(file, 'utf8').startsWith('enabled')
}

export interface EmulationNeed {
  /** Platforms that need an emulator. */
  emulated: string[]
  /** Of those, the ones without a registered emulator. */
  missing: string[]
  /** Platforms no emulator is known for. */
  unknown: string[]
}

export function emulationNeed(platforms: string[], registered: (entry: string) => boolean, native = nativePlatforms()): EmulationNeed {
  const emulated = platforms.filter(p => !native.includes(p))
  const unknown = emulated.filter(p => !emulatorFor(p))
  const missing = emulated.filter(p => {
    const e = emulatorFor(p)
    return e && !registered(e.entry)
  })
  return { emulated, missing, unknown }
}

export function unavailableMessage(platforms: string[], image: string, reason: string): string {
  return (
    `QEMU: cannot emulate ${platforms.join(', ')} on this ${nativePlatforms()[0] ?? process.arch} runner (${reason}). ` +
    `Remedies: let the action register emulators (qemu: auto, needs docker with --privileged and the image ${image}), ` +
    `set qemu-image to an image your runner can pull, build those platforms on native runners, or drop them from 'platforms'.`
  )
}

export interface BinfmtCache {
  image: string
  path: string
  key: string
}

export function binfmtCacheFor(image: string, temp: string): BinfmtCache {
  const name = image.replace(/[^A-Za-z0-9._-]+/g, '-')
  return { image, path: join(temp, 'ci-base-action-binfmt', `${name}.tar`), key: `ci-base-action-binfmt-${name}` }
}

/**
 * Register the emulators the build needs. Already-registered ones cost nothing; the binfmt
 * image is kept in the GitHub cache so later runs do not pull it again.
 */
export async function setupQemu(rt: Runtime, inputs: Inputs, temp: string, dir = BINFMT_DIR): Promise<void> {
  const need = emulationNeed(inputs.platforms, e => isRegistered(e, dir))
  if (need.unknown.length) rt.warning(`QEMU: no emulator is known for ${need.unknown.join(', ')}; the build may fail there.`)
  const toInstall = inputs.qemu === 'true' ? need.emulated.filter(p => emulatorFor(p)) : need.missing
  if (inputs.qemu === 'false' || toInstall.length === 0) {
    if (need.missing.length && inputs.qemu === 'false') {
      rt.warning(unavailableMessage(need.missing, inputs.qemuImage, 'qemu is false and no emulator is registered'))
    } else {
      rt.info(
        need.emulated.length ? `QEMU: emulators already registered for ${need.emulated.join(', ')}` : 'QEMU: every platform is native'
      )
    }
    return
  }
  const image = inputs.qemuImage
  const present = (await rt.docker(['image', 'inspect', image], { quiet: true })).code === 0
  const cache = binfmtCacheFor(image, temp)
  if (!present && !(await loadCachedImage(rt, cache))) rt.remember({ binfmtCache: cache })
  const arches = [...new Set(toInstall.map(p => emulatorFor(p)!.arch))]
  const result = await rt.docker(binfmtArgs(image, arches))
  const still = emulationNeed(inputs.platforms, e => isRegistered(e, dir)).missing
  if (result.code !== 0 || still.length) {
    const said = result.stderr.split('\n').filter(l => l.trim() && !/^(Run 'docker|Unable to find image)/.test(l))
    const reason =
      result.code !== 0 ? `${image} exited ${result.code}: ${said.pop() ?? 'no output'}` : 'the emulators are still not registered'
    throw new Error(unavailableMessage(still.length ? still : toInstall, image, reason))
  }
  rt.info(`QEMU: registered emulators for ${toInstall.join(', ')}`)
}

async function loadCachedImage(rt: Runtime, cache: BinfmtCache): Promise<boolean> {
  try {
    if (!(await restorePaths([cache.path], cache.key))) return false
    await mustRun(rt.docker, ['load', '--input', cache.path], 'Loading the cached binfmt image', { quiet: true })
    return true
  } catch (e) {
    rt.warning(`QEMU: could not restore the binfmt image from cache: ${errorMessage(e)}`)
    return false
  }
}

/** Post: keep the pulled binfmt image for the next run. */
export async function saveBinfmtImage(rt: Runtime, cache: BinfmtCache): Promise<void> {
  await mkdir(dirname(cache.path), { recursive: true })
  await mustRun(rt.docker, ['save', '--output', cache.path, cache.image], 'Saving the binfmt image', { quiet: true })
  await savePaths([cache.path], cache.key)
}

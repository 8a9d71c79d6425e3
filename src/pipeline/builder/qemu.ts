// QEMU user emulation: which requested platforms need an emulator, which are already
// registered with binfmt_misc, and registering the missing ones.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { emulationNeed, emulatorFor, unavailableMessage } from '../../core/builder/emulation.js'
import { readyImage } from '../github/image-cache.js'
import { type Inputs } from '../../core/inputs/inputs.js'
import type { Runtime } from '../host/runtime.js'
import { binfmtArgs } from '../../core/builder/args.js'

const BINFMT_DIR = '/proc/sys/fs/binfmt_misc'

function isRegistered(entry: string, dir = BINFMT_DIR): boolean {
  const file = join(dir, entry)
  return existsSync(file) && readFileSync(file, 'utf8').startsWith('enabled')
}

/**
 * Register the emulators the build needs. Already-registered ones cost nothing; the binfmt
 * image is kept in the GitHub cache so later runs do not pull it again.
 */
export async function setupQemu(
  rt: Runtime,
  inputs: Pick<Inputs, 'platforms' | 'qemu' | 'qemuImage' | 'cacheTimeoutMs'>,
  temp: string,
  dir = BINFMT_DIR
): Promise<void> {
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
  const { name, save } = await readyImage(rt, 'binfmt', image, temp, 'binfmt image', inputs.cacheTimeoutMs)
  if (save) rt.remember({ binfmtCache: save })
  const arches = [...new Set(toInstall.map(p => emulatorFor(p)!.arch))]
  const result = await rt.docker(binfmtArgs(name, arches))
  const still = emulationNeed(inputs.platforms, e => isRegistered(e, dir)).missing
  if (result.code !== 0 || still.length) {
    const said = result.stderr.split('\n').filter(l => l.trim() && !/^(Run 'docker|Unable to find image)/.test(l))
    const reason =
      result.code !== 0 ? `${image} exited ${result.code}: ${said.pop() ?? 'no output'}` : 'the emulators are still not registered'
    throw new Error(unavailableMessage(still.length ? still : toInstall, image, reason))
  }
  rt.info(`QEMU: registered emulators for ${toInstall.join(', ')}`)
}

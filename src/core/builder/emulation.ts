// QEMU user emulation, decided: which platforms need an emulator, which of them lack one, and
// where the binfmt image is kept between runs. Pure.

/** linux/<arch> names of the machine's own architecture (and what it runs natively). */
function nativePlatforms(arch = process.arch): string[] {
  switch (arch) {
    case 'x64':
      return ['linux/amd64', 'linux/386']
    case 'arm64':
      return ['linux/arm64', 'linux/arm/v7', 'linux/arm/v6']
    default:
      return []
  }
}

/** The runner's own platform, as BuildKit names it. */
export const runnerPlatform = () => nativePlatforms()[0] ?? `linux/${process.arch}`

/** The machine a platform runs on without QEMU: its architecture, the 32-bit one it carries folded in. */
export function machineOf(platform: string): string {
  const arch = platform.split('/')[1] ?? ''
  return ({ '386': 'amd64', arm: 'arm64' } as Record<string, string>)[arch] ?? arch
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

interface EmulationNeed {
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
    `QEMU: cannot emulate ${platforms.join(', ')} on this ${runnerPlatform()} runner (${reason}). ` +
    `Remedies: let the action register emulators (qemu: auto, needs docker with --privileged and the image ${image}), ` +
    `set qemu-image to an image your runner can pull, build those platforms on native runners, or drop them from 'platforms'.`
  )
}

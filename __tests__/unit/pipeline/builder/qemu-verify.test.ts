// qemu.ts and verify.ts without the docker engine: a binfmt_misc directory of the test's own and
// a scripted docker. What is checked is what each does with docker's answers.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setupQemu } from '../../../../src/pipeline/builder/qemu'
import { verifyImage } from '../../../../src/pipeline/builder/verify'
import { INPUT_DEFAULTS, parseInputs, type RawInputs } from '../../../../src/core/inputs/inputs'
import { host } from '../../../support/scripted-host'

const inputs = (over: Partial<RawInputs>) => parseInputs({ ...INPUT_DEFAULTS, ...over })
const binfmt = () => mkdtempSync(join(tmpdir(), 'binfmt-'))
const register = (dir: string, entry = 'qemu-aarch64') => writeFileSync(join(dir, entry), 'enabled\ninterpreter /usr/bin/qemu-aarch64\n')

describe('setupQemu', () => {
  test('an emulator already registered costs nothing: no docker at all', async () => {
    const dir = binfmt()
    register(dir)
    const h = host(() => ({ code: 0 }))
    await setupQemu(h.rt, inputs({ platforms: 'linux/amd64,linux/arm64' }), tmpdir(), dir)
    expect(h.calls).toEqual([])
    expect(h.infos).toEqual(['QEMU: emulators already registered for linux/arm64'])
  })

  test('a missing one is installed from the binfmt image, only for the arches that lack it', async () => {
    const dir = binfmt()
    const h = host(argv => (argv.includes('--install') ? { code: 0, write: () => register(dir) } : { code: 0 }))
    await setupQemu(h.rt, inputs({ platforms: 'linux/amd64,linux/arm64', 'qemu-image': 'mirror/binfmt:10' }), tmpdir(), dir)
    expect(h.calls).toEqual(['docker image inspect mirror/binfmt:10', 'docker run --privileged --rm mirror/binfmt:10 --install arm64'])
    expect(h.infos).toEqual(['QEMU: registered emulators for linux/arm64'])
  })

  test('an image that cannot be had: one error naming the platform, the reason and the remedies', async () => {
    const dir = binfmt()
    const h = host(argv =>
      argv.includes('--install') ? { code: 125, stderr: 'Unable to find image locally\ndial tcp: no such host' } : { code: 1 }
    )
    await expect(setupQemu(h.rt, inputs({ platforms: 'linux/arm64', 'qemu-image': 'mirror/binfmt:10' }), tmpdir(), dir)).rejects.toThrow(
      /QEMU: cannot emulate linux\/arm64 on this .* runner \(mirror\/binfmt:10 exited 125: dial tcp: no such host\)\. Remedies:/
    )
  })

  test('qemu: false with a platform that needs one: a warning, and the build goes on', async () => {
    const h = host(() => ({ code: 0 }))
    await setupQemu(h.rt, inputs({ platforms: 'linux/arm64', qemu: 'false' }), tmpdir(), binfmt())
    expect(h.calls).toEqual([])
    expect(h.warnings.join('\n')).toMatch(/cannot emulate linux\/arm64 .*qemu is false and no emulator is registered/)
  })
})

describe('verifyImage', () => {
  const target = (platform: string, user = '') => ({ platform, ref: `r/x@sha256:${platform.slice(-5)}`, user })

  test('every command on every platform, by digest after pulling it, labelled with the run; exit codes decide', async () => {
    const h = host(argv =>
      argv[1] === 'image' && argv[2] === 'inspect'
        ? { code: 1 }
        : argv[1] === 'run' && argv.includes('linux/arm64')
          ? { code: 3, stdout: 'aarch64' }
          : { code: 0, stdout: 'ok' }
    )
    const v = await verifyImage(
      h.rt,
      inputs({ verify: 'uname -m', platforms: 'linux/amd64,linux/arm64' }),
      [target('linux/amd64'), target('linux/arm64')],
      true,
      'k'
    )
    expect(h.calls.filter(c => c.startsWith('docker pull'))).toEqual([
      'docker pull --quiet --platform linux/amd64 r/x@sha256:amd64',
      'docker pull --quiet --platform linux/arm64 r/x@sha256:arm64'
    ])
    expect(h.calls.filter(c => c.startsWith('docker run'))[1]).toBe(
      'docker run --rm --name k-2 --label ci-base-action.verify=k --platform linux/arm64 r/x@sha256:arm64 uname -m'
    )
    expect(v.results.map(r => [r.platform, r.passed, r.exitCode, r.output])).toEqual([
      ['linux/amd64', true, 0, 'ok'],
      ['linux/arm64', false, 3, 'aarch64']
    ])
    // What it pulled it removes, after the last command.
    expect(h.calls.slice(-2)).toEqual(['docker image rm r/x@sha256:amd64', 'docker image rm r/x@sha256:arm64'])
  })

  test('an image the engine already holds is neither pulled nor removed; the one it pulled is', async () => {
    const h = host(argv =>
      argv[1] === 'image' && argv[2] === 'inspect' ? { code: argv.includes('r/x@sha256:amd64') ? 0 : 1 } : { code: 0 }
    )
    await verifyImage(h.rt, inputs({ verify: 'true' }), [target('linux/amd64'), target('linux/arm64')], true, 'k')
    expect(h.calls.filter(c => /^docker (pull|image rm)/.test(c))).toEqual([
      'docker pull --quiet --platform linux/arm64 r/x@sha256:arm64',
      'docker image rm r/x@sha256:arm64'
    ])
  })

  test('require-non-root: a numeric non-zero user passes without a look inside; a named one is looked up in /etc/passwd', async () => {
    const passwd = 'root:x:0:0::/root:/bin/sh\nnodejs:x:1001:1001::/home/nodejs:/bin/sh\n'
    const tar = `${'passwd'.padEnd(124, '\0')}${passwd.length.toString(8).padStart(11, '0')}\0`.padEnd(512, '\0') + passwd
    const h = host(argv => (argv[1] === 'create' ? { stdout: 'c1\n' } : argv[1] === 'cp' ? { stdout: tar } : { code: 0 }))
    const v = await verifyImage(
      h.rt,
      inputs({ 'require-non-root': 'true' }),
      [target('linux/amd64', '1001'), target('linux/arm64', 'nodejs'), target('linux/arm/v7', '')],
      false,
      'k'
    )
    expect(v.users.map(u => [u.platform, u.passed, u.uid])).toEqual([
      ['linux/amd64', true, 1001],
      ['linux/arm64', true, 1001],
      ['linux/arm/v7', false, 0]
    ])
    expect(h.calls.filter(c => / (create|cp|rm) /.test(c))).toEqual([
      'docker create --platform linux/arm64 r/x@sha256:arm64',
      'docker cp c1:/etc/passwd -',
      'docker rm --force --volumes c1'
    ])
  })
})

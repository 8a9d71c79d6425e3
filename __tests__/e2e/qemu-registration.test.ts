// QEMU registration, for real: the machine's arm64 emulator is unregistered and registered
// again by the action. That changes the whole machine (every arm64 build on it needs the
// emulator), so this file runs where nothing else builds: jest leaves it out unless
// E2E_MACHINE_WIDE is set, and scripts/test.sh runs it beside the unit tests, before every other
// end-to-end file (`npm run test:machine-wide`). Each test puts back what it removed, and the
// file removes the images it made.
import { existsSync, mkdtempSync, readFileSync, writeFileSync, chmodSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { BASE_IMAGE, REGISTRY } from '../support/registry'
import { errorLines, fixture, docker, nonce, onEveryStack } from '../support/stack'
import { startCacheServer } from '../support/cache-server'

const multistage = fixture('multistage')

onEveryStack('QEMU registration', stack => {
  const entry = '/proc/sys/fs/binfmt_misc/qemu-aarch64'
  let conf = ''
  // Names of this run's own (removed with the file's other leftovers): a fixed name would move
  // between runs and leave the image it named before dangling.
  const run = nonce()
  const image = `ci-base-test/binfmt-${run}:local`
  const pushed = `${REGISTRY}/test/binfmt-${run}:cached`
  const unregister = () => existsSync(entry) && writeFileSync(entry, '-1')
  const reregister = () => existsSync(entry) || writeFileSync('/proc/sys/fs/binfmt_misc/register', conf)

  const build = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    stack.run({ inputs: { ...multistage, cache: 'none', ...inputs }, env })

  beforeAll(() => {
    conf = readFileSync('/usr/lib/binfmt.d/qemu-aarch64.conf', 'utf8').trim()
    // A stand-in for tonistiigi/binfmt: `--install arm64`, privileged, registers Debian's static
    // qemu as Debian does; the F flag makes the kernel keep the interpreter open after the container exits.
    const dir = mkdtempSync(join(tmpdir(), 'binfmt-image-'))
    const interpreter = conf.split(':')[6]
    writeFileSync(
      join(dir, 'install'),
      [
        '#!/bin/sh',
        'set -e',
        '[ "$1" = --install ] || { echo "usage: --install arm64" >&2; exit 2; }',
        '[ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc',
        'for arch in $(echo "$2" | tr , " "); do',
        '  [ "$arch" = arm64 ] || { echo "no emulator for $arch" >&2; exit 1; }',
        `  [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || printf '%s' '${conf}' > /proc/sys/fs/binfmt_misc/register`,
        '  echo "installed $arch"',
        'done',
        ''
      ].join('\n')
    )
    chmodSync(join(dir, 'install'), 0o755)
    copyFileSync('/usr/bin/qemu-aarch64-static', join(dir, 'qemu-aarch64-static'))
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM ${BASE_IMAGE}\nCOPY qemu-aarch64-static ${interpreter}\nCOPY install /usr/bin/\nENTRYPOINT ["/usr/bin/install"]\n`
    )
    docker('buildx', 'build', '--platform', 'linux/amd64', '--load', '--tag', image, dir)
  })
  afterEach(reregister)
  afterAll(() => spawnSync('docker', ['image', 'rm', '--force', image, pushed]))

  test('auto registers the missing emulator with qemu-image, then the arm64 build works', async () => {
    unregister()
    expect(existsSync(entry)).toBe(false)
    const run = await build({ 'qemu-image': image, 'build-args': `NONCE=qemu-${Date.now()}` })
    expect(run.main.code).toBe(0)
    expect(run.main.stdout).toContain('QEMU: registered emulators for linux/arm64')
    expect(readFileSync(entry, 'utf8')).toMatch(/^enabled\ninterpreter \S+\nflags: \w*F/)
    expect(JSON.parse(run.main.outputs.report).platforms.map((p: { platform: string }) => p.platform)).toEqual([
      'linux/amd64',
      'linux/arm64'
    ])
  })

  test('the binfmt image is kept in the GitHub cache: the next run loads it instead of pulling', async () => {
    const server = await startCacheServer()
    const binfmtKey = `ci-base-action-binfmt-${pushed.replace(/[^A-Za-z0-9._-]+/g, '-')}`
    docker('tag', image, pushed)
    docker('push', '--quiet', pushed)
    const runnerTemp = join(tmpdir(), `runner-binfmt-${process.pid}`)
    const emulate = () => {
      unregister()
      spawnSync('docker', ['image', 'rm', '--force', pushed])
      return stack.run({
        inputs: { ...multistage, cache: 'none', 'qemu-image': pushed, 'build-args': `NONCE=binfmt-${Date.now()}` },
        env: server.env,
        runnerTemp
      })
    }
    try {
      const first = await emulate()
      expect(first.main.code).toBe(0)
      expect(first.main.stdout).toContain(`Unable to find image '${pushed}' locally`)
      expect(first.post.stdout).toContain('Save binfmt image')
      const saved = server.entries().find(e => e.key === binfmtKey)
      expect(saved).toMatchObject({ committed: true })
      const second = await emulate()
      expect(second.main.code).toBe(0)
      expect(server.stats.hits).toContain(binfmtKey)
      expect(second.main.stdout).not.toContain('Unable to find image')
      expect(second.main.stdout).toContain('QEMU: registered emulators for linux/arm64')
      expect(second.post.stdout).not.toContain('Save binfmt image')
    } finally {
      await server.close()
    }
  })

  test('an emulator already registered costs nothing: the image is not run', async () => {
    const run = await build({ 'qemu-image': `${REGISTRY}/test/no-such-binfmt:1`, platforms: 'linux/arm64' })
    expect(run.main.code).toBe(0)
    expect(run.main.stdout).toContain('QEMU: emulators already registered for linux/arm64')
    expect(run.main.stdout).not.toContain('no-such-binfmt')
  })

  test('when emulation cannot be set up: one error naming the platforms and the remedy', async () => {
    unregister()
    const run = await build({ 'qemu-image': `${REGISTRY}/test/no-such-binfmt:1` })
    expect(run.main.code).toBe(1)
    const errors = errorLines(run.main.stdout)
    expect(errors).toHaveLength(1)
    const image = `${REGISTRY}/test/no-such-binfmt:1`.replace(/[/.]/g, '\\$&')
    expect(errors[0]).toMatch(
      new RegExp(
        `^::error::QEMU: cannot emulate linux/arm64 on this linux/amd64 runner \\(${image} exited 125: docker: Error response from daemon: .*not found\\)\\. Remedies: `
      )
    )
    expect(errors[0]).toContain('set qemu-image to an image your runner can pull')
  })
})

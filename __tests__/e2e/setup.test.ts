// The setup paths that normally reach the internet, served locally: buildx through the tool
// cache from a release-shaped HTTP server, and QEMU registered by a binfmt image of our own.
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, writeFileSync, chmodSync, copyFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../support/runner'
import { BASE_IMAGE, REGISTRY, manifest } from '../support/registry'
import { forwardTo } from '../support/tcp-forward'
import { errorLines, fixture, BUILDKIT_IMAGE, BUILDX_RELEASES, RUNNER_BUILDX, docker, onEveryStack, onTheStack } from '../support/stack'
import { startCacheServer } from '../support/cache-server'
import { spawnSync } from 'node:child_process'
import { closeServer, listenOnLoopback } from '../support/close-server'

const multistage = fixture('multistage')

onTheStack('buildx through the tool cache', () => {
  const version = RUNNER_BUILDX
  const asset = `buildx-${version}.linux-amd64`
  const requests: string[] = []
  let server: Server
  let url = ''
  let checksums = ''

  beforeAll(async () => {
    // The release files, re-served here so the test sees every request.
    const binary = Buffer.from(await (await fetch(`${BUILDX_RELEASES}/${version}/${asset}`)).arrayBuffer())
    checksums = await (await fetch(`${BUILDX_RELEASES}/${version}/checksums.txt`)).text()
    expect(checksums).toContain(`${createHash('sha256').update(binary).digest('hex')} *${asset}`)
    server = createServer((req, res) => {
      requests.push(req.url ?? '')
      if (req.url === `/${version}/${asset}`) res.end(binary)
      else if (req.url === `/${version}/checksums.txt`) res.end(checksums)
      else res.writeHead(404).end()
    })
    url = await listenOnLoopback(server)
  })
  afterAll(() => closeServer(server))

  const build = (inputs: Record<string, string>, env: Record<string, string>) =>
    runAction({
      inputs: {
        ...multistage,
        cache: 'none',
        platforms: 'linux/amd64',
        'buildx-version': version,
        'buildx-download-url': url,
        'buildkit-image': BUILDKIT_IMAGE,
        ...inputs
      },
      env
    })

  test("installs the asked version (checksum verified) into the tool cache and builds with it; the runner's own plugin is untouched", async () => {
    const home = mkdtempSync(join(tmpdir(), 'buildx-install-'))
    const env = { DOCKER_CONFIG: join(home, 'docker'), RUNNER_TOOL_CACHE: join(home, 'toolcache') }
    const runnersOwn = docker('buildx', 'version')
    const first = await build({ driver: 'docker-container' }, env)
    expect(first.main.code).toBe(0)
    expect(first.main.stdout).toContain(`Installing buildx ${version} (as buildx-version asks)`)
    expect(first.main.stdout).toContain(`buildx ${version.slice(1)}, docker-container driver`)
    expect(requests).toEqual([`/${version}/${asset}`, `/${version}/checksums.txt`])
    const cached = join(env.RUNNER_TOOL_CACHE, 'docker-buildx', version.slice(1), 'x64', 'docker-buildx')
    expect(existsSync(cached)).toBe(true)
    // The build and the builder's removal in post ran the installed binary itself.
    expect(first.main.stdout).toContain(`[command]${cached} create --name ci-base-`)
    expect(first.post.stdout).toContain(`[command]${cached} rm --force ci-base-`)
    expect(existsSync(join(env.DOCKER_CONFIG, 'cli-plugins', 'docker-buildx'))).toBe(false)
    expect(docker('buildx', 'version')).toBe(runnersOwn)
    expect(first.main.outputs.size).toMatch(/^[1-9]\d*$/)

    const second = await build({}, env)
    expect(second.main.code).toBe(0)
    expect(requests).toHaveLength(2)
  })

  test('a checksum mismatch fails with both sums and installs nothing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'buildx-bad-'))
    const good = checksums
    checksums = `${'f'.repeat(64)}  *${asset}\n`
    try {
      const run = await build({}, { DOCKER_CONFIG: join(home, 'docker'), RUNNER_TOOL_CACHE: join(home, 'tc') })
      expect(run.main.code).toBe(1)
      expect(run.main.stdout).toMatch(
        new RegExp(`::error::buildx ${version}: checksum mismatch for ${url}/${version}/${asset} \\(expected f{64}, got [0-9a-f]{64}\\)`)
      )
      expect(existsSync(join(home, 'tc', 'docker-buildx'))).toBe(false)
    } finally {
      checksums = good
    }
  })
})

onEveryStack('QEMU registration', stack => {
  const entry = '/proc/sys/fs/binfmt_misc/qemu-aarch64'
  let conf = ''
  const image = 'ci-base-test/binfmt:local'
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
    const pushed = `${REGISTRY}/test/binfmt:cached`
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

onEveryStack('the BuildKit image of a created builder, kept in the GitHub cache', stack => {
  test('pinned by digest: pulled once and saved; a faulty cache service is two warnings; the next job loads it and pulls nothing', async () => {
    const server = await startCacheServer()
    // The image's registry, reached through a forwarder that is closed before the last job.
    const forward = await forwardTo(5000, '127.0.0.1')
    const path = `test/buildkit-${Date.now()}`
    docker('tag', BUILDKIT_IMAGE, `${REGISTRY}/${path}:pinned`)
    docker('push', '--quiet', `${REGISTRY}/${path}:pinned`)
    const { digest } = (await manifest(path, 'pinned'))!
    const pinned = `${forward.host}/${path}:pinned@${digest}`
    const local = `${forward.host}/${path}:pinned-${digest.slice('sha256:'.length)}`
    const key = `ci-base-action-buildkit-${local.replace(/[^A-Za-z0-9._-]+/g, '-')}`
    const runnerTemp = join(tmpdir(), `runner-buildkit-${stack.name}-${process.pid}`)
    const job = () => {
      // A new runner: none of the image's names are on it.
      spawnSync('docker', ['image', 'rm', '--force', local, pinned])
      return stack.run({
        inputs: {
          ...multistage,
          driver: 'docker-container',
          cache: 'none',
          platforms: 'linux/amd64',
          'buildkit-image': pinned,
          'build-args': `NONCE=${Date.now()}`
        },
        env: server.env,
        runnerTemp
      })
    }
    const warnings = (text: string) => text.match(/^::warning::.*$/gm) ?? []
    try {
      server.failWith = 503
      const faulty = await job()
      expect(faulty.main.code).toBe(0)
      expect(warnings(faulty.main.stdout)).toStrictEqual([
        expect.stringMatching(
          new RegExp(
            `^::warning::Could not restore the builder image ${local.replace(/[.[\]]/g, '\\$&')} from the GitHub cache; pulling it: .*503`
          )
        )
      ])
      expect(warnings(faulty.post.stdout)).toStrictEqual([expect.stringMatching(/^::warning::Save builder image failed: .*503/)])
      server.failWith = undefined

      const first = await job()
      expect(first.main.code).toBe(0)
      expect(first.main.stdout).toContain(`--driver-opt image=${local}`)
      expect(first.main.stdout).not.toContain('loaded from the GitHub cache')
      expect(first.post.stdout).toContain(`The builder image ${local} is kept in the GitHub cache as ${key}`)
      expect(server.entries().find(e => e.key === key)).toMatchObject({ committed: true })

      await forward.close()
      const second = await job()
      expect(second.main.code).toBe(0)
      expect(second.main.stdout).toContain(`The builder image ${pinned} was loaded from the GitHub cache (${key}): nothing pulled`)
      expect(server.stats.hits).toContain(key)
      expect(second.post.stdout).not.toContain('Save builder image')
      expect(warnings(second.main.stdout + second.post.stdout)).toStrictEqual([])
    } finally {
      await forward.close().catch(() => undefined)
      await server.close()
      spawnSync('docker', ['image', 'rm', '--force', local, pinned])
    }
  })
})

// The setup paths that normally reach the internet, served locally: buildx through the tool
// cache from a release-shaped HTTP server, and QEMU registered by a binfmt image of our own.
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../support/runner'
import { REGISTRY, REGISTRY_PORT, manifest } from '../support/registry'
import { forwardTo } from '../support/tcp-forward'
import { fixture, BUILDKIT_IMAGE, BUILDX_RELEASES, RUNNER_BUILDX, docker, onEveryStack, onTheStack, nonce } from '../support/stack'
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

onEveryStack('the BuildKit image of a created builder, kept in the GitHub cache', stack => {
  // It asks for a docker-container builder whatever the stack: run once, on the stack that makes them.
  if (stack.name === 'runner')
    test('pinned by digest: pulled once and saved; a faulty cache service is two warnings; the next job loads it and pulls nothing', async () => {
      const server = await startCacheServer()
      // The image's registry, reached through a forwarder that is closed before the last job.
      const forward = await forwardTo(REGISTRY_PORT, '127.0.0.1')
      const path = `test/buildkit-${nonce()}`
      docker('tag', BUILDKIT_IMAGE, `${REGISTRY}/${path}:pinned`)
      docker('push', '--quiet', `${REGISTRY}/${path}:pinned`)
      const { digest } = (await manifest(path, 'pinned'))!
      const pinned = `${forward.host}/${path}:pinned@${digest}`
      const local = `${forward.host}/${path}:pinned-${digest.slice('sha256:'.length)}`
      const key = `ci-base-action-buildkit-${local.replace(/[^A-Za-z0-9._-]+/g, '-')}`
      const runnerTemp = join(tmpdir(), `runner-buildkit-${stack.name}-${process.pid}`)
      const job = (inputs: Record<string, string> = {}) => {
        // A new runner: none of the image's names are on it.
        spawnSync('docker', ['image', 'rm', '--force', local, pinned])
        return stack.run({
          inputs: {
            ...multistage,
            driver: 'docker-container',
            cache: 'none',
            platforms: 'linux/amd64',
            'buildkit-image': pinned,
            'build-args': `NONCE=${Date.now()}`,
            ...inputs
          },
          env: server.env,
          runnerTemp
        })
      }
      const warnings = (text: string) => text.match(/^::warning::.*$/gm) ?? []
      try {
        server.failWith = 503
        // The restore and the save each give up at cache-timeout, where the library alone retries for about 25 s.
        const faulty = await job({ 'cache-timeout': '3s' })
        expect(faulty.main.code).toBe(0)
        expect(faulty.main.stdout).toContain('did not finish in 3 s (cache-timeout); its last attempt failed:')
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

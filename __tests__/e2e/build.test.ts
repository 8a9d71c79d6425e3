// The bundled action, run as the runner runs it, against dockerd + buildx + QEMU + a registry.
import type { ActionRun } from '../support/runner'
import { manifest, platformSizes, readImageFile, REGISTRY, REGISTRY_PORT } from '../support/registry'
import { errorLines, fixture, nonce, onEveryStack, expectGreen } from '../support/stack'
import { forwardTo } from '../support/tcp-forward'

const multistage = fixture('multistage')

onEveryStack('build and push', stack => {
  const run = nonce()
  const repo = `e2e/build-${stack.name}-${run}`
  const build = (inputs: Record<string, string>) => stack.run({ inputs: { ...multistage, 'build-args': `NONCE=${run}`, ...inputs } })
  let pushed: ActionRun

  beforeAll(async () => {
    pushed = await build({ image: `${REGISTRY}/${repo}`, tags: '1.0.0', push: 'true', cache: 'inline' })
  }, 300_000)

  test('main and post succeed', () => {
    expect({ code: pushed.main.code, err: errorLines(pushed.main.stdout) }).toEqual({ code: 0, err: [] })
    expect(pushed.post.code).toBe(0)
  })

  test('both platforms are in the registry and digest is the pushed index', async () => {
    const sizes = await platformSizes(repo, '1.0.0')
    expect(Object.keys(sizes).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    expect(pushed.main.outputs.digest).toBe((await manifest(repo, '1.0.0'))!.digest)
    expect(pushed.main.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/)
  })

  test('the arm64 RUN step really ran under emulation', async () => {
    const sizes = await platformSizes(repo, '1.0.0')
    expect(await readImageFile(repo, sizes['linux/arm64'].digest, 'opt/arch.txt')).toBe('aarch64\n')
    expect(await readImageFile(repo, sizes['linux/amd64'].digest, 'opt/arch.txt')).toBe('x86_64\n')
  })

  test('size and layers equal what the registry manifests say; report has every platform', async () => {
    const sizes = await platformSizes(repo, '1.0.0')
    expect(pushed.main.outputs.size).toBe(String(sizes['linux/amd64'].size))
    expect(pushed.main.outputs.layers).toBe(String(sizes['linux/amd64'].layers))
    const report = JSON.parse(pushed.main.outputs.report)
    for (const p of report.platforms) {
      expect({ platform: p.platform, size: p.size, layers: p.layers, digest: p.digest }).toEqual({
        platform: p.platform,
        ...sizes[p.platform]
      })
    }
    expect(report.totals.size).toBe(sizes['linux/amd64'].size + sizes['linux/arm64'].size)
    expect(Number(pushed.main.outputs['build-time'])).toBeGreaterThan(0)
  })

  test('tags, labels and the job summary', async () => {
    expect(pushed.main.outputs.tags.split('\n')).toEqual([`${REGISTRY}/${repo}:1.0.0`, `${REGISTRY}/${repo}:sha-a1b2c3d`])
    expect(await manifest(repo, 'sha-a1b2c3d')).toBeDefined()
    const sizes = await platformSizes(repo, '1.0.0')
    const human = (sizes['linux/amd64'].size / 1e6).toFixed(1)
    expect(pushed.main.summary).toContain(`| linux/amd64 | ${human} MB | new | ${sizes['linux/amd64'].layers} | new | — |`)
    expect(pushed.main.summary).toContain('| linux/arm64 |')
    expect(pushed.main.summary).toContain(pushed.main.outputs.digest)
  })

  test('push: false still reports sizes and layers, from the exported layout', async () => {
    // Served from the pushed image's inline cache: the same layers, so the same sizes on a builder that starts empty.
    const local = await build({ image: `${REGISTRY}/${repo}`, tags: '1.0.0', push: 'false', cache: 'inline' })
    expect(local.main.code).toBe(0)
    const sizes = await platformSizes(repo, '1.0.0')
    const report = JSON.parse(local.main.outputs.report)
    expect(report.pushed).toBe(false)
    expect(report.platforms.map((p: { platform: string; size: number; layers: number }) => [p.platform, p.size, p.layers])).toEqual([
      ['linux/amd64', sizes['linux/amd64'].size, sizes['linux/amd64'].layers],
      ['linux/arm64', sizes['linux/arm64'].size, sizes['linux/arm64'].layers]
    ])
    expect(local.main.outputs.digest).toMatch(/^sha256:/)
  }, 300_000)
})

onEveryStack('base images on a loopback registry', stack => {
  // A builder the action creates has a network of its own: it must still reach the runner's
  // loopback registries named only in FROM lines, in every form they are written.
  test.each([`localhost:${REGISTRY_PORT}`, `127.0.0.1:${REGISTRY_PORT}`, '127.0.0.2', '::1'])('FROM %s/test/base', async form => {
    // The registry listens on 127.0.0.1 only: the other addresses reach it through a forwarder.
    const forwarder = form.endsWith(`:${REGISTRY_PORT}`) ? undefined : await forwardTo(REGISTRY_PORT, form)
    try {
      const host = forwarder?.host ?? form
      const run = await stack.run({
        inputs: { ...multistage, cache: 'none', platforms: 'linux/amd64', 'build-args': `BASE=${host}/test/base:latest\nNONCE=${nonce()}` }
      })
      expectGreen(run)
      expect(JSON.parse(run.main.outputs.report).platforms.map((p: { platform: string }) => p.platform)).toEqual(['linux/amd64'])
    } finally {
      await forwarder?.close()
    }
  })
})

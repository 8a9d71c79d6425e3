import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import {
  DEFAULT_BUILDX,
  buildkitdConfig,
  buildxAsset,
  buildxNeeded,
  buildxToInstall,
  chooseDriver,
  loopbackRegistries
} from '../../../../src/core/builder/builder'
import { emulationNeed, emulatorFor } from '../../../../src/core/builder/emulation'
import { INPUT_DEFAULTS, parseInputs, type RawInputs } from '../../../../src/core/inputs/inputs'
import { atLeast, parseVersion } from '../../../../src/core/builder/version'

const inputs = (over: Partial<RawInputs>) => parseInputs({ ...INPUT_DEFAULTS, ...over })

describe('buildx', () => {
  test.each([
    ['github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3', '0.13.1'],
    ['github.com/docker/buildx v0.23.0 28c90ea', '0.23.0']
  ])('parses %s', (text, version) => expect(parseVersion(text)).toBe(version))

  test('version comparison', () => {
    expect(atLeast('0.21.0', '0.21.0')).toBe(true)
    expect(atLeast('0.9.1', '0.13.0')).toBe(false)
    expect(atLeast('1.0.0', '0.99.9')).toBe(true)
  })

  test('installs only when missing, too old for what the build asks, or asked for', () => {
    expect(buildxToInstall('installed', '0.13.1')).toBeUndefined()
    expect(buildxToInstall('installed', '0.10.0')).toEqual({
      version: DEFAULT_BUILDX,
      why: "the runner's 0.10.0 is older than 0.13.0, which the action needs"
    })
    expect(buildxToInstall('installed', undefined)).toEqual({ version: DEFAULT_BUILDX, why: 'the runner has none' })
    expect(buildxToInstall('0.20.1', '0.23.0')).toEqual({ version: 'v0.20.1', why: 'as buildx-version asks' })
    // GitHub's cache service speaks only v2 now: cache: gha needs a buildx that does.
    const gha = buildxNeeded(['gha', 'registry'])
    expect(gha.version).toBe('0.21.0')
    expect(buildxToInstall('installed', '0.13.1', gha)).toEqual({
      version: DEFAULT_BUILDX,
      why: "the runner's 0.13.1 is older than 0.21.0, which cache: gha (v2 of GitHub's cache service) needs"
    })
    expect(buildxToInstall('installed', '0.21.0', gha)).toBeUndefined()
    expect(buildxNeeded(['registry', 'local'])).toEqual(buildxNeeded([]))
  })

  test('release asset names', () => {
    expect(buildxAsset('v0.23.0', 'linux', 'x64')).toBe('buildx-v0.23.0.linux-amd64')
    expect(buildxAsset('v0.23.0', 'linux', 'arm64')).toBe('buildx-v0.23.0.linux-arm64')
  })

  test('auto takes the docker driver only when it can do the job', () => {
    const containerd = { containerdStore: true }
    const classic = { containerdStore: false }
    expect(chooseDriver(inputs({}), containerd, ['type=gha,mode=max'])).toBe('docker')
    expect(chooseDriver(inputs({}), classic, [])).toBe('docker-container')
    expect(chooseDriver(inputs({ platforms: 'linux/amd64' }), classic, [])).toBe('docker')
    expect(chooseDriver(inputs({ platforms: 'linux/amd64' }), classic, ['type=gha,mode=max'])).toBe('docker-container')
    expect(chooseDriver(inputs({ 'driver-opts': 'network=host' }), containerd, [])).toBe('docker-container')
    // Each builder option alone asks for a builder of the action's own.
    expect(chooseDriver(inputs({ 'buildkitd-config': 'debug = true' }), containerd, [])).toBe('docker-container')
    expect(chooseDriver(inputs({ endpoint: 'tcp://buildkitd:1234' }), containerd, [])).toBe('docker-container')
    expect(chooseDriver(inputs({ driver: 'docker-container' }), containerd, [])).toBe('docker-container')
  })

  test("network=host only for a docker-container builder, only with a loopback registry, never over the user's own network=", async () => {
    const { builderSpec } = await import('../../../../src/core/builder/builder')
    const refs = ['localhost:5000/a/b:1']
    const opts = (over: Partial<RawInputs>, driver: 'docker-container' | 'remote', r = refs) =>
      builderSpec(inputs(over), driver, 'b', '/t', r).spec.driverOpts.filter(o => !o.startsWith('image='))
    expect(opts({}, 'docker-container')).toEqual(['network=host'])
    expect(opts({}, 'docker-container', ['ghcr.io/p/x:1'])).toEqual([])
    expect(opts({ endpoint: 'tcp://b:1234' }, 'remote')).toEqual([])
    expect(opts({ 'driver-opts': 'network=bridge' }, 'docker-container')).toEqual(['network=bridge'])
  })

  test('a created docker-container builder runs the pinned BuildKit under its digest-carrying local name; image= in driver-opts wins', async () => {
    const { builderSpec } = await import('../../../../src/core/builder/builder')
    const images = (over: Partial<RawInputs>, driver: 'docker-container' | 'remote') =>
      builderSpec(inputs(over), driver, 'b', '/t', []).spec.driverOpts.filter(o => o.startsWith('image='))
    const digest = 'a'.repeat(64)
    expect(images({ 'buildkit-image': `mirror.example:5000/moby/buildkit:v0.31.2@sha256:${digest}` }, 'docker-container')).toStrictEqual([
      `image=mirror.example:5000/moby/buildkit:v0.31.2-${digest}`
    ])
    expect(images({ 'buildkit-image': 'moby/buildkit:buildx-stable-1' }, 'docker-container')).toStrictEqual([
      'image=moby/buildkit:buildx-stable-1'
    ])
    expect(images({ 'driver-opts': 'image=mine/buildkit:1' }, 'docker-container')).toStrictEqual(['image=mine/buildkit:1'])
    expect(images({ endpoint: 'tcp://b:1234' }, 'remote')).toStrictEqual([])
    // The default is pinned: a tag and a digest, never a floating tag.
    expect(INPUT_DEFAULTS['buildkit-image']).toMatch(/^docker\.io\/moby\/buildkit:v\d+\.\d+\.\d+@sha256:[0-9a-f]{64}$/)
    expect(INPUT_DEFAULTS['qemu-image']).toMatch(/^docker\.io\/tonistiigi\/binfmt:qemu-v(1\d|[2-9]\d)\.[\d.-]+@sha256:[0-9a-f]{64}$/)
  })

  test('pinned local names', async () => {
    const { pinnedLocalName } = await import('../../../../src/core/github/image-cache')
    const d = 'b'.repeat(64)
    expect(pinnedLocalName(`r/x:1@sha256:${d}`)).toBe(`r/x:1-${d}`)
    expect(pinnedLocalName(`localhost:5000/r/x@sha256:${d}`)).toBe(`localhost:5000/r/x:sha256-${d}`)
    expect(pinnedLocalName('localhost:5000/r/x')).toBe('localhost:5000/r/x')
    expect(pinnedLocalName('r/x:2')).toBe('r/x:2')
  })

  test("TLS material is written only for the remote driver's builder", async () => {
    const { builderSpec } = await import('../../../../src/core/builder/builder')
    const pem = '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----'
    const tls = inputs({ 'tls-ca': pem })
    expect(builderSpec(tls, 'docker-container', 'b', '/t', []).files).toEqual({})
    expect(Object.keys(builderSpec(inputs({ 'tls-ca': pem, endpoint: 'tcp://b:1' }), 'remote', 'b', '/t', []).files)).toEqual([
      '/t/b-cacert.pem'
    ])
  })

  test('a builder it creates reaches loopback registries over plain HTTP', () => {
    const hosts = loopbackRegistries(['localhost:5000/a/b:1', '127.0.0.1:5001/c:cache', 'ghcr.io/p/x:1'])
    expect(hosts).toEqual(['localhost:5000', '127.0.0.1:5001'])
    expect(
      loopbackRegistries(['127.3.4.5/a', '[::1]:5000/b', 'localhost/c', '128.0.0.1:5000/d', 'localhost.example.com/e', 'busybox'])
    ).toEqual(['127.3.4.5', '[::1]:5000', 'localhost'])
    // buildx cannot parse `]` in a table key; BuildKit speaks HTTP to loopback addresses anyway.
    expect(buildkitdConfig('', ['[::1]:5000'])).toBe('\n')
    expect(buildkitdConfig('debug = true', hosts)).toBe(
      'debug = true\n\n[registry."localhost:5000"]\n  http = true\n  insecure = true\n\n[registry."127.0.0.1:5001"]\n  http = true\n  insecure = true\n'
    )
    expect(buildkitdConfig('[registry."localhost:5000"]\n  mirrors = []', ['localhost:5000'])).toBe(
      '[registry."localhost:5000"]\n  mirrors = []\n'
    )
  })
})

describe('QEMU', () => {
  test('only platforms the machine cannot run natively need emulators; registered ones are skipped', () => {
    const need = emulationNeed(['linux/amd64', 'linux/arm64', 'linux/riscv64', 'linux/mips'], e => e === 'qemu-aarch64', ['linux/amd64'])
    expect(need).toEqual({ emulated: ['linux/arm64', 'linux/riscv64', 'linux/mips'], missing: ['linux/riscv64'], unknown: ['linux/mips'] })
    expect(emulatorFor('linux/arm/v7')).toEqual({ entry: 'qemu-arm', arch: 'arm' })
  })
})

describe('finding the buildx plugin without starting the docker CLI', () => {
  test("the user's plugin dir first, then the system dirs, as the CLI looks", async () => {
    const { buildxPlugin } = await import('../../../../src/pipeline/builder/buildx')
    const config = mkdtempSync('/tmp/docker-config-')
    const at = (...present: string[]) => buildxPlugin({ DOCKER_CONFIG: config }, p => present.includes(p))
    expect(at('/usr/libexec/docker/cli-plugins/docker-buildx')).toBe('/usr/libexec/docker/cli-plugins/docker-buildx')
    expect(at('/usr/libexec/docker/cli-plugins/docker-buildx', `${config}/cli-plugins/docker-buildx`)).toBe(
      `${config}/cli-plugins/docker-buildx`
    )
    expect(at()).toBeUndefined()
    writeFileSync(`${config}/config.json`, JSON.stringify({ cliPluginsExtraDirs: ['/opt/plugins'] }))
    expect(at('/usr/libexec/docker/cli-plugins/docker-buildx')).toBeUndefined()
  })
})

describe('the default buildx is the binary this action pins', () => {
  // A release site that serves a binary and a checksums.txt that agree with each other.
  async function releases(asset: string, body: Buffer) {
    const { createServer } = await import('node:http')
    const { createHash } = await import('node:crypto')
    const { closeServer, listenOnLoopback } = await import('../../../support/close-server')
    const sum = createHash('sha256').update(body).digest('hex')
    const server = createServer((req, res) => {
      if (req.url?.endsWith('/checksums.txt')) res.end(`${sum} *${asset}\n`)
      else if (req.url?.endsWith(`/${asset}`)) res.end(body)
      else res.writeHead(404).end()
    })
    return { url: await listenOnLoopback(server), close: () => closeServer(server) }
  }

  test('a default release whose binary is not the pinned one is refused, even when its checksums.txt agrees', async () => {
    const { installBuildx } = await import('../../../../src/pipeline/builder/buildx')
    const asset = buildxAsset(DEFAULT_BUILDX, 'linux', 'x64')
    const site = await releases(asset, Buffer.from('not buildx'))
    const temp = mkdtempSync(`${tmpdir()}/buildx-pin-`)
    try {
      await expect(installBuildx(DEFAULT_BUILDX, site.url, { RUNNER_TEMP: temp, RUNNER_TOOL_CACHE: `${temp}/tools` })).rejects.toThrow(
        new RegExp(
          `^buildx ${DEFAULT_BUILDX.replace(/\./g, '\\.')}: .* is not the release this action pins \\(sha256 9447199c[0-9a-f]+, got [0-9a-f]{64}\\)$`
        )
      )
    } finally {
      await site.close()
    }
  })
})

import { annotationArgs, dockerfileLabels } from '../../../../src/core/registry/annotations'
import { parseRegistryAuth } from '../../../../src/core/inputs/registry-auth'
import { buildArgs, type BuildPlan } from '../../../../src/core/builder/args'
import { INPUT_DEFAULTS, parseInputs, type RawInputs } from '../../../../src/core/inputs/inputs'
import { bareBuildPlan } from '../../../support/build-plan'

describe('annotations', () => {
  const labels = [
    'org.opencontainers.image.created=2026-11-20T09:30:00Z',
    'org.opencontainers.image.revision=abc',
    'org.opencontainers.image.source=https://github.com/p/r',
    'org.opencontainers.image.version=1.2.3'
  ]
  const dockerfile =
    'FROM x\nLABEL org.opencontainers.image.title="Phialo CI base" \\\n      org.opencontainers.image.revision="${REVISION}"\n'

  test("the Dockerfile's literal OCI labels are read; ones built from ARGs are not", () => {
    expect(dockerfileLabels(dockerfile)).toEqual({ 'org.opencontainers.image.title': 'Phialo CI base' })
  })

  test('several platforms: the OCI basics on the index; unprefixed user annotations on the index and each manifest', () => {
    expect(
      annotationArgs(
        ['com.example.team=ci', 'manifest:com.example.kind=base', 'index:org.opencontainers.image.version=v1'],
        labels,
        dockerfile,
        true
      )
    ).toEqual([
      'index:com.example.team=ci',
      'manifest:com.example.team=ci',
      'manifest:com.example.kind=base',
      'index:org.opencontainers.image.version=v1',
      'index:org.opencontainers.image.title=Phialo CI base',
      'index:org.opencontainers.image.source=https://github.com/p/r',
      'index:org.opencontainers.image.revision=abc',
      'index:org.opencontainers.image.created=2026-11-20T09:30:00Z'
    ])
  })

  test('one platform: there is no index, the basics go on the manifest', () => {
    expect(annotationArgs([], labels.slice(0, 1), '', false)).toEqual(['manifest:org.opencontainers.image.created=2026-11-20T09:30:00Z'])
  })

  test('a value with a URL is not taken for a prefix', () => {
    expect(annotationArgs(['org.opencontainers.image.url=https://example.com'], [], '', false)).toEqual([
      'manifest:org.opencontainers.image.url=https://example.com'
    ])
  })
})

describe('registry-auth', () => {
  test('a list of logins; a password keeps every character it was given', () => {
    const text =
      '- registry: ghcr.io\n  username: bot\n  password: p#1: x\n\n- registry: docker.io\n  username: "phialo"\n  password: \'q\'\n'
    expect(parseRegistryAuth(text)).toEqual({
      logins: [
        { registry: 'ghcr.io', username: 'bot', password: 'p#1: x' },
        { registry: 'docker.io', username: 'phialo', password: 'q' }
      ],
      problems: []
    })
  })

  test('a missing field or a stray line is named, never the password', () => {
    const { problems } = parseRegistryAuth('- registry: ghcr.io\n  password: hunter2\nregistry ghcr.io')
    expect(problems).toEqual([
      "line 3 is not '- registry: …' or 'username: …' / 'password: …' under it",
      'entry 1 (ghcr.io) has no username'
    ])
    expect(problems.join('\n')).not.toContain('hunter2')
  })
})

describe('argv for what docker users pass', () => {
  const plan = (over: Partial<RawInputs>): BuildPlan =>
    bareBuildPlan(parseInputs({ ...INPUT_DEFAULTS, ...over }, {}), { annotations: ['index:a=b'], sourceDateEpoch: 1 })
  test('secret files, ssh, network, shm size and annotations', () => {
    const args = buildArgs(
      plan({ 'secret-files': 'npmrc=/home/runner/.npmrc', ssh: 'default\ngithub=/keys/id', network: 'host', 'shm-size': '2g' })
    )
    const pairs = (flag: string) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []))
    expect(pairs('--secret')).toEqual(['id=npmrc,src=/home/runner/.npmrc'])
    expect(pairs('--ssh')).toEqual(['default', 'github=/keys/id'])
    expect([pairs('--network'), pairs('--shm-size'), pairs('--annotation')]).toEqual([['host'], ['2g'], ['index:a=b']])
  })
  test('the load pass carries no annotations', () => {
    expect(buildArgs({ ...plan({ load: 'true' }), loadOnly: true })).not.toContain('--annotation')
  })
  test('builder and driver together are one clear error', () => {
    expect(() => parseInputs({ ...INPUT_DEFAULTS, builder: 'warm', driver: 'docker-container' }, {})).toThrow(
      "Input 'builder': 'warm' is used as it is; leave 'driver' unset (it is 'docker-container')."
    )
  })
})

/** A builder of several nodes only pushes. */
const PUSHED = { push: 'true', image: 'localhost:5000/x' }

describe('remote BuildKit: TLS material and a node per platform', () => {
  const pem = (kind: string) => `-----BEGIN ${kind}-----\nMIIBsecret\n-----END ${kind}-----`
  test("PEM inputs become 0600 files passed as the remote driver's options; appended nodes carry them too", async () => {
    const { builderSpec } = await import('../../../../src/core/builder/builder')
    const inputs = parseInputs(
      {
        ...INPUT_DEFAULTS,
        ...PUSHED,
        driver: 'remote',
        endpoint: 'tcp://amd:1234',
        'tls-ca': pem('CERTIFICATE'),
        'tls-cert': pem('CERTIFICATE'),
        'tls-key': pem('PRIVATE KEY'),
        'append-nodes': 'linux/arm64=tcp://arm:1234'
      },
      {}
    )
    const { spec, files, appends } = builderSpec(inputs, 'remote', 'b1', '/t', [])
    expect(spec.driverOpts).toEqual(['cacert=/t/b1-cacert.pem', 'cert=/t/b1-cert.pem', 'key=/t/b1-key.pem'])
    // The first node is fixed to the platform no appended node names: arm64 is never emulated on it.
    expect(spec.platforms).toEqual(['linux/amd64'])
    const { createBuilderArgs } = await import('../../../../src/core/builder/args')
    expect(createBuilderArgs(spec)).toEqual([
      'buildx',
      'create',
      '--name',
      'b1',
      '--driver',
      'remote',
      '--driver-opt',
      'cacert=/t/b1-cacert.pem',
      '--driver-opt',
      'cert=/t/b1-cert.pem',
      '--driver-opt',
      'key=/t/b1-key.pem',
      '--platform',
      'linux/amd64',
      '--bootstrap',
      'tcp://amd:1234'
    ])
    expect(files['/t/b1-key.pem']).toBe(`${pem('PRIVATE KEY')}\n`)
    expect(appends).toEqual([
      [
        'buildx',
        'create',
        '--append',
        '--name',
        'b1',
        '--driver',
        'remote',
        '--driver-opt',
        'cacert=/t/b1-cacert.pem',
        '--driver-opt',
        'cert=/t/b1-cert.pem',
        '--driver-opt',
        'key=/t/b1-key.pem',
        '--platform',
        'linux/arm64',
        '--node',
        'b1-linux-arm64',
        'tcp://arm:1234'
      ]
    ])
  })
  test('a cert without its key, or text that is not PEM, is named', () => {
    expect(() => parseInputs({ ...INPUT_DEFAULTS, 'tls-cert': pem('CERTIFICATE') }, {})).toThrow(
      "Inputs 'tls-cert' and 'tls-key': give both, or neither."
    )
    expect(() => parseInputs({ ...INPUT_DEFAULTS, 'tls-ca': 'secret' }, {})).toThrow("Input 'tls-ca': not a PEM block")
  })
  test('kubernetes: the platforms go to the builder', async () => {
    const { createBuilderArgs } = await import('../../../../src/core/builder/args')
    expect(
      createBuilderArgs({
        name: 'k',
        driver: 'kubernetes',
        endpoint: '',
        driverOpts: ['namespace=ci', 'replicas=2'],
        configFile: '',
        platforms: ['linux/amd64', 'linux/arm64']
      })
    ).toEqual([
      'buildx',
      'create',
      '--name',
      'k',
      '--driver',
      'kubernetes',
      '--driver-opt',
      'namespace=ci',
      '--driver-opt',
      'replicas=2',
      '--platform',
      'linux/amd64,linux/arm64',
      '--bootstrap'
    ])
  })
})

describe('each platform on its node', () => {
  const plan = async (platforms: string, appendNodes: string, driver: 'remote' | 'docker-container' | 'kubernetes' = 'remote') => {
    const { builderSpec, placement } = await import('../../../../src/core/builder/builder')
    const inputs = parseInputs(
      {
        ...INPUT_DEFAULTS,
        ...PUSHED,
        driver,
        ...(driver === 'remote' ? { endpoint: 'tcp://amd:1234' } : {}),
        platforms,
        'append-nodes': appendNodes
      },
      {}
    )
    const { spec } = builderSpec(inputs, driver, 'b', '/t', [])
    return { first: spec.platforms, where: placement(inputs, spec) }
  }

  test('the first node names every platform no appended node names; each appended node its own', async () => {
    expect(await plan('linux/amd64,linux/arm64,linux/riscv64', 'linux/arm64=tcp://arm:1234')).toStrictEqual({
      first: ['linux/amd64', 'linux/riscv64'],
      where: [
        'linux/amd64: node b0 (the first), which names it',
        'linux/arm64: node b-linux-arm64 (tcp://arm:1234), which names it',
        'linux/riscv64: node b0 (the first), which names it'
      ]
    })
  })

  test('every platform on an appended node: the first names none; a lone node is left as buildx makes it, kubernetes excepted', async () => {
    expect((await plan('linux/arm64', 'linux/arm64=tcp://arm:1234')).first).toStrictEqual([])
    expect(await plan('linux/amd64,linux/arm64', '', 'docker-container')).toStrictEqual({
      first: [],
      where: [
        'linux/amd64: no node names it; buildx places it on the first node that can build it, emulating it if it must',
        'linux/arm64: no node names it; buildx places it on the first node that can build it, emulating it if it must'
      ]
    })
    expect((await plan('linux/amd64,linux/arm64', '', 'kubernetes')).first).toStrictEqual(['linux/amd64', 'linux/arm64'])
  })
})

describe('kubernetes: a node per architecture, placed by node selector', () => {
  const parse = (over: Partial<RawInputs>) => parseInputs({ ...INPUT_DEFAULTS, ...PUSHED, driver: 'kubernetes', ...over }, {})

  test('append-nodes takes the platform alone; each node is selected to its architecture, the user’s labels and options kept', async () => {
    const { builderSpec } = await import('../../../../src/core/builder/builder')
    const { createBuilderArgs } = await import('../../../../src/core/builder/args')
    const inputs = parse({
      platforms: 'linux/amd64,linux/arm64',
      'append-nodes': 'linux/arm64',
      'driver-opts': 'namespace=ci\nreplicas=2\nloadbalance=sticky\nnodeselector=pool=builders'
    })
    const { spec, appends } = builderSpec(inputs, 'kubernetes', 'k', '/t', [])
    expect(createBuilderArgs(spec)).toEqual([
      'buildx',
      'create',
      '--name',
      'k',
      '--driver',
      'kubernetes',
      '--driver-opt',
      'namespace=ci',
      '--driver-opt',
      'replicas=2',
      '--driver-opt',
      'loadbalance=sticky',
      '--driver-opt',
      'nodeselector=pool=builders,kubernetes.io/arch=amd64',
      '--platform',
      'linux/amd64',
      '--bootstrap'
    ])
    expect(appends).toEqual([
      [
        'buildx',
        'create',
        '--append',
        '--name',
        'k',
        '--driver',
        'kubernetes',
        '--driver-opt',
        'namespace=ci',
        '--driver-opt',
        'replicas=2',
        '--driver-opt',
        'loadbalance=sticky',
        '--driver-opt',
        'nodeselector=pool=builders,kubernetes.io/arch=arm64',
        '--platform',
        'linux/arm64',
        '--node',
        'k-linux-arm64'
      ]
    ])
    // Without nodes appended, a lone kubernetes builder is left to the user's selector.
    expect(builderSpec(parse({ 'driver-opts': 'namespace=ci' }), 'kubernetes', 'k', '/t', []).spec.driverOpts).toEqual(['namespace=ci'])
  })

  test.each([
    [
      { 'append-nodes': 'linux/arm64=tcp://arm:1234' },
      /^Input 'append-nodes': the kubernetes driver takes no endpoint \(linux\/arm64=tcp:\/\/arm:1234\); name the platform alone/
    ],
    [{ endpoint: 'tcp://k:1234' }, /^Input 'endpoint': the kubernetes driver takes no endpoint/],
    [{ 'driver-opts': 'replicas=0' }, /^Input 'driver-opts': replicas=0 \(replicas is a whole number, 1 or more\)$/],
    [{ 'driver-opts': 'loadbalance=round' }, /^Input 'driver-opts': loadbalance=round \(loadbalance is sticky or random\)$/],
    [{ 'driver-opts': 'nodeselector=arm64' }, /^Input 'driver-opts': nodeselector=arm64 \(nodeselector is label=value/],
    [{ 'append-nodes': 'linux/arm64\nlinux/arm64' }, /^Input 'append-nodes': linux\/arm64 named twice; one node per platform\.$/]
  ])('refused up front, naming the input: %o', (over, message) => {
    expect(() => parse(over)).toThrow(message)
  })

  test('a platform alone is for kubernetes only: the other drivers need its endpoint', () => {
    expect(() => parseInputs({ ...INPUT_DEFAULTS, driver: 'remote', endpoint: 'tcp://a:1', 'append-nodes': 'linux/arm64' }, {})).toThrow(
      "Input 'append-nodes': linux/arm64 needs an endpoint (platform=endpoint, e.g. linux/arm64=tcp://buildkitd:1234); only driver: kubernetes takes a platform alone."
    )
  })
})

import {
  binfmtArgs,
  buildArgs,
  buildEnv,
  createBuilderArgs,
  gitContextHost,
  loginArgs,
  type BuildPlan
} from '../../../../src/core/builder/args'
import { INPUT_DEFAULTS, parseInputs, type RawInputs } from '../../../../src/core/inputs/inputs'
import { bareBuildPlan } from '../../../support/build-plan'

const plan = (over: Partial<RawInputs>, extra: Partial<BuildPlan> = {}): BuildPlan =>
  bareBuildPlan(parseInputs({ ...INPUT_DEFAULTS, ...over }, { NPM_TOKEN: 'secret-value' }), extra)

describe('buildx build argv (golden)', () => {
  test('defaults: no push, OCI layout to measure, plain progress, metadata file', () => {
    expect(buildArgs(plan({}))).toEqual([
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--file',
      'Dockerfile.base',
      '--build-arg',
      'SOURCE_DATE_EPOCH=1732000000',
      '--provenance=false',
      '--output',
      'type=oci,dest=/tmp/oci,tar=false',
      '--metadata-file',
      '/tmp/m.json',
      '--progress',
      'rawjson',
      '.'
    ])
  })

  test('push with everything set', () => {
    const args = buildArgs(
      plan(
        {
          image: 'ghcr.io/phialo/ci-base',
          push: 'true',
          load: 'true',
          target: 'ci',
          'build-args': 'MONTH=2026-11',
          secrets: 'npm=NPM_TOKEN',
          'no-cache': 'true',
          pull: 'true',
          provenance: 'mode=max',
          sbom: 'true',
          context: 'ctx',
          'rewrite-timestamp': 'true'
        },
        {
          builder: 'b1',
          tags: ['ghcr.io/phialo/ci-base:sha-abc1234'],
          labels: ['a=b'],
          cacheFrom: ['type=gha,scope=w'],
          cacheTo: ['type=gha,scope=w,mode=max'],
          inlineCache: true,
          pushTo: ['ghcr.io/phialo/ci-base', 'docker.io/phialo/ci-base']
        }
      )
    )
    expect(args).toEqual([
      'buildx',
      'build',
      '--builder',
      'b1',
      '--platform',
      'linux/amd64,linux/arm64',
      '--file',
      'Dockerfile.base',
      '--target',
      'ci',
      '--label',
      'a=b',
      '--build-arg',
      'MONTH=2026-11',
      '--build-arg',
      'BUILDKIT_INLINE_CACHE=1',
      '--build-arg',
      'SOURCE_DATE_EPOCH=1732000000',
      '--secret',
      'id=npm,env=NPM_TOKEN',
      '--cache-from',
      'type=gha,scope=w',
      '--cache-to',
      'type=gha,scope=w,mode=max',
      '--no-cache',
      '--pull',
      '--provenance=mode=max',
      '--sbom=true',
      '--output',
      'type=image,"name=ghcr.io/phialo/ci-base,docker.io/phialo/ci-base",push-by-digest=true,name-canonical=true,push=true,rewrite-timestamp=true',
      '--metadata-file',
      '/tmp/m.json',
      '--progress',
      'rawjson',
      'ctx'
    ])
  })

  test('the builder tags nothing in the registry; only a load names the image, in the local store', () => {
    const p = plan(
      { image: 'ghcr.io/phialo/ci-base', push: 'true', load: 'true' },
      { tags: ['ghcr.io/phialo/ci-base:1'], loadTags: ['ghcr.io/phialo/ci-base:1'], pushTo: ['ghcr.io/phialo/ci-base'] }
    )
    expect(buildArgs(p)).not.toContain('--tag')
    expect(buildArgs(p)).toContain('type=image,name=ghcr.io/phialo/ci-base,push-by-digest=true,name-canonical=true,push=true')
    const load = buildArgs({ ...p, loadOnly: true })
    expect(load.slice(load.indexOf('--tag'), load.indexOf('--tag') + 2)).toEqual(['--tag', 'ghcr.io/phialo/ci-base:1'])
    expect(load).toContain('--load')
    expect(load).not.toContain('--output')
  })

  test('rewrite-timestamp: true rewrites file times on either output; false (the default) leaves cached layers as they are', () => {
    const strict = { 'rewrite-timestamp': 'true' }
    expect(buildArgs(plan(strict))).toContain('type=oci,dest=/tmp/oci,tar=false,rewrite-timestamp=true')
    expect(buildArgs(plan(strict, { pushTo: ['r/x'] }))).toContain(
      'type=image,name=r/x,push-by-digest=true,name-canonical=true,push=true,rewrite-timestamp=true'
    )
    for (const args of [buildArgs(plan({})), buildArgs(plan({}, { pushTo: ['r/x'] }))])
      expect(args.join(' ')).not.toContain('rewrite-timestamp')
  })

  test('load without push: the build writes the layout to measure, a second pass loads', () => {
    const p = plan({ load: 'true', platforms: 'linux/amd64' })
    expect(buildArgs(p)).toContain('type=oci,dest=/tmp/oci,tar=false')
    expect(buildArgs(p)).not.toContain('--load')
    const load = buildArgs({ ...p, loadOnly: true })
    expect(load).toContain('--load')
    expect(load).not.toContain('--output')
  })

  test('the cache pass: the same build, exporting only the caches left for after it, to no image', () => {
    const p = plan({}, { cacheTo: ['type=gha,scope=s'], cacheToAfter: ['type=registry,ref=r/x:c'], pushTo: ['r/x'] })
    expect(buildArgs(p).filter((a, i, all) => all[i - 1] === '--cache-to')).toEqual(['type=gha,scope=s'])
    const pass = buildArgs({ ...p, cacheOnly: true })
    expect(pass.filter((a, i, all) => all[i - 1] === '--cache-to')).toEqual(['type=registry,ref=r/x:c'])
    expect(pass.filter((a, i, all) => all[i - 1] === '--output')).toEqual(['type=cacheonly'])
  })

  test("buildx skips reading git only when nothing would use it: provenance off, no BUILDX_GIT_* of the user's", () => {
    expect(buildEnv({ context: '.', githubToken: 't', provenance: 'false', attest: [] }, {})).toStrictEqual({ BUILDX_GIT_INFO: 'false' })
    expect(buildEnv({ context: '.', githubToken: 't', provenance: 'false', attest: ['provenance'] }, {})).toStrictEqual({})
    expect(buildEnv({ context: '.', githubToken: 't', provenance: 'false', attest: ['sbom'] }, {})).toStrictEqual({
      BUILDX_GIT_INFO: 'false'
    })
    expect(buildEnv({ context: '.', githubToken: 't', provenance: 'mode=max', attest: [] }, {})).toEqual({})
    expect(buildEnv({ context: '.', githubToken: 't', provenance: '', attest: [] }, {})).toEqual({})
    expect(buildEnv({ context: '.', githubToken: 't', provenance: 'false', attest: [] }, { BUILDX_GIT_LABELS: 'full' })).toEqual({})
    expect(buildEnv({ context: '.', githubToken: 't', provenance: 'false', attest: [] }, { BUILDX_GIT_INFO: 'true' })).toEqual({})
  })

  test("a git context over HTTPS gets the token as BuildKit's GIT_AUTH_TOKEN.<host> secret, from buildx's environment, never in argv", () => {
    expect(gitContextHost('https://github.com/phialo/ci-base.git#main')).toBe('github.com')
    expect(gitContextHost('https://github.com/phialo/ci-base#v1:docker')).toBe('github.com')
    expect(gitContextHost('https://git.example.org/team/repo.git')).toBe('git.example.org')
    expect(gitContextHost('https://example.org/context.tar.gz')).toBe('')
    expect(gitContextHost('.')).toBe('')
    const git = plan({ context: 'https://github.com/phialo/ci-base.git#main', 'github-token': 'ghs_secret' })
    const { inputs } = git
    const args = buildArgs(git)
    expect(args.join(' ')).not.toContain('ghs_secret')
    expect(args[args.indexOf('--secret') + 1]).toBe('id=GIT_AUTH_TOKEN.github.com,env=CI_BASE_ACTION_GIT_AUTH_TOKEN')
    expect(buildEnv(inputs, {})).toMatchObject({ CI_BASE_ACTION_GIT_AUTH_TOKEN: 'ghs_secret' })
    const local = plan({ 'github-token': 'ghs_secret' })
    expect(buildArgs(local)).not.toContain('--secret')
    expect(buildEnv(local.inputs, {})).not.toHaveProperty('CI_BASE_ACTION_GIT_AUTH_TOKEN')
  })

  test('a secret value never appears in argv, only the variable name', () => {
    expect(buildArgs(plan({ secrets: 'npm=NPM_TOKEN' })).join(' ')).not.toContain('secret-value')
  })
})

test('docker-container builder argv', () => {
  expect(
    createBuilderArgs({
      name: 'ci-1',
      driver: 'docker-container',
      endpoint: '',
      driverOpts: ['network=host', 'image=moby/buildkit:v0.20.0'],
      configFile: '/t/b.toml',
      platforms: []
    })
  ).toEqual([
    'buildx',
    'create',
    '--name',
    'ci-1',
    '--driver',
    'docker-container',
    '--driver-opt',
    'network=host',
    '--driver-opt',
    'image=moby/buildkit:v0.20.0',
    '--config',
    '/t/b.toml',
    '--bootstrap'
  ])
})

test('remote builder argv takes the endpoint last and no config file', () => {
  expect(
    createBuilderArgs({ name: 'r', driver: 'remote', endpoint: 'tcp://bk:1234', driverOpts: [], configFile: '/t/b.toml', platforms: [] })
  ).toEqual(['buildx', 'create', '--name', 'r', '--driver', 'remote', '--bootstrap', 'tcp://bk:1234'])
})

test('binfmt and login argv; the password goes through stdin', () => {
  expect(binfmtArgs('tonistiigi/binfmt:x', ['arm64', 'riscv64'])).toEqual([
    'run',
    '--privileged',
    '--rm',
    'tonistiigi/binfmt:x',
    '--install',
    'arm64,riscv64'
  ])
  expect(loginArgs('ghcr.io', 'bot')).toEqual(['login', '--username', 'bot', '--password-stdin', 'ghcr.io'])
})

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
  test("--platform only where the spec names the first node's platforms", () => {
    const spec = { name: 'b', endpoint: '', driverOpts: [], configFile: '' }
    expect(createBuilderArgs({ ...spec, driver: 'docker-container', platforms: [] })).not.toContain('--platform')
    expect(createBuilderArgs({ ...spec, driver: 'kubernetes', platforms: ['linux/amd64'] })).toContain('--platform')
  })
})

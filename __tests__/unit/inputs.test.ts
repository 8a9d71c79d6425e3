import fc from 'fast-check'
import { INPUT_DEFAULTS, InputError, parseInputs, splitList, type RawInputs } from '../../src/inputs'
import { actionYml } from '../support/runner'

const raw = (over: Partial<RawInputs> = {}): RawInputs => ({ ...INPUT_DEFAULTS, ...over })

function problems(over: Partial<RawInputs>, env: Record<string, string> = {}): string[] {
  try {
    parseInputs(raw(over), env)
  } catch (e) {
    if (e instanceof InputError) return e.problems
    throw e
  }
  return []
}

describe('action.yml and the parser agree', () => {
  test('every input declared in action.yml is parsed, with the same default', () => {
    const declared = actionYml().inputs
    expect(Object.keys(declared).sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort())
    for (const [name, spec] of Object.entries(declared)) {
      expect([name, String(spec.default ?? '')]).toEqual([name, INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS]])
    }
  })
})

describe('parseInputs', () => {
  test('defaults give the design defaults', () => {
    const inputs = parseInputs(raw())
    expect(inputs).toMatchObject({
      context: '.',
      file: 'Dockerfile.base',
      platforms: ['linux/amd64', 'linux/arm64'],
      push: false,
      cache: ['gha', 'inline'],
      tagPolicy: ['sha'],
      driver: 'auto',
      qemu: 'auto',
      summary: true
    })
  })

  test('lists split on newlines and commas; multi-line values keep their commas', () => {
    expect(splitList(' a,\nb ,, c\n')).toEqual(['a', 'b', 'c'])
    const inputs = parseInputs(raw({ 'build-args': 'A=1,2\nB=x', 'cache-from': 'type=registry,ref=r/x:c' }))
    expect(inputs.buildArgs).toEqual(['A=1,2', 'B=x'])
    expect(inputs.cacheFrom).toEqual(['type=registry,ref=r/x:c'])
  })

  test('baseline defaults to <image>:latest; none turns it off; budgets parse', () => {
    expect(parseInputs(raw({ image: 'r/x' })).baseline).toBe('r/x:latest')
    expect(parseInputs(raw({ image: 'r/x', baseline: 'none' })).baseline).toBe('')
    expect(parseInputs(raw({})).baseline).toBe('')
    expect(parseInputs(raw({ 'max-size': '250MB', 'max-layers': '12', 'max-growth': '10%' })).budgets).toEqual({ maxSize: 250_000_000, maxLayers: 12, maxGrowth: { percent: 10 } })
    expect(parseInputs(raw({})).githubToken).toBe('')
  })

  test('none in a list means nothing', () => {
    expect(parseInputs(raw({ cache: 'none', 'tag-policy': 'none' }))).toMatchObject({ cache: [], tagPolicy: [] })
  })

  test.each([
    [{ platforms: 'linux/amd64,lnx' }, "Input 'platforms': 'lnx' is not valid; use os/arch[/variant]"],
    [{ platforms: '' }, "Input 'platforms': '' is not valid; name at least one platform"],
    [{ push: 'yes' }, "Input 'push': 'yes' is not valid; use true or false."],
    [{ push: 'true' }, "Input 'push': true needs 'image'"],
    [{ image: 'GHCR.io/Phialo/CI' }, "Input 'image': 'GHCR.io/Phialo/CI' is not valid; use a lowercase repository"],
    [{ image: 'ghcr.io/p/ci:1.0' }, "Input 'image': 'ghcr.io/p/ci:1.0' is not valid"],
    [{ tags: '1.4.0' }, "Input 'tags': '1.4.0' is not valid; a bare tag needs 'image' to be set"],
    [{ image: 'r/x', tags: 'bad tag!' }, "Input 'tags': 'bad tag!' is not valid"],
    [{ 'tag-policy': 'sha,weekly' }, "Input 'tag-policy': 'weekly' is not valid; allowed: sha, date, latest, none."],
    [{ 'tag-policy': 'none,sha' }, "Input 'tag-policy': 'none,sha' is not valid; 'none' cannot be combined"],
    [{ cache: 'gha,s3' }, "Input 'cache': 's3' is not valid; allowed: gha, registry, inline, local, none."],
    [{ cache: 'registry' }, "Input 'cache': 'registry' needs 'cache-ref' or 'image'"],
    [{ 'cache-to': 'inline' }, "Input 'cache-to': 'inline' is not valid; use type=<registry|local|gha|inline|s3|azblob>[,key=value...] (did you mean 'type=inline'?)."],
    [{ 'cache-to': 'type=redis' }, "Input 'cache-to': 'type=redis' is not valid; type must be one of"],
    [{ 'cache-from': 'type=registry,ref' }, "Input 'cache-from': 'type=registry,ref' is not valid; use comma-separated key=value pairs"],
    [{ 'cache-ref': 'Not A Ref' }, "Input 'cache-ref': 'Not A Ref' is not valid"],
    [{ 'build-args': 'NOVALUE' }, "Input 'build-args': 'NOVALUE' is not valid; use one KEY=VALUE per line."],
    [{ labels: '=x' }, "Input 'labels': '=x' is not valid; use one KEY=VALUE per line."],
    [{ secrets: 'npmrc' }, "Input 'secrets': 'npmrc' is not valid; use one id=ENV_NAME per line"],
    [{ secrets: 'npm=NPM_TOKEN' }, "Input 'secrets': environment variable 'NPM_TOKEN' for secret 'npm' is not set"],
    [{ driver: 'podman' }, "Input 'driver': 'podman' is not valid; allowed: auto, docker, docker-container, remote, kubernetes."],
    [{ driver: 'remote' }, "Input 'endpoint': the remote driver needs an endpoint"],
    [{ 'buildx-version': 'latest' }, "Input 'buildx-version': 'latest' is not valid; use 'installed' or a release such as v0.23.0."],
    [{ 'buildx-download-url': 'ftp://x' }, "Input 'buildx-download-url': 'ftp://x' is not valid; use an http(s) URL."],
    [{ qemu: 'maybe' }, "Input 'qemu': 'maybe' is not valid; allowed: auto, true, false."],
    [{ 'qemu-image': 'Bad Image' }, "Input 'qemu-image': 'Bad Image' is not valid"],
    [{ username: 'bot' }, "Inputs 'username' and 'password': give both to log in, or neither."],
    [{ summary: 'on' }, "Input 'summary': 'on' is not valid; use true or false."],
    [{ baseline: 'Not A Ref' }, "Input 'baseline': 'Not A Ref' is not valid; use an image reference such as ghcr.io/phialo/ci-base:latest, or 'none'."],
    [{ 'max-size': '250 megabytes' }, "Input 'max-size': '250 megabytes' is not valid; use bytes (231000000) or a number with a unit: kB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 250MB or 1.2GiB."],
    [{ 'max-layers': '12.5' }, "Input 'max-layers': '12.5' is not valid; use a whole number above 0, e.g. 12."],
    [{ 'max-layers': '0' }, "Input 'max-layers': '0' is not valid"],
    [{ 'max-growth': 'ten' }, "Input 'max-growth': 'ten' is not valid; use a percentage (10%) or a size"],
    [{ comment: 'yes' }, "Input 'comment': 'yes' is not valid; use true or false."]
  ])('%j fails naming the input and what is allowed', (over, message) => {
    const found = problems(over as Partial<RawInputs>)
    expect(found).toHaveLength(1)
    expect(found[0]).toContain(message)
  })

  test('all problems are reported at once, one line each', () => {
    const error = (() => {
      try {
        parseInputs(raw({ push: 'maybe', qemu: 'x' }))
      } catch (e) {
        return e as InputError
      }
    })()
    expect(error?.message).toMatch(/^2 invalid inputs:\nInput 'push'.*\nInput 'qemu'/)
  })

  test('valid non-default values pass', () => {
    const inputs = parseInputs(
      raw({
        image: 'localhost:5000/phialo/ci-base',
        tags: '1.4.0\nghcr.io/phialo/other:edge',
        'tag-policy': 'sha,date,latest',
        push: 'TRUE',
        platforms: 'linux/amd64,linux/arm/v7',
        secrets: 'npm=NPM_TOKEN',
        cache: 'registry,local',
        'cache-from': 'localhost:5000/phialo/ci-base:buildcache',
        driver: 'remote',
        endpoint: 'tcp://127.0.0.1:1234',
        'buildx-version': 'v0.23.0',
        username: 'bot',
        password: 's3cret'
      }),
      { NPM_TOKEN: 'x' }
    )
    expect(inputs.secrets).toEqual([{ id: 'npm', env: 'NPM_TOKEN' }])
    expect(inputs.push).toBe(true)
    expect(inputs.platforms).toEqual(['linux/amd64', 'linux/arm/v7'])
  })
})

test('any value of any input either parses or fails with an InputError that names that input', () => {
  const names = Object.keys(INPUT_DEFAULTS) as (keyof typeof INPUT_DEFAULTS)[]
  fc.assert(
    fc.property(fc.constantFrom(...names), fc.string({ maxLength: 40 }), (name, value) => {
      try {
        parseInputs(raw({ [name]: value }), {})
      } catch (e) {
        expect(e).toBeInstanceOf(InputError)
        expect((e as InputError).problems.every(p => p.includes(`'${name}'`))).toBe(true)
      }
    }),
    { numRuns: 2000 }
  )
})

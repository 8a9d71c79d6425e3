// login.ts, release.ts and run-facts.ts without the docker engine: logins through a scripted
// docker, the published releases from an in-process registry's tag list, the facts a plan needs.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { logIn } from '../../../../src/pipeline/registry/login'
import { releaseOf } from '../../../../src/pipeline/registry/release'
import { gatherFacts } from '../../../../src/pipeline/run-facts'
import { OptionalReads } from '../../../../src/pipeline/host/optional-reads'
import { INPUT_DEFAULTS, parseInputs, type RawInputs } from '../../../../src/core/inputs/inputs'
import { runContext } from '../../../../src/core/inputs/github-context'
import { parseVersion } from '../../../../src/core/registry/semver'
import { startTinyRegistry, type TinyRegistry } from '../../../support/tiny-registry'
import { host } from '../../../support/scripted-host'

const inputs = (over: Partial<RawInputs>) => parseInputs({ ...INPUT_DEFAULTS, ...over })
const reads = () => new OptionalReads(30_000, () => undefined)

let registry: TinyRegistry | undefined
afterEach(async () => registry?.close())

describe('logIn', () => {
  const two = {
    'registry-auth':
      '- registry: ghcr.io\n  username: u\n  password: s3cret-one\n- registry: quay.io\n  username: v\n  password: s3cret-two'
  }

  test('each registry in turn, the password on stdin only; post is handed every login that succeeded', async () => {
    const stdin: string[] = []
    const h = host((_, options) => (stdin.push(options.input ?? ''), { code: 0 }))
    await logIn(h.rt, inputs(two))
    expect(h.calls).toEqual(['docker login --username u --password-stdin ghcr.io', 'docker login --username v --password-stdin quay.io'])
    expect(stdin).toEqual(['s3cret-one', 's3cret-two'])
    expect(h.remembered.logouts).toEqual(['ghcr.io', 'quay.io'])
  })

  test('a refused login fails the step naming the registry; post logs out of the ones before it', async () => {
    const h = host(argv => (argv.includes('quay.io') ? { code: 1, stderr: 'unauthorized: incorrect username or password' } : { code: 0 }))
    await expect(logIn(h.rt, inputs(two))).rejects.toThrow(/Logging in to quay\.io failed \(exit 1\):\nunauthorized/)
    expect(h.remembered.logouts).toEqual(['ghcr.io'])
  })

  test('no credentials: no login', async () => {
    const h = host(() => ({ code: 0 }))
    await logIn(h.rt, inputs({}))
    expect(h.calls).toEqual([])
  })
})

describe('releaseOf', () => {
  test("a version tag's release, with the versions the registry already has", async () => {
    registry = await startTinyRegistry()
    const entry = { bytes: Buffer.from('{}'), mediaType: 'application/vnd.oci.image.index.v1+json' }
    registry.manifests.set(
      'p/x',
      new Map([
        ['1.2.4', entry],
        ['latest', entry],
        ['sha256:abc', entry]
      ])
    )
    const h = host(() => ({ code: 0 }))
    const release = await releaseOf(h.rt, inputs({ image: `${registry.host}/p/x` }), reads(), parseVersion('v1.3.0'))
    expect(release?.published?.sort()).toEqual(['1.2.4', 'latest'])
  })

  test('a pre-release lists nothing; a registry that refuses the list leaves only the full version tagged, with a warning', async () => {
    const h = host(() => ({ code: 0 }))
    expect(await releaseOf(h.rt, inputs({ image: 'r/x' }), reads(), parseVersion('v2.0.0-rc.1'))).toMatchObject({ published: [] })
    registry = await startTinyRegistry(() => ({ status: 401 }))
    const refused = await releaseOf(h.rt, inputs({ image: `${registry.host}/p/x` }), reads(), parseVersion('v1.3.0'))
    expect(refused).toEqual({ version: parseVersion('v1.3.0') })
    expect(h.warnings.join('\n')).toMatch(/Could not list the tags of .*only 1\.3\.0 is tagged/)
  })
})

describe('gatherFacts', () => {
  test('the Dockerfile, the source date and (on a branch) no release: what every plan starts from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'facts-'))
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n')
    const h = host(() => ({ code: 0 }))
    const ctx = runContext({ ...h.rt.env, GITHUB_REF: 'refs/heads/main' }, () => '{}')
    const facts = await gatherFacts(h.rt, inputs({ file: join(dir, 'Dockerfile') }), ctx, reads())
    expect(facts).toMatchObject({ dockerfile: 'FROM scratch\n', sourceDateEpoch: 1732000000, release: undefined })
    const missing = await gatherFacts(h.rt, inputs({ file: join(dir, 'nope') }), ctx, reads())
    expect(missing.dockerfile).toBe('')
  })
})

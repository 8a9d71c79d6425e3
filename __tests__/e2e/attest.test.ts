// attest: provenance kept beside the image. The registry here (distribution 2.8) has no referrers
// API, so the referrers tag schema is what is exercised: the tag sha256-<hex> lists the
// referrers, each of which names the published index as its subject.
import type { ActionRun } from '../support/runner'
import { api, blob, manifest, REGISTRY } from '../support/registry'
import { startCacheServer, type CacheServer } from '../support/cache-server'
import { expectGreen, fixture, nonce, onEveryStack } from '../support/stack'

const multistage = fixture('multistage')
const PLATFORMS = ['linux/amd64', 'linux/arm64']

interface Referrer {
  digest: string
  artifactType?: string
  annotations?: Record<string, string>
}

/** The referrers of a digest as a client finds them: the API, else the tag schema. */
async function referrersOf(repo: string, digest: string): Promise<Referrer[]> {
  const viaApi = await fetch(`${api}/${repo}/referrers/${digest}`)
  expect(viaApi.status).toBe(404) // distribution 2.8: no referrers API, so the fallback must be there
  return ((await manifest(repo, digest.replace(':', '-')))?.body.manifests ?? []) as Referrer[]
}

/** Each referrer's subject and the statements it carries, read back from the registry. */
async function statementsOf(repo: string, referrer: Referrer) {
  const m = (await manifest(repo, referrer.digest))!.body as {
    subject?: { digest: string }
    artifactType?: string
    layers: { digest: string }[]
  }
  const statements = await Promise.all(
    m.layers.map(
      async l =>
        JSON.parse((await blob(repo, l.digest)).toString('utf8')) as { predicateType: string; subject?: { digest: { sha256: string } }[] }
    )
  )
  return { subject: m.subject?.digest, artifactType: m.artifactType, statements }
}

async function expectAttested(repo: string, index: string, platforms: Record<string, string>, strictSubjects: boolean) {
  const referrers = await referrersOf(repo, index)
  expect(referrers.map(r => [r.artifactType, r.annotations?.['vnd.docker.reference.digest']]).sort()).toStrictEqual(
    Object.values(platforms)
      .map(d => ['application/vnd.in-toto+json', d])
      .sort()
  )
  for (const r of referrers) {
    const { subject, artifactType, statements } = await statementsOf(repo, r)
    expect([subject, artifactType]).toStrictEqual([index, 'application/vnd.in-toto+json'])
    expect(statements.map(s => s.predicateType)).toContainEqual(expect.stringMatching(/^https:\/\/slsa\.dev\/provenance\//))
    const subjects = statements.flatMap(s => (s.subject ?? []).map(x => `sha256:${x.digest.sha256}`))
    // The statement names its platform image; the engine here (BuildKit 0.13's OCI layout export)
    // leaves the statement's subject empty, and the referrer's annotation names the image then.
    if (strictSubjects) expect(subjects).toContain(r.annotations!['vnd.docker.reference.digest'])
    else expect(subjects.filter(d => d !== r.annotations!['vnd.docker.reference.digest'])).toStrictEqual([])
  }
}

const platformsOf = async (repo: string, ref: string) =>
  Object.fromEntries((await manifest(repo, ref))!.body.manifests!.map(m => [`${m.platform!.os}/${m.platform!.architecture}`, m.digest]))

onEveryStack('attest: provenance as referrers', stack => {
  const run = nonce()
  const repo = `e2e/attest-${stack.name}-${run}`
  const build = (tags: string, inputs: Record<string, string> = {}) =>
    stack.run({
      inputs: {
        ...multistage,
        image: `${REGISTRY}/${repo}`,
        push: 'true',
        tags,
        attest: 'provenance',
        'build-args': `NONCE=${run}`,
        // The second build of the same commit is served from this cache: the same layers.
        cache: 'registry',
        'cache-ref': `${REGISTRY}/${repo}:buildcache`,
        'cache-write': 'always',
        ...inputs
      }
    })
  let first: ActionRun
  let again: ActionRun
  beforeAll(async () => {
    first = await build('weekly')
    // The same tag (the version label is made from it), compared with the first build, as a weekly rebuild is.
    again = await build('weekly', { baseline: `${REGISTRY}/${repo}:weekly` })
  }, 400_000)

  test("the index holds the platform images alone; each platform's provenance is a referrer of it", async () => {
    expectGreen(first)
    const index = (await manifest(repo, 'weekly'))!
    expect(first.main.outputs.digest).toBe(index.digest)
    expect(index.body.manifests!.map(m => m.annotations?.['vnd.docker.reference.type'] ?? m.platform!.os)).toStrictEqual(['linux', 'linux'])
    const platforms = await platformsOf(repo, 'weekly')
    expect(Object.keys(platforms).sort()).toStrictEqual(PLATFORMS)
    await expectAttested(repo, index.digest, platforms, stack.name === 'runner')
    expect(first.main.stdout).toMatch(new RegExp(`^Attested ${index.digest}: 2 referrers`, 'm'))
  })

  test('a rebuild of the same commit keeps the digest, and the attestations are not doubled', async () => {
    expectGreen(again)
    expect(again.main.outputs.digest).toBe(first.main.outputs.digest)
    expect((await manifest(repo, 'weekly'))!.digest).toBe(first.main.outputs.digest)
    expect(again.main.outputs.changed).toBe('false')
    expect(again.main.stdout).toMatch(/^Attested sha256:[0-9a-f]{64} already: 2 platform images keep the attestation attached before$/m)
    expect(await referrersOf(repo, first.main.outputs.digest)).toHaveLength(2)
  })
})

onEveryStack('attest through the split path', stack => {
  let cache: CacheServer
  beforeAll(async () => (cache = await startCacheServer()))
  afterAll(() => cache?.close())

  test("each platform job's provenance reaches the merged index as its referrer", async () => {
    const repo = `e2e/attest-split-${stack.name}-${nonce()}`
    const env = { ...cache.env, GITHUB_RUN_ID: `${Date.now()}` }
    const common = {
      ...multistage,
      image: `${REGISTRY}/${repo}`,
      push: 'true',
      cache: 'none',
      tags: '1',
      attest: 'provenance',
      'build-args': `NONCE=${repo}`
    }
    const jobs = await Promise.all(
      PLATFORMS.map(platform => stack.run({ inputs: { ...common, mode: 'platform', platforms: platform }, env }))
    )
    for (const job of jobs) expectGreen(job)
    const merged = await stack.run({ inputs: { ...common, mode: 'merge', platforms: PLATFORMS.join(',') }, env })
    expectGreen(merged)
    const index = (await manifest(repo, '1'))!
    expect(merged.main.outputs.digest).toBe(index.digest)
    const platforms = await platformsOf(repo, '1')
    expect(Object.keys(platforms).sort()).toStrictEqual(PLATFORMS)
    await expectAttested(repo, index.digest, platforms, stack.name === 'runner')
  }, 400_000)
})

// skip-unchanged on the split path: a per-platform job whose platform was built from the same
// inputs hands over the platform's image in the published index instead of building; the merge
// job then makes the same index. Each platform's fingerprint is recorded on its entry in the
// merged index, so one changed platform builds alone. Checked in the registry and in the
// engine's own events.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { manifest, REGISTRY, BASE_IMAGE } from '../support/registry'
import { expectGreen, nonce, onEveryStack } from '../support/stack'
import { startCacheServer, type CacheServer } from '../support/cache-server'
import { containersCreatedSince, engineNow } from '../support/engine-events'
import type { ActionRun } from '../support/runner'

const PLATFORMS = ['linux/amd64', 'linux/arm64']
const FINGERPRINT = 'com.github.phialo.ci-base-action.fingerprint.rest'

interface Round {
  jobs: Record<string, ActionRun>
  /** The containers created during each platform job. */
  created: Record<string, string[]>
  merge: ActionRun
  /** The index `latest` points at after the merge: its entries' digests and annotations by platform. */
  index: { digest: string; entries: Record<string, { digest: string; annotations: Record<string, string> }> }
}

onEveryStack('skip-unchanged with a job per platform', stack => {
  const run = nonce()
  const repo = `e2e/skip-split-${stack.name}-${run}`
  const context = mkdtempSync(join(tmpdir(), 'skip-split-'))
  let cache: CacheServer
  const rounds: Record<string, Round> = {}

  /** One run of the workflow: a job per platform (`over` gives a platform's job more inputs), then the merge. */
  const workflow = async (name: string, over: Record<string, Record<string, string>> = {}) => {
    const env = { ...cache.env, GITHUB_RUN_ID: `${Date.now()}` }
    const common = {
      context,
      file: join(context, 'Dockerfile'),
      image: `${REGISTRY}/${repo}`,
      push: 'true',
      cache: 'none',
      'tag-policy': 'none',
      tags: 'latest',
      'skip-unchanged': 'true',
      'build-args': `BASE=${BASE_IMAGE}`
    }
    const jobs: Record<string, ActionRun> = {}
    const created: Record<string, string[]> = {}
    // One after the other, so that each job's containers are its own.
    for (const platform of PLATFORMS) {
      const since = engineNow()
      jobs[platform] = await stack.run({ inputs: { ...common, mode: 'platform', platforms: platform, ...over[platform] }, env })
      created[platform] = containersCreatedSince(since, jobs[platform].runId)
    }
    const merge = await stack.run({ inputs: { ...common, mode: 'merge', platforms: PLATFORMS.join(',') }, env })
    const index = (await manifest(repo, 'latest'))!
    const entries = Object.fromEntries(
      index.body.manifests!.map(m => [
        `${m.platform!.os}/${m.platform!.architecture}`,
        { digest: m.digest, annotations: (m as { annotations?: Record<string, string> }).annotations ?? {} }
      ])
    )
    rounds[name] = { jobs, created, merge, index: { digest: index.digest, entries } }
  }

  beforeAll(async () => {
    cache = await startCacheServer()
    writeFileSync(join(context, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nCOPY app/ /app/\nRUN echo ${run} > /run\n`)
    mkdirSync(join(context, 'app'))
    writeFileSync(join(context, 'app', 'main.sh'), 'echo one\n')
    await workflow('first')
    await workflow('same')
    // Only the arm64 job's inputs change: a label of its own.
    await workflow('arm64', { 'linux/arm64': { labels: 'arch-note=arm64' } })
  }, 900_000)
  afterAll(() => cache?.close())

  test('every job is green', () => {
    for (const r of Object.values(rounds)) for (const job of [...Object.values(r.jobs), r.merge]) expectGreen(job)
  })

  test("the merge records each platform job's fingerprint on the platform's entry in the index", () => {
    const { index, jobs } = rounds.first
    for (const platform of PLATFORMS) {
      expect(index.entries[platform].digest).toBe(jobs[platform].main.outputs.digest)
      expect(index.entries[platform].annotations[FINGERPRINT]).toMatch(/^sha256:[0-9a-f]{64}$/)
    }
    // Each job's fingerprint names its own platform: the entries differ.
    expect(index.entries['linux/amd64'].annotations[FINGERPRINT]).not.toBe(index.entries['linux/arm64'].annotations[FINGERPRINT])
  })

  test('nothing changed: no job builds or creates a container; each hands over its recorded platform, and the merge keeps the same index', () => {
    const { first, same } = rounds
    for (const platform of PLATFORMS) {
      const job = same.jobs[platform]
      expect({ built: job.main.outputs.built, why: job.main.outputs['rebuild-reason'] }).toStrictEqual({ built: 'false', why: '' })
      expect(job.main.stdout).not.toMatch(/^docker buildx build /m)
      expect(same.created[platform]).toStrictEqual([])
      expect(job.main.outputs.digest).toBe(first.index.entries[platform].digest)
      expect(job.main.outputs.markdown).toMatch(/^### CI base image — nothing to build/)
    }
    expect(same.index.digest).toBe(first.index.digest)
    expect(same.merge.main.outputs.digest).toBe(first.index.digest)
    expect(same.merge.main.outputs.built).toBe('false')
    expect(same.merge.main.outputs.markdown).toContain(`**Nothing to build**: the same inputs as \`${first.index.digest}\``)
  })

  test('one platform changed: it alone builds and says why; the other hands over its recorded image; the merge makes a new index of both', () => {
    const { first, arm64 } = rounds
    const [amd, arm] = [arm64.jobs['linux/amd64'], arm64.jobs['linux/arm64']]
    expect([amd.main.outputs.built, arm.main.outputs.built]).toStrictEqual(['false', 'true'])
    expect(arm.main.outputs['rebuild-reason']).toBe('`labels` changed')
    expect(arm.main.stdout).toMatch(/^docker buildx build /m)
    expect(arm64.created['linux/amd64']).toStrictEqual([])
    expect(arm64.index.digest).not.toBe(first.index.digest)
    expect(arm64.index.entries['linux/amd64'].digest).toBe(first.index.entries['linux/amd64'].digest)
    expect(arm64.index.entries['linux/arm64'].digest).toBe(arm.main.outputs.digest)
    expect(arm64.index.entries['linux/arm64'].digest).not.toBe(first.index.entries['linux/arm64'].digest)
    expect(arm64.merge.main.outputs.built).toBe('true')
  })
})

// handover.ts without the docker engine: per-platform jobs hand their image to the merge job
// through an in-process GitHub cache service (v2), as on GitHub.
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { collectHandovers, handOver } from '../../../../src/pipeline/github/handover'
import { startCacheServer, type CacheServer } from '../../../support/cache-server'

let server: CacheServer
const saved = { ...process.env }
beforeAll(async () => {
  server = await startCacheServer()
  Object.assign(process.env, server.env)
})
const cwd = process.cwd()
afterAll(async () => {
  process.chdir(cwd)
  process.env = saved
  await server.close()
})

/** A job of its own on its own runner, which runs the action in its workspace: the cache resolves the hand-over's relative path there. */
function job(runId: string, runAttempt = '1') {
  const workspace = mkdtempSync(join(tmpdir(), 'handover-ws-'))
  process.chdir(workspace)
  return { runId, runAttempt, workspace }
}
const repository = 'ghcr.io/p/x'

test('each platform job hands over its digest; the merge job of the same run finds both, and leaves no files behind', async () => {
  const run = `${Date.now()}1`
  await handOver({ platform: 'linux/amd64', repository, digest: 'sha256:a' }, job(run))
  await handOver({ platform: 'linux/arm64', repository, digest: 'sha256:b' }, job(run))
  const merge = job(run)
  const found = await collectHandovers(repository, ['linux/amd64', 'linux/arm64'], merge)
  expect(found.map(h => [h.platform, h.digest])).toEqual([
    ['linux/amd64', 'sha256:a'],
    ['linux/arm64', 'sha256:b']
  ])
  expect(readdirSync(merge.workspace)).toEqual([])
})

test('a platform no job handed over: one error naming it; another run or repository does not count', async () => {
  const run = `${Date.now()}2`
  await handOver({ platform: 'linux/amd64', repository, digest: 'sha256:a' }, job(run))
  await handOver({ platform: 'linux/arm64', repository: 'ghcr.io/p/other', digest: 'sha256:b' }, job(run))
  await handOver({ platform: 'linux/arm64', repository, digest: 'sha256:c' }, job(`${run}9`))
  await expect(collectHandovers(repository, ['linux/amd64', 'linux/arm64'], job(run))).rejects.toThrow(
    new RegExp(`no per-platform job of run ${run} handed over linux/arm64;`)
  )
})

test('two jobs of one attempt building the same platform: the second is told, not silently taken', async () => {
  const run = `${Date.now()}3`
  await handOver({ platform: 'linux/amd64', repository, digest: 'sha256:a' }, job(run))
  await expect(handOver({ platform: 'linux/amd64', repository, digest: 'sha256:z' }, job(run))).rejects.toThrow(
    /Handing linux\/amd64 over to the merge job failed: another job of this run already built linux\/amd64/
  )
})

test("a re-run's newer hand-over wins over the first attempt's", async () => {
  const run = `${Date.now()}4`
  await handOver({ platform: 'linux/amd64', repository, digest: 'sha256:old' }, job(run, '1'))
  await handOver({ platform: 'linux/amd64', repository, digest: 'sha256:new' }, job(run, '2'))
  const [h] = await collectHandovers(repository, ['linux/amd64'], job(run, '2'))
  expect(h.digest).toBe('sha256:new')
})

test('two runs (or two images) sharing a workspace hand over the same platform at the same time: each merge finds its own', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'handover-shared-'))
  process.chdir(workspace)
  const [one, two] = [`${Date.now()}5`, `${Date.now()}6`].map(runId => ({ runId, runAttempt: '1', workspace }))
  await Promise.all([
    handOver({ platform: 'linux/arm64', repository, digest: 'sha256:one' }, one),
    handOver({ platform: 'linux/arm64', repository, digest: 'sha256:two' }, two),
    handOver({ platform: 'linux/arm64', repository: 'ghcr.io/p/other', digest: 'sha256:other' }, one)
  ])
  const [a, b, c] = await Promise.all([
    collectHandovers(repository, ['linux/arm64'], one),
    collectHandovers(repository, ['linux/arm64'], two),
    collectHandovers('ghcr.io/p/other', ['linux/arm64'], one)
  ])
  expect([a, b, c].map(found => found.map(h => h.digest))).toEqual([['sha256:one'], ['sha256:two'], ['sha256:other']])
  expect(readdirSync(workspace)).toEqual([])
})

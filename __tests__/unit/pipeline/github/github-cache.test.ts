// github-cache.ts against an in-process GitHub cache service (v2): @actions/cache's own stdout
// lines become the caller's exception, per call, and cache-timeout bounds a call still retrying.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { restorePaths, savePaths } from '../../../../src/pipeline/github/github-cache'
import { startCacheServer, type CacheServer } from '../../../support/cache-server'

let server: CacheServer
const saved = { ...process.env }
beforeAll(async () => {
  server = await startCacheServer()
  Object.assign(process.env, server.env)
})
afterAll(async () => {
  process.env = saved
  await server.close()
})
afterEach(() => (server.failWith = undefined))

/** What reached stdout while `during` ran (lines), and in the `after` ms beyond it (later). */
async function stdoutOf<T>(
  during: () => Promise<T>,
  after = 0
): Promise<{ result: PromiseSettledResult<T>; lines: string; later: string }> {
  const lines: string[] = []
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const write = process.stdout.write
  const spy = ((chunk: string | Uint8Array) => (lines.push(String(chunk)), true)) as typeof process.stdout.write
  process.stdout.write = spy
  try {
    const [result] = await Promise.allSettled([during()])
    const settled = lines.length
    await new Promise(resolve => setTimeout(resolve, after))
    return { result, lines: lines.slice(0, settled).join(''), later: lines.slice(settled).join('') }
  } finally {
    process.stdout.write = write
  }
}

const dir = () => mkdtempSync(join(tmpdir(), 'gh-cache-'))

test('a service answering 503 is given up on at the bound: one exception naming cache-timeout, and nothing said after', async () => {
  server.failWith = 503
  const started = Date.now()
  const { result, lines, later } = await stdoutOf(() => restorePaths([dir()], `k-${Date.now()}`, [], 1000), 3500)
  expect(Date.now() - started).toBeLessThan(1000 + 3500 + 2000)
  expect(result).toMatchObject({
    status: 'rejected',
    reason: {
      message: expect.stringMatching(
        /did not finish in 1 s \(cache-timeout\); its last attempt failed: Failed request: \(503\) Service Unavailable$/
      )
    }
  })
  // Its first attempt failed within the bound; its second (3 s after) reached no log.
  expect(lines).toMatch(/Attempt 1 of 5 failed/)
  expect(later).toBe('')
})

test("calls side by side each keep their own lines; after them the run's own lines reach stdout", async () => {
  const key = `side-${Date.now()}`
  const source = dir()
  writeFileSync(join(source, 'file.txt'), 'cached')
  await savePaths([source], key, 10_000)
  const [hit, miss] = await Promise.all([restorePaths([source], key, [], 10_000), restorePaths([dir()], `none-${Date.now()}`, [], 10_000)])
  expect([hit, miss]).toEqual([key, undefined])
  const { lines } = await stdoutOf(async () => void process.stdout.write('::warning::the run says this\n'))
  expect(lines).toBe('::warning::the run says this\n')
})

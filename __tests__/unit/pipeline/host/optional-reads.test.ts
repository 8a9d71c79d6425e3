// The one budget of the optional reads, against a registry that accepts connections and never
// answers (a real socket: the request has to be cut off, not merely forgotten).
import { createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { OptionalReads, optionalReadsBudgetMs } from '../../../../src/pipeline/host/optional-reads'
import { clientFor } from '../../../../src/pipeline/registry/registry-client'

let silent: Server
const sockets: Socket[] = []
beforeAll(async () => {
  silent = createServer(socket => sockets.push(socket.on('error', () => undefined)))
  await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
})
afterAll(async () => {
  for (const s of sockets) s.destroy()
  await new Promise(resolve => silent.close(resolve))
})
const silentRepo = () => `127.0.0.1:${(silent.address() as AddressInfo).port}/ci/base`

test('reads share the budget; when it runs out the read in flight is cut off, one warning, later reads skipped', async () => {
  const warnings: string[] = []
  const reads = new OptionalReads(600, m => warnings.push(m))
  const started = performance.now()
  const tags = await reads.read('the tags of ci/base', signal => clientFor(silentRepo(), {}, undefined, signal).tags())
  const cutOffAfter = performance.now() - started
  expect(tags).toBeUndefined()
  expect(cutOffAfter).toBeGreaterThanOrEqual(590)
  expect(reads.spent).toBe(true)
  // Nothing is asked once the budget is spent: no wait, no second warning.
  let asked = false
  expect(await reads.read('the baseline', async () => ((asked = true), 'x'))).toBeUndefined()
  expect(asked).toBe(false)
  expect(warnings).toHaveLength(1)
  expect(warnings[0]).toMatch(/did not answer the optional reads within 0.6 s in all \(the tags of ci\/base was in flight/)
})

test('the budget is what all reads spend together, not each', async () => {
  let now = 0
  const reads = new OptionalReads(
    1000,
    () => undefined,
    () => now
  )
  expect(await reads.read('first', async () => ((now += 700), 'a'))).toBe('a')
  expect(reads.spent).toBe(false)
  const started = performance.now()
  // 300 ms are left: a read that would take longer is cut off then.
  expect(
    await reads.read('second', signal => new Promise(resolve => signal.addEventListener('abort', () => resolve('late'))))
  ).toBeUndefined()
  expect(performance.now() - started).toBeLessThan(900)
  expect(reads.spent).toBe(true)
})

test("a read's own failure is its own, not the budget's", async () => {
  const reads = new OptionalReads(1000, () => undefined)
  await expect(reads.read('x', async () => Promise.reject(new Error('manifest unknown')))).rejects.toThrow('manifest unknown')
  expect(reads.spent).toBe(false)
})

test("a run's budget is 30 s, or registry-timeout where that is shorter", () => {
  expect(optionalReadsBudgetMs(120_000)).toBe(30_000)
  expect(optionalReadsBudgetMs(3_000)).toBe(3_000)
  expect(optionalReadsBudgetMs(30_000)).toBe(30_000)
})

// The lock that lets the engine stack's files run side by side (jest's workers): a test that
// empties the engine's builder waits for every other file's test on it, and they wait for it.
// Another worker is played by a bare flock(1) on the same file.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const LOCK = join(mkdtempSync(join(tmpdir(), 'engine-lock-')), 'engine.lock')
process.env.E2E_ENGINE_LOCK = LOCK
const { ownEngine, releaseEngine, shareEngine } = await import('../../support/engine-lock')

/** Another worker's hold: resolves once flock has it. */
async function otherWorker(mode: '--shared' | '--exclusive'): Promise<ChildProcess> {
  const child = spawn('flock', [mode, LOCK, '-c', 'echo held && exec cat'], { stdio: ['pipe', 'pipe', 'inherit'] })
  await once(child.stdout!, 'data')
  return child
}
const release = async (child: ChildProcess) => {
  const exited = once(child, 'exit')
  child.stdin!.end()
  await exited
}
/** Whether a promise is still pending after a while. */
async function pendingAfter(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const still = new Promise<boolean>(r => (timer = setTimeout(() => r(true), ms)))
  try {
    return await Promise.race([p.then(() => false), still])
  } finally {
    clearTimeout(timer)
  }
}

afterEach(releaseEngine)

test("a test's runs share the engine with another worker's", async () => {
  const other = await otherWorker('--shared')
  await expect(pendingAfter(shareEngine(), 300)).resolves.toBe(false)
  await release(other)
})

test('emptying waits until no other worker runs a test on the engine', async () => {
  const other = await otherWorker('--shared')
  const owning = ownEngine()
  expect(await pendingAfter(owning, 300)).toBe(true)
  await release(other)
  await expect(pendingAfter(owning, 2000)).resolves.toBe(false)
})

test("another worker's runs wait until the test that emptied the engine ends", async () => {
  await ownEngine()
  const other = spawn('flock', ['--shared', '--nonblock', LOCK, 'true'])
  const [code] = await once(other, 'exit')
  expect(code).toBe(1)
  await releaseEngine()
  const after = spawn('flock', ['--shared', '--nonblock', LOCK, 'true'])
  expect((await once(after, 'exit'))[0]).toBe(0)
})

test('a test that ran on the engine and then empties it does not wait for itself', async () => {
  await shareEngine()
  await expect(pendingAfter(ownEngine(), 2000)).resolves.toBe(false)
  // Its later runs are covered by the exclusive hold.
  await expect(pendingAfter(shareEngine(), 300)).resolves.toBe(false)
})

test('runs started at once in one test share one hold, and the test lets go of it whole', async () => {
  await Promise.all([shareEngine(), shareEngine(), shareEngine()])
  await releaseEngine()
  const other = spawn('flock', ['--exclusive', '--nonblock', LOCK, 'true'])
  expect((await once(other, 'exit'))[0]).toBe(0)
})

// The engine's BuildKit is one builder for every test file on the engine stack (the docker
// driver has no other). A test that empties it must not do so under another file's test, nor
// have another file build between its emptying and its checks. So, across jest's workers: a test
// that runs on the engine holds a shared lock until it ends, and a test that empties the builder
// holds it exclusively from the emptying to its end. flock(1) holds each lock in a child process:
// a worker that dies takes its locks with it.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// One per machine, as the engine is (E2E_ENGINE_LOCK: another, for the lock's own tests).
const LOCK_FILE = process.env.E2E_ENGINE_LOCK ?? join(tmpdir(), 'ci-base-action-e2e-engine.lock')

interface Hold {
  mode: 'shared' | 'exclusive'
  holder: ChildProcess
}
// The hold being taken or held: runs started at once in one test (Promise.all) share one.
let holding: Promise<Hold> | undefined

async function take(mode: Hold['mode']): Promise<Hold> {
  const holder = spawn('flock', [mode === 'shared' ? '--shared' : '--exclusive', LOCK_FILE, '-c', 'echo held && exec cat'], {
    stdio: ['pipe', 'pipe', 'inherit']
  })
  let out = ''
  await Promise.race([
    new Promise<void>(ready => holder.stdout!.on('data', d => (out += d).includes('held') && ready())),
    once(holder, 'exit').then(([code]) => {
      throw new Error(`flock ${mode} ${LOCK_FILE} exited ${code} before taking the lock`)
    })
  ])
  return { mode, holder }
}

/** Releases what this test holds. */
export async function releaseEngine(): Promise<void> {
  const hold = holding
  holding = undefined
  if (!hold) return
  const { holder } = await hold
  const exited = once(holder, 'exit')
  holder.stdin!.end()
  await exited
}

/** Before a run on the engine: a shared hold for the rest of the test (an exclusive one already covers it). */
export async function shareEngine(): Promise<void> {
  holding ??= take('shared')
  await holding
}

/** Before emptying the engine's builder: this test alone on the engine until it ends. */
export async function ownEngine(): Promise<void> {
  if (holding && (await holding).mode === 'exclusive') return
  // Its own shared hold would keep the exclusive one waiting for ever.
  await releaseEngine()
  holding = take('exclusive')
  await holding
}

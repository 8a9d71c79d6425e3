// Verify after building: each command runs in the image just built, on every platform (QEMU
// emulates the ones the runner cannot run), by digest when the image was pushed, as a
// downstream job would run it: the image's own user, entrypoint and environment.
import type { Inputs } from '../../core/inputs/inputs.js'
import { userCheck, type UserCheck, type Verification, type VerifyResult } from '../../core/builder/verify.js'
import { lastLines, mustRun } from '../host/docker.js'
import type { Runtime } from '../host/runtime.js'

/** The label every verify container carries: post removes whatever main left behind. */
const VERIFY_LABEL = 'ci-base-action.verify'

interface VerifyTarget {
  platform: string
  /** `repo@sha256:…` of the platform's manifest (pulled), or the local name of a loaded build. */
  ref: string
  /** The image config's User. */
  user: string
}

/** /etc/passwd out of the image without running anything in it (it may have no shell). */
async function passwdOf(rt: Runtime, target: VerifyTarget): Promise<string | undefined> {
  const created = await mustRun(
    rt.docker,
    ['create', '--platform', target.platform, target.ref],
    'Creating a container to read /etc/passwd',
    { quiet: true }
  )
  const id = created.stdout.trim()
  try {
    const copied = await rt.docker(['cp', `${id}:/etc/passwd`, '-'], { quiet: true })
    return copied.code === 0 ? tarFileText(copied.stdout) : undefined
  } finally {
    // With the anonymous volumes an image's VOLUME gives the container: a runner keeps nothing of it.
    await rt.docker(['rm', '--force', '--volumes', id], { quiet: true })
  }
}

/** The one file of a tar stream `docker cp … -` writes: the size is in the header, the text follows. */
function tarFileText(tar: string): string {
  const size = parseInt(tar.slice(124, 136).replace(/\0.*$/, '').trim() || '0', 8)
  return tar.slice(512, 512 + size)
}

async function runCommand(
  rt: Runtime,
  target: VerifyTarget,
  argv: string[],
  line: string,
  name: string,
  key: string,
  timeoutMs: number
): Promise<VerifyResult> {
  const started = rt.now().getTime()
  let timedOut = false
  // The client does not stop the container when it is killed: the container is removed instead.
  const timer = setTimeout(() => {
    timedOut = true
    void rt.docker(['rm', '--force', name], { quiet: true })
  }, timeoutMs)
  try {
    const run = await rt.docker(
      ['run', '--rm', '--name', name, '--label', `${VERIFY_LABEL}=${key}`, '--platform', target.platform, target.ref, ...argv],
      { quiet: true }
    )
    const seconds = (rt.now().getTime() - started) / 1000
    const output = lastLines(`${run.stdout}${run.stderr ? `\n${run.stderr}` : ''}`.trim(), 10)
    return {
      platform: target.platform,
      command: line,
      passed: !timedOut && run.code === 0,
      ...(timedOut ? {} : { exitCode: run.code }),
      timedOut,
      seconds,
      output
    }
  } finally {
    clearTimeout(timer)
  }
}

/** Verify commands run at once: enough to overlap containers' start-up, few enough for a 2-core runner. */
const PARALLEL_CHECKS = 4

export async function verifyImage(
  rt: Runtime,
  inputs: Pick<Inputs, 'verify' | 'requireNonRoot' | 'verifyTimeoutMs'>,
  targets: VerifyTarget[],
  pulled: boolean,
  key: string
): Promise<Verification> {
  // Each platform's image is pulled, and the user checked, first; then the commands run a few
  // at a time (a container's start is mostly the engine's waiting), reported in their order.
  // What this run pulled is removed afterwards (post removes it if main is cut short): an engine
  // that stays between runs would otherwise keep every image it verified. One already here stays.
  const toPull = pulled ? await notHere(rt, targets) : []
  if (toPull.length) rt.remember({ verifyPulled: toPull.map(t => t.ref) })
  try {
    await Promise.all(
      toPull.map(target =>
        mustRun(rt.docker, ['pull', '--quiet', '--platform', target.platform, target.ref], `Pulling ${target.ref} to verify it`, {
          quiet: true
        })
      )
    )
    return await runChecks(rt, inputs, targets, key)
  } finally {
    for (const target of toPull) await rt.docker(['image', 'rm', target.ref], { quiet: true })
  }
}

/** The targets the engine does not hold yet. */
async function notHere(rt: Runtime, targets: VerifyTarget[]): Promise<VerifyTarget[]> {
  const held = await Promise.all(
    targets.map(async t => (await rt.docker(['image', 'inspect', '--format', '{{.Id}}', t.ref], { quiet: true })).code === 0)
  )
  return targets.filter((_, i) => !held[i])
}

async function runChecks(
  rt: Runtime,
  inputs: Pick<Inputs, 'verify' | 'requireNonRoot' | 'verifyTimeoutMs'>,
  targets: VerifyTarget[],
  key: string
): Promise<Verification> {
  const users: UserCheck[] = []
  for (const target of targets) {
    if (!inputs.requireNonRoot) continue
    const named = target.user && !/^\d+(:\d*)?$/.test(target.user) && target.user.split(':')[0] !== 'root'
    const check = userCheck(target.platform, target.user, named ? await passwdOf(rt, target) : undefined)
    users.push(check)
    rt.info(
      `${target.platform}: user '${target.user || '(unset: root)'}'${check.uid === undefined ? '' : `, uid ${check.uid}`}: ${check.passed ? 'not root' : 'FAILED'}`
    )
  }
  const work = targets.flatMap(target => inputs.verify.map(command => ({ target, ...command })))
  const results: VerifyResult[] = new Array<VerifyResult>(work.length)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < work.length; i = next++) {
      const { target, argv, line } = work[i]
      const result = await runCommand(rt, target, argv, line, `${key}-${i + 1}`, key, inputs.verifyTimeoutMs)
      results[i] = result
      const how = result.timedOut ? `stopped after ${result.seconds.toFixed(0)} s` : `exit ${result.exitCode}`
      rt.info(
        `${target.platform}: ${line}: ${result.passed ? 'ok' : 'FAILED'} (${how}, ${result.seconds.toFixed(1)} s)${result.output ? `\n${result.output}` : ''}`
      )
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CHECKS, work.length) }, worker))
  return { results, users }
}

/** Containers of this run's verification that are still there (a cancelled or crashed main). */
export async function removeVerifyLeftovers(rt: Runtime, key: string, images: string[]): Promise<void> {
  const listed = await mustRun(
    rt.docker,
    ['ps', '--all', '--quiet', '--filter', `label=${VERIFY_LABEL}=${key}`],
    'Listing verify containers',
    { quiet: true }
  )
  const ids = listed.stdout
    .split('\n')
    .map(s => s.trim())
    .filter(Boolean)
  if (ids.length) await mustRun(rt.docker, ['rm', '--force', ...ids], 'Removing verify containers', { quiet: true })
  const removed: string[] = []
  for (const image of images) if ((await rt.docker(['image', 'rm', '--force', image], { quiet: true })).code === 0) removed.push(image)
  rt.info(`Removed ${ids.length} verify container(s)${removed.length ? ` and ${removed.join(', ')}` : ''}`)
}

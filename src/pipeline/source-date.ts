// Finding the commit's time for SOURCE_DATE_EPOCH: git in the checkout, else the event.
import { execFile } from 'node:child_process'
import type { Inputs } from '../core/inputs/inputs.js'
import type { RunContext } from '../core/inputs/github-context.js'
import { chooseSourceDate, isoSeconds, type SourceDate } from '../core/source-date.js'
import type { Runtime } from './host/runtime.js'

/**
 * The committer time of `sha` in `dir`, or undefined where there is no checkout (or no git).
 * node's execFile rather than @actions/exec: it bounds the wait (a git held by a lock).
 */
export function commitTime(dir: string, sha: string): Promise<number | undefined> {
  return new Promise(resolve => {
    execFile('git', ['-C', dir, 'log', '-1', '--format=%ct', sha || 'HEAD', '--'], { timeout: 10_000 }, (error, stdout) => {
      const epoch = Number(stdout.trim())
      resolve(error || !stdout.trim() || !Number.isInteger(epoch) ? undefined : epoch)
    })
  })
}

export async function sourceDate(rt: Runtime, inputs: Pick<Inputs, 'created'>, ctx: RunContext): Promise<SourceDate> {
  const date = chooseSourceDate({
    env: rt.env.SOURCE_DATE_EPOCH,
    created: inputs.created,
    commitTime: inputs.created === 'commit' && !rt.env.SOURCE_DATE_EPOCH ? await commitTime(ctx.workspace, ctx.sha) : undefined,
    eventTime: ctx.headCommitTime,
    now: rt.now()
  })
  if (date.from === 'build time' && inputs.created === 'commit') {
    rt.warning(
      `No commit time found (no git checkout of ${ctx.sha || 'HEAD'} in ${ctx.workspace}): the image is stamped with the build time, so a rebuild of the same commit gets a new digest. Check the repository out first (actions/checkout), or set SOURCE_DATE_EPOCH.`
    )
  } else {
    rt.info(`Image timestamps: ${isoSeconds(date.epoch)} (${date.from})`)
  }
  return date
}

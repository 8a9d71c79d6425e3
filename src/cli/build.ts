// `ci-base-action build`: the action's pipeline on a terminal, main then post. Loaded only for
// a build, as one chunk: inspect and compare never load the pipeline or the runner's toolkit.
import { mkdirSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../pipeline/main.js'
import { post } from '../pipeline/post.js'
import { dryRun, shellQuote } from '../pipeline/dry-run.js'
import type { Report } from '../core/report/report.js'
import { rawInputs, type Invocation } from './flags.js'
import { renderReport, terminalRuntime, type Paint } from './terminal.js'

/** Where a runner keeps its tool cache and temp files; a terminal gets lasting ones of its own. */
function runnerDirs(env: NodeJS.ProcessEnv): void {
  const cache = join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ci-base-action')
  env.RUNNER_TOOL_CACHE ??= join(cache, 'tool-cache')
  env.RUNNER_TEMP ??= join(tmpdir(), 'ci-base-action')
  mkdirSync(env.RUNNER_TEMP, { recursive: true })
}

export async function build(inv: Invocation, out: (text: string) => void, colors: Paint, errColors: Paint): Promise<number> {
  runnerDirs(process.env)
  const raw = rawInputs({ summary: 'false', ...inv.inputs })
  const host = terminalRuntime(errColors)
  if (inv.dryRun) {
    const plan = await dryRun(host.rt, raw)
    for (const note of plan.notes) out(`# ${note.replace(/\n/g, '\n# ')}`)
    for (const command of plan.commands) out(command.map(shellQuote).join(' '))
    return 0
  }
  let failed: Error | undefined
  try {
    await main(host.rt, raw)
  } catch (e) {
    failed = e instanceof Error ? e : new Error(String(e))
  }
  // What main set up (a builder, logins) is undone here, as the post step does on a runner.
  await post({ ...host.rt, postState: () => host.state })
  if (host.outputs.report) {
    const report = JSON.parse(host.outputs.report) as Report
    out(inv.json ? host.outputs.report : renderReport(report, colors))
  }
  if (failed) throw failed
  return 0
}

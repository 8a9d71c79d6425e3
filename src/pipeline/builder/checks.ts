// The Dockerfile's build checks on the run's builder: a build's findings shown on their lines,
// and `call: check`, which runs the checks alone and fails on any finding without building.
import { checksMarkdown, findingMessage, findingText, parseLintResults, type CheckFinding } from '../../core/builder/build-checks.js'
import { buildEnv, checkArgs, type BuildPlan } from '../../core/builder/args.js'
import { lastLines } from '../host/docker.js'
import type { Runtime } from '../host/runtime.js'

/** Each finding as a warning on its file and line. */
export function annotateChecks(rt: Runtime, findings: CheckFinding[]): void {
  for (const f of findings)
    rt.warning(findingMessage(f), {
      file: f.file,
      ...(f.line ? { line: f.line } : {}),
      ...(f.endLine ? { endLine: f.endLine } : {}),
      title: f.rule
    })
}

// A frontend from before the checks (Dockerfile 1.7, BuildKit 0.13) does not know the request.
const NO_CHECKS = /unsupported request|not supported|unknown request|frontend\.lint|requestid/i

export async function runChecks(rt: Runtime, plan: BuildPlan): Promise<void> {
  const args = checkArgs(plan)
  rt.info(`docker ${args.join(' ')}`)
  const { code, stdout, stderr } = await rt.docker(args, { quiet: true, env: buildEnv(plan.inputs, rt.env) })
  let parsed: ReturnType<typeof parseLintResults>
  try {
    parsed = parseLintResults(stdout, plan.inputs.file)
  } catch {
    const why = lastLines(stderr || stdout, 8)
    if (/unknown flag: --call/.test(why))
      throw new Error(
        `Input 'call': check needs buildx 0.15 or later, and this one has no --call; set buildx-version (e.g. v0.30.0) to install one.`
      )
    if (NO_CHECKS.test(why))
      throw new Error(
        `Input 'call': check needs a builder whose Dockerfile frontend runs build checks (BuildKit 0.14 / Dockerfile 1.8 or later); this one does not:\n${why}`
      )
    throw new Error(`docker buildx build --call check failed (exit ${code}):\n${why}`)
  }
  annotateChecks(rt, parsed.findings)
  await rt.writeSummary(checksMarkdown(parsed.findings, true))
  if (parsed.error) throw new Error(`The Dockerfile does not build: ${parsed.error}`)
  if (parsed.findings.length)
    throw new Error(
      `Build checks: ${parsed.findings.length} finding${parsed.findings.length === 1 ? '' : 's'} in ${plan.inputs.file}; nothing was built:\n` +
        parsed.findings.map(f => `${f.file}${f.line ? `:${f.line}` : ''} ${findingText(f)}`).join('\n')
    )
  rt.info(`Build checks: no findings in ${plan.inputs.file}`)
}

// Where the report goes: step outputs, the job summary, and on pull requests one comment.
import type { Inputs } from '../../core/inputs/inputs.js'
import type { RunContext } from '../../core/inputs/github-context.js'
import { commentMarker, CommentPermissionError, upsertComment } from '../github/comment.js'
import { fitMarkdown, SUMMARY_LIMIT, summaryMarkdown, type Report } from '../../core/report/report.js'
import { fittedOutputs, type ImageMeta, type OutputName } from '../../core/report/outputs.js'
import type { Runtime } from '../host/runtime.js'
import { errorMessage } from '../../core/errors.js'

/** The inputs the report's destinations use: where it goes, and what names the job's comment. */
export type ReportInputs = Pick<Inputs, 'summary' | 'comment' | 'githubToken' | 'file' | 'image' | 'target' | 'platforms'>

export async function publishReport(
  rt: Runtime,
  inputs: ReportInputs,
  ctx: RunContext,
  report: Report,
  metadata: string,
  meta: ImageMeta
): Promise<void> {
  const markdown = summaryMarkdown(report)
  const { values, cut } = fittedOutputs(report, metadata, markdown, meta)
  for (const [name, value] of Object.entries(values)) rt.setOutput(name as OutputName, value)
  if (cut.length)
    rt.warning(
      `Outputs ${cut.join(', ')} were cut to stay under GitHub's 1 MB limit for a job's outputs; the job summary has the whole report.`
    )
  for (const p of report.platforms) {
    const delta = p.sizeDelta === undefined ? 'new' : `${p.sizeDelta >= 0 ? '+' : ''}${p.sizeDelta} bytes`
    rt.info(`${p.platform}: ${p.size} bytes (${delta}) in ${p.layers} layers`)
  }
  rt.info(`cache hit rate ${report.cacheHitRate}%, build ${report.buildTime.toFixed(1)} s`)
  if (inputs.summary)
    await rt.writeSummary(
      fitMarkdown(markdown, text => Buffer.byteLength(text) <= SUMMARY_LIMIT - 1024, "GitHub's 1 MiB job summary limit")
    )
  if (inputs.comment) await comment(rt, inputs, ctx, markdown)
}

async function comment(rt: Runtime, inputs: ReportInputs, ctx: RunContext, markdown: string): Promise<void> {
  if (!ctx.pullRequest) {
    rt.info('comment: not a pull_request event; the report is in the job summary')
    return
  }
  if (!inputs.githubToken) {
    rt.warning('comment: no github-token; the report is in the job summary and the markdown output')
    return
  }
  // One comment per job and matrix entry: the workflow, the job and what it builds name it.
  const marker = commentMarker(
    [ctx.workflow, ctx.job, inputs.file, inputs.image, inputs.target, inputs.platforms.join(',')].filter(Boolean).join(' ')
  )
  try {
    const target = { apiUrl: ctx.apiUrl, repository: ctx.repository, issue: ctx.pullRequest, token: inputs.githubToken }
    const done = await upsertComment(target, marker, markdown)
    rt.info(`comment ${done.action}: ${done.url}`)
  } catch (e) {
    const why =
      e instanceof CommentPermissionError
        ? ' (the token may not write to pull requests, as on pull requests from forks; give the job `pull-requests: write`)'
        : ''
    rt.warning(
      `Could not comment on pull request #${ctx.pullRequest}: ${errorMessage(e)}${why}. The report is in the job summary and the markdown output.`
    )
  }
}

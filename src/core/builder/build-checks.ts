// The Dockerfile's build checks (BuildKit's linter, Dockerfile 1.8 and later): what a build
// reports of them as it runs, and what `--call check,format=json` prints. Each finding becomes
// a file/line annotation and a row of the summary. Pure.

export interface CheckFinding {
  rule: string
  message: string
  file: string
  line?: number
  endLine?: number
  url?: string
}

interface Range {
  start?: { line?: number }
  end?: { line?: number }
}

/** A warning in BuildKit's progress stream (SolveStatus.warnings); Go writes []byte as base64. */
export interface ProgressWarning {
  short?: string
  detail?: string[]
  url?: string
  range?: Range[]
}

/** What `buildx build --call check,format=json` prints. */
interface LintResults {
  warnings?: {
    ruleName?: string
    description?: string
    detail?: string
    url?: string
    location?: { sourceIndex?: number; ranges?: Range[] }
  }[]
  buildError?: { message?: string }
}

const fromBase64 = (text = '') => Buffer.from(text, 'base64').toString('utf8')

/**
 * A build's own check warnings (`RuleName: message (line N)`, with a rule URL); other warnings of
 * the stream are not checks. `file`: the Dockerfile as the workflow names it (BuildKit knows only
 * its base name), so that the annotation lands on the repository's file.
 */
export function findingOfWarning(w: ProgressWarning, file: string): CheckFinding | undefined {
  const short = fromBase64(w.short)
  const m = /^([A-Z][A-Za-z]+): ([\s\S]+?)(?: \(line (\d+)\))?$/.exec(short)
  if (!m || !w.url) return undefined
  const ranges = w.range?.length ? w.range : m[3] ? [{ start: { line: Number(m[3]) } }] : undefined
  return place({ rule: m[1], message: m[2].trim(), file, url: w.url }, ranges)
}

function place(finding: CheckFinding, ranges?: Range[]): CheckFinding {
  const line = ranges?.[0]?.start?.line
  const endLine = ranges?.[0]?.end?.line
  return { ...finding, ...(line ? { line } : {}), ...(endLine && line && endLine > line ? { endLine } : {}) }
}

/** Findings of `--call check,format=json`, and the build error it reports (a Dockerfile that does not parse). */
export function parseLintResults(text: string, file: string): { findings: CheckFinding[]; error?: string } {
  const start = text.indexOf('{')
  if (start < 0) throw new Error(`the check printed no results: ${text.slice(0, 300)}`)
  const results = JSON.parse(text.slice(start)) as LintResults
  const findings = (results.warnings ?? []).map(w =>
    place(
      {
        rule: w.ruleName ?? 'check',
        message: w.detail || w.description || '',
        file,
        ...(w.url ? { url: w.url } : {})
      },
      w.location?.ranges
    )
  )
  return { findings: dedupe(findings), ...(results.buildError?.message ? { error: results.buildError.message } : {}) }
}

/** One finding per rule and place: a multi-platform build checks the Dockerfile once per platform. */
export function dedupe(findings: CheckFinding[]): CheckFinding[] {
  const seen = new Map<string, CheckFinding>()
  for (const f of findings) seen.set(`${f.file}:${f.line ?? ''}:${f.rule}:${f.message}`, f)
  return [...seen.values()]
}

/** The annotation's text: the rule, what it found, where to read about it. */
export const findingText = (f: CheckFinding) => `${f.rule}: ${findingMessage(f)}`

/** The same without the rule, for an annotation whose title is the rule. */
export const findingMessage = (f: CheckFinding) => `${f.message}${f.url ? ` (${f.url})` : ''}`

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** The summary's section: a row per finding. */
export function checksMarkdown(findings: CheckFinding[], checkOnly: boolean): string {
  if (!findings.length) return checkOnly ? '### Build checks\n\nNo findings.\n' : ''
  const rows = findings.map(
    f => `| ${f.file}${f.line ? `:${f.line}` : ''} | ${f.url ? `[${f.rule}](${f.url})` : f.rule} | ${cell(f.message)} |`
  )
  return [
    '### Build checks',
    '',
    `${findings.length} finding${findings.length === 1 ? '' : 's'}:`,
    '',
    '| where | rule | finding |',
    '|---|---|---|',
    ...rows,
    ''
  ].join('\n')
}

// The `tag-policy` input's entries: what each may be, and each parsed into a rule or told why it
// is not one. Pure; what the rules name is src/core/tags.ts's.
const TAG_KINDS = ['sha', 'date', 'latest', 'semver', 'ref', 'edge', 'schedule', 'none'] as const
export type TagKind = Exclude<(typeof TAG_KINDS)[number], 'none'>

/** One entry of `tag-policy`: its kind and the options written after it (`sha:12:head`, `edge:main`, `schedule:nightly`). */
export interface TagRule {
  kind: TagKind
  /** sha: characters of the commit kept (7 by default, 40 for long). */
  length?: number
  /** sha: on pull requests, the PR's head commit instead of the merge commit GitHub builds. */
  head?: boolean
  /** edge: the branch that gets `edge` (the default branch when unset). */
  branch?: string
  /** schedule: the tag a scheduled run gets, with {{date 'FORMAT' tz='Zone'}}, {{sha}} and {{branch}}. */
  pattern?: string
}

/** The forms `tag-policy` takes, for its error message. */
export const TAG_POLICY_FORMS =
  "sha[:LENGTH|long][:head], date, latest, semver, ref, edge[:BRANCH], schedule[:PATTERN], none (PATTERN: text with {{date 'YYYYMMDD'}}, {{sha}}, {{branch}})"

/** A schedule pattern's expressions: {{date 'FORMAT' tz='Zone'}}, {{sha}}, {{branch}}. */
export const EXPRESSION = /\{\{\s*(date\s+'([^']*)'(?:\s+tz='([^']*)')?|sha|branch)\s*\}\}/g

/** One `tag-policy` entry, or why it is not one. */
export function parseTagRule(text: string): TagRule | string {
  const [kind, ...options] = text.split(':')
  if (!(TAG_KINDS as readonly string[]).includes(kind) || kind === 'none') return `'${kind}' is not a tag kind`
  const rule: TagRule = { kind: kind as TagKind }
  if (kind === 'sha') {
    for (const option of options) {
      if (option === 'head') rule.head = true
      else if (option === 'long') rule.length = 40
      else if (/^\d+$/.test(option) && Number(option) >= 7 && Number(option) <= 40) rule.length = Number(option)
      else return `sha takes a length from 7 to 40, long, or head; not '${option}'`
    }
  } else if (kind === 'edge' && options.length) {
    rule.branch = options.join(':')
    if (!/^[^\s~^:?*[\\]+$/.test(rule.branch)) return `'${rule.branch}' is not a branch name`
  } else if (kind === 'schedule' && options.length) {
    rule.pattern = options.join(':')
    const problem = patternProblem(rule.pattern)
    if (problem) return problem
  } else if (options.length) return `${kind} takes no options`
  return rule
}

function patternProblem(pattern: string): string | undefined {
  for (const m of pattern.matchAll(EXPRESSION)) {
    if (m[3] === undefined) continue
    try {
      new Intl.DateTimeFormat('en', { timeZone: m[3] })
    } catch {
      return `'${m[3]}' is not a time zone (use an IANA name such as Europe/Berlin)`
    }
  }
  if (/\{\{|\}\}/.test(pattern.replace(EXPRESSION, '')))
    return `'${pattern}' holds an expression other than {{date 'FORMAT'}}, {{sha}} or {{branch}}`
  if (!pattern.replace(EXPRESSION, 'x').trim()) return 'the pattern is empty'
  return undefined
}

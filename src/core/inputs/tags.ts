// Tags and OCI labels the build gets: pure functions of the inputs and the run. The tag rules
// and labels follow docker/metadata-action's (ref, edge, schedule, sha, semver), so a workflow
// that chained it gets the same names from `tag-policy`.
import type { Inputs } from './inputs.js'
import { isBareTag } from '../registry/reference.js'
import type { RunContext } from './github-context.js'
import { parseVersion, releaseTags, type Version } from '../registry/semver.js'
import { dockerfileLabelKeys } from '../registry/annotations.js'
import { EXPRESSION, type TagKind, type TagRule } from './tag-policy.js'

/**
 * A value as a tag: every run of characters a tag cannot hold becomes '-', a leading '.' or '-'
 * is dropped, at most 128 characters (the distribution spec's limit).
 */
export const tagSafe = (value: string) =>
  value
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128)

/** `YYYY`, `YY`, `MM`, `DD`, `HH`, `mm`, `ss` (moment's names, as metadata-action's patterns use) in a time zone. */
export function formatDate(date: Date, format: string, timeZone = 'UTC'): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    })
      .formatToParts(date)
      .map(p => [p.type, p.value])
  )
  const tokens: Record<string, string> = {
    YYYY: parts.year,
    YY: parts.year.slice(-2),
    MM: parts.month,
    DD: parts.day,
    HH: parts.hour,
    mm: parts.minute,
    ss: parts.second
  }
  return format.replace(/YYYY|YY|MM|DD|HH|mm|ss/g, t => tokens[t])
}

/** The commit a run names: on pull requests, the head commit when a `sha:head` rule asks for it. */
function commitOf(inputs: Pick<Inputs, 'tagPolicy'>, ctx: Pick<RunContext, 'sha' | 'headSha'>): string {
  return inputs.tagPolicy.some(r => r.kind === 'sha' && r.head) && ctx.headSha ? ctx.headSha : ctx.sha
}

const branchOf = (ref: string) => (ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : '')

/** The release a `refs/tags/…` run builds, when `tag-policy` asks for semver; undefined on other events. */
export function releaseVersion(inputs: Pick<Inputs, 'tagPolicy'>, ctx: Pick<RunContext, 'ref'>): Version | undefined {
  if (!inputs.tagPolicy.some(r => r.kind === 'semver') || !ctx.ref.startsWith('refs/tags/')) return undefined
  const tag = ctx.ref.slice('refs/tags/'.length)
  const version = parseVersion(tag)
  if (!version)
    throw new Error(`Input 'tag-policy': 'semver' needs a version tag such as v1.2.3 or 1.2.3-rc.1; this run's tag is '${tag}'.`)
  return version
}

// metadata-action's priorities (date and the explicit tags rank as its raw type): the highest gives the version.
const PRIORITY: Record<TagKind, number> = { schedule: 1000, semver: 900, edge: 700, ref: 600, date: 200, latest: 150, sha: 100 }

/** The tag names (no repository) one rule gives on this run, unprefixed; none when the rule does not apply. */
function namesOf(
  rule: TagRule,
  ctx: RunContext,
  commit: string,
  now: Date,
  release?: { version: Version; published?: string[] }
): string[] {
  const branch = branchOf(ctx.ref)
  switch (rule.kind) {
    case 'sha':
      return commit ? [`sha-${commit.slice(0, rule.length ?? 7)}`] : []
    case 'date':
      return [formatDate(now, 'YYYYMMDD')]
    case 'latest':
      return ctx.defaultBranch && branch === ctx.defaultBranch ? ['latest'] : []
    case 'semver':
      if (!release) return []
      return release.published ? releaseTags(release.version, release.published) : [release.version.text]
    case 'ref': {
      const pr = /^refs\/pull\/(\d+)\//.exec(ctx.ref)?.[1] ?? (ctx.pullRequest ? String(ctx.pullRequest) : '')
      if (ctx.ref.startsWith('refs/pull/') || (ctx.eventName.startsWith('pull_request') && pr)) return pr ? [`pr-${pr}`] : []
      if (branch) return [tagSafe(branch)]
      if (ctx.ref.startsWith('refs/tags/')) return [tagSafe(ctx.ref.slice('refs/tags/'.length))]
      return []
    }
    case 'edge':
      return branch && branch === (rule.branch ?? ctx.defaultBranch) ? ['edge'] : []
    case 'schedule':
      if (ctx.eventName !== 'schedule') return []
      return [
        tagSafe(
          (rule.pattern ?? 'nightly').replace(EXPRESSION, (_, expr: string, format?: string, tz?: string) =>
            expr === 'sha' ? commit.slice(0, 7) : expr === 'branch' ? branch : formatDate(now, format ?? '', tz || 'UTC')
          )
        )
      ].filter(Boolean)
  }
}

interface TagNames {
  /** Full references, the explicit `tags` first, then the rules'. */
  tags: string[]
  /** metadata-action's `version`: the tag of the highest-priority rule that applied (a release's full version first). */
  version: string
}

/** The tags a run writes. `release.published`: the repository's tags, for which floating tags (X.Y, X, latest) may move. */
export function tagNames(
  inputs: Pick<Inputs, 'image' | 'tags' | 'tagPolicy' | 'tagPrefix' | 'tagSuffix'>,
  ctx: RunContext,
  now: Date,
  release?: { version: Version; published?: string[] }
): TagNames {
  const { image } = inputs
  const given = inputs.tags.map(t => (isBareTag(t) ? `${image}:${t}` : t))
  const commit = commitOf(inputs, ctx)
  // `latest` carries no prefix or suffix, as metadata-action's flavor (onlatest=false) leaves it.
  const dress = (name: string) => (name === 'latest' ? name : tagSafe(`${inputs.tagPrefix}${name}${inputs.tagSuffix}`))
  const ruled = image
    ? inputs.tagPolicy.map(rule => ({ priority: PRIORITY[rule.kind], names: namesOf(rule, ctx, commit, now, release).map(dress) }))
    : []
  // The explicit tags rank as metadata-action's raw ones; `latest` is never the version.
  const candidates = [{ priority: PRIORITY.date, names: inputs.tags.filter(isBareTag) }, ...ruled]
    .map(c => ({ ...c, names: c.names.filter(n => n !== 'latest') }))
    .filter(c => c.names.length)
    .sort((a, b) => b.priority - a.priority)
  const tags = [...given, ...ruled.flatMap(r => r.names.map(n => `${image}:${n}`))]
  return { tags: [...new Set(tags)], version: candidates[0]?.names[0] ?? '' }
}

/** Only the references: see tagNames. */
export const imageTags = (...args: Parameters<typeof tagNames>): string[] => tagNames(...args).tags

/**
 * The OCI labels the action adds; the user's own labels (KEY=VALUE) win over them, and the
 * Dockerfile's own title, description and licenses stay (a --label would replace them).
 */
export function ociLabels(
  inputs: Pick<Inputs, 'tags' | 'labels' | 'tagPolicy' | 'image' | 'tagPrefix' | 'tagSuffix'>,
  ctx: RunContext,
  now: Date,
  dockerfile = '',
  version?: string
): string[] {
  const named = version || tagNames(inputs, ctx, now).version
  const fromDockerfile = dockerfileLabelKeys(dockerfile)
  const describing: Record<string, string | undefined> = {
    'org.opencontainers.image.title': ctx.repository.split('/')[1],
    'org.opencontainers.image.description': ctx.repositoryFacts?.description,
    'org.opencontainers.image.url': ctx.repository ? `${ctx.serverUrl}/${ctx.repository}` : '',
    'org.opencontainers.image.licenses': ctx.repositoryFacts?.license
  }
  const ours: Record<string, string | undefined> = {
    ...Object.fromEntries(Object.entries(describing).filter(([k]) => !fromDockerfile.has(k))),
    // As BuildKit writes the config's own time: whole seconds.
    'org.opencontainers.image.created': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'org.opencontainers.image.revision': commitOf(inputs, ctx),
    'org.opencontainers.image.source': ctx.repository ? `${ctx.serverUrl}/${ctx.repository}` : '',
    'org.opencontainers.image.version': named || ctx.ref.replace(/^refs\/(heads|tags)\//, '')
  }
  const userKeys = new Set(inputs.labels.map(l => l.slice(0, l.indexOf('='))))
  const added = Object.entries(ours)
    .filter(([k, v]) => v && !userKeys.has(k))
    .map(([k, v]) => `${k}=${v}`)
  return [...added, ...inputs.labels]
}

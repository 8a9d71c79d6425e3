// What the build produced, as outputs, job summary and PR comment. Pure: data in, text out.
import type { StepStats } from '../builder/progress.js'
import type { Breach, Budgets } from './budget.js'
import { largestGrowth, type PlatformReport } from './compare.js'
import type { Baseline } from '../registry/image.js'
import { humanSize, signedPercent } from './size.js'
import type { CacheUse } from './cache-use.js'
import { verifyMarkdown, verifyFailures, type Verification } from '../builder/verify.js'
import { trendMarkdown, type BuildRecord, type Trend } from '../registry/history.js'
import { countsText, type ScanResult } from './vulnerabilities.js'
import { checksMarkdown, type CheckFinding } from '../builder/build-checks.js'
import type { LayerReport } from './compare.js'
import type { Placement } from '../builder/builder.js'

export interface StageTime {
  stage: string
  seconds: number
}

export interface Report {
  digest: string
  imageid: string
  tags: string[]
  pushed: boolean
  platforms: PlatformReport[]
  totals: { size: number; layers: number }
  baseline: Omit<Baseline, 'image'>
  /** Whether the image differs from the baseline; absent when there is no baseline. */
  changed?: boolean
  /** Nothing was built (skip-unchanged): the image the tags point at was built from the same inputs, as its record says. */
  nothingToBuild?: NothingToBuild
  /** Why the run built, against the fingerprint on the baseline (empty: the same inputs); absent where no fingerprint was taken (a merge). */
  rebuildReasons?: string[]
  /** What `verify` and `require-non-root` found; absent when nothing was asked. */
  verify?: Verification
  budgets: Budgets
  breaches: Breach[]
  buildTime: number
  cacheHitRate: number
  steps: StepStats
  stages: StageTime[]
  /** Where each platform was built: its node, and whether natively or under emulation. */
  builtOn?: Placement[]
  /** What the run read from and wrote to each cache (absent for a merge, and in reports made before it was kept). */
  caches?: CacheUse[]
  /** The published builds before this one and this one, when there is a history to show. */
  trend?: Trend
  /** The first platform's layers against the oldest build of the trend: which step grew over the window. */
  growth?: { since: string; layers: LayerReport[] }
  /** Counts from the scanner's report, when one was given. */
  vulnerabilities?: ScanResult
  /** The other targets built in the same run, beside this image. */
  variants?: VariantReport[]
  /** What the Dockerfile's build checks found. */
  checks?: CheckFinding[]
}

export interface VariantReport {
  name: string
  target: string
  digest: string
  tags: string[]
  platforms: PlatformReport[]
  /** First platform's size against the main image's. */
  sizeVsMain: number
  verify?: Verification
}

export const seconds = (ms: number) => Math.round(ms / 100) / 10
/** Stage timings keep hundredths: several stages take well under a second. */
export const stageSeconds = (ms: number) => Math.round(ms / 10) / 100

export function makeReport(parts: Omit<Report, 'totals' | 'breaches'> & { breaches?: Breach[] }): Report {
  const totals = {
    size: parts.platforms.reduce((s, p) => s + p.size, 0),
    layers: parts.platforms.reduce((s, p) => s + p.layers, 0)
  }
  return { ...parts, totals, breaches: parts.breaches ?? [] }
}

const signedSize = (bytes: number) => (bytes > 0 ? `+${humanSize(bytes)}` : bytes === 0 ? '0 B' : humanSize(bytes))
const signed = (n: number) => (n > 0 ? `+${n}` : String(n))
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``

function verdict(platform: string, report: Report): string {
  if (!report.budgets.maxSize && !report.budgets.maxLayers && !report.budgets.maxGrowth) return '—'
  const broken = report.breaches.filter(b => b.platform === platform).map(b => b.budget)
  return broken.length ? `❌ ${broken.join(', ')}` : '✅'
}

const day = (iso?: string) => (iso && !Number.isNaN(Date.parse(iso)) ? ` (made ${new Date(iso).toISOString().slice(0, 10)})` : '')

type NothingToBuild = { digest: string; built: string; revision?: string; verify?: 'passed' | 'failed' }

/** What a run that built nothing reports: the image it kept (a platform's, or the record's index) and when and from what that was built. */
export function nothingToBuildOf(record: BuildRecord, digest = record.digest, verify = record.verify): NothingToBuild {
  return { digest, built: record.built, ...(record.revision ? { revision: record.revision } : {}), ...(verify ? { verify } : {}) }
}

function nothingToBuildLine(n: NonNullable<Report['nothingToBuild']>): string {
  const from = n.revision ? ` from ${code(n.revision.slice(0, 12))}` : ''
  return `**Nothing to build**: the same inputs as ${code(n.digest)}${day(n.built).replace('made', 'built')}${from}; the tags point at it.`
}

function baselineLine(b: Report['baseline'], changed?: boolean): string {
  switch (b.status) {
    case 'found':
      return changed === false
        ? `**Unchanged** since ${code(b.ref)}${day(b.created)}: the same image, digest for digest.`
        : `Compared with ${code(b.ref)}.`
    case 'missing':
      return `No published image at ${code(b.ref)} yet: every platform is new.`
    case 'unavailable':
      return `The baseline ${code(b.ref)} could not be read (${b.reason}); no comparison.`
    default:
      return 'No baseline comparison.'
  }
}

const BAR_WIDTH = 30
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉']

/** A bar of `value / max` of the full width, in eighths of a character. */
export function bar(value: number, max: number, width = BAR_WIDTH): string {
  const eighths = max > 0 ? Math.round((value / max) * width * 8) : 0
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8] || (value > 0 ? '▏' : '')
}

/** The largest layers of a platform as a text chart: reads the same in a PR and in a terminal. */
export function layerChart(platform: PlatformReport, count = 8): string {
  const largest = [...platform.breakdown].sort((a, b) => b.size - a.size).slice(0, count)
  const max = largest[0]?.size ?? 0
  const sizes = largest.map(l => humanSize(l.size))
  const sizeWidth = Math.max(...sizes.map(s => s.length), 0)
  const rows = largest.map((l, i) => {
    const instruction = l.instruction.length > 60 ? `${l.instruction.slice(0, 59)}…` : l.instruction
    const delta = l.delta === undefined ? (platform.baseline ? '  (new layer)' : '') : l.delta !== 0 ? `  (${signedSize(l.delta)})` : ''
    return `${sizes[i].padStart(sizeWidth)} ${bar(l.size, max).padEnd(BAR_WIDTH)} ${instruction}${delta}`
  })
  return ['```text', ...rows, '```'].join('\n')
}

export function summaryMarkdown(report: Report): string {
  const over = report.breaches.length > 0
  const failedVerify = [report.verify, ...(report.variants ?? []).map(v => v.verify)].some(v => v && verifyFailures(v).length > 0)
  const trouble = [over ? 'over budget' : '', failedVerify ? 'verify failed' : ''].filter(Boolean).join(', ')
  const lines = [
    report.nothingToBuild
      ? `### CI base image — nothing to build${trouble ? ` — ${trouble}` : ''}`
      : `### CI base image ${report.pushed ? 'pushed' : 'built'}${trouble ? ` — ${trouble}` : report.changed === false ? ' — unchanged' : ''}`,
    '',
    '| platform | size | Δ size | layers | Δ layers | budget |',
    '|---|---:|---:|---:|---:|---|',
    ...report.platforms.map(
      p =>
        [
          p.platform,
          humanSize(p.size),
          p.sizeDelta === undefined ? 'new' : `${signedSize(p.sizeDelta)} (${signedPercent(p.sizePercent ?? 0)})`,
          String(p.layers),
          p.layerDelta === undefined ? 'new' : signed(p.layerDelta),
          verdict(p.platform, report)
        ]
          .join(' | ')
          .replace(/^/, '| ') + ' |'
    ),
    '',
    report.nothingToBuild ? nothingToBuildLine(report.nothingToBuild) : baselineLine(report.baseline, report.changed),
    '',
    ...(report.baseline.status === 'found' && report.rebuildReasons?.length
      ? [`**Why it built** ${report.rebuildReasons.join('; ')}`, '']
      : []),
    `**Build time** ${report.buildTime.toFixed(1)} s · **cache hit rate** ${report.cacheHitRate}% ` +
      `(${report.steps.cached} of ${report.steps.steps} steps cached)`,
    ''
  ]
  if (report.builtOn?.length)
    lines.push(
      `**Built on** ${report.builtOn.map(b => `${b.platform}: ${code(b.node)} (${b.native ? 'native' : 'emulated'})`).join(' · ')}`,
      ''
    )
  if (report.vulnerabilities)
    lines.push(`**Vulnerabilities** (${report.vulnerabilities.format} report): ${countsText(report.vulnerabilities.counts)}`, '')
  if (report.checks?.length) lines.push(checksMarkdown(report.checks, false))
  if (report.variants?.length) lines.push(...variantsMarkdown(report), '')
  const grew = largestGrowth(report.platforms)
  if (grew) lines.push(`**Grew most:** ${code(grew.layer.instruction)} ${signedSize(grew.layer.delta!)} on ${grew.platform}`, '')
  if (report.trend) lines.push(...trendMarkdown(report.trend))
  if (report.growth) lines.push(...growthMarkdown(report, report.growth))
  if (over) lines.push('**Budget exceeded**', '', ...report.breaches.map(b => `- ${b.message}`), '')
  if (report.verify) lines.push(...verifyMarkdown(report.verify))
  const first = report.platforms[0]
  if (first?.breakdown.length) lines.push(`**Largest layers** (${first.platform})`, '', layerChart(first), '')
  if (report.digest) lines.push(`**Digest** ${code(report.digest)}`, '')
  if (report.tags.length) lines.push('**Tags**', '', ...report.tags.map(t => `- ${code(t)}`), '')
  if (report.caches?.length)
    lines.push(
      '<details><summary>Caches</summary>',
      '',
      '| cache | read | written |',
      '|---|---|---|',
      ...report.caches.map(c => `| ${[c.cache, c.read, c.written].map(cell => cell.replace(/\|/g, '\\|')).join(' | ')} |`),
      '',
      '</details>',
      ''
    )
  if (report.stages.length) {
    lines.push(
      '<details><summary>Stage timings</summary>',
      '',
      '| stage | seconds |',
      '|---|---:|',
      ...report.stages.map(s => `| ${s.stage} | ${s.seconds.toFixed(2)} |`),
      '',
      '</details>',
      ''
    )
  }
  return lines.join('\n')
}

/** The variants beside the main image: first platform's size and layers, against the main image and their own baseline. */
function variantsMarkdown(report: Report): string[] {
  const main = report.platforms[0]
  const row = (name: string, target: string, p: PlatformReport | undefined, vsMain: string, checks: string) =>
    `| ${name} | ${target ? code(target) : '—'} | ${p ? humanSize(p.size) : '—'} | ${vsMain} | ${p?.layers ?? '—'} | ${
      p?.sizeDelta === undefined ? 'new' : signedSize(p.sizeDelta)
    } | ${checks} |`
  const checks = (v?: Verification) => (v ? (verifyFailures(v).length ? '❌' : '✅') : '—')
  return [
    `**Variants** (${main?.platform ?? ''})`,
    '',
    '| image | target | size | vs main | layers | Δ own baseline | verify |',
    '|---|---|---:|---:|---:|---:|---|',
    row('main', '', main, '—', checks(report.verify)),
    ...(report.variants ?? []).map(v => row(v.name, v.target, v.platforms[0], signedSize(v.sizeVsMain), checks(v.verify)))
  ]
}

/** Which step grew, against the baseline and against the oldest build of the trend. */
function growthMarkdown(report: Report, growth: NonNullable<Report['growth']>): string[] {
  const first = report.platforms[0]
  if (!first) return []
  const rows = first.breakdown
    .map((l, i) => ({ l, since: growth.layers[i] }))
    .filter(({ l, since }) => (l.delta ?? 0) !== 0 || (since?.delta ?? 0) !== 0 || since?.delta === undefined)
    .slice(0, 10)
  if (!rows.length) return []
  const cell = (d?: number) => (d === undefined ? 'new' : signedSize(d))
  return [
    `**Growth by step** (${first.platform})`,
    '',
    `| step | size | vs baseline | since ${growth.since} |`,
    '|---|---:|---:|---:|',
    ...rows.map(
      ({ l, since }) =>
        `| ${code(l.instruction.length > 60 ? `${l.instruction.slice(0, 59)}…` : l.instruction)} | ${humanSize(l.size)} | ${cell(l.delta)} | ${cell(since?.delta)} |`
    ),
    ''
  ]
}

/** GitHub's limits: a comment body in characters, a step summary in bytes. */
export const COMMENT_LIMIT = 65_536
export const SUMMARY_LIMIT = 1024 * 1024

// What goes first when the report is too long: the parts that repeat per layer, per stage, per tag.
const CUTS: [RegExp, string][] = [
  [/<details><summary>Trend as text<\/summary>[\s\S]*?<\/details>\n?/, 'the trend as text'],
  [/\*\*Growth by step\*\*[^\n]*\n\n(?:\|.*\n)+\n?/, 'the growth by step'],
  [/\*\*Largest layers\*\*[^\n]*\n\n```text\n[\s\S]*?```\n\n?/, 'the layer chart'],
  [/<details><summary>Stage timings<\/summary>[\s\S]*?<\/details>\n?/, 'the stage timings'],
  [/<details><summary>Caches<\/summary>[\s\S]*?<\/details>\n?/, 'the cache table'],
  [/\*\*Tags\*\*\n\n(?:- .*\n)+\n?/, 'the tag list'],
  [/### Build checks\n\n[^\n]*\n\n(?:\|.*\n)+\n?/, 'the build checks table'],
  [/\*\*Verify\*\*[\s\S]*?\n\n(?:```text[\s\S]*?```\n\n?)?/, 'the verify grid']
]

/** The report cut to fit `fits` (a platform service's limit), tables first, with a note of what was left out. */
export function fitMarkdown(markdown: string, fits: (text: string) => boolean, limit: string): string {
  if (fits(markdown)) return markdown
  let text = markdown
  const dropped: string[] = []
  for (const [cut, name] of CUTS) {
    if (fits(text)) break
    if (cut.test(text)) {
      text = text.replace(cut, '')
      dropped.push(name)
    }
  }
  const note = (what: string) => `\n_Left out to stay within ${limit}: ${what}._\n`
  if (fits(text + note(dropped.join(', ')))) return text + note(dropped.join(', '))
  // Still too long: the head of the report (the platform table first) as far as it fits.
  let end = text.length
  while (end > 0 && !fits(text.slice(0, end) + note(`${[...dropped, 'the rest'].join(', ')}`))) end = Math.floor(end * 0.9)
  return text.slice(0, end) + note([...dropped, 'the rest'].join(', '))
}

// A pushed build's metrics, kept as annotations on its own index, and the trend they draw.
//
// Each index also names the index it was compared with (its baseline, by digest), so the
// published builds form a chain that the registry alone can walk: N builds back are N small
// manifest reads, no pull, whatever tags exist. Tags were the other way (list the date or sha
// tags and read each); it was not taken because listing needs a registry that allows it,
// gives no order, and loses builds whose tags a retention policy pruned. Pure.
import { countsAnnotation, parseCountsAnnotation, SEVERITIES, type VulnerabilityCounts } from '../report/vulnerabilities.js'
import { humanSize } from '../report/size.js'

const PREFIX = 'com.github.phialo.ci-base-action'
export const HISTORY_KEYS = {
  previous: `${PREFIX}.previous`,
  built: `${PREFIX}.built`,
  platforms: `${PREFIX}.platforms`,
  buildSeconds: `${PREFIX}.build-seconds`,
  cacheHitRate: `${PREFIX}.cache-hit-rate`,
  verify: `${PREFIX}.verify`,
  vulnerabilities: `${PREFIX}.vulnerabilities`
} as const
const REVISION = 'org.opencontainers.image.revision'

interface PlatformMetrics {
  platform: string
  size: number
  layers: number
}

/** One build as its index records it. */
export interface BuildRecord {
  /** The index's digest ('' for this run's build when it is not published). */
  digest: string
  /** When it was built (ISO). */
  built: string
  revision?: string
  /** The build it was compared with: `repository@digest`. */
  previous?: string
  platforms: PlatformMetrics[]
  buildSeconds: number
  cacheHitRate: number
  verify?: 'passed' | 'failed'
  vulnerabilities?: VulnerabilityCounts
}

/** The annotations that record a build on its index. */
export function recordAnnotations(r: Omit<BuildRecord, 'digest' | 'revision'>): Record<string, string> {
  return {
    [HISTORY_KEYS.built]: r.built,
    // `platform=size/layers` pairs: short enough to read in `imagetools inspect --raw`.
    [HISTORY_KEYS.platforms]: r.platforms.map(p => `${p.platform}=${p.size}/${p.layers}`).join(','),
    [HISTORY_KEYS.buildSeconds]: r.buildSeconds.toFixed(1),
    [HISTORY_KEYS.cacheHitRate]: String(r.cacheHitRate),
    ...(r.previous ? { [HISTORY_KEYS.previous]: r.previous } : {}),
    ...(r.verify ? { [HISTORY_KEYS.verify]: r.verify } : {}),
    ...(r.vulnerabilities ? { [HISTORY_KEYS.vulnerabilities]: countsAnnotation(r.vulnerabilities) } : {})
  }
}

/** The record an index's annotations hold; undefined for an index this action did not record. */
export function parseRecord(digest: string, annotations: Record<string, string> = {}): BuildRecord | undefined {
  const built = annotations[HISTORY_KEYS.built]
  const platforms = (annotations[HISTORY_KEYS.platforms] ?? '')
    .split(',')
    .map(pair => /^(.+)=(\d+)\/(\d+)$/.exec(pair))
    .filter(m => m !== null)
    .map(m => ({ platform: m[1], size: Number(m[2]), layers: Number(m[3]) }))
  if (!built || !platforms.length) return undefined
  const verify = annotations[HISTORY_KEYS.verify]
  const vulnerabilities = parseCountsAnnotation(annotations[HISTORY_KEYS.vulnerabilities])
  return {
    digest,
    built,
    ...(annotations[REVISION] ? { revision: annotations[REVISION] } : {}),
    ...(annotations[HISTORY_KEYS.previous] ? { previous: annotations[HISTORY_KEYS.previous] } : {}),
    platforms,
    buildSeconds: Number(annotations[HISTORY_KEYS.buildSeconds] ?? 0),
    cacheHitRate: Number(annotations[HISTORY_KEYS.cacheHitRate] ?? 0),
    ...(verify === 'passed' || verify === 'failed' ? { verify } : {}),
    ...(vulnerabilities ? { vulnerabilities } : {})
  }
}

/** Published builds as read back from the registry. */
export interface History {
  /** Oldest first. */
  records: BuildRecord[]
  /** Why the walk stopped before its count, when that is worth saying. */
  note?: string
  /** Where the oldest build read lives, `repository@digest`. */
  oldest?: string
}

/** The trend a report shows: published builds oldest first, then this run's. */
export interface Trend {
  records: BuildRecord[]
  current: BuildRecord
  /** Whether this run's build is published (a push) or only built (a PR check). */
  currentPublished: boolean
  /** What cut the walk short, when it was cut. */
  note?: string
  /** The current build's name on the chart and in the table (default: this build, or this run). */
  currentLabel?: string
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10
const sizeOf = (r: BuildRecord, platform: string) => r.platforms.find(p => p.platform === platform) ?? r.platforms[0]
const day = (iso: string) => (Number.isNaN(Date.parse(iso)) ? '?' : new Date(iso).toISOString().slice(0, 10))
const short = (digest: string) => (digest ? digest.replace(/^sha256:/, '').slice(0, 12) : '')

/** The x-axis names: month-day, numbered when a day has several builds. */
function labels(points: BuildRecord[], currentLabel: string): string[] {
  const days = points.map(p => day(p.built).slice(5))
  const named = days.map((d, i) => (days.filter(x => x === d).length > 1 ? `${d} #${days.slice(0, i + 1).filter(x => x === d).length}` : d))
  named[named.length - 1] = currentLabel
  return named
}

/** The trend's points in order, and the first platform they are drawn for. */
function points(trend: Trend): { all: BuildRecord[]; platform: string } {
  return { all: [...trend.records, trend.current], platform: trend.current.platforms[0]?.platform ?? '' }
}

const currentLabel = (trend: Trend, table = false) =>
  trend.currentLabel ?? (trend.currentPublished ? 'this build' : table ? 'this run (not published)' : 'this run')

/** A Mermaid xychart of the first platform's size, which GitHub renders in summaries and comments. */
export function trendChart(trend: Trend): string {
  const { all, platform } = points(trend)
  const x = labels(all, currentLabel(trend))
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${platform} size (MB), last ${all.length} builds"`,
    `  x-axis [${x.map(l => `"${l}"`).join(', ')}]`,
    '  y-axis "MB"',
    `  line [${all.map(r => mb(sizeOf(r, platform).size)).join(', ')}]`,
    '```'
  ].join('\n')
}

/** The same line as text: one bar per build, from the smallest size in the window up. */
export function trendText(trend: Trend, width = 30): string {
  const { all, platform } = points(trend)
  const sizes = all.map(r => sizeOf(r, platform).size)
  const low = Math.min(...sizes)
  const span = Math.max(...sizes) - low
  const x = labels(all, currentLabel(trend))
  const labelWidth = Math.max(...x.map(l => l.length))
  return all
    .map((r, i) => {
      // A bar of at least one block, so the smallest build still shows.
      const blocks = span ? 1 + Math.round(((sizes[i] - low) / span) * (width - 1)) : width
      return `${x[i].padEnd(labelWidth)} ${humanSize(sizes[i]).padStart(9)} ${'█'.repeat(blocks)}`
    })
    .join('\n')
}

const vulnCell = (v?: VulnerabilityCounts) =>
  v
    ? SEVERITIES.filter(s => s !== 'unknown')
        .map(s => `${v[s]}${s[0].toUpperCase()}`)
        .join(' ')
    : '—'
const signedBytes = (n: number) => (n > 0 ? `+${humanSize(n)}` : n === 0 ? '0 B' : humanSize(n))

/** One row of cells per build, after a header: when, which, size (and change from the row before), layers, time, hit rate, verify, vulnerabilities. */
export function trendRows(trend: Trend, mark: (text: string) => string = t => t): string[][] {
  const { all, platform } = points(trend)
  const rows = all.map((r, i) => {
    const size = sizeOf(r, platform)
    const change = i === 0 ? '' : ` (${signedBytes(size.size - sizeOf(all[i - 1], platform).size)})`
    const current = i === all.length - 1 && !trend.currentLabel
    return [
      day(r.built),
      current ? mark(currentLabel(trend, true)) : short(r.digest),
      `${humanSize(size.size)}${change}`,
      String(size.layers),
      `${r.buildSeconds.toFixed(1)} s`,
      `${r.cacheHitRate}%`,
      r.verify ?? '—',
      vulnCell(r.vulnerabilities)
    ]
  })
  return [['built', 'build', `size (${platform})`, 'layers', 'build time', 'cache hits', 'verify', 'vulnerabilities'], ...rows]
}

export function trendTable(trend: Trend): string[] {
  const [header, ...rows] = trendRows(trend, t => `**${t}**`)
  const cells = (row: string[]) => `| ${row.join(' | ')} |`
  const isCurrent = (i: number) => i === rows.length - 1 && !trend.currentLabel
  return [
    cells(header),
    '|---|---|---:|---:|---:|---:|---|---|',
    ...rows.map((row, i) => cells(isCurrent(i) ? row : [row[0], `\`${row[1]}\``, ...row.slice(2)]))
  ]
}

/** The trend section of the summary: chart, text fallback, table. */
export function trendMarkdown(trend: Trend): string[] {
  const { all } = points(trend)
  if (all.length < 2) return []
  const first = all[0]
  const { platform } = points(trend)
  const change = sizeOf(trend.current, platform).size - sizeOf(first, platform).size
  return [
    `**Trend** (last ${all.length} builds, ${platform}): ${signedBytes(change)} since ${day(first.built)}` +
      (trend.currentPublished ? '' : '; this run shows where the image would sit'),
    '',
    trendChart(trend),
    '',
    '<details><summary>Trend as text</summary>',
    '',
    '```text',
    trendText(trend),
    '```',
    '',
    '</details>',
    '',
    ...trendTable(trend),
    '',
    ...(trend.note ? [`_${trend.note}_`, ''] : [])
  ]
}

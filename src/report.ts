// What the build produced, as outputs and as the job summary. Pure: data in, text out.
import type { PlatformImage } from './image.js'
import type { StepStats } from './progress.js'

export interface StageTime {
  stage: string
  seconds: number
}

export interface Report {
  digest: string
  imageid: string
  tags: string[]
  pushed: boolean
  platforms: PlatformImage[]
  totals: { size: number; layers: number }
  buildTime: number
  cacheHitRate: number
  steps: StepStats
  stages: StageTime[]
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB']

/** Decimal units, one decimal: 231.4 MB. */
export function humanSize(bytes: number): string {
  let value = Math.abs(bytes)
  let unit = 0
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  const text = unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`
  return bytes < 0 ? `-${text}` : text
}

export const seconds = (ms: number) => Math.round(ms / 100) / 10

export function makeReport(parts: Omit<Report, 'totals'>): Report {
  const totals = {
    size: parts.platforms.reduce((s, p) => s + p.size, 0),
    layers: parts.platforms.reduce((s, p) => s + p.layers, 0)
  }
  return { ...parts, totals }
}

export function outputs(report: Report, metadata: string): Record<string, string> {
  const first = report.platforms[0]
  return {
    digest: report.digest,
    imageid: report.imageid,
    metadata,
    tags: report.tags.join('\n'),
    size: first ? String(first.size) : '',
    'size-human': first ? humanSize(first.size) : '',
    layers: first ? String(first.layers) : '',
    report: JSON.stringify(report),
    'build-time': report.buildTime.toFixed(1),
    'cache-hit-rate': String(report.cacheHitRate)
  }
}

export function summaryMarkdown(report: Report): string {
  const lines = [
    `### CI base image ${report.pushed ? 'pushed' : 'built'}`,
    '',
    '| platform | size | layers | digest |',
    '|---|---:|---:|---|',
    ...report.platforms.map(p => `| ${p.platform} | ${humanSize(p.size)} | ${p.layers} | \`${p.digest.slice(0, 19)}\` |`),
    '',
    `**Build time** ${report.buildTime.toFixed(1)} s · **cache hit rate** ${report.cacheHitRate}% ` +
      `(${report.steps.cached} of ${report.steps.steps} steps cached)`,
    ''
  ]
  if (report.digest) lines.push(`**Digest** \`${report.digest}\``, '')
  if (report.tags.length) lines.push('**Tags**', '', ...report.tags.map(t => `- \`${t}\``), '')
  if (report.stages.length) {
    lines.push(
      '<details><summary>Stage timings</summary>',
      '',
      '| stage | seconds |',
      '|---|---:|',
      ...report.stages.map(s => `| ${s.stage} | ${s.seconds.toFixed(1)} |`),
      '',
      '</details>',
      ''
    )
  }
  return lines.join('\n')
}

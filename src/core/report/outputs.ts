// The action's outputs: their names as action.yml declares them (the one place they and their
// descriptions are written), and their values from a report. Pure.
import { OUTPUT_NAMES } from '../inputs/action-inputs.js'
import { fitMarkdown, type Report } from './report.js'
import { humanSize } from './size.js'
import { verified } from '../builder/verify.js'

export type OutputName = (typeof OUTPUT_NAMES)[number]

/** What the image was named and described with: metadata-action's outputs. */
export interface ImageMeta {
  version: string
  labels: string[]
  annotations: string[]
}

const keyValue = (line: string): [string, string] => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]

/** Every output of a finished run, from its report. */
export function outputs(report: Report, metadata: string, markdown: string, meta: ImageMeta): Record<OutputName, string> {
  const first = report.platforms[0]
  return {
    version: meta.version,
    labels: meta.labels.join('\n'),
    annotations: meta.annotations.join('\n'),
    json: JSON.stringify({ tags: report.tags, labels: Object.fromEntries(meta.labels.map(keyValue)), annotations: meta.annotations }),
    digest: report.digest,
    imageid: report.imageid,
    metadata,
    tags: report.tags.join('\n'),
    size: first ? String(first.size) : '',
    'size-human': first ? humanSize(first.size) : '',
    layers: first ? String(first.layers) : '',
    'size-delta': first?.sizeDelta === undefined ? '' : String(first.sizeDelta),
    changed: report.changed === undefined ? '' : String(report.changed),
    built: String(!report.nothingToBuild),
    'rebuild-reason': report.rebuildReasons?.join('\n') ?? '',
    report: JSON.stringify(report),
    markdown,
    'build-time': report.buildTime.toFixed(1),
    'cache-hit-rate': String(report.cacheHitRate),
    verified: report.verify
      ? String(verified(report.verify))
      : report.nothingToBuild?.verify
        ? String(report.nothingToBuild.verify === 'passed')
        : '',
    vulnerabilities: report.vulnerabilities ? JSON.stringify(report.vulnerabilities.counts) : '',
    variants: report.variants
      ? JSON.stringify(
          report.variants.map(v => ({
            name: v.name,
            target: v.target,
            digest: v.digest,
            tags: v.tags,
            size: v.platforms[0]?.size,
            layers: v.platforms[0]?.layers,
            sizeVsMain: v.sizeVsMain
          }))
        )
      : ''
  }
}

/** GitHub keeps at most 1 MB of a job's outputs, all of them together; a margin stays for the rest of the job's steps. */
export const OUTPUTS_LIMIT = 900_000

const bytes = (values: Record<string, string>) => Object.values(values).reduce((sum, v) => sum + Buffer.byteLength(v), 0)

/**
 * Every output of a finished run, cut to fit GitHub's job output limit. The large ones go
 * first, each with a note of what was left out: buildx's metadata (its provenance can be
 * large), then the report's per-layer parts and trend, then the Markdown, as the summary is cut.
 */
export function fittedOutputs(
  report: Report,
  metadata: string,
  markdown: string,
  meta: ImageMeta,
  limit = OUTPUTS_LIMIT
): { values: Record<OutputName, string>; cut: string[] } {
  let values = outputs(report, metadata, markdown, meta)
  const cut: string[] = []
  if (bytes(values) > limit && Buffer.byteLength(metadata) > 1024) {
    values = outputs(report, JSON.stringify({ truncated: "buildx's metadata, over GitHub's job output limit" }), markdown, meta)
    cut.push('metadata')
  }
  if (bytes(values) > limit) {
    const lean: Report = {
      ...report,
      platforms: report.platforms.map(p => ({ ...p, breakdown: [] })),
      variants: report.variants?.map(v => ({ ...v, platforms: v.platforms.map(p => ({ ...p, breakdown: [] })) })),
      trend: undefined,
      growth: undefined
    }
    values = { ...values, report: JSON.stringify({ ...lean, truncated: 'layer breakdowns, trend and growth, over the job output limit' }) }
    cut.push('report')
  }
  if (bytes(values) > limit) {
    const room = limit - (bytes(values) - Buffer.byteLength(values.markdown))
    values = {
      ...values,
      markdown: fitMarkdown(values.markdown, text => Buffer.byteLength(text) <= room - 200, "GitHub's 1 MB job output limit")
    }
    cut.push('markdown')
  }
  return { values, cut }
}

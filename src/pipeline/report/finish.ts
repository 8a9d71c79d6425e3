// The end of every run that made an image (a build, a per-platform build, a merge): compare
// with the baseline, check budgets, write outputs, summary and comment, and only then fail on a
// budget or a verify check.
import type { Inputs } from '../../core/inputs/inputs.js'
import type { RunContext } from '../../core/inputs/github-context.js'
import { createdOf, type Baseline, type ImageInfo } from '../../core/registry/image.js'
import { changedSince, compare, compareLayers } from '../../core/report/compare.js'
import type { BuildRecord, History } from '../../core/registry/history.js'
import { vulnerabilityBreaches, type ScanResult } from '../../core/report/vulnerabilities.js'
import { checkBudgets } from '../../core/report/budget.js'
import { hitRate, type StepStats } from '../../core/builder/progress.js'
import { makeReport, seconds, type Report, type StageTime, type VariantReport } from '../../core/report/report.js'
import { verifyFailures, type Verification } from '../../core/builder/verify.js'
import type { CacheUse } from '../../core/report/cache-use.js'
import { publishReport, type ReportInputs } from './publish-report.js'
import type { ImageMeta } from '../../core/report/outputs.js'
import type { CheckFinding } from '../../core/builder/build-checks.js'
import type { Runtime } from '../host/runtime.js'
import type { Placement } from '../../core/builder/builder.js'

interface Finished {
  digest: string
  imageid: string
  tags: string[]
  image: ImageInfo
  base: Baseline
  buildMs: number
  steps: StepStats
  stages: StageTime[]
  /** Where each platform was built. */
  builtOn?: Placement[]
  verification?: Verification
  /** What the run read from and wrote to each cache (none for a merge). */
  caches?: CacheUse[]
  metadataText: string
  /** The version, labels and annotations the image was made with. */
  meta: ImageMeta
  /** This build as the history records it, the builds before it, and the oldest one's image (for which step grew). */
  record?: BuildRecord
  published?: boolean
  history?: History
  oldest?: ImageInfo
  scan?: ScanResult
  variants?: VariantReport[]
  checks?: CheckFinding[]
  rebuildReasons?: string[]
  nothingToBuild?: Report['nothingToBuild']
}

export async function finish(
  rt: Runtime,
  inputs: Pick<Inputs, 'budgets' | 'push' | 'maxVulnerabilities'> & ReportInputs,
  ctx: RunContext,
  f: Finished
): Promise<void> {
  const { base, image, verification } = f
  if (base.status === 'unavailable' && !base.warned) rt.warning(`Baseline ${base.ref} could not be read: ${base.reason}`)
  const platforms = compare(image.platforms, base.image)
  const breaches = checkBudgets(platforms, inputs.budgets)
  if (f.scan && inputs.maxVulnerabilities)
    for (const message of vulnerabilityBreaches(f.scan.counts, inputs.maxVulnerabilities))
      breaches.push({ platform: 'image', budget: 'max-vulnerabilities', message })
  const { record, history, oldest } = f
  const trend =
    record && history?.records.length
      ? { records: history.records, current: record, currentPublished: !!f.published, ...(history.note ? { note: history.note } : {}) }
      : undefined
  const oldestFirst = oldest?.platforms.find(p => p.platform === image.platforms[0]?.platform)
  const report = makeReport({
    digest: f.digest,
    imageid: f.imageid,
    tags: f.tags,
    pushed: inputs.push,
    platforms,
    baseline: { ref: base.ref, status: base.status, reason: base.reason, created: createdOf(base.image) },
    changed: changedSince(image, base.image),
    ...(f.rebuildReasons ? { rebuildReasons: f.rebuildReasons } : {}),
    ...(f.nothingToBuild ? { nothingToBuild: f.nothingToBuild } : {}),
    budgets: inputs.budgets,
    breaches,
    buildTime: seconds(f.buildMs),
    cacheHitRate: hitRate(f.steps),
    steps: f.steps,
    stages: f.stages,
    ...(f.builtOn ? { builtOn: f.builtOn } : {}),
    caches: f.caches,
    ...(verification ? { verify: verification } : {}),
    ...(trend ? { trend } : {}),
    ...(trend && oldestFirst
      ? { growth: { since: trend.records[0].built.slice(0, 10), layers: compareLayers(image.platforms[0], oldestFirst) } }
      : {}),
    ...(f.scan ? { vulnerabilities: f.scan } : {}),
    ...(f.variants?.length ? { variants: f.variants } : {}),
    ...(f.checks?.length ? { checks: f.checks } : {})
  })
  await publishReport(rt, inputs, ctx, report, f.metadataText, f.meta)
  // Budgets and verify fail the step only after outputs, summary and comment are written.
  const failures = [
    ...(breaches.length ? [`Image over budget:\n${breaches.map(b => b.message).join('\n')}`] : []),
    ...(verification && verifyFailures(verification).length ? [`Verify failed:\n${verifyFailures(verification).join('\n')}`] : []),
    ...(f.variants ?? []).flatMap(v =>
      v.verify && verifyFailures(v.verify).length ? [`Verify failed on variant ${v.name}:\n${verifyFailures(v.verify).join('\n')}`] : []
    )
  ]
  if (failures.length) throw new Error(failures.join('\n'))
}

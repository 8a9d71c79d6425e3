// The phases that publish what a run measured, shared by a build, each variant and a merge: the
// reads of the baseline and its history, the vulnerability scan, the tags (which go to an index
// that records this build's metrics and names its baseline), and the oldest build of the trend.
import { readImage, type Baseline, type ImageInfo } from '../core/registry/image.js'
import { changedSince } from '../core/report/compare.js'
import { recordAnnotations, type BuildRecord, type History } from '../core/registry/history.js'
import { hitRate, type StepStats } from '../core/builder/progress.js'
import { seconds } from '../core/report/report.js'
import { verified, type Verification } from '../core/builder/verify.js'
import { repositoryOf } from '../core/registry/reference.js'
import { errorMessage } from '../core/errors.js'
import type { RunPlan } from '../core/run-plan.js'
import { fingerprintAnnotations, type Fingerprint } from '../core/builder/fingerprint.js'
import type { ScanResult } from '../core/report/vulnerabilities.js'
import { attestationsOf, OCI_INDEX, type Attestation } from '../core/registry/attestations.js'
import { parseManifest } from '../core/registry/image.js'
import { readBaseline, registrySource } from './registry/image-sources.js'
import { copyIndex, readHistory, writeRecordedIndex } from './registry/history.js'
import { clientsFor, type RegistryClient } from './registry/registry-client.js'
import { attachAttestations } from './registry/referrers.js'
import { publish } from './registry/publish.js'
import { scanImage } from './report/scan.js'
import { finish } from './report/finish.js'
import { annotateChecks } from './builder/checks.js'
import type { BuildResult } from './builder/build.js'
import type { CacheUse } from '../core/report/cache-use.js'
import type { Placement } from '../core/builder/builder.js'
import type { Report, VariantReport } from '../core/report/report.js'
import { phase, type Given, type Started } from './phases.js'

/** The published image and the builds behind it: optional reads, started early, awaited late. */
export interface BaselineReads {
  readonly baseline: Promise<Baseline>
  readonly history?: Promise<History>
}

export function startBaselineReads(run: Given): BaselineReads {
  const { rt, inputs } = run
  const baseline = readBaseline(rt.docker, inputs.baseline, inputs.platforms, rt.env, run.reads)
  if (inputs.history <= 0) return { baseline }
  const started = performance.now()
  const history = readHistory(inputs.baseline, inputs.history, rt.env, run.reads).then(h => {
    if (h.records.length) rt.info(`History: ${h.records.length} builds read in ${Math.round(performance.now() - started)} ms`)
    return h
  })
  return { baseline, history }
}

/** An image made (built, or merged from the platforms' hand-overs), measured and checked: what is published. */
export interface Measured {
  /** The image's own digest: the build's index, or the merged one. */
  readonly digest: string
  readonly image: ImageInfo
  readonly base: Baseline
  /** How long the build took and its steps: this job's, or for a merge its platform jobs' (the slowest, all steps). */
  readonly buildMs: number
  readonly steps: StepStats
  readonly verification?: Verification
  /** A merge's attestations, as its platform jobs handed them over; a build's are read from its index. */
  readonly handedOver?: Attestation[]
  /** What the image was built from, recorded on its index beside the history record (none for a merge). */
  readonly fingerprint?: Fingerprint
}

/** What publishing did: the scan, and the index the tags point at with the record written on it. */
export interface Published {
  readonly scan?: ScanResult
  /** The digest the tags point at: the build's index with its metrics, or the baseline's when nothing changed. */
  readonly published?: string
  /** This build's record, as written on its index (one time, one set of figures for the index and the report). */
  readonly recorded?: BuildRecord
}

/** This build as the history records it. */
function recordOf(run: Given, m: Measured, scan: ScanResult | undefined, published = ''): BuildRecord {
  const { base } = m
  return {
    digest: published,
    built: run.rt.now().toISOString(),
    ...(base.image ? { previous: `${repositoryOf(base.ref)}@${base.image.digest}` } : {}),
    platforms: m.image.platforms.map(p => ({ platform: p.platform, size: p.size, layers: p.layers })),
    buildSeconds: seconds(m.buildMs),
    cacheHitRate: hitRate(m.steps),
    ...(m.verification ? { verify: verified(m.verification) ? ('passed' as const) : ('failed' as const) } : {}),
    ...(scan ? { vulnerabilities: scan.counts } : {})
  }
}

/** Scan, then tag: the tail every image shares. `label` names the variant it publishes. */
export async function publishImage(run: Started, plan: RunPlan, reads: BaselineReads, m: Measured, label = ''): Promise<Published> {
  const scan = run.inputs.scanReport !== '' ? await phase(run, 'Scan', () => scanOf(run, plan, m), label) : undefined
  if (!run.inputs.push || run.inputs.mode === 'platform') return scan ? { scan } : {}
  return { ...(scan ? { scan } : {}), ...(await phase(run, 'Tag', () => tag(run, plan, reads, m, scan), label)) }
}

function scanOf(run: Given, plan: RunPlan, m: Measured): Promise<ScanResult> {
  const { repositories, tags } = plan
  // What trivy scans: the pushed image by digest, or the loaded one by its tag.
  const target = () => {
    const ref = run.inputs.push ? `${repositories[0]}@${m.digest}` : tags[0]
    if (!ref) throw new Error("Input 'scan-report': trivy finds a loaded image by its tag; give 'tags' or 'image'.")
    return { ref, platform: m.image.platforms[0].platform }
  }
  return scanImage(run.rt, run.inputs, target, run.ctx.temp)
}

async function tag(
  run: Started,
  plan: RunPlan,
  reads: BaselineReads,
  m: Measured,
  scan: ScanResult | undefined
): Promise<{ published: string; recorded?: BuildRecord }> {
  const { rt, inputs } = run
  const { repositories, tags } = plan
  // A tag that replaces the baseline moves only once the history behind it is read.
  await reads.history
  const clientOf = clientsFor(rt.env, message => rt.warning(message))
  let target = m.digest
  let recorded: BuildRecord | undefined
  const attest = inputs.attest.length > 0
  const platform = m.image.platforms[0].platform
  if (inputs.history > 0) {
    const { base } = m
    if (base.image && changedSince(m.image, base.image) === false) {
      // An unchanged rebuild keeps the published digest: it is no new build in the history.
      target = base.image.digest
      await copyIndex(clientOf, `${repositoryOf(base.ref)}@${target}`, repositories)
      rt.info(`Unchanged since ${base.ref}: the tags stay on its index ${target}; the history gains no entry`)
    } else {
      const record = recordOf(run, m, scan)
      const annotations = { ...recordAnnotations(record), ...(m.fingerprint ? fingerprintAnnotations(m.fingerprint) : {}) }
      target = await writeRecordedIndex(clientOf, repositories, m.digest, annotations, platform, w => rt.warning(w), attest)
      rt.info(`Recorded this build's metrics on index ${target} (the build's own is ${m.digest})`)
      recorded = { ...record, digest: target }
    }
  } else if (attest) target = await writeRecordedIndex(clientOf, repositories, m.digest, {}, platform, w => rt.warning(w), true)
  // Attached before any tag moves: a tag never points at an index whose attestations failed.
  if (attest) await attachRunAttestations(run, plan, m, clientOf, target)
  await publish(rt, target, repositories, tags)
  return { published: target, ...(recorded ? { recorded } : {}) }
}

/** The build's attestations (a merge's: its platform jobs'), attached to the index the tags will point at. */
async function attachRunAttestations(
  run: Started,
  plan: RunPlan,
  m: Measured,
  clientOf: (repository: string) => RegistryClient,
  target: string
): Promise<void> {
  const { rt, inputs } = run
  const { repositories } = plan
  const source = inputs.mode === 'merge' ? inputs.image : repositories[0]
  const attestations = m.handedOver ?? attestationsOf(parseManifest(await clientOf(source).manifest(m.digest)))
  if (!attestations.length) {
    rt.warning(`attest: the builder made no attestation for ${target}; nothing attached (does it support ${inputs.attest.join(' and ')}?)`)
    return
  }
  const { bytes } = await clientOf(repositories[0]).manifestBytes(target)
  const created = new Date(run.facts.sourceDateEpoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const { written, kept } = await attachAttestations(
    clientOf,
    source,
    repositories,
    { mediaType: OCI_INDEX, digest: target, size: bytes.length },
    attestations,
    created
  )
  if (written.length) rt.info(`Attested ${target}: ${written.length} referrer${written.length === 1 ? '' : 's'} (${written.join(', ')})`)
  if (kept)
    rt.info(
      `Attested ${target} already: ${kept} platform image${kept === 1 ? '' : 's'} keep${kept === 1 ? 's' : ''} the attestation attached before`
    )
}

/** The oldest build of the trend, read for which step grew over the window (an optional read). */
async function readOldest(run: Given, reads: BaselineReads): Promise<ImageInfo | undefined> {
  if (!reads.history) return undefined
  const { oldest } = await reads.history
  if (!oldest) return undefined
  const { rt, inputs } = run
  try {
    return await run.reads.read(`the oldest build ${oldest}`, signal =>
      readImage(registrySource(rt.docker, repositoryOf(oldest), rt.env, undefined, signal), oldest, inputs.platforms)
    )
  } catch (e) {
    rt.warning(`The oldest build of the trend, ${oldest}, could not be read: ${errorMessage(e)}; no growth since then`)
    return undefined
  }
}

/** What the report takes from the build itself; a merge has none of it but where its platforms were built. */
interface BuildFacts {
  readonly built?: BuildResult
  readonly caches?: CacheUse[]
  readonly builtOn?: Placement[]
  readonly variants?: VariantReport[]
  /** Why it built, against the baseline's fingerprint. */
  readonly rebuildReasons?: string[]
  /** Nothing was built: the record of the image the tags point at. */
  readonly nothingToBuild?: Report['nothingToBuild']
}

/** The end of every run: the oldest build read, then compare, budgets, outputs, summary and comment; then fail on a budget or verify. */
export async function report(run: Started, plan: RunPlan, reads: BaselineReads, m: Measured, p: Published, b: BuildFacts): Promise<void> {
  const { rt, inputs, ctx } = run
  const oldest = await readOldest(run, reads)
  // Here, once: a variant builds the same Dockerfile and finds the same.
  annotateChecks(rt, b.built?.checks ?? [])
  return finish(rt, inputs, ctx, {
    digest: p.published || m.digest,
    imageid: b.built?.imageId ?? '',
    tags: plan.tags,
    image: m.image,
    base: m.base,
    buildMs: m.buildMs,
    steps: m.steps,
    // The record as written on the index, when one was; else this run's, made now.
    record: p.recorded ?? recordOf(run, m, p.scan, p.published),
    published: p.published !== undefined,
    ...(reads.history ? { history: await reads.history } : {}),
    ...(oldest ? { oldest } : {}),
    ...(p.scan ? { scan: p.scan } : {}),
    ...(b.variants ? { variants: b.variants } : {}),
    ...(b.rebuildReasons ? { rebuildReasons: b.rebuildReasons } : {}),
    ...(b.nothingToBuild ? { nothingToBuild: b.nothingToBuild } : {}),
    stages: run.stages,
    ...(b.builtOn ? { builtOn: b.builtOn } : {}),
    verification: m.verification,
    caches: b.caches ?? [],
    metadataText: b.built?.metadataText ?? '{}',
    ...(b.built?.checks.length ? { checks: b.built.checks } : {}),
    meta: { version: plan.version, labels: plan.build.labels, annotations: plan.build.annotations }
  })
}

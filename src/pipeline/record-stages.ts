// The stages that publish what a build measured, shared by a build and a merge: the reads of the
// baseline and its history, the vulnerability scan, the tags (which go to an index that records
// this build's metrics and names its baseline), and the oldest build of the trend.
import { readImage } from '../core/registry/image.js'
import { changedSince } from '../core/report/compare.js'
import { recordAnnotations, type BuildRecord } from '../core/registry/history.js'
import { hitRate, type StepStats } from '../core/builder/progress.js'
import { seconds } from '../core/report/report.js'
import { verified } from '../core/builder/verify.js'
import { repositoryOf } from '../core/registry/reference.js'
import { errorMessage } from '../core/errors.js'
import { readBaseline, registrySource } from './registry/image-sources.js'
import { copyIndex, readHistory, writeRecordedIndex } from './registry/history.js'
import { clientsFor, type RegistryClient } from './registry/registry-client.js'
import { attachAttestations } from './registry/referrers.js'
import { attestationsOf, OCI_INDEX } from '../core/registry/attestations.js'
import { parseManifest } from '../core/registry/image.js'
import { publish } from './registry/publish.js'
import { scanImage } from './report/scan.js'
import { needs, type Run, type Stage } from './stages.js'

const planOf = (run: Run) => needs(run.plan, 'the plan')
const imageOf = (run: Run) => needs(run.image, 'the image')

/** The published image and the builds behind it: optional reads, started early, awaited late. */
export function startBaselineReads(run: Run): void {
  const { rt, inputs } = run
  run.baseline = readBaseline(rt.docker, inputs.baseline, inputs.platforms, rt.env, run.reads)
  if (inputs.history > 0) {
    const started = performance.now()
    run.history = readHistory(inputs.baseline, inputs.history, rt.env, run.reads).then(h => {
      if (h.records.length) rt.info(`History: ${h.records.length} builds read in ${Math.round(performance.now() - started)} ms`)
      return h
    })
  }
}

/** How long the build took and its steps: this job's, or for a merge its platform jobs' (the slowest, all steps). */
export function buildMetrics(run: Run): { buildMs: number; steps: StepStats } {
  if (run.built) return { buildMs: run.built.milliseconds, steps: run.built.steps }
  const handed = run.handovers ?? []
  return {
    buildMs: Math.max(0, ...handed.map(h => h.buildMs ?? 0)),
    steps: handed.reduce((sum, h) => ({ steps: sum.steps + (h.steps?.steps ?? 0), cached: sum.cached + (h.steps?.cached ?? 0) }), {
      steps: 0,
      cached: 0
    })
  }
}

/** This build as the history records it. */
export function recordOf(run: Run): BuildRecord {
  const { buildMs, steps } = buildMetrics(run)
  const base = run.base
  return {
    digest: run.published ?? '',
    built: run.rt.now().toISOString(),
    ...(base?.image ? { previous: `${repositoryOf(base.ref)}@${base.image.digest}` } : {}),
    platforms: imageOf(run).platforms.map(p => ({ platform: p.platform, size: p.size, layers: p.layers })),
    buildSeconds: seconds(buildMs),
    cacheHitRate: hitRate(steps),
    ...(run.verification ? { verify: verified(run.verification) ? ('passed' as const) : ('failed' as const) } : {}),
    ...(run.scan ? { vulnerabilities: run.scan.counts } : {})
  }
}

export const SCAN_STAGE: Stage = {
  name: 'Scan',
  perImage: true,
  when: run => run.inputs.scanReport !== '',
  run: async run => {
    const { repositories, tags } = planOf(run)
    // What trivy scans: the pushed image by digest, or the loaded one by its tag.
    const target = () => {
      const ref = run.inputs.push ? `${repositories[0]}@${needs(run.digest, 'the digest')}` : tags[0]
      if (!ref) throw new Error("Input 'scan-report': trivy finds a loaded image by its tag; give 'tags' or 'image'.")
      return { ref, platform: imageOf(run).platforms[0].platform }
    }
    run.scan = await scanImage(run.rt, run.inputs, target, run.ctx.temp)
  }
}

export const TAG_STAGE: Stage = {
  name: 'Tag',
  perImage: true,
  when: run => run.inputs.push && run.inputs.mode !== 'platform',
  run: async run => {
    const { rt, inputs } = run
    const { repositories, tags } = planOf(run)
    const built = needs(run.digest, 'the digest')
    // A tag that replaces the baseline moves only once the history behind it is read.
    await run.history
    const clientOf = clientsFor(rt.env, message => rt.warning(message))
    let target = built
    const attest = inputs.attest.length > 0
    const platform = imageOf(run).platforms[0].platform
    if (inputs.history > 0) {
      const base = needs(run.base, 'the baseline')
      if (base.image && changedSince(imageOf(run), base.image) === false) {
        // An unchanged rebuild keeps the published digest: it is no new build in the history.
        target = base.image.digest
        await copyIndex(clientOf, `${repositoryOf(base.ref)}@${target}`, repositories)
        rt.info(`Unchanged since ${base.ref}: the tags stay on its index ${target}; the history gains no entry`)
      } else {
        const record = recordOf(run)
        target = await writeRecordedIndex(clientOf, repositories, built, recordAnnotations(record), platform, m => rt.warning(m), attest)
        rt.info(`Recorded this build's metrics on index ${target} (the build's own is ${built})`)
        run.recorded = { ...record, digest: target }
      }
    } else if (attest) target = await writeRecordedIndex(clientOf, repositories, built, {}, platform, m => rt.warning(m), true)
    // Attached before any tag moves: a tag never points at an index whose attestations failed.
    if (attest) await attachRunAttestations(run, clientOf, target)
    await publish(rt, target, repositories, tags)
    run.published = target
  }
}

/** The build's attestations (a merge's: its platform jobs'), attached to the index the tags will point at. */
async function attachRunAttestations(run: Run, clientOf: (repository: string) => RegistryClient, target: string): Promise<void> {
  const { rt, inputs } = run
  const { repositories } = planOf(run)
  const source = inputs.mode === 'merge' ? inputs.image : repositories[0]
  const attestations = run.handovers
    ? run.handovers.flatMap(h => h.attestations ?? [])
    : attestationsOf(parseManifest(await clientOf(source).manifest(needs(run.digest, 'the digest'))))
  if (!attestations.length) {
    rt.warning(`attest: the builder made no attestation for ${target}; nothing attached (does it support ${inputs.attest.join(' and ')}?)`)
    return
  }
  const { bytes } = await clientOf(repositories[0]).manifestBytes(target)
  const created = new Date(needs(run.facts, 'the facts').sourceDateEpoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
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
  run.attestations = written
}

/** The oldest build of the trend, read for which step grew over the window (an optional read). */
export const OLDEST_STAGE: Stage = {
  when: run => run.history !== undefined,
  run: async run => {
    const { oldest } = await needs(run.history, 'the history')
    if (!oldest) return
    const { rt, inputs, reads } = run
    try {
      const image = await reads.read(`the oldest build ${oldest}`, signal =>
        readImage(registrySource(rt.docker, repositoryOf(oldest), rt.env, undefined, signal), oldest, inputs.platforms)
      )
      if (image) run.oldest = image
    } catch (e) {
      rt.warning(`The oldest build of the trend, ${oldest}, could not be read: ${errorMessage(e)}; no growth since then`)
    }
  }
}

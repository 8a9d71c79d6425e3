// Merge mode: no build. The platforms the per-platform jobs pushed by digest become one index,
// written by digest and then tagged all at once, and reported like any build (sizes, layers,
// baseline, budgets, summary, comment).
import { readImage } from '../core/registry/image.js'
import { annotationArgs, indexAnnotations } from '../core/registry/annotations.js'
import { ociLabels } from '../core/inputs/tags.js'
import { planRun } from '../core/run-plan.js'
import { platformEntryAnnotations } from '../core/builder/fingerprint.js'
import { parseRecord } from '../core/registry/history.js'
import { nothingToBuildOf } from '../core/report/report.js'
import { clientFor, type RegistryClient } from './registry/registry-client.js'
import { makeIndex, platformEntry, putIndex, type Index } from './registry/image-index.js'
import { collectHandovers, type Handover } from './github/handover.js'
import { registrySource } from './registry/image-sources.js'
import { publishImage, report, startBaselineReads, type Measured } from './publish-phases.js'
import { phase, type Started } from './phases.js'

/** The index of the handed-over platforms, in the order `platforms` names them: the same inputs give the same digest. */
export async function indexOf(
  client: RegistryClient,
  handovers: Handover[],
  annotations: Record<string, string>,
  warn: (message: string) => void
): Promise<Index> {
  const entries = await Promise.all(
    handovers.map(async h => {
      const entry = await platformEntry(client, h.platform, h.digest, warn)
      const recorded = platformEntryAnnotations(h)
      return Object.keys(recorded).length ? { ...entry, annotations: recorded } : entry
    })
  )
  return makeIndex(entries, annotations)
}

export async function merge(run: Started): Promise<void> {
  const { rt, inputs, ctx, facts } = run
  // A merge job builds nothing: its plan is its tags.
  const plan = planRun({ ...facts, layoutDir: '', pid: process.pid })
  rt.setOutput('tags', plan.tags.join('\n'))
  const reads = startBaselineReads(run)
  const handovers = await phase(run, 'Collect platforms', () => collectHandovers(inputs.image, inputs.platforms, ctx))
  // A tag that replaces the baseline waits for it to be read first.
  if (plan.tags.includes(inputs.baseline)) await reads.baseline
  const digest = await phase(run, 'Create index', async () => {
    const labels = ociLabels(inputs, ctx, new Date(facts.sourceDateEpoch * 1000), facts.dockerfile, plan.version)
    const annotations = indexAnnotations(annotationArgs(inputs.annotations, labels, '', true))
    const client = clientFor(inputs.image, rt.env, message => rt.warning(message))
    const index = await indexOf(client, handovers, annotations, message => rt.warning(message))
    await putIndex(client, index)
    rt.info(`Index ${index.digest}: ${handovers.map(h => `${h.platform} ${h.digest}`).join(', ')}`)
    return index.digest
  })
  const [image, base] = await phase(run, 'Inspect', () =>
    Promise.all([readImage(registrySource(rt.docker, inputs.image, rt.env), `${inputs.image}@${digest}`, inputs.platforms), reads.baseline])
  )
  const measured: Measured = {
    digest,
    image,
    base,
    // The platform jobs' builds: the slowest one's time, and all their steps.
    buildMs: Math.max(0, ...handovers.map(h => h.buildMs ?? 0)),
    steps: handovers.reduce((sum, h) => ({ steps: sum.steps + (h.steps?.steps ?? 0), cached: sum.cached + (h.steps?.cached ?? 0) }), {
      steps: 0,
      cached: 0
    }),
    handedOver: handovers.flatMap(h => h.attestations ?? [])
  }
  const published = await publishImage(run, plan, reads, measured)
  // The platforms were built where their jobs said.
  const builtOn = handovers.flatMap(h => (h.builtOn ? [h.builtOn] : []))
  // No platform was built, and the tags stayed on the published index: the same image, reported from its record.
  const kept = base.image && published.published === base.image.digest ? parseRecord(base.image.digest, base.image.annotations) : undefined
  const record = kept && handovers.every(h => h.unchanged) ? kept : undefined
  await report(run, plan, reads, measured, record ? { ...published, recorded: record } : published, {
    ...(builtOn.length ? { builtOn } : {}),
    ...(record ? { nothingToBuild: nothingToBuildOf(record) } : {})
  })
}

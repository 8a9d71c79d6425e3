// Merge mode: no build. The platforms the per-platform jobs pushed by digest become one index,
// written by digest and then tagged all at once, and reported like any build (sizes, layers,
// baseline, budgets, summary, comment).
import { readImage } from '../core/registry/image.js'
import { annotationArgs, indexAnnotations } from '../core/registry/annotations.js'
import { ociLabels } from '../core/inputs/tags.js'
import { planRun } from '../core/run-plan.js'
import { clientFor, type RegistryClient } from './registry/registry-client.js'
import { makeIndex, platformEntry, putIndex, type Index } from './registry/image-index.js'
import { collectHandovers, type Handover } from './github/handover.js'
import { registrySource } from './registry/image-sources.js'
import { OLDEST_STAGE, SCAN_STAGE, startBaselineReads, TAG_STAGE } from './record-stages.js'
import { finishRun } from './build-stages.js'
import { needs, type Run, type Stage } from './stages.js'

/** The index of the handed-over platforms, in the order `platforms` names them: the same inputs give the same digest. */
export async function indexOf(
  client: RegistryClient,
  handovers: Handover[],
  annotations: Record<string, string>,
  warn: (message: string) => void
): Promise<Index> {
  return makeIndex(await Promise.all(handovers.map(h => platformEntry(client, h.platform, h.digest, warn))), annotations)
}

const planOf = (run: Run) => needs(run.plan, 'the plan')

export const MERGE_STAGES: Stage[] = [
  {
    run: run => {
      const { rt } = run
      // A merge job builds nothing: its plan is its tags.
      run.plan = planRun({ ...needs(run.facts, 'the facts'), layoutDir: '', pid: process.pid })
      rt.setOutput('tags', run.plan.tags.join('\n'))
      startBaselineReads(run)
    }
  },
  {
    name: 'Collect platforms',
    run: async run => {
      run.handovers = await collectHandovers(run.inputs.image, run.inputs.platforms, run.ctx)
    }
  },
  {
    // A tag that replaces the baseline waits for it to be read first.
    when: run => planOf(run).tags.includes(run.inputs.baseline),
    run: async run => void (await run.baseline)
  },
  {
    name: 'Create index',
    run: async run => {
      const { rt, inputs, ctx } = run
      const facts = needs(run.facts, 'the facts')
      const labels = ociLabels(inputs, ctx, new Date(facts.sourceDateEpoch * 1000), facts.dockerfile, planOf(run).version)
      const annotations = indexAnnotations(annotationArgs(inputs.annotations, labels, '', true))
      const client = clientFor(inputs.image, rt.env, message => rt.warning(message))
      const handovers = needs(run.handovers, 'the hand-overs')
      const index = await indexOf(client, handovers, annotations, message => rt.warning(message))
      await putIndex(client, index)
      rt.info(`Index ${index.digest}: ${handovers.map(h => `${h.platform} ${h.digest}`).join(', ')}`)
      run.digest = index.digest
    }
  },
  {
    name: 'Inspect',
    run: async run => {
      const { rt, inputs } = run
      const source = registrySource(rt.docker, inputs.image, rt.env)
      ;[run.image, run.base] = await Promise.all([
        readImage(source, `${inputs.image}@${needs(run.digest, 'the digest')}`, inputs.platforms),
        needs(run.baseline, 'the baseline read')
      ])
    }
  },
  SCAN_STAGE,
  TAG_STAGE,
  OLDEST_STAGE,
  { run: run => finishRun(run) }
]

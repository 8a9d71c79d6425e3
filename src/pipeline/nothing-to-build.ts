// Nothing to build (skip-unchanged): the image the tags point at was built from the same
// inputs as this run's, so nothing is built. A build moves its tags to that image and reports
// from its record; a per-platform job hands the recorded platform over to the merge job.
import { planRun } from '../core/run-plan.js'
import { compare } from '../core/report/compare.js'
import { nothingToBuildOf } from '../core/report/report.js'
import type { BuildRecord } from '../core/registry/history.js'
import { recordedVerify, type Fingerprint } from '../core/builder/fingerprint.js'
import type { Baseline, ImageInfo } from '../core/registry/image.js'
import type { BuilderResult } from './builder/fingerprint.js'
import { handOver } from './github/handover.js'
import { clientsFor } from './registry/registry-client.js'
import { lacking } from './registry/history.js'
import { publish } from './registry/publish.js'
import { report, type BaselineReads } from './publish-phases.js'
import { unchangedVariants } from './variants.js'
import { planFacts } from './run-facts.js'
import { phase, type Started } from './phases.js'

type Unchanged = Baseline & { image: ImageInfo }

/**
 * The image the tags point at was built from the same inputs: the tags move to it (every
 * repository must hold it already), and the run reports from its record. False, and nothing
 * done, when a repository lacks it: the run builds.
 */
export async function nothingToBuild(
  run: Started,
  reads: BaselineReads,
  base: Unchanged,
  record: BuildRecord,
  builder: BuilderResult
): Promise<boolean> {
  const { rt, inputs } = run
  const facts = await planFacts(rt, run.facts, run.engine)
  const plan = planRun(facts)
  // Every variant must be unchanged too: the run builds them all, or none.
  const variants = inputs.variants.length ? await unchangedVariants(run, plan, facts, builder) : []
  if (!variants) return false
  const images = [{ plan, digest: base.image.digest }, ...variants.map(v => ({ plan: v.plan, digest: v.base.image.digest }))]
  const clientOf = clientsFor(rt.env, message => rt.warning(message))
  for (const { plan: p, digest } of images) {
    const without = await lacking(clientOf, p.repositories, digest)
    if (without.length) {
      rt.info(`skip-unchanged: ${without.join(', ')} does not hold ${digest} yet; building`)
      return false
    }
  }
  const { digest } = base.image
  rt.setOutput('tags', plan.tags.join('\n'))
  rt.info(`Nothing to build: the same inputs as ${base.ref} (${digest}, built ${record.built})`)
  await phase(run, 'Tag', async () => {
    for (const { plan: p, digest: d } of images) await publish(rt, d, p.repositories, p.tags)
  })
  const measured = { digest, image: base.image, base, buildMs: record.buildSeconds * 1000, steps: { steps: 0, cached: 0 } }
  const nothing = nothingToBuildOf(record, digest)
  const main = base.image.platforms[0]
  const variantReports = variants.map(v => {
    const platforms = compare(v.base.image.platforms, v.base.image)
    return {
      name: v.name,
      target: v.target,
      digest: v.base.image.digest,
      tags: v.plan.tags,
      platforms,
      sizeVsMain: (platforms[0]?.size ?? 0) - (main?.size ?? 0)
    }
  })
  await report(
    run,
    plan,
    reads,
    measured,
    { published: digest, recorded: record },
    { rebuildReasons: [], nothingToBuild: nothing, ...(inputs.variants.length ? { variants: variantReports } : {}) }
  )
  return true
}

/**
 * A per-platform job whose platform was built from the same inputs: the platform's image in the
 * published index (its entry records the fingerprint its job had) is handed over to the merge
 * job instead of a build. False, and nothing done, when the job's repository lacks it.
 */
export async function handOverUnchanged(
  run: Started,
  reads: BaselineReads,
  base: Unchanged,
  record: BuildRecord,
  fingerprint: Fingerprint
): Promise<boolean> {
  const { rt, inputs } = run
  const platform = inputs.platforms[0]
  const recorded = base.image.platforms.find(p => p.platform === platform)
  if (!recorded) return false
  const clientOf = clientsFor(rt.env, message => rt.warning(message))
  if ((await lacking(clientOf, [inputs.image], recorded.digest)).length) {
    rt.info(`skip-unchanged: ${inputs.image} does not hold ${platform} ${recorded.digest}; building`)
    return false
  }
  rt.setOutput('tags', '')
  rt.info(`Nothing to build: ${platform} has the same inputs as in ${base.ref} (${recorded.digest}, built ${record.built})`)
  const verify = recordedVerify(inputs, base.image, record) === 'passed' ? ('passed' as const) : undefined
  const buildMs = record.buildSeconds * 1000
  const steps = { steps: 0, cached: 0 }
  await phase(run, 'Hand over', () =>
    handOver(
      {
        platform,
        repository: inputs.image,
        digest: recorded.digest,
        buildMs,
        steps,
        fingerprint,
        ...(verify ? { verify } : {}),
        unchanged: true
      },
      run.ctx
    )
  )
  rt.info(`Handed over to the merge job: ${platform} ${recorded.digest} (unchanged)`)
  const plan = planRun(await planFacts(rt, run.facts, run.engine))
  const image = { digest: recorded.digest, platforms: [recorded] }
  const nothingToBuild = nothingToBuildOf(record, recorded.digest, verify)
  await report(run, plan, reads, { digest: recorded.digest, image, base, buildMs, steps }, {}, { rebuildReasons: [], nothingToBuild })
  return true
}

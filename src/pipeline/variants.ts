// The variants of a build (`variants: slim=runtime`): after the main image, each variant's
// target is built on the same builder from the same cache, and goes through the same phases as
// the main image on a plan of its own (build and push, inspect, verify, scan, record and tag),
// with its own baseline and history. What it made is reported beside the main image.
import { compare } from '../core/report/compare.js'
import { planRun } from '../core/run-plan.js'
import { checksThatApply, variantInputs } from '../core/variants.js'
import type { PlatformImage } from '../core/registry/image.js'
import type { VariantReport } from '../core/report/report.js'
import { buildImage, inspect, measuredOf, tidy, verify } from './image-phases.js'
import { publishImage, startBaselineReads } from './publish-phases.js'
import type { Setup } from './build-phases.js'
import type { Started } from './phases.js'

/** Each variant in turn, on the main image's builder and plan facts; `main` is the main image's first platform. */
export async function buildVariants(run: Started, setup: Setup, main: PlatformImage | undefined): Promise<VariantReport[]> {
  const made: VariantReport[] = []
  for (const variant of run.inputs.variants) {
    const { plan: mainPlan } = setup
    const inputs = variantInputs(run.inputs, variant, mainPlan.tags, mainPlan.build.builder)
    const plan = planRun({ ...setup.planFacts, inputs, existingDriver: mainPlan.driver, existingNodes: mainPlan.nodes })
    const sub: Started = { ...run, inputs }
    run.rt.info(`Variant ${variant.name}: target ${variant.target}, tags ${plan.tags.join(', ') || '(none)'}`)
    const reads = startBaselineReads(sub)
    const built = await buildImage(sub, plan, reads, variant.name)
    const inspected = await inspect(sub, plan, built, reads, variant.name)
    await tidy(sub, plan, built, [])
    const verification = await verify(sub, plan, inspected.image, variant.name)
    const { published } = await publishImage(sub, plan, reads, measuredOf(built, inspected, verification), variant.name)
    const platforms = compare(inspected.image.platforms, inspected.base.image)
    const checks = verification ? checksThatApply(verification) : undefined
    made.push({
      name: variant.name,
      target: variant.target,
      digest: published ?? built.digest,
      tags: plan.tags,
      platforms,
      sizeVsMain: (platforms[0]?.size ?? 0) - (main?.size ?? 0),
      ...(checks ? { verify: checks } : {})
    })
  }
  return made
}

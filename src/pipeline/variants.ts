// The variants of a build (`variants: slim=runtime`): after the main image, each variant's
// target is built on the same builder from the same cache, and goes through the same phases as
// the main image on a plan of its own (build and push, inspect, verify, scan, record and tag),
// with its own baseline and history. What it made is reported beside the main image.
import { compare } from '../core/report/compare.js'
import { planRun } from '../core/run-plan.js'
import { checksThatApply, variantInputs } from '../core/variants.js'
import { ACTION_MAJOR_MINOR, skipDecision, whyBuild } from '../core/builder/fingerprint.js'
import type { RunFacts, RunPlan } from '../core/run-plan.js'
import type { Inputs } from '../core/inputs/inputs.js'
import type { BuildRecord } from '../core/registry/history.js'
import { takeFingerprint, type BuilderResult } from './builder/fingerprint.js'
import type { Baseline, ImageInfo, PlatformImage } from '../core/registry/image.js'
import type { VariantReport } from '../core/report/report.js'
import { buildImage, inspect, measuredOf, tidy, verify } from './image-phases.js'
import { publishImage, startBaselineReads } from './publish-phases.js'
import type { Setup } from './build-phases.js'
import type { Started } from './phases.js'

/** A variant's inputs and plan: the main image's, with its target and tags, on the main image's builder. */
function variantPlan(
  run: Started,
  variant: Inputs['variants'][number],
  mainPlan: RunPlan,
  planFacts: RunFacts
): { inputs: Inputs; plan: RunPlan } {
  const inputs = variantInputs(run.inputs, variant, mainPlan.tags, mainPlan.build.builder)
  return { inputs, plan: planRun({ ...planFacts, inputs, existingDriver: mainPlan.driver, existingNodes: mainPlan.nodes }) }
}

/**
 * Each variant in turn, on the main image's builder and plan facts; `main` is the main image's
 * first platform; `builder` what the main image's fingerprint took the builder to be.
 */
export async function buildVariants(
  run: Started,
  setup: Setup,
  main: PlatformImage | undefined,
  builder: Promise<BuilderResult>
): Promise<VariantReport[]> {
  const made: VariantReport[] = []
  for (const variant of run.inputs.variants) {
    const { inputs, plan } = variantPlan(run, variant, setup.plan, setup.planFacts)
    const sub: Started = { ...run, inputs }
    run.rt.info(`Variant ${variant.name}: target ${variant.target}, tags ${plan.tags.join(', ') || '(none)'}`)
    const reads = startBaselineReads(sub)
    const built = await buildImage(sub, plan, reads, variant.name)
    const inspected = await inspect(sub, plan, built, reads, variant.name)
    await tidy(sub, plan, built, [])
    const verification = await verify(sub, plan, inspected.image, variant.name)
    const checks = verification ? checksThatApply(verification) : undefined
    // Its own fingerprint (its target reads its own stages), recorded as the main image's is: a later run may find it unchanged.
    const taken = await takeFingerprint(run.rt, run.reads, inputs, run.facts.dockerfile, await builder, ACTION_MAJOR_MINOR)
    const measured = { ...measuredOf(built, inspected, checks), ...('fingerprint' in taken ? { fingerprint: taken.fingerprint } : {}) }
    const { published } = await publishImage(sub, plan, reads, measured, variant.name)
    const platforms = compare(inspected.image.platforms, inspected.base.image)
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

/** A variant found unchanged: its plan, the image its tags point at and that image's record. */
interface UnchangedVariant {
  name: string
  target: string
  plan: RunPlan
  base: Baseline & { image: ImageInfo }
  record: BuildRecord
}

/**
 * Whether every variant, too, was built from the inputs it has now (each its own fingerprint
 * against its own baseline): they all are, or the run builds, and says why.
 */
export async function unchangedVariants(
  run: Started,
  mainPlan: RunPlan,
  planFacts: RunFacts,
  builder: BuilderResult
): Promise<UnchangedVariant[] | undefined> {
  const found: UnchangedVariant[] = []
  for (const variant of run.inputs.variants) {
    const { inputs, plan } = variantPlan(run, variant, mainPlan, planFacts)
    const [taken, base] = await Promise.all([
      takeFingerprint(run.rt, run.reads, inputs, run.facts.dockerfile, builder, ACTION_MAJOR_MINOR),
      startBaselineReads({ ...run, inputs }).baseline
    ])
    const decision = skipDecision(inputs, taken, base)
    const reasons = 'fingerprint' in taken ? whyBuild(inputs, taken, base) : taken.unknowable
    if (!decision.skip || !base.image) {
      run.rt.info(
        `skip-unchanged: variant ${variant.name} ${decision.skip ? 'has no image' : `builds (${(decision.note ? [decision.note] : reasons).join('; ')})`}; building`
      )
      return undefined
    }
    found.push({ name: variant.name, target: variant.target, plan, base: { ...base, image: base.image }, record: decision.record })
  }
  return found
}

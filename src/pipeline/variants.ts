// The variants of a build (`variants: slim=runtime`): after the main image, each variant's
// target is built on the same builder from the same cache, and carried through the same image
// stages as a run of its own (push, inspect, verify, scan, record and tag), with its own
// baseline and history. What it made is reported beside the main image.
import { compare } from '../core/report/compare.js'
import { planRun } from '../core/run-plan.js'
import { checksThatApply, variantInputs } from '../core/variants.js'
import { needs, runStages, type Run, type Stage } from './stages.js'

/** The stage that builds the variants, running `imageStages` (asked when it runs) for each. */
export function variantsStage(imageStages: () => Stage[]): Stage {
  return {
    when: run => run.inputs.variants.length > 0,
    run: async run => {
      const plan = needs(run.plan, 'the plan')
      const main = needs(run.image, 'the image').platforms[0]
      run.variants = []
      for (const variant of run.inputs.variants) {
        const inputs = variantInputs(run.inputs, variant, plan.tags, plan.build.builder)
        const facts = { ...needs(run.planFacts, 'the plan facts'), inputs, existingDriver: plan.driver, existingNodes: plan.nodes }
        const sub: Run = {
          rt: run.rt,
          inputs,
          ctx: run.ctx,
          reads: run.reads,
          stages: run.stages,
          engine: run.engine,
          created: run.created,
          facts: run.facts,
          planFacts: facts,
          plan: planRun(facts),
          buildx: run.buildx
        }
        run.rt.info(`Variant ${variant.name}: target ${variant.target}, tags ${sub.plan!.tags.join(', ') || '(none)'}`)
        await runStages(sub, imageStages(), variant.name)
        const image = needs(sub.image, `variant ${variant.name}'s image`)
        const platforms = compare(image.platforms, sub.base?.image)
        const verify = sub.verification ? checksThatApply(sub.verification) : undefined
        run.variants.push({
          name: variant.name,
          target: variant.target,
          digest: sub.published ?? sub.digest ?? image.digest,
          tags: sub.plan!.tags,
          platforms,
          sizeVsMain: (platforms[0]?.size ?? 0) - (main?.size ?? 0),
          ...(verify ? { verify } : {})
        })
      }
    }
  }
}

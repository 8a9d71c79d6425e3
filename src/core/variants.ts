// Variants: more targets of the same Dockerfile, built in the same run. What a variant is asked
// to do, derived from the main image's inputs and plan. Pure.
import type { Inputs } from './inputs/inputs.js'
import { repositoryOf, tagOf } from './registry/reference.js'
import type { Verification } from './builder/verify.js'

/** `repo:tag` -> `repo:tag-name`: the variant's tag beside each of the main image's. */
export const variantTag = (ref: string, name: string) => `${repositoryOf(ref)}:${tagOf(ref)}-${name}`

/**
 * The inputs of one variant: its target, the main image's tags with its suffix (so `sha`,
 * `date`, `latest` and semver tags all have theirs), its own baseline and so its own history,
 * the main image's builder and cache (read only: the main build wrote it), the same checks.
 */
export function variantInputs(inputs: Inputs, variant: { name: string; target: string }, mainTags: string[], builder: string): Inputs {
  const trivy = inputs.scanReport === 'trivy'
  return {
    ...inputs,
    target: variant.target,
    tags: mainTags.map(t => variantTag(t, variant.name)),
    tagPolicy: [],
    baseline: inputs.baseline && !inputs.baseline.includes('@') ? variantTag(inputs.baseline, variant.name) : '',
    builder,
    cacheWrite: 'never',
    cacheMounts: [],
    // A report file describes the main image; trivy scans each image itself.
    scanReport: trivy ? 'trivy' : '',
    maxVulnerabilities: trivy ? inputs.maxVulnerabilities : undefined,
    variants: []
  }
}

/**
 * A variant leaves things out by design (a slim image has no compiler): a check whose program
 * is not in it, exit 127 as shells have it, does not apply there. Any other failure counts.
 */
export function checksThatApply(v: Verification): Verification {
  return {
    ...v,
    results: v.results.map(r => (!r.passed && r.exitCode === 127 ? { ...r, passed: true, output: `not in this variant (exit 127)` } : r))
  }
}

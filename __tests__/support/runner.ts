// The runner harness lives in scripts/lib (the local run and the benchmark use it too).
export { ROOT, actionYml, parseCommandFile, runAction } from '../../scripts/lib/runner.mjs'
export type { ActionRun, StepResult } from '../../scripts/lib/runner.mjs'

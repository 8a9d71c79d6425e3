// The runner harness lives in scripts/lib (the local run and the benchmark use it too).
export { ROOT, HEAD_SHA, HEAD_COMMIT_TIME, actionNode, actionYml, parseCommandFile, runAction } from '../../scripts/lib/runner.mjs'
export type { ActionRun, RunOptions, StepResult } from '../../scripts/lib/runner.mjs'

// A run as typed phases. Each phase returns what it found as a value of its own (Started,
// Setup, Built, Measured, Published) that the phases after it take as arguments: the compiler
// holds their order, and nothing is left on a record for a later phase to hope was filled.
// `phase` keeps what every grouped phase shares: its log group and its time in the report.
import type { Inputs } from '../core/inputs/inputs.js'
import type { RunContext } from '../core/inputs/github-context.js'
import type { EngineFacts } from '../core/builder/builder.js'
import { stageSeconds, type StageTime } from '../core/report/report.js'
import type { OptionalReads } from './host/optional-reads.js'
import type { CommonFacts } from './run-facts.js'
import type { Runtime } from './host/runtime.js'

/** What every phase is given: the host, the inputs, the run's context and optional reads, and where phase times go. */
export interface Given {
  readonly rt: Runtime
  readonly inputs: Inputs
  readonly ctx: RunContext
  /** The baseline, the published releases and the registry cache: reads a run can do without, with one time budget. */
  readonly reads: OptionalReads
  /** Each grouped phase's time, for the report: the one thing phases add to as they go. */
  readonly stages: StageTime[]
}

/** A run after its logins: what it found out before it plans. */
export interface Started extends Given {
  readonly facts: CommonFacts & { work: string }
  /** Asked at the start and answered while the run logs in and reads its facts (none for a merge). */
  readonly engine?: Promise<EngineFacts>
}

/** A phase in a log group of its own, timed for the report; `label` names the variant it runs for. */
export async function phase<T>(run: Given, name: string, body: () => Promise<T> | T, label = ''): Promise<T> {
  const titled = label ? `${name} (${label})` : name
  const started = run.rt.now().getTime()
  try {
    return await run.rt.group(titled, async () => body())
  } finally {
    run.stages.push({ stage: titled, seconds: stageSeconds(run.rt.now().getTime() - started) })
  }
}

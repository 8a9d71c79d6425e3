// A run as a list of named stages, carried out in order by one runner that times them. Each mode
// (build, platform, merge) is such a list; what a stage finds out, it leaves on the run for the
// stages after it.
import type { Inputs } from '../core/inputs/inputs.js'
import type { RunContext } from '../core/inputs/github-context.js'
import type { RunFacts, RunPlan } from '../core/run-plan.js'
import type { BuilderNode, EngineFacts } from '../core/builder/builder.js'
import type { SourceDate } from '../core/source-date.js'
import type { Baseline, ImageInfo } from '../core/registry/image.js'
import type { Verification } from '../core/builder/verify.js'
import type { CacheFault, CacheStep } from '../core/builder/progress.js'
import { stageSeconds, type StageTime } from '../core/report/report.js'
import type { OptionalReads } from './host/optional-reads.js'
import type { CommonFacts } from './run-facts.js'
import type { BuildxSetup } from './builder/buildx.js'
import type { BuildResult } from './builder/build.js'
import type { HeldBlobs } from './builder/cache-export.js'
import type { Runtime } from './host/runtime.js'
import type { Handover } from './github/handover.js'
import type { MountUse } from './builder/cache-mounts.js'
import type { ScanResult } from '../core/report/vulnerabilities.js'
import type { VariantReport } from '../core/report/report.js'
import type { BuildRecord, History } from '../core/registry/history.js'

/** One run: what it was given, and what its stages found out so far. */
export interface Run {
  /** The host; its `buildx` is the one setup chose once setup has run (the runner's before). */
  readonly rt: Runtime
  readonly inputs: Inputs
  readonly ctx: RunContext
  /** The baseline, the published releases and the registry cache: reads a run can do without, with one time budget. */
  readonly reads: OptionalReads
  /** Each grouped stage's time, for the report. */
  readonly stages: StageTime[]
  /** Asked at the start and answered while the run logs in and reads its facts. */
  readonly engine?: Promise<EngineFacts>
  readonly created: Promise<SourceDate>
  facts?: CommonFacts & { work: string }
  /** The referrers this run attached to its index (attest). */
  attestations?: string[]
  /** What the plan was made from (the variants are planned from it too). */
  planFacts?: RunFacts
  plan?: RunPlan
  buildx?: BuildxSetup
  /** The nodes of the builder the build runs on, asked once it is set up. */
  nodes?: Promise<BuilderNode[]>
  baseline?: Promise<Baseline>
  held?: Promise<HeldBlobs>
  built?: BuildResult
  /** The image made (built, or merged from the platforms' hand-overs) and its digest. */
  digest?: string
  image?: ImageInfo
  base?: Baseline
  /** The registry caches still to be written, and what writing them met. */
  staleCaches?: string[]
  upToDateCaches?: string[]
  exportFaults?: CacheFault[]
  exportSteps?: CacheStep[]
  /** The cache mounts carried across runs: restored before the build, saved after it. */
  mountUses?: MountUse[]
  verification?: Verification
  /** A merge job's platforms, as their jobs handed them over. */
  handovers?: Handover[]
  /** The published builds behind the baseline (an optional read), and the oldest one's image. */
  history?: Promise<History>
  oldest?: ImageInfo
  scan?: ScanResult
  /** The digest the tags point at: the build's index with its metrics, or the baseline's when nothing changed. */
  published?: string
  /** This build's record, as written on its index (one time, one set of figures for the index and the report). */
  recorded?: BuildRecord
  variants?: VariantReport[]
}

export interface Stage {
  /** Its group in the log and its line in the report; without one, a step of the run that is neither. */
  name?: string | ((run: Run) => string)
  /** Runs only when this holds (asked when its turn comes). */
  when?: (run: Run) => boolean
  run: (run: Run) => void | Promise<void>
  /** A stage of each image the run makes: run again for every variant, on the variant's own run. */
  perImage?: boolean
}

/** What an earlier stage left on the run: there by the order of the list, said plainly if not. */
export function needs<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: ${what} is not known yet at this stage`)
  return value
}

export async function runStages(run: Run, stages: Stage[], label = ''): Promise<void> {
  for (const stage of stages) {
    if (stage.when && !stage.when(run)) continue
    const named = typeof stage.name === 'function' ? stage.name(run) : stage.name
    const name = named && label ? `${named} (${label})` : named
    if (!name) {
      await stage.run(run)
      continue
    }
    const started = run.rt.now().getTime()
    try {
      await run.rt.group(name, async () => stage.run(run))
    } finally {
      run.stages.push({ stage: name, seconds: stageSeconds(run.rt.now().getTime() - started) })
    }
  }
}

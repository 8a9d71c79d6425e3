// What a run finds out before it plans, gathered the same way by the action and by the dry run:
// the commit's time (git), the versions already published (the registry's tags), the Dockerfile.
import { existsSync, readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { readFile } from 'node:fs/promises'
import type { Inputs } from '../core/inputs/inputs.js'
import { runContext, type RunContext } from '../core/inputs/github-context.js'
import type { Env } from '../core/host/env.js'
import type { RunFacts } from '../core/run-plan.js'
import type { EngineFacts } from '../core/builder/builder.js'
import type { SourceDate } from '../core/source-date.js'
import { releaseVersion } from '../core/inputs/tags.js'
import type { OptionalReads } from './host/optional-reads.js'
import { releaseOf } from './registry/release.js'
import type { Runtime } from './host/runtime.js'
import { sourceDate } from './source-date.js'
import { existingBuilderFacts } from './builder/buildx.js'
import { layoutStoreDir } from './builder/layout-store.js'

/** The run's GitHub context: the runner's environment and the event payload it names. */
export const readRunContext = (env: Env): RunContext => runContext(env, path => readFileSync(path, 'utf8'))

/** The facts every plan needs; the builder's (engine, existing driver) and the run's own places are added by the caller. */
export type CommonFacts = Pick<RunFacts, 'inputs' | 'ctx' | 'env' | 'now' | 'release' | 'sourceDateEpoch' | 'dockerfile'>

/** `created`: the commit-time lookup, when the caller started it earlier (it runs while the action logs in). */
export async function gatherFacts(
  rt: Runtime,
  inputs: Inputs,
  ctx: RunContext,
  reads: OptionalReads,
  created: Promise<SourceDate> = sourceDate(rt, inputs, ctx)
): Promise<CommonFacts> {
  const [release, date, dockerfile] = await Promise.all([
    releaseOf(rt, inputs, reads, releaseVersion(inputs, ctx)),
    created,
    readFile(inputs.file, 'utf8').catch(() => '')
  ])
  return { inputs, ctx, env: rt.env, now: rt.now(), release, sourceDateEpoch: date.epoch, dockerfile }
}

/** The facts a build plans from: the common ones and its work directory, the engine's, a named builder's driver and nodes, and this machine's layout. */
export async function planFacts(
  rt: Runtime,
  common: CommonFacts & { work: string },
  engine: Promise<EngineFacts | undefined> | undefined
): Promise<RunFacts> {
  const { inputs } = common
  const layoutDir = layoutStoreDir(rt.env)
  const facts = await engine
  return {
    ...common,
    engine: facts,
    ...(inputs.builder ? await existingBuilderFacts(rt.docker, inputs) : {}),
    layoutDir,
    layoutKept: existsSync(join(layoutDir, 'index.json')),
    engineHere: facts?.name !== undefined && facts.name === hostname(),
    pid: process.pid
  }
}

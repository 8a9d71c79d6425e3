// The registry cache the action derives is written after the build, and only when its ref does
// not hold this build already. A no-change rebuild (the weekly rebuild, most PR checks) would
// otherwise export the same cache every run: BuildKit walks every record and asks the registry
// for every blob again, about 0.6 s on a 250 MB image over loopback and more over the network.
// What the ref holds is read while the build runs; a read that fails or runs out of time means
// the cache is written, as before.
import { cacheBlobs, cacheSpecAttrs } from '../../core/builder/cache-plan.js'
import type { CacheFault, CacheStep } from '../../core/builder/progress.js'
import type { Env } from '../../core/host/env.js'
import { repositoryOf, tagOf } from '../../core/registry/reference.js'
import type { BuildPlan } from '../../core/builder/args.js'
import { clientFor, NotFoundError } from '../registry/registry-client.js'
import type { OptionalReads } from '../host/optional-reads.js'
import { buildOnce } from './build.js'
import { lastLines } from '../host/docker.js'
import type { Runtime } from '../host/runtime.js'

/** Per cache spec, the blobs its ref lists ([] when there is none yet), or undefined when that could not be read. */
export type HeldBlobs = Map<string, string[] | undefined>

export async function readHeldBlobs(specs: string[], env: Env, reads: OptionalReads): Promise<HeldBlobs> {
  const entries = await Promise.all(
    specs.map(async spec => {
      const ref = cacheSpecAttrs(spec).ref
      try {
        const text = await reads.read(`the registry cache ${ref}`, signal =>
          clientFor(repositoryOf(ref), env, undefined, signal).manifest(tagOf(ref))
        )
        return [spec, text === undefined ? undefined : cacheBlobs(text)] as const
      } catch (e) {
        return [spec, e instanceof NotFoundError ? [] : undefined] as const
      }
    })
  )
  return new Map(entries)
}

/** Export the given caches in one fully cached pass: its faults are the run's warnings, never the step's failure. */
export async function exportCaches(rt: Runtime, plan: BuildPlan, specs: string[]): Promise<{ faults: CacheFault[]; steps: CacheStep[] }> {
  const { code, progress } = await buildOnce(rt, { ...plan, cacheOnly: true, cacheToAfter: specs })
  const faults = progress.cacheFaults()
  if (code !== 0 && !faults.length) faults.push({ step: 'exporting cache', error: lastLines(progress.errorText(), 5) })
  return { faults, steps: progress.cacheSteps() }
}

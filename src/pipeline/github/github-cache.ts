// The GitHub Actions cache service, through @actions/cache: the local build cache and the
// binfmt image both travel through it.
import { AsyncLocalStorage } from 'node:async_hooks'

// @actions/cache is large; it is loaded only by runs that use the GitHub cache (start-up time).
const actionsCache = () => import('@actions/cache')

/** What one @actions/cache call said on stdout: its warning and error lines, and its debug lines. */
interface CallSaid {
  said: string[]
  debug: string[]
  /** Why its last attempt failed, when it is retrying (told on a plain line). */
  retrying?: string
  /** Given up on (cache-timeout): whatever it says later is not the run's. */
  abandoned: boolean
}
const callOf = new AsyncLocalStorage<CallSaid>()
let calls = 0
// The stream's own method, put back when no call is in flight (called with the stream as `this`).
// eslint-disable-next-line @typescript-eslint/unbound-method
let write = process.stdout.write

/**
 * stdout while a call is in flight: lines written from inside a call (its async context) are the
 * library's, everything else passes as it is. Calls may run side by side (one per cache mount).
 */
function divertedWrite(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
  const call = callOf.getStore()
  const text = String(chunk)
  if (call?.abandoned) return true
  const command = call && /^::(?:error|warning)(?: [^:]*)?::(.*)/.exec(text)
  // Debug lines are shown as they are, and kept: some failures are told only there.
  if (call && text.startsWith('::debug::')) call.debug.push(text.slice('::debug::'.length).trim())
  const retry = call && /^Attempt \d+ of \d+ failed with error: (.*?)\.? Retrying/.exec(text)
  if (retry) call.retrying = retry[1]
  if (!command) return (write as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest)
  call.said.push(command[1].trim().replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'))
  return true
}
const diverted = divertedWrite as typeof process.stdout.write

/**
 * @actions/cache reports its own failures on stdout (a 5xx as `::error::`, which shows as an
 * error annotation) and then returns as if the cache had missed. While it runs, its warning and
 * error lines are taken aside; a failure becomes an exception, which the caller turns into the
 * action's one warning, so a fault never looks like a miss nor like a failed step. With a bound
 * (cache-timeout), a call still retrying then is given up on: it throws, and says nothing more
 * (the library retries a 5xx for about 25 s, and has no way to be stopped).
 */
async function reportingFaults<T>(call: () => Promise<T>, timeoutMs?: number, debugSaid: string[] = []): Promise<T> {
  const told: CallSaid = { said: [], debug: debugSaid, abandoned: false }
  calls++
  // Installed unless it is in place already (whoever replaced stdout since is written through).
  if (process.stdout.write !== diverted) {
    // eslint-disable-next-line @typescript-eslint/unbound-method
    write = process.stdout.write
    process.stdout.write = diverted
  }
  const done = callOf.run(told, call).finally(() => {
    if (--calls === 0 && process.stdout.write === diverted) process.stdout.write = write
  })
  let timer: NodeJS.Timeout | undefined
  const gaveUp = new Promise<never>((_, reject) => {
    if (timeoutMs)
      timer = setTimeout(() => {
        told.abandoned = true
        const why = told.retrying ? `; its last attempt failed: ${told.retrying}` : ''
        reject(new Error(`the GitHub cache service did not finish in ${timeoutMs / 1000} s (cache-timeout)${why}`))
      }, timeoutMs)
  })
  let result: T
  try {
    result = await Promise.race([done, gaveUp])
  } finally {
    clearTimeout(timer)
  }
  if (told.said.length) throw new Error(told.said.join('; '))
  return result
}

/** Restore paths from the GitHub cache service. Returns the key restored from, or undefined on a miss; throws on a fault. */
export async function restorePaths(
  paths: string[],
  key: string,
  restoreKeys: string[] = [],
  timeoutMs?: number
): Promise<string | undefined> {
  const cache = await actionsCache()
  if (!cache.isFeatureAvailable()) throw new Error('the GitHub cache service is not available to this run')
  return reportingFaults(() => cache.restoreCache(paths, key, restoreKeys), timeoutMs)
}

/** Whether this run has the GitHub cache service (a runner's job does; a terminal does not). */
export async function githubCacheAvailable(): Promise<boolean> {
  return (await actionsCache()).isFeatureAvailable()
}

/** Save paths to the GitHub cache service under key; throws on a fault, or when timeoutMs passes first. */
export async function savePaths(paths: string[], key: string, timeoutMs?: number): Promise<void> {
  const cache = await actionsCache()
  if (!cache.isFeatureAvailable()) throw new Error('the GitHub cache service is not available to this run')
  // saveCache reports most failures by returning -1 rather than throwing, and says why (an entry
  // of that key already there, say) only in a debug line.
  const debug: string[] = []
  if ((await reportingFaults(() => cache.saveCache(paths, key), timeoutMs, debug)) === -1) {
    const why = debug.find(line => /^Failed to (reserve|save)/i.test(line))
    throw new Error(`the cache service did not store ${key}${why ? ` (${why})` : ''}`)
  }
}

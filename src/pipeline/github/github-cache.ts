// The GitHub Actions cache service, through @actions/cache: the local build cache and the
// binfmt image both travel through it.
// @actions/cache is large; it is loaded only by runs that use the GitHub cache (start-up time).
const actionsCache = () => import('@actions/cache')

/**
 * @actions/cache reports its own failures on stdout (a 5xx as `::error::`, which shows as an
 * error annotation) and then returns as if the cache had missed. While it runs, its warning and
 * error lines are taken aside; a failure becomes an exception, which the caller turns into the
 * action's one warning, so a fault never looks like a miss nor like a failed step.
 */
async function reportingFaults<T>(call: () => Promise<T>, debugSaid: string[] = []): Promise<T> {
  // The stream's own method, put back as it was afterwards (called with the stream as `this`).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const write = process.stdout.write
  const said: string[] = []
  process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    const command = /^::(?:error|warning)(?: [^:]*)?::(.*)/.exec(String(chunk))
    // Debug lines are shown as they are, and kept: some failures are told only there.
    if (String(chunk).startsWith('::debug::')) debugSaid.push(String(chunk).slice('::debug::'.length).trim())
    if (!command) return (write as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest)
    said.push(command[1].trim().replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'))
    return true
  }
  let result: T
  try {
    result = await call()
  } finally {
    process.stdout.write = write
  }
  if (said.length) throw new Error(said.join('; '))
  return result
}

/** Restore paths from the GitHub cache service. Returns the key restored from, or undefined on a miss; throws on a fault. */
export async function restorePaths(paths: string[], key: string, restoreKeys: string[] = []): Promise<string | undefined> {
  const cache = await actionsCache()
  if (!cache.isFeatureAvailable()) throw new Error('the GitHub cache service is not available to this run')
  return reportingFaults(() => cache.restoreCache(paths, key, restoreKeys))
}

/** Whether this run has the GitHub cache service (a runner's job does; a terminal does not). */
export async function githubCacheAvailable(): Promise<boolean> {
  return (await actionsCache()).isFeatureAvailable()
}

export async function savePaths(paths: string[], key: string): Promise<void> {
  const cache = await actionsCache()
  if (!cache.isFeatureAvailable()) throw new Error('the GitHub cache service is not available to this run')
  // saveCache reports most failures by returning -1 rather than throwing, and says why (an entry
  // of that key already there, say) only in a debug line.
  const debug: string[] = []
  if ((await reportingFaults(() => cache.saveCache(paths, key), debug)) === -1) {
    const why = debug.find(line => /^Failed to (reserve|save)/i.test(line))
    throw new Error(`the cache service did not store ${key}${why ? ` (${why})` : ''}`)
  }
}

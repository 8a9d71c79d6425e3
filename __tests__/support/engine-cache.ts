// The engine's BuildKit is the machine's: a test that needs it cold removes only the cache
// records its own file used (since the file started), never the whole engine's (a developer's
// build cache stays; the runner stack's process builds on builders of its own).
import { engineCall } from '../../src/pipeline/host/docker-config'

interface CacheRecord {
  ID: string
  CreatedAt: string
  LastUsedAt?: string
}

const fileStarted = new Date()

async function records(): Promise<CacheRecord[]> {
  const answer = await engineCall(process.env, 'GET', '/system/df?type=build-cache')
  if (answer?.status !== 200)
    throw new Error(`Reading the engine's build cache failed: ${answer?.status ?? 'no answer'} ${answer?.body ?? ''}`)
  return (JSON.parse(answer.body) as { BuildCache: CacheRecord[] | null }).BuildCache ?? []
}

/** The engine's cache records used since this file started, gone: the next build finds none of this file's work. */
export async function pruneOwnRecords(since = fileStarted): Promise<number> {
  const ours = (list: CacheRecord[]) => list.filter(r => new Date(r.LastUsedAt ?? r.CreatedAt) >= since)
  let removed = 0
  // The engine prunes one id per call, and a record only once no later one builds on it: newest
  // first, and again for what was held by a record of another file's.
  for (let pass = 0; pass < 5; pass++) {
    const left = ours(await records()).sort((a, b) => b.CreatedAt.localeCompare(a.CreatedAt))
    if (!left.length) break
    let gone = 0
    for (const r of left) {
      const filters = encodeURIComponent(JSON.stringify({ id: [r.ID] }))
      const answer = await engineCall(process.env, 'POST', `/build/prune?all=true&filters=${filters}`)
      if (answer?.status === 200) gone += (JSON.parse(answer.body) as { CachesDeleted: string[] | null }).CachesDeleted?.length ?? 0
    }
    removed += gone
    if (!gone) break
  }
  return removed
}

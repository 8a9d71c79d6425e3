// The one time an image carries: SOURCE_DATE_EPOCH. From the commit, a rebuild of the same
// commit on the same base stamps the same times and so gets the same digest. Pure.

export interface SourceDate {
  /** Seconds since the epoch, as BuildKit's SOURCE_DATE_EPOCH build arg takes it. */
  epoch: number
  from: 'SOURCE_DATE_EPOCH' | 'commit' | 'event' | 'build time'
}

interface SourceDateFacts {
  /** The step's own SOURCE_DATE_EPOCH, if it set one. */
  env?: string
  created: 'commit' | 'now'
  /** Committer time of the built commit (git, in the checkout), seconds. */
  commitTime?: number
  /** The event payload's head commit timestamp (push events), ISO 8601. */
  eventTime?: string
  now: Date
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000)

/** A step's SOURCE_DATE_EPOCH must be whole seconds; anything else is a mistake worth naming. */
function parseEpoch(text: string): number | undefined {
  return /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : undefined
}

export function chooseSourceDate(f: SourceDateFacts): SourceDate {
  const given = f.env?.trim() ? parseEpoch(f.env) : undefined
  if (f.env?.trim() && given === undefined)
    throw new Error(`SOURCE_DATE_EPOCH '${f.env}' is not a time: use whole seconds since 1970, e.g. $(git log -1 --format=%ct)`)
  if (given !== undefined) return { epoch: given, from: 'SOURCE_DATE_EPOCH' }
  if (f.created === 'now') return { epoch: seconds(f.now), from: 'build time' }
  // git's time first: a scheduled run (no head commit in its payload) then agrees with the push of the same commit.
  if (f.commitTime !== undefined) return { epoch: f.commitTime, from: 'commit' }
  const event = f.eventTime ? Date.parse(f.eventTime) : NaN
  if (!Number.isNaN(event)) return { epoch: Math.floor(event / 1000), from: 'event' }
  return { epoch: seconds(f.now), from: 'build time' }
}

export const isoSeconds = (epoch: number) => new Date(epoch * 1000).toISOString().replace(/\.000Z$/, 'Z')

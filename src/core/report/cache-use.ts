// What a run did with each cache, for the report: read (imported, none yet, failed) and written
// (layers written, up to date, not written by cache-write, failed), from BuildKit's own cache
// steps. BuildKit names an import by its registry ref, or by `<type>:<hash>`; an export only by
// its kind, so each is matched to the specs of that kind in the order they were given.
import { cacheSpecAttrs, type CacheWrite } from '../builder/cache-plan.js'
import type { CacheStep } from '../builder/progress.js'

export interface CacheUse {
  cache: string
  read: string
  written: string
}

const EXPORT_KIND: [RegExp, string][] = [
  [/^exporting cache to registry/, 'registry'],
  [/^exporting to GitHub Actions Cache/, 'gha'],
  [/^exporting cache to client directory/, 'local'],
  [/^exporting cache to Amazon S3/, 's3'],
  [/^exporting cache to Azure Blob Storage/, 'azblob']
]

const IMPORT_FROM = 'importing cache manifest from '

/** A spec as people name it: `registry r/x:buildcache`, `gha scope=main`, `local /path`; `sameAs` joins paths that are one cache. */
export function cacheLabel(spec: string, sameAs: Record<string, string> = {}): string {
  const a = cacheSpecAttrs(spec)
  const path = a.src ?? a.dest
  const where = a.ref ?? (a.scope ? `scope=${a.scope}` : path ? (sameAs[path] ?? path) : (a.name ?? ''))
  return `${a.type}${where ? ` ${where}` : ''}`
}

/** Steps matched to specs: by registry ref, else the n-th step of a kind goes to the n-th spec of that type. */
function matchSteps(specs: string[], steps: CacheStep[], kindOf: (step: CacheStep) => string | undefined): Map<string, CacheStep> {
  const matched = new Map<string, CacheStep>()
  const unclaimed = [...steps]
  for (const spec of specs) {
    const a = cacheSpecAttrs(spec)
    const i = unclaimed.findIndex(s => kindOf(s) === a.type || (a.ref !== undefined && kindOf(s) === a.ref))
    if (i >= 0) matched.set(spec, unclaimed.splice(i, 1)[0])
  }
  return matched
}

const importKind = (s: CacheStep) => {
  const id = s.step.slice(IMPORT_FROM.length)
  // `gha:123…` names the type; a registry import is named by its ref.
  return /^[a-z0-9]+:\d+$/.test(id) ? id.slice(0, id.indexOf(':')) : id
}
const exportKind = (s: CacheStep) => EXPORT_KIND.find(([pattern]) => pattern.test(s.step))?.[1]
const firstLine = (text = '') => text.split('\n')[0].slice(0, 200)

function readText(step: CacheStep | undefined): string {
  if (!step) return 'not looked up (nothing asked for it)'
  if (step.outcome === 'failed') return `failed: ${firstLine(step.error)}`
  return step.outcome === 'none yet' ? 'none yet' : 'imported'
}

function writtenText(spec: string, step: CacheStep | undefined): string {
  if (!step) return 'exported'
  if (step.outcome === 'failed') return `failed: ${firstLine(step.error)}`
  const layers = `${step.layers} layer${step.layers === 1 ? '' : 's'}`
  // gha writes only the layers the service lacks; a registry export pushes every layer it lists.
  return cacheSpecAttrs(spec).type === 'gha' ? `${layers} new` : `${layers} exported`
}

export interface CacheUseFacts {
  from: string[]
  /** Exported with the build, and after it (the derived registry cache, when stale). */
  to: string[]
  toAfter: string[]
  upToDate: string[]
  /** Exports cache-write left out, and why. */
  unwritten: string[]
  write: CacheWrite
  /** Paths that name one cache: the local cache is read from its directory and written next to it. */
  sameAs?: Record<string, string>
  steps: CacheStep[]
  afterSteps: CacheStep[]
}

export function cacheUses(f: CacheUseFacts): CacheUse[] {
  const imports = matchSteps(
    f.from,
    f.steps.filter(s => s.kind === 'import'),
    importKind
  )
  const exports = new Map([
    ...matchSteps(
      f.to,
      f.steps.filter(s => s.kind === 'export'),
      exportKind
    ),
    ...matchSteps(
      f.toAfter.filter(spec => !f.upToDate.includes(spec)),
      f.afterSteps.filter(s => s.kind === 'export'),
      exportKind
    )
  ])
  const rows = new Map<string, CacheUse>()
  const row = (spec: string) => {
    const cache = cacheLabel(spec, f.sameAs)
    if (!rows.has(cache)) rows.set(cache, { cache, read: '—', written: '—' })
    return rows.get(cache)!
  }
  for (const spec of f.from) row(spec).read = readText(imports.get(spec))
  for (const spec of f.unwritten) row(spec).written = `not written: ${f.write.why}`
  for (const spec of [...f.to, ...f.toAfter])
    row(spec).written = f.upToDate.includes(spec) ? 'up to date: not written again' : writtenText(spec, exports.get(spec))
  return [...rows.values()]
}

/** A cache mount's row: bytes restored before the build and saved after it. */
export function mountRow(use: { id: string; restoredSum: string; restoredBytes: number; savedBytes: number; note?: string }): CacheUse {
  return {
    cache: `mount ${use.id}`,
    read: use.restoredSum ? `${use.restoredBytes} bytes restored` : 'none yet',
    written: use.note ?? (use.savedBytes ? `${use.savedBytes} bytes saved` : '—')
  }
}

// A small, protocol-faithful stand-in for GitHub's Actions cache service, on loopback:
// - API v1 (`_apis/artifactcache/...`), which buildx's `type=gha` cache speaks;
// - API v2 (Twirp `CacheService` + an Azure-blob-shaped upload URL), which @actions/cache 6 speaks.
// Entries are immutable per (key, version); lookups take the first key exactly, then any
// key as a prefix (newest first), as GitHub documents for restore keys.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { closeServer, listenOnLoopback } from './close-server'

interface Entry {
  id: number
  key: string
  version: string
  data: Buffer
  committed: boolean
  created: number
  blocks: Map<string, Buffer>
  /** The branch (ref) whose run wrote it: other branches cannot read it, the default branch's is read by all. */
  scope: string
}

export interface CacheServerStats {
  /** Lookups answered with an entry, by key. */
  hits: string[]
  misses: number
  /** Bytes served to downloads. */
  downloaded: number
  uploaded: number
  /** Requests per API version: v1 (`_apis/artifactcache`), v2 (Twirp and its blob URLs). */
  requests: { v1: number; v2: number }
}

export interface CacheServer {
  url: string
  env: Record<string, string>
  entries(): { key: string; size: number; committed: boolean; scope: string }[]
  stats: CacheServerStats
  /** Answer every request with this status (fault injection); undefined to stop. A 429 says Retry-After: 1. */
  failWith?: number
  /** Answer only the requests that write (reserving or creating an entry, uploading) with this status. */
  failWritesWith?: number
  /** The environment of a run on another branch: it writes there and reads there and from the default branch. */
  envFor(ref: string): Record<string, string>
  close(): Promise<void>
}

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/'

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

const DEFAULT_BRANCH = 'refs/heads/main'
const READ = 1
const WRITE = 2

/**
 * A runtime token shaped like the runner's: a JWT whose `ac` claim is a JSON string of scopes.
 * The run's own ref may be read and written (3), the default branch only read (1), as GitHub
 * grants them.
 */
export function runtimeToken(ref = DEFAULT_BRANCH): string {
  const now = Math.floor(Date.now() / 1000)
  const scopes = [
    { Scope: ref, Permission: READ | WRITE },
    ...(ref === DEFAULT_BRANCH ? [] : [{ Scope: DEFAULT_BRANCH, Permission: READ }])
  ]
  const claims = { ac: JSON.stringify(scopes), nbf: now - 60, exp: now + 6 * 3600, iss: 'test' }
  return `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}.${Buffer.from('unsigned').toString('base64url')}`
}

/** The scopes a request's token may read, and the one it writes to. */
function tokenScopes(req: IncomingMessage): { read: string[]; write?: string } {
  try {
    const payload = JSON.parse(Buffer.from((req.headers.authorization ?? '').split('.')[1] ?? '', 'base64url').toString())
    const scopes = JSON.parse(payload.ac) as { Scope: string; Permission: number }[]
    return { read: scopes.filter(s => s.Permission & READ).map(s => s.Scope), write: scopes.find(s => s.Permission & WRITE)?.Scope }
  } catch {
    return { read: [] }
  }
}

/** `bytes=start-` or `bytes=start-end`, from x-ms-range (Azure's) or Range. */
function byteRange(req: IncomingMessage, length: number): { start: number; end: number } | undefined {
  const m = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers['x-ms-range'] ?? req.headers.range ?? ''))
  if (!m) return undefined
  return { start: Number(m[1]), end: Math.min(m[2] ? Number(m[2]) : length - 1, length - 1) }
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function json(res: ServerResponse, status: number, value?: unknown) {
  if (value === undefined) {
    res.writeHead(status).end()
    return
  }
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value))
}

export async function startCacheServer(): Promise<CacheServer> {
  const entries: Entry[] = []
  const stats: CacheServerStats = { hits: [], misses: 0, downloaded: 0, uploaded: 0, requests: { v1: 0, v2: 0 } }
  let nextId = 1
  let base = ''

  const lookup = (req: IncomingMessage, keys: string[], version: string): Entry | undefined => {
    const readable = tokenScopes(req).read
    const ready = entries
      .filter(e => e.committed && e.version === version && readable.includes(e.scope))
      .sort((a, b) => b.created - a.created || b.id - a.id)
    return ready.find(e => e.key === keys[0]) ?? keys.map(k => ready.find(e => e.key.startsWith(k))).find(Boolean)
  }
  const record = (entry: Entry | undefined) => {
    if (entry) stats.hits.push(entry.key)
    else stats.misses++
    return entry
  }

  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', base)
      const writes = req.method !== 'GET' && !/GetCacheEntryDownloadURL|\/cache$/.test(url.pathname)
      const fault = state.failWith ?? (writes ? state.failWritesWith : undefined)
      if (fault) {
        req.resume()
        res.writeHead(fault, { 'Content-Type': 'application/json', ...(fault === 429 ? { 'Retry-After': '1' } : {}) })
        return res.end(JSON.stringify({ message: 'injected fault' }))
      }
      const path = url.pathname
      if (process.env.CACHE_SERVER_LOG) console.log(`cache server: ${req.method} ${req.url} ${JSON.stringify(req.headers)}`)
      if (path.startsWith('/_apis/artifactcache/')) stats.requests.v1++
      else if (path.startsWith(TWIRP) || path.startsWith('/account/')) stats.requests.v2++

      // Downloads: v1's archive location, and v2's signed blob URL (GET on the blob).
      const download = /^\/download\/(\d+)$/.exec(path) ?? (req.method === 'GET' ? /^\/account\/container\/blob-(\d+)$/.exec(path) : null)
      if (req.method === 'GET' && download) {
        const entry = entries.find(e => e.id === Number(download[1]) && e.committed)
        if (!entry) return json(res, 404)
        const range = byteRange(req, entry.data.length)
        const part = range ? entry.data.subarray(range.start, range.end + 1) : entry.data
        stats.downloaded += part.length
        const headers: Record<string, string> = {
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(part.length),
          'x-ms-blob-type': 'BlockBlob'
        }
        if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${entry.data.length}`
        res.writeHead(range ? 206 : 200, headers).end(part)
        return
      }

      // v1, as buildx's gha cache uses it.
      if (path.startsWith('/_apis/artifactcache/')) {
        if (!/^Bearer .+\..+\..+$/.test(req.headers.authorization ?? '')) return json(res, 401, { message: 'no token' })
        const rest = path.slice('/_apis/artifactcache/'.length)
        if (req.method === 'GET' && rest === 'cache') {
          const entry = record(lookup(req, (url.searchParams.get('keys') ?? '').split(','), url.searchParams.get('version') ?? ''))
          if (!entry) return json(res, 204)
          return json(res, 200, { cacheKey: entry.key, scope: entry.scope, archiveLocation: `${base}/download/${entry.id}` })
        }
        if (req.method === 'POST' && rest === 'caches') {
          const { key, version } = JSON.parse((await body(req)).toString())
          const scope = tokenScopes(req).write
          if (!scope) return json(res, 403, { message: 'the token may not write to the cache' })
          if (entries.some(e => e.key === key && e.version === version && e.scope === scope)) {
            return json(res, 409, { message: `Cache already exists. Key: ${key}`, typeKey: 'ArtifactCacheItemAlreadyExistsException' })
          }
          const entry: Entry = {
            id: nextId++,
            key,
            version,
            data: Buffer.alloc(0),
            committed: false,
            created: Date.now(),
            blocks: new Map(),
            scope
          }
          entries.push(entry)
          return json(res, 201, { cacheId: entry.id })
        }
        const id = /^caches\/(\d+)$/.exec(rest)?.[1]
        const entry = entries.find(e => e.id === Number(id))
        if (!entry) return json(res, 404, { message: 'no such cache' })
        if (req.method === 'PATCH') {
          const range = /^bytes (\d+)-(\d+)\/\*$/.exec(req.headers['content-range'] ?? '')
          if (!range) return json(res, 400, { message: 'Content-Range required' })
          const chunk = await body(req)
          const start = Number(range[1])
          const grown = Buffer.alloc(Math.max(entry.data.length, start + chunk.length))
          entry.data.copy(grown)
          chunk.copy(grown, start)
          entry.data = grown
          stats.uploaded += chunk.length
          return json(res, 204)
        }
        if (req.method === 'POST') {
          const { size } = JSON.parse((await body(req)).toString())
          if (size !== entry.data.length)
            return json(res, 400, { message: `size ${size} does not match ${entry.data.length} uploaded bytes` })
          entry.committed = true
          return json(res, 204)
        }
      }

      // v2: Twirp JSON, as @actions/cache 6 uses it.
      if (req.method === 'POST' && path.startsWith(TWIRP)) {
        if (!/^Bearer .+/.test(req.headers.authorization ?? '')) return json(res, 401, { code: 'unauthenticated', msg: 'no token' })
        const call = path.slice(TWIRP.length)
        const request = JSON.parse((await body(req)).toString() || '{}')
        if (call === 'GetCacheEntryDownloadURL') {
          const entry = record(lookup(req, [request.key, ...(request.restore_keys ?? [])], request.version))
          if (!entry) return json(res, 200, { ok: false })
          return json(res, 200, {
            ok: true,
            signed_download_url: `${base}/account/container/blob-${entry.id}?sig=read`,
            matched_key: entry.key
          })
        }
        if (call === 'CreateCacheEntry') {
          const scope = tokenScopes(req).write
          if (!scope) return json(res, 403, { code: 'permission_denied', msg: 'the token may not write to the cache' })
          if (entries.some(e => e.key === request.key && e.version === request.version && e.scope === scope)) {
            return json(res, 409, { code: 'already_exists', msg: 'cache entry already exists' })
          }
          const entry: Entry = {
            id: nextId++,
            key: request.key,
            version: request.version,
            data: Buffer.alloc(0),
            committed: false,
            created: Date.now(),
            blocks: new Map(),
            scope
          }
          entries.push(entry)
          return json(res, 200, { ok: true, signed_upload_url: `${base}/account/container/blob-${entry.id}?sig=test` })
        }
        if (call === 'FinalizeCacheEntryUpload') {
          const entry = entries.find(
            e => e.key === request.key && e.version === request.version && e.scope === tokenScopes(req).write && !e.committed
          )
          if (!entry) return json(res, 404, { code: 'not_found', msg: 'no such entry' })
          if (Number(request.size_bytes) !== entry.data.length) return json(res, 400, { code: 'invalid_argument', msg: 'size mismatch' })
          entry.committed = true
          return json(res, 200, { ok: true, entry_id: String(entry.id) })
        }
        return json(res, 404, { code: 'bad_route', msg: call })
      }

      // The Azure blob upload the v2 signed URL leads to: single-shot PUT, or blocks + block list.
      const blob = /^\/account\/container\/blob-(\d+)$/.exec(path)
      if (req.method === 'PUT' && blob) {
        const entry = entries.find(e => e.id === Number(blob[1]))
        if (!entry) return json(res, 404)
        const data = await body(req)
        const comp = url.searchParams.get('comp')
        if (comp === 'block') {
          entry.blocks.set(url.searchParams.get('blockid') ?? '', data)
          stats.uploaded += data.length
        } else if (comp === 'blocklist') {
          const ids = [...data.toString().matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]+)</g)].map(m => m[1])
          entry.data = Buffer.concat(ids.map(id => entry.blocks.get(id) ?? Buffer.alloc(0)))
        } else {
          entry.data = data
          stats.uploaded += data.length
        }
        res.writeHead(201, { 'x-ms-request-id': String(entry.id), 'x-ms-version': '2024-05-04', ETag: `"${entry.id}"` }).end()
        return
      }
      json(res, 404, { message: `no route for ${req.method} ${path}` })
    } catch (e) {
      json(res, 500, { message: String(e) })
    }
  })

  base = await listenOnLoopback(server)
  const state: CacheServer = {
    url: `${base}/`,
    env: {
      ACTIONS_CACHE_URL: `${base}/`,
      ACTIONS_RESULTS_URL: `${base}/`,
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RUNTIME_TOKEN: runtimeToken()
    },
    envFor: ref => ({ ...state.env, ACTIONS_RUNTIME_TOKEN: runtimeToken(ref) }),
    entries: () => entries.map(e => ({ key: e.key, size: e.data.length, committed: e.committed, scope: e.scope })),
    stats,
    close: () => closeServer(server)
  }
  return state
}

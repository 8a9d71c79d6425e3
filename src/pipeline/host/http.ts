// A small HTTP client for the registry API on node:http(s). Node's fetch loads its HTTP stack
// (undici) on first use, about 40 ms here: more than all of `inspect`'s requests together.
// Redirects are followed for reads, without credentials when they leave the host (blob
// downloads go to storage that rejects them); a request that hangs is cut off.
import { request as httpRequest, type IncomingMessage } from 'node:http'

export interface HttpResponse {
  status: number
  statusText: string
  ok: boolean
  headers: { get(name: string): string | null }
  text(): Promise<string>
  json(): Promise<unknown>
  bytes(): Promise<Uint8Array>
}

interface HttpRequest {
  method?: string
  headers?: Record<string, string>
  body?: Uint8Array | string
  /** Milliseconds without an answer before the request fails. */
  timeoutMs?: number
  /** Cuts the request off (an optional read whose time ran out). */
  signal?: AbortSignal
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
let requestTimeoutMs = 120_000

/** The run's `registry-timeout`: how long any registry request may go unanswered. */
export function setRequestTimeout(ms: number): void {
  requestTimeoutMs = ms
}

// TLS is loaded the first time a registry needs it (about 20 ms): a loopback registry never does.
const httpsRequest = async () => (await import('node:https')).request

async function once(url: URL, req: HttpRequest): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? await httpsRequest() : httpRequest
  return new Promise((resolve, reject) => {
    const body = typeof req.body === 'string' ? Buffer.from(req.body) : req.body
    // A connection of its own per request: a registry that answers before reading a body (an
    // early error) leaves a kept-alive connection that the next try must not inherit.
    const headers = { ...req.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) }
    const r = send(url, { method: req.method ?? 'GET', agent: false, headers, signal: req.signal }, resolve)
    const limit = req.timeoutMs ?? requestTimeoutMs
    r.setTimeout(limit, () => r.destroy(new Error(`timed out after ${limit / 1000} s (registry-timeout)`)))
    r.on('error', (e: NodeJS.ErrnoException) =>
      reject(new Error(`${req.method ?? 'GET'} ${url.host}${url.pathname}: ${networkReason(e)}`, { cause: e }))
    )
    r.end(body)
  })
}

/** Node's words for a dropped connection ("socket hang up") said plainly. */
function networkReason(e: NodeJS.ErrnoException): string {
  if (e.code === 'ECONNRESET' || /socket hang up/.test(e.message)) return `the connection was reset (${e.message})`
  if (e.code === 'ECONNREFUSED') return 'connection refused'
  return e.message
}

function collect(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    res.on('data', (c: Buffer) => chunks.push(c))
    res.on('end', () => resolve(Buffer.concat(chunks)))
    res.on('error', reject)
  })
}

export async function http(address: string | URL, req: HttpRequest = {}): Promise<HttpResponse> {
  let url = new URL(address)
  const headers = { ...req.headers }
  let res = await once(url, { ...req, headers })
  for (let hops = 0; REDIRECTS.has(res.statusCode ?? 0) && res.headers.location && hops < 5; hops++) {
    res.resume()
    const next = new URL(res.headers.location, url)
    if (next.host !== url.host) delete headers.Authorization
    url = next
    res = await once(url, { ...req, method: req.method === 'HEAD' ? 'HEAD' : 'GET', body: undefined, headers })
  }
  const status = res.statusCode ?? 0
  const body = req.method === 'HEAD' ? Promise.resolve(Buffer.alloc(0)) : collect(res)
  if (req.method === 'HEAD') res.resume()
  return {
    status,
    statusText: res.statusMessage ?? '',
    ok: status >= 200 && status < 300,
    headers: { get: name => [res.headers[name.toLowerCase()]].flat()[0] ?? null },
    text: async () => (await body).toString('utf8'),
    json: async () => JSON.parse((await body).toString('utf8')) as unknown,
    bytes: async () => new Uint8Array(await body)
  }
}

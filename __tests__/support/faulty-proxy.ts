// A loopback proxy in front of the test registry that sees every request and fails chosen
// ones, the way a registry under load does: an error status, or the connection cut midway.
import { createServer, request, type Server } from 'node:http'
import { closeServer, listenOnLoopback } from './close-server'

export interface FaultyProxy {
  host: string
  /** Every request, as `METHOD /path?query`, in arrival order. */
  requests: string[]
  /** Requests answered with the fault instead of being forwarded. */
  failed: string[]
  close(): Promise<void>
}

/** An HTTP status to answer with (with headers and a body of its own), or 'reset': the connection is dropped with the request half read. */
export type Fault = number | 'reset' | 'hang' | { status: number; headers?: Record<string, string>; body?: string }

/** Blob uploads started (one POST per blob the registry did not have). */
export const blobUploads = (proxy: FaultyProxy) => proxy.requests.filter(r => /^POST \/v2\/.+\/blobs\/uploads\//.test(r))
/** Manifests written: by digest or by tag. */
export const manifestPuts = (proxy: FaultyProxy) => proxy.requests.filter(r => /^PUT \/v2\/.+\/manifests\//.test(r))

export async function startFaultyProxy(
  upstreamPort: number,
  fails: (method: string, path: string) => boolean = () => false,
  fault: Fault = 500
): Promise<FaultyProxy> {
  const failed: string[] = []
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`)
    if (fails(req.method ?? '', req.url ?? '')) {
      failed.push(`${req.method} ${req.url}`)
      // Never answered: the client's own timeout has to end it (close() drops the connection).
      if (fault === 'hang') {
        req.resume()
        return
      }
      if (fault === 'reset') {
        req.once('data', () => req.socket.destroy())
        req.once('end', () => req.socket.destroy())
        return
      }
      req.resume()
      const answer = typeof fault === 'number' ? { status: fault } : fault
      res
        .writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers })
        .end(answer.body ?? '{"errors":[{"code":"UNKNOWN","message":"injected fault"}]}')
      return
    }
    const upstream = request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers }, up => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    // An upstream that fails mid-answer: the answer is cut off, as the registry's own would be.
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()))
    req.pipe(upstream)
  })
  const url = await listenOnLoopback(server)
  return { host: `localhost:${new URL(url).port}`, requests, failed, close: () => closeServer(server) }
}

// A loopback proxy in front of the test registry that fails chosen requests once, the way a
// registry under load answers: for testing what the action does when a push fails.
import { createServer, request, type Server } from 'node:http'
import { closeServer, listenOnLoopback } from './close-server'

export interface FaultyProxy {
  host: string
  /** Requests answered with the fault instead of being forwarded. */
  failed: string[]
  close(): Promise<void>
}

export async function startFaultyProxy(upstreamPort: number, fails: (method: string, path: string) => boolean, status = 500): Promise<FaultyProxy> {
  const failed: string[] = []
  const server: Server = createServer((req, res) => {
    if (fails(req.method ?? '', req.url ?? '')) {
      failed.push(`${req.method} ${req.url}`)
      req.resume()
      res.writeHead(status, { 'Content-Type': 'application/json' }).end('{"errors":[{"code":"UNKNOWN","message":"injected fault"}]}')
      return
    }
    const upstream = request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers }, up => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  const url = await listenOnLoopback(server)
  return { host: `localhost:${new URL(url).port}`, failed, close: () => closeServer(server) }
}

// A TCP forwarder to the test registry on another loopback address: the registry listens on
// 127.0.0.1 only, and the tests need it under [::1] and 127.0.0.2 too.
import { createServer, connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export interface Forwarder {
  /** host:port to name in an image reference, e.g. `[::1]:40123`. */
  host: string
  close(): Promise<void>
}

export async function forwardTo(upstreamPort: number, address: string): Promise<Forwarder> {
  const sockets = new Set<Socket>()
  const server = createServer(client => {
    const upstream = connect(upstreamPort, '127.0.0.1')
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => s.destroy())
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, address, resolve))
  const port = (server.address() as AddressInfo).port
  return {
    host: `${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

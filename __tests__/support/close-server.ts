// Test servers close at once: the docker engine keeps idle keep-alive connections to them
// for minutes, and a plain close() waits for those (it held a whole suite for two minutes).
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export function closeServer(server: Server): Promise<void> {
  return new Promise(resolve => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/** Listen on a free loopback port; the base URL to reach it. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

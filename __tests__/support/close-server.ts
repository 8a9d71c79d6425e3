// Test servers close at once: the docker engine keeps idle keep-alive connections to them
// for minutes, and a plain close() waits for those (it held a whole suite for two minutes).
import type { Server } from 'node:http'

export function closeServer(server: Server): Promise<void> {
  return new Promise(resolve => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

// Ports the tests' own servers listen on: each asked of the kernel (port 0), never a fixed
// number that another test file, or the machine, may be using.
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'

/** A loopback port free right now: the caller's server binds it next. Closed, it is also a port nothing answers on. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

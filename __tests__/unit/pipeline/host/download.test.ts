// Release downloads: final errors fail at once, a server's trouble is tried once more, a silent server is cut off.
import { createServer, type Server } from 'node:http'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { download } from '../../../../src/pipeline/host/download'

let server: Server
let base = ''
let answers: number[] = []
let requests: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '')
    if (req.url === '/silent') return // accepted, never answered
    if (req.url === '/moved') return res.writeHead(302, { Location: '/file' }).end()
    const status = answers.shift() ?? 200
    res.writeHead(status).end(status === 200 ? 'release bytes' : 'trouble')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})
beforeEach(() => ((answers = []), (requests = [])))

const dest = () => join(mkdtempSync(join(tmpdir(), 'download-')), 'file')

test('a redirect is followed to the file', async () => {
  const file = dest()
  await download(`${base}/moved`, file)
  expect(readFileSync(file, 'utf8')).toBe('release bytes')
  expect(requests).toStrictEqual(['/moved', '/file'])
})

test('a 503 is tried once more after the pause; a second 503 is the error', async () => {
  answers = [503]
  const file = dest()
  await download(`${base}/file`, file, 5_000, 10)
  expect(readFileSync(file, 'utf8')).toBe('release bytes')
  answers = [503, 503, 200]
  requests = []
  await expect(download(`${base}/file`, dest(), 5_000, 10)).rejects.toThrow(/GET .*\/file: HTTP 503/)
  expect(requests).toHaveLength(2)
})

test('a 404 and a refused connection fail at once, without a second try', async () => {
  answers = [404, 200]
  await expect(download(`${base}/file`, dest(), 5_000, 10)).rejects.toThrow(/HTTP 404/)
  expect(requests).toHaveLength(1)
  const started = Date.now()
  await expect(download('http://127.0.0.1:1/file', dest(), 5_000, 60_000)).rejects.toThrow(/ECONNREFUSED/)
  // The 60 s pause was not taken.
  expect(Date.now() - started).toBeLessThan(30_000)
})

test('a server that never answers is cut off after the timeout, and tried once more', async () => {
  await expect(download(`${base}/silent`, dest(), 200, 10)).rejects.toThrow(/timeout/i)
  expect(requests).toStrictEqual(['/silent', '/silent'])
})

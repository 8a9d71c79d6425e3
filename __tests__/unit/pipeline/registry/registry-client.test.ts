import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NotFoundError, RegistryClient } from '../../../../src/pipeline/registry/registry-client'
import { parseChallenge } from '../../../../src/core/host/http-headers'
import { dockerCredentials } from '../../../../src/pipeline/host/docker-config'
import { parseRepository } from '../../../../src/core/registry/reference'
import { closeServer } from '../../../support/close-server'

test.each([
  ['ghcr.io/phialo/ci-base', { host: 'ghcr.io', base: 'https://ghcr.io', repository: 'phialo/ci-base' }],
  ['localhost:5000/e2e/x', { host: 'localhost:5000', base: 'http://localhost:5000', repository: 'e2e/x' }],
  ['127.0.0.1:5000/x', { host: '127.0.0.1:5000', base: 'http://127.0.0.1:5000', repository: 'x' }],
  ['busybox', { host: 'docker.io', base: 'https://registry-1.docker.io', repository: 'library/busybox' }],
  ['tonistiigi/binfmt', { host: 'docker.io', base: 'https://registry-1.docker.io', repository: 'tonistiigi/binfmt' }],
  ['docker.io/library/node', { host: 'docker.io', base: 'https://registry-1.docker.io', repository: 'library/node' }]
])('parseRepository(%s)', (repo, expected) => expect(parseRepository(repo)).toEqual(expected))

test('credentials as `docker login` stores them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'docker-config-'))
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { 'ghcr.io': { auth: Buffer.from('bot:s3:cret').toString('base64') } } }))
  expect(await dockerCredentials('ghcr.io', { DOCKER_CONFIG: dir })).toEqual({ username: 'bot', password: 's3:cret' })
  expect(await dockerCredentials('quay.io', { DOCKER_CONFIG: dir })).toBeUndefined()
  expect(await dockerCredentials('ghcr.io', { DOCKER_CONFIG: join(dir, 'missing') })).toBeUndefined()
})

test('challenges', () => {
  expect(parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:p/x:pull"')).toEqual({
    scheme: 'bearer',
    params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:p/x:pull' }
  })
})

test('the token dance: 401 with a Bearer challenge, a token for the login, then the manifest; 404 is NotFound', async () => {
  const seen: string[] = []
  const server = createServer((req, res) => {
    seen.push(`${req.url} ${req.headers.authorization ?? '-'}`)
    const port = (server.address() as AddressInfo).port
    if (req.url?.startsWith('/token')) return res.end(JSON.stringify({ token: 'T0KEN' }))
    if (req.headers.authorization !== 'Bearer T0KEN') {
      res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="reg",scope="repository:p/x:pull"` })
      return res.end()
    }
    if (req.url === '/v2/p/x/manifests/1') return res.end('{"layers":[]}')
    res.writeHead(404).end()
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  const client = new RegistryClient({ host: `127.0.0.1:${port}`, base: `http://127.0.0.1:${port}`, repository: 'p/x' }, async () => ({
    username: 'u',
    password: 'p'
  }))
  expect(await client.manifest('1')).toBe('{"layers":[]}')
  await expect(client.manifest('2')).rejects.toBeInstanceOf(NotFoundError)
  expect(seen).toEqual([
    '/v2/p/x/manifests/1 -',
    `/token?service=reg&scope=repository%3Ap%2Fx%3Apull ${'Basic ' + Buffer.from('u:p').toString('base64')}`,
    '/v2/p/x/manifests/1 Bearer T0KEN',
    '/v2/p/x/manifests/2 Bearer T0KEN'
  ])
  await closeServer(server)
})

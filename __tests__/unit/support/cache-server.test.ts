// The test cache server speaks v2 the way GitHub's service and Azure blob storage do: the e2e
// tests trust it, so its protocol details are checked here on their own.
import { startCacheServer, type CacheServer } from '../../support/cache-server'

const TWIRP = 'twirp/github.actions.results.api.v1.CacheService'
let server: CacheServer

beforeAll(async () => (server = await startCacheServer()))
afterAll(() => server.close())

async function twirp(call: string, body: object, env = server.env) {
  const res = await fetch(`${server.url}${TWIRP}/${call}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  })
  return { status: res.status, body: await res.json() }
}

/** Create, upload in two blocks, commit the block list, finalize: as the Azure SDK does. */
async function save(key: string, data: Buffer, env = server.env) {
  const created = await twirp('CreateCacheEntry', { key, version: 'v' }, env)
  expect(created.body.ok).toBe(true)
  const url = created.body.signed_upload_url as string
  const ids = ['YQ==', 'Yg==']
  await fetch(`${url}&comp=block&blockid=${encodeURIComponent(ids[0])}`, { method: 'PUT', body: data.subarray(0, 3).toString() })
  await fetch(`${url}&comp=block&blockid=${encodeURIComponent(ids[1])}`, { method: 'PUT', body: data.subarray(3).toString() })
  await fetch(`${url}&comp=blocklist`, { method: 'PUT', body: `<BlockList>${ids.map(i => `<Latest>${i}</Latest>`).join('')}</BlockList>` })
  expect((await twirp('FinalizeCacheEntryUpload', { key, version: 'v', size_bytes: String(data.length) }, env)).body.ok).toBe(true)
}

test('block uploads are joined in block-list order; reads honour x-ms-range and Range', async () => {
  await save('blocks', Buffer.from('0123456789'))
  const found = await twirp('GetCacheEntryDownloadURL', { key: 'blocks', version: 'v' })
  const url = found.body.signed_download_url as string
  expect(await (await fetch(url)).text()).toBe('0123456789')
  const azure = await fetch(url, { headers: { 'x-ms-range': 'bytes=2-5' } })
  expect([azure.status, azure.headers.get('content-range'), await azure.text()]).toEqual([206, 'bytes 2-5/10', '2345'])
  const plain = await fetch(url, { headers: { Range: 'bytes=7-' } })
  expect([plain.status, await plain.text()]).toEqual([206, '789'])
})

test("scopes: a branch reads its own entries and the default branch's, never another branch's", async () => {
  await save('scoped-feature', Buffer.from('feature'), server.envFor('refs/heads/feature'))
  await save('scoped-main', Buffer.from('main'))
  const lookup = (key: string, ref: string) =>
    twirp('GetCacheEntryDownloadURL', { key, version: 'v' }, server.envFor(ref)).then(r => r.body.ok)
  expect(await lookup('scoped-feature', 'refs/heads/feature')).toBe(true)
  expect(await lookup('scoped-feature', 'refs/heads/other')).toBe(false)
  expect(await lookup('scoped-main', 'refs/heads/other')).toBe(true)
  expect(await lookup('scoped-feature', 'refs/heads/main')).toBe(false)
})

test('a fault answers every route; 429 says when to come back', async () => {
  server.failWith = 429
  try {
    const res = await fetch(`${server.url}${TWIRP}/GetCacheEntryDownloadURL`, { method: 'POST', body: '{}' })
    expect([res.status, res.headers.get('retry-after')]).toEqual([429, '1'])
  } finally {
    server.failWith = undefined
  }
})

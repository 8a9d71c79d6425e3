import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RegistryClient } from '../../../../src/pipeline/registry/registry-client'
import { retryAfterMs } from '../../../../src/core/host/http-headers'
import { upsertComment } from '../../../../src/pipeline/github/comment'
import { fitMarkdown } from '../../../../src/core/report/report'
import { secretLookingBuildArgs } from '../../../../src/core/inputs/inputs'
import { closeServer } from '../../../support/close-server'

/** A registry that answers each request with the next of `answers` (then 200). */
async function registry(answers: { status: number; headers?: Record<string, string> }[]) {
  const seen: string[] = []
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    const next = answers.shift() ?? { status: 200 }
    res
      .writeHead(next.status, { 'Content-Type': 'application/json', ...next.headers })
      .end(next.status === 200 ? '{"layers":[]}' : '{"errors":[{"code":"TOOMANYREQUESTS"}]}')
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  const waits: number[] = []
  const warnings: string[] = []
  const client = new RegistryClient(
    { host: `127.0.0.1:${port}`, base: `http://127.0.0.1:${port}`, repository: 'p/x' },
    async () => undefined,
    {
      attempts: 4,
      baseMs: 1000,
      maxWaitMs: 30_000,
      onRetry: m => warnings.push(m),
      sleep: async ms => void waits.push(ms)
    }
  )
  return { client, seen, waits, warnings, close: () => closeServer(server) }
}

describe("the action's own registry requests", () => {
  test('429 with Retry-After waits as asked; 5xx backs off 1 s, 2 s; each retry is a warning naming registry, request and status', async () => {
    const r = await registry([{ status: 429, headers: { 'Retry-After': '7' } }, { status: 503 }, { status: 502 }])
    expect(await r.client.manifest('1')).toBe('{"layers":[]}')
    expect(r.waits).toEqual([7000, 2000, 4000])
    expect(r.warnings[0]).toMatch(
      /^127\.0\.0\.1:\d+: GET \/v2\/p\/x\/manifests\/1 answered 429 Too Many Requests: .*; trying GET manifest 1 again in 7 s \(as Retry-After asked\), attempt 2 of 4$/
    )
    expect(r.seen).toHaveLength(4)
    await r.close()
  })

  test('a fault that does not pass fails after four tries, within the bound, naming registry, operation and status', async () => {
    const r = await registry(Array.from({ length: 10 }, () => ({ status: 500 })))
    await expect(r.client.putManifest('1', new Uint8Array([123, 125]), 'application/vnd.oci.image.index.v1+json')).rejects.toThrow(
      /^127\.0\.0\.1:\d+: PUT \/v2\/p\/x\/manifests\/1 answered 500 Internal Server Error: .* \(gave up after 4 tries\)$/
    )
    expect(r.waits).toEqual([1000, 2000, 4000])
    await r.close()
  })

  test("a 4xx other than 429 is the request's fault: no retry", async () => {
    const r = await registry([{ status: 400 }])
    await expect(r.client.putManifest('1', new Uint8Array([1]), 'x')).rejects.toThrow(/answered 400/)
    expect(r.waits).toEqual([])
    await r.close()
  })

  test('a Retry-After far off is capped at 30 s: the wait is 30 s, not the two minutes asked', async () => {
    const r = await registry([
      { status: 429, headers: { 'Retry-After': '120' } },
      { status: 429, headers: { 'Retry-After': '30' } }
    ])
    expect(await r.client.manifest('1')).toBe('{"layers":[]}')
    expect(r.waits).toEqual([30_000, 30_000])
    await r.close()
  })

  test('Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs('120')).toBe(120_000)
    expect(retryAfterMs(new Date(Date.parse('2026-11-27T10:00:05Z')).toUTCString(), Date.parse('2026-11-27T10:00:00Z'))).toBe(5000)
    expect(retryAfterMs('soon')).toBeUndefined()
  })

  test('a request that hangs is cut off by the client, not by the job', async () => {
    const { http } = await import('../../../../src/pipeline/host/http')
    const server = createServer(() => undefined)
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as AddressInfo).port
    const started = Date.now()
    await expect(http(`http://127.0.0.1:${port}/v2/`, { timeoutMs: 300 })).rejects.toThrow(
      /GET 127\.0\.0\.1:\d+\/v2\/: timed out after 0\.3 s \(registry-timeout\)/
    )
    expect(Date.now() - started).toBeLessThan(3000)
    await closeServer(server)
  })
})

test('build args named like secrets are found', () => {
  expect(
    secretLookingBuildArgs([
      'NPM_TOKEN=x',
      'DB_PASSWORD=y',
      'API_KEY=z',
      'SSH_KEY=k',
      'NODE_VERSION=20',
      'MONKEY=1',
      'PACKAGES_MONTH=2026-11'
    ])
  ).toEqual(['NPM_TOKEN', 'DB_PASSWORD', 'API_KEY', 'SSH_KEY'])
})

describe('GitHub limits', () => {
  const chart = '**Largest layers** (linux/amd64)\n\n```text\n' + 'x'.repeat(50_000) + '\n```\n\n'
  const report = `### CI base image pushed\n\n| platform | size |\n|---|---:|\n| linux/amd64 | 1 MB |\n\n${chart}**Tags**\n\n${'- `t`\n'.repeat(5000)}\n`
  test('the layer chart goes first, then the tags; a note says what was left out; the platform table stays', () => {
    const fitted = fitMarkdown(report, t => t.length <= 40_000, 'the limit')
    expect(fitted.length).toBeLessThanOrEqual(40_000)
    expect(fitted).toContain('| linux/amd64 | 1 MB |')
    expect(fitted).not.toContain('Largest layers')
    expect(fitted).toMatch(/_Left out to stay within the limit: the layer chart\._/)
    expect(fitMarkdown(report, t => t.length <= 200, 'the limit')).toMatch(/the layer chart, the tag list\._\n$/)
    const tight = fitMarkdown(report, t => t.length <= 120, 'the limit')
    expect(tight.length).toBeLessThanOrEqual(120)
    expect(tight).toMatch(/^### CI base image pushed/)
    expect(tight).toMatch(/the rest\._\n$/)
  })
  test('what fits is left as it is', () => expect(fitMarkdown('short', () => true, 'x')).toBe('short'))
})

test("the comment never edits a person's comment that carries the marker; a bot's is updated", async () => {
  const marker = '<!-- ci-base-action report: w j Dockerfile.base -->'
  const calls: string[] = []
  const comments = [
    { id: 1, body: `> ${marker}`, user: { type: 'User' } },
    { id: 2, body: `${marker}\ncopied`, user: { type: 'User' } },
    { id: 3, body: `${marker}\nold`, user: { type: 'Bot' } }
  ]
  const request = (async (url: string, init: { method: string; body?: string }) => {
    calls.push(`${init.method} ${new URL(url).pathname}`)
    const json = init.method === 'GET' ? comments : { html_url: 'u' }
    return { ok: true, status: 200, statusText: 'OK', headers: new Headers(), json: async () => json, text: async () => '' }
  }) as unknown as typeof fetch
  expect(
    await upsertComment({ apiUrl: 'https://api.github.com', repository: 'p/r', issue: 7, token: 't' }, marker, 'new', request)
  ).toEqual({ action: 'updated', url: 'u' })
  expect(calls).toEqual(['GET /repos/p/r/issues/7/comments', 'PATCH /repos/p/r/issues/comments/3'])
})

test("the comment's REST calls pass a 502 and a secondary rate limit (403 with Retry-After), and give up after three tries", async () => {
  const answers: { status: number; headers: Record<string, string> }[] = [
    { status: 502, headers: {} },
    { status: 403, headers: { 'Retry-After': '3' } },
    { status: 200, headers: {} },
    { status: 201, headers: {} }
  ]
  const waits: number[] = []
  const request = (async () => {
    const a = answers.shift() ?? { status: 500, headers: {} }
    return {
      ok: a.status < 300,
      status: a.status,
      statusText: String(a.status),
      headers: new Headers(a.headers),
      json: async () => (a.status === 200 ? [] : { html_url: 'u' }),
      text: async () => ''
    }
  }) as unknown as typeof fetch
  const target = { apiUrl: 'https://api.github.com', repository: 'p/r', issue: 7, token: 't' }
  expect(await upsertComment(target, '<!-- m -->', 'x', request, async ms => void waits.push(ms))).toEqual({ action: 'created', url: 'u' })
  expect(waits).toEqual([1000, 3000])
  await expect(upsertComment(target, '<!-- m -->', 'x', request, async ms => void waits.push(ms))).rejects.toThrow(/GET .*: 500/)
})

// Registry faults on the action's own requests, through a proxy in front of the real registry:
// what passes is retried (Retry-After honoured) with a warning; what does not fails in bounded
// time naming registry, operation and status; tags move only when the run succeeds.
import { createServer, type AddressInfo, type Socket } from 'node:net'
import type { ActionRun } from '../support/runner'
import { manifest, platformSizes, REGISTRY_PORT } from '../support/registry'
import { startFaultyProxy, type FaultyProxy } from '../support/faulty-proxy'
import { errorLines, fixture, nonce, onEveryStack, expectGreen } from '../support/stack'

const multistage = fixture('multistage')
const warnings = (run: ActionRun) => run.main.stdout.match(/^::warning::.*$/gm) ?? []
const isTagWrite = (method: string, path: string) => method === 'PUT' && /\/manifests\/(?!sha256:)[^/?]+$/.test(path)

onEveryStack("faults on the action's registry requests", stack => {
  const run = (proxy: FaultyProxy, repo: string, n: string) =>
    stack.run({
      inputs: {
        ...multistage,
        image: `${proxy.host}/${repo}`,
        push: 'true',
        cache: 'none',
        'tag-policy': 'none',
        tags: '1\n2',
        baseline: 'none',
        'build-args': `NONCE=${n}`
      }
    })

  test('429 with Retry-After on the tag writes: waited as asked, said in warnings, both tags at the image', async () => {
    let faults = 0
    const proxy = await startFaultyProxy(REGISTRY_PORT, (method, path) => isTagWrite(method, path) && ++faults <= 2, {
      status: 429,
      headers: { 'Retry-After': '2' },
      body: '{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}'
    })
    try {
      const repo = `e2e/faults-429-${stack.name}-${nonce()}`
      const r = await run(proxy, repo, repo)
      expectGreen(r)
      expect(proxy.failed).toHaveLength(2)
      expect(
        warnings(r).filter(w => /answered 429 Too Many Requests.*trying PUT manifest [12] again in 2 s \(as Retry-After asked\)/.test(w))
      ).toHaveLength(2)
      for (const tag of ['1', '2']) expect([tag, (await manifest(repo, tag))?.digest]).toEqual([tag, r.main.outputs.digest])
    } finally {
      await proxy.close()
    }
  })

  test('MANIFEST_UNKNOWN on the first read right after the push: read again, the report is right', async () => {
    let reads = 0
    const unknown = { status: 404, body: '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}' }
    const proxy = await startFaultyProxy(
      REGISTRY_PORT,
      (method, path) => method === 'GET' && /\/manifests\/sha256:/.test(path) && ++reads === 1,
      unknown
    )
    try {
      const repo = `e2e/faults-unknown-${stack.name}-${nonce()}`
      const r = await run(proxy, repo, repo)
      expectGreen(r)
      expect(warnings(r)).toEqual([expect.stringMatching(/@sha256:\w+ is not readable yet right after its push .*; reading again in 1 s/)])
      const sizes = await platformSizes(repo, '1')
      expect(r.main.outputs.size).toBe(String(sizes['linux/amd64'].size))
    } finally {
      await proxy.close()
    }
  })

  test('a tag write that hangs is cut off at registry-timeout and tried again; the run succeeds', async () => {
    let writes = 0
    const proxy = await startFaultyProxy(REGISTRY_PORT, (method, path) => isTagWrite(method, path) && ++writes === 1, 'hang')
    try {
      const repo = `e2e/faults-hang-${stack.name}-${nonce()}`
      const r = await stack.run({
        inputs: {
          ...multistage,
          image: `${proxy.host}/${repo}`,
          push: 'true',
          cache: 'none',
          'tag-policy': 'none',
          tags: '1\n2',
          baseline: 'none',
          'build-args': `NONCE=${repo}`,
          'registry-timeout': '2s'
        }
      })
      expectGreen(r)
      expect(warnings(r)).toEqual([
        expect.stringMatching(
          /PUT localhost:\d+\/v2\/.+\/manifests\/[12]: timed out after 2 s \(registry-timeout\); trying PUT manifest [12] again in 1 s, attempt 2 of 4/
        )
      ])
      for (const tag of ['1', '2']) expect([tag, (await manifest(repo, tag))?.digest]).toEqual([tag, r.main.outputs.digest])
    } finally {
      await proxy.close()
    }
  })

  test('two faults in one run (a blob upload cut off midway, a 503 on the first read after the push): both passed, the image complete', async () => {
    let uploads = 0
    let reads = 0
    const faults = {
      reset: (m: string, p: string) => m === 'PUT' && /\/blobs\/uploads\//.test(p) && ++uploads === 1,
      unavailable: (m: string, p: string) => m === 'GET' && /\/manifests\/sha256:/.test(p) && ++reads === 1
    }
    const proxy = await startFaultyProxy(REGISTRY_PORT, (m, p) => faults.reset(m, p), 'reset')
    const front = await startFaultyProxy(Number(proxy.host.split(':')[1]), (m, p) => faults.unavailable(m, p), 503)
    try {
      const repo = `e2e/faults-two-${stack.name}-${nonce()}`
      const r = await run(front, repo, repo)
      expectGreen(r)
      expect([proxy.failed.length, front.failed.length]).toEqual([1, 1])
      expect(warnings(r)).toContainEqual(
        expect.stringMatching(
          /GET \/v2\/.+\/manifests\/sha256:\w+ answered 503 Service Unavailable.*trying GET manifest sha256:\w+ again in 1 s/
        )
      )
      const sizes = await platformSizes(repo, '1')
      expect(Object.keys(sizes).sort()).toEqual(['linux/amd64', 'linux/arm64'])
      expect((await manifest(repo, '2'))?.digest).toBe(r.main.outputs.digest)
      expect(r.main.outputs.size).toBe(String(sizes['linux/amd64'].size))
    } finally {
      await front.close()
      await proxy.close()
    }
  })

  test('a 500 on a blob upload passes: retried (by the action on the docker driver, by BuildKit on a builder), the image complete', async () => {
    let uploads = 0
    const proxy = await startFaultyProxy(
      REGISTRY_PORT,
      (method, path) => method === 'PUT' && /\/blobs\/uploads\//.test(path) && ++uploads === 1,
      500
    )
    try {
      const repo = `e2e/faults-blob-${stack.name}-${nonce()}`
      const r = await run(proxy, repo, repo)
      expectGreen(r)
      expect(proxy.failed).toHaveLength(1)
      const sizes = await platformSizes(repo, '1')
      expect(Object.keys(sizes).sort()).toEqual(['linux/amd64', 'linux/arm64'])
      for (const tag of ['1', '2']) expect([tag, (await manifest(repo, tag))?.digest]).toEqual([tag, r.main.outputs.digest])
    } finally {
      await proxy.close()
    }
  })

  test('a registry that accepts connections and never answers costs the optional reads (release tags, baseline) registry-timeout in all, then one warning; the build goes on', async () => {
    const held: Socket[] = []
    const silent = createServer(socket => held.push(socket.on('error', () => undefined)))
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
    const host = `127.0.0.1:${(silent.address() as AddressInfo).port}`
    try {
      // A release run: the published versions (tag list) and the baseline are both asked of it.
      const r = await stack.run({
        inputs: {
          ...multistage,
          image: `${host}/ci/base`,
          push: 'false',
          cache: 'none',
          'tag-policy': 'semver',
          // The optional reads' budget: 30 s, or registry-timeout where shorter.
          'registry-timeout': '3s',
          'build-args': `NONCE=${nonce()}`
        },
        env: { GITHUB_REF: 'refs/tags/v1.2.3' }
      })
      expectGreen(r)
      expect(warnings(r)).toEqual([
        expect.stringMatching(
          /The registry did not answer the optional reads within 3 s in all \(the tags of 127\.0\.0\.1:\d+\/ci\/base was in flight/
        )
      ])
      expect(JSON.parse(r.main.outputs.report).baseline).toMatchObject({ ref: `${host}/ci/base:latest`, status: 'unavailable' })
      // The published releases are unknown: only the full version is tagged.
      expect(r.main.outputs.tags.split('\n')).toEqual([`${host}/ci/base:1.2.3`])
      // The optional reads' 3 s plus the build, far from the 4 tries of registry-timeout per request without a budget.
      expect(r.main.ms).toBeLessThan(45_000)
    } finally {
      for (const socket of held) socket.destroy()
      await new Promise(resolve => silent.close(resolve))
    }
  })

  test('a fault that does not pass (500 on every tag write) fails within bounds, naming registry, operation and status; the tags stay', async () => {
    const repo = `e2e/faults-500-${stack.name}-${nonce()}`
    const healthy = await startFaultyProxy(REGISTRY_PORT)
    const before = await run(healthy, repo, `${repo}-1`)
    await healthy.close()
    expect(before.main.code).toBe(0)
    const proxy = await startFaultyProxy(REGISTRY_PORT, isTagWrite, 500)
    try {
      const r = await run(proxy, repo, `${repo}-2`)
      expect(r.main.code).toBe(1)
      expect(errorLines(r.main.stdout)).toEqual([
        expect.stringMatching(
          /^::error::Tagging sha256:\w+ failed: localhost:\d+: PUT \/v2\/.+\/manifests\/[12] answered 500 Internal Server Error: .*injected fault.* \(gave up after 4 tries\)$/
        )
      ])
      // Four tries each, 1 + 2 + 4 s apart: bounded, well under a minute.
      expect(r.main.ms).toBeLessThan(60_000)
      for (const tag of ['1', '2']) expect([tag, (await manifest(repo, tag))?.digest]).toEqual([tag, before.main.outputs.digest])
    } finally {
      await proxy.close()
    }
  })
})

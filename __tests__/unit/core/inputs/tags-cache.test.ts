import { runContext } from '../../../../src/core/inputs/github-context'
import { weeklyRun } from '../../../support/run-context'
import {
  cacheBlobs,
  cacheHoldsBuild,
  cacheScope,
  cacheWrite,
  ghaVersionWarning,
  planCache,
  staleCaches
} from '../../../../src/core/builder/cache-plan'
import { INPUT_DEFAULTS, parseInputs, type RawInputs } from '../../../../src/core/inputs/inputs'
import { imageTags, ociLabels } from '../../../../src/core/inputs/tags'

const ctx = weeklyRun
const inputs = (over: Partial<RawInputs>) => parseInputs({ ...INPUT_DEFAULTS, ...over })
const now = new Date('2026-11-25T10:00:00Z')

describe('tags', () => {
  test('bare tags go on image, full refs stay; policies add sha, date, latest on the default branch', () => {
    expect(
      imageTags(inputs({ image: 'ghcr.io/p/ci', tags: '1.4.0,ghcr.io/p/other:x', 'tag-policy': 'sha,date,latest' }), ctx, now)
    ).toEqual(['ghcr.io/p/ci:1.4.0', 'ghcr.io/p/other:x', 'ghcr.io/p/ci:sha-0123456', 'ghcr.io/p/ci:20261125', 'ghcr.io/p/ci:latest'])
  })
  test('a scheduled run (its payload names no repository) is on the default branch: latest', () => {
    const scheduled = runContext(
      { GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/trunk', GITHUB_EVENT_PATH: '/e.json', GITHUB_SHA: 'abcdef0123' },
      () => '{"schedule":"23 4 * * 1"}'
    )
    expect(imageTags(inputs({ image: 'r/x', 'tag-policy': 'latest' }), scheduled, now)).toEqual(['r/x:latest'])
  })

  test('no latest off the default branch; no automatic tags without image', () => {
    const pr = { ...ctx, ref: 'refs/pull/3/merge' }
    expect(imageTags(inputs({ image: 'r/x', 'tag-policy': 'latest' }), pr, now)).toEqual([])
    expect(imageTags(inputs({ 'tag-policy': 'sha,date' }), ctx, now)).toEqual([])
  })
  test('OCI labels added; a user label of the same key wins', () => {
    const labels = ociLabels(
      inputs({ image: 'r/x', tags: '2.0.0', labels: 'org.opencontainers.image.source=https://example.org\nteam=ci' }),
      ctx,
      now
    )
    expect(labels).toStrictEqual([
      'org.opencontainers.image.title=app',
      'org.opencontainers.image.url=https://github.com/phialo/app',
      'org.opencontainers.image.created=2026-11-25T10:00:00Z',
      'org.opencontainers.image.revision=0123456789abcdef',
      'org.opencontainers.image.version=2.0.0',
      'org.opencontainers.image.source=https://example.org',
      'team=ci'
    ])
  })
})

describe('cache plan', () => {
  const gha = { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/' }
  test('scope defaults to the workflow name, made safe', () => expect(cacheScope({ cacheScope: '' }, ctx)).toBe('Weekly-rebuild'))

  test('a job per platform writes a cache of its own (gha scope, registry ref) and reads it and the shared one; one place writes the shared one and reads every platform’s too', () => {
    const job = (platform: string, over: Partial<RawInputs> = {}) =>
      planCache(inputs({ image: 'r/x', push: 'true', cache: 'gha,registry', mode: 'platform', platforms: platform, ...over }), [], ctx, gha)
    expect(job('linux/arm64')).toMatchObject({
      from: [
        'type=gha,scope=Weekly-rebuild-linux-arm64,timeout=2m',
        'type=gha,scope=Weekly-rebuild,timeout=2m',
        'type=registry,ref=r/x:buildcache-linux-arm64',
        'type=registry,ref=r/x:buildcache'
      ],
      to: [
        'type=gha,scope=Weekly-rebuild-linux-arm64,mode=max,timeout=2m,ignore-error=true',
        'type=registry,ref=r/x:buildcache-linux-arm64,mode=max,ignore-error=true'
      ]
    })
    // Two jobs never write the same place.
    expect(job('linux/amd64').to).not.toEqual(expect.arrayContaining(job('linux/arm64').to))
    // A scope the workflow already made per platform is not suffixed twice; a cache-ref without a tag gets one.
    expect(job('linux/arm64', { 'cache-scope': 'ci-linux-arm64' }).to[0]).toBe(
      'type=gha,scope=ci-linux-arm64,mode=max,timeout=2m,ignore-error=true'
    )
    expect(job('linux/arm/v7', { 'cache-ref': 'reg:5000/c' }).to[1]).toBe(
      'type=registry,ref=reg:5000/c:buildcache-linux-arm-v7,mode=max,ignore-error=true'
    )
    expect(planCache(inputs({ image: 'r/x', cache: 'gha,registry' }), [], ctx, gha)).toMatchObject({
      from: [
        'type=gha,scope=Weekly-rebuild,timeout=2m',
        'type=gha,scope=Weekly-rebuild-linux-amd64,timeout=2m',
        'type=gha,scope=Weekly-rebuild-linux-arm64,timeout=2m',
        'type=registry,ref=r/x:buildcache',
        'type=registry,ref=r/x:buildcache-linux-amd64',
        'type=registry,ref=r/x:buildcache-linux-arm64'
      ],
      to: [
        'type=gha,scope=Weekly-rebuild,mode=max,timeout=2m,ignore-error=true',
        'type=registry,ref=r/x:buildcache,mode=max,ignore-error=true'
      ]
    })
    // A node's part of a split build writes its own and reads the shared one and every platform's.
    expect(
      planCache(inputs({ image: 'r/x', push: 'true', cache: 'registry', mode: 'platform', platforms: 'linux/arm64' }), [], ctx, {}, [
        'linux/amd64',
        'linux/arm64'
      ])
    ).toMatchObject({
      from: [
        'type=registry,ref=r/x:buildcache-linux-arm64',
        'type=registry,ref=r/x:buildcache',
        'type=registry,ref=r/x:buildcache-linux-amd64'
      ],
      to: ['type=registry,ref=r/x:buildcache-linux-arm64,mode=max,ignore-error=true']
    })
    // One platform in one place: the shared one alone.
    expect(planCache(inputs({ image: 'r/x', cache: 'registry', platforms: 'linux/amd64' }), [], ctx, {}).from).toStrictEqual([
      'type=registry,ref=r/x:buildcache'
    ])
  })

  test('gha + inline (the default): the published image and the first tag are inline cache sources', () => {
    const plan = planCache(inputs({ image: 'r/x' }), ['r/x:sha-0123456'], ctx, gha)
    expect(plan).toMatchObject({
      from: [
        'type=gha,scope=Weekly-rebuild,timeout=2m',
        'type=gha,scope=Weekly-rebuild-linux-amd64,timeout=2m',
        'type=gha,scope=Weekly-rebuild-linux-arm64,timeout=2m',
        'type=registry,ref=r/x:latest',
        'type=registry,ref=r/x:sha-0123456'
      ],
      to: ['type=gha,scope=Weekly-rebuild,mode=max,timeout=2m,ignore-error=true'],
      inline: true,
      types: ['gha', 'registry'],
      registryRefs: ['r/x:latest', 'r/x:sha-0123456'],
      warnings: []
    })
  })

  test('registry + inline: the registry cache is the one source; the image carries no inline metadata', () => {
    const plan = planCache(inputs({ image: 'r/x', cache: 'registry,inline' }), ['r/x:1'], ctx, {})
    expect(plan.inline).toBe(false)
    expect(plan.from[0]).toBe('type=registry,ref=r/x:buildcache')
  })

  test('raw cache specs are read as their attributes: types and registry refs, a bare ref as a registry cache', () => {
    const plan = planCache(
      inputs({ 'cache-from': 'localhost:5000/a:c\ntype=local,src=/c', 'cache-to': 'type=registry,ref=127.0.0.1:5001/b:c,mode=max' }),
      [],
      ctx,
      {}
    )
    expect({ types: plan.types, refs: plan.registryRefs }).toEqual({
      types: ['registry', 'local'],
      refs: ['localhost:5000/a:c', '127.0.0.1:5001/b:c']
    })
  })
  test('gha without the cache service is dropped with a warning', () => {
    const plan = planCache(inputs({}), [], ctx, {})
    expect(plan.from).toEqual([])
    expect(plan.warnings[0]).toMatch(/gha needs the GitHub cache service/)
  })
  test("gha without the runner's token, or without a cache URL: one warning, and no gha cache", () => {
    for (const env of [{ ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/' }, { ACTIONS_RUNTIME_TOKEN: 't' }]) {
      const plan = planCache(inputs({ cache: 'gha' }), [], ctx, env)
      expect({ from: plan.from, to: plan.to, warned: plan.warnings.length }).toEqual({ from: [], to: [], warned: 1 })
    }
  })
  test('only registry caches with a ref are registry refs', () => {
    const plan = planCache(inputs({ 'cache-to': 'type=registry,mode=max\ntype=local,dest=/c' }), [], ctx, {})
    expect(plan.registryRefs).toStrictEqual([])
  })
  test('gha on an old buildx warns', () => {
    const plan = planCache(inputs({ cache: 'gha' }), [], ctx, gha)
    expect(ghaVersionWarning(plan, '0.13.1')).toMatch(/needs buildx >= 0.21.0/)
    expect(ghaVersionWarning(plan, '0.23.0')).toBeUndefined()
  })
  test('registry defaults to <image>:buildcache with mode=max; a derived export never fails the build', () => {
    expect(planCache(inputs({ image: 'r/x', cache: 'registry' }), [], ctx, {})).toMatchObject({
      from: [
        'type=registry,ref=r/x:buildcache',
        'type=registry,ref=r/x:buildcache-linux-amd64',
        'type=registry,ref=r/x:buildcache-linux-arm64'
      ],
      to: ['type=registry,ref=r/x:buildcache,mode=max,ignore-error=true']
    })
  })
  test('local: a directory in RUNNER_TEMP, exported beside it for rotation, keyed per run', () => {
    const plan = planCache(inputs({ cache: 'local' }), [], ctx, {})
    expect(plan.local).toEqual({
      dir: '/rt/ci-base-action-cache/Weekly-rebuild',
      nextDir: '/rt/ci-base-action-cache/Weekly-rebuild-next',
      key: 'ci-base-action-Weekly-rebuild-77-2',
      restoreKeys: ['ci-base-action-Weekly-rebuild-'],
      // cache-timeout's default bounds its restore and its save through the GitHub cache.
      timeoutMs: 120_000
    })
    expect(planCache(inputs({ cache: 'local', 'cache-timeout': '4s' }), [], ctx, {}).local?.timeoutMs).toBe(4000)
    expect(plan.to).toEqual(['type=local,dest=/rt/ci-base-action-cache/Weekly-rebuild-next,mode=max,ignore-error=true'])
  })
  test('raw cache-from/cache-to replace what cache derives; no-cache drops imports', () => {
    const plan = planCache(inputs({ image: 'r/x', 'cache-to': 'type=inline', 'no-cache': 'true' }), ['r/x:1'], ctx, gha)
    expect(plan).toMatchObject({ from: [], to: ['type=inline'], inline: false })
  })
  test('only the registry cache the action derives waits to see whether it is stale; gha, local and a user cache-to are exported with the build', () => {
    expect(planCache(inputs({ image: 'r/x', cache: 'gha,registry,local' }), [], ctx, gha).toIfStale).toEqual([
      'type=registry,ref=r/x:buildcache,mode=max,ignore-error=true'
    ])
    expect(planCache(inputs({ image: 'r/x', cache: 'gha,local,inline' }), [], ctx, gha).toIfStale).toEqual([])
    const own = planCache(inputs({ image: 'r/x', cache: 'registry', 'cache-to': 'type=registry,ref=r/x:mine' }), [], ctx, {})
    expect({ to: own.to, toIfStale: own.toIfStale }).toEqual({ to: ['type=registry,ref=r/x:mine'], toIfStale: [] })
  })

  test('cache-mode min: every cache the action derives exports the image layers only', () => {
    const plan = planCache(inputs({ image: 'r/x', cache: 'gha,registry,local', 'cache-mode': 'min' }), [], ctx, gha)
    expect(plan.to).toHaveLength(3)
    for (const spec of plan.to) expect(spec).toMatch(/,mode=min,/)
    expect(planCache(inputs({ image: 'r/x', cache: 'registry' }), [], ctx, {}).to[0]).toMatch(/,mode=max,/)
  })

  test('a run that does not write reads every cache, exports none, and post saves no local cache', () => {
    const pr = { ...ctx, eventName: 'pull_request', ref: 'refs/pull/7/merge' }
    const plan = planCache(inputs({ image: 'r/x', cache: 'gha,registry,local,inline' }), ['r/x:1'], pr, gha)
    expect(plan.from.map(spec => spec.slice(0, spec.indexOf(',')))).toStrictEqual([
      ...Array(3).fill('type=gha'),
      ...Array(3).fill('type=registry'),
      'type=local',
      'type=registry',
      'type=registry'
    ])
    expect({ to: plan.to, toIfStale: plan.toIfStale, inline: plan.inline }).toStrictEqual({ to: [], toIfStale: [], inline: false })
    expect(plan.local?.noSave).toMatch(/pull request/)
    // A user's own cache-to follows cache-write too; `always` writes from a pull request.
    expect(planCache(inputs({ 'cache-to': 'type=local,dest=/c' }), [], pr, {}).to).toStrictEqual([])
    expect(planCache(inputs({ 'cache-to': 'type=local,dest=/c', 'cache-write': 'always' }), [], pr, {}).to).toStrictEqual([
      'type=local,dest=/c'
    ])
    const main = planCache(inputs({ cache: 'local' }), [], ctx, {})
    expect([main.to.length, main.local?.noSave]).toStrictEqual([1, undefined])
  })
})

describe('cache-write', () => {
  const on = (eventName: string, ref: string, defaultBranch = 'main') => ({ eventName, ref, defaultBranch })
  test.each([
    ['auto', on('push', 'refs/heads/main'), true],
    ['auto', on('schedule', 'refs/heads/main'), true],
    ['auto', on('push', 'refs/tags/v1.2.0'), true],
    ['auto', on('workflow_dispatch', 'refs/heads/main'), true],
    ['auto', on('pull_request', 'refs/pull/7/merge'), false],
    ['auto', on('pull_request_target', 'refs/heads/main'), false],
    ['auto', on('push', 'refs/heads/feature'), false],
    // Unknown default branch (a local run): a branch writes, as it always did.
    ['auto', on('push', 'refs/heads/feature', ''), true],
    ['auto', on('', '', ''), true],
    ['always', on('pull_request', 'refs/pull/7/merge'), true],
    ['never', on('schedule', 'refs/heads/main'), false]
  ] as const)('%s on %j writes: %s', (policy, context, write) => {
    const decision = cacheWrite(policy, context)
    expect(decision.write).toBe(write)
    expect(decision.why).toContain(`cache-write: ${policy}`)
  })
})

describe('whether the registry cache already holds the build', () => {
  const index = JSON.stringify({
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: 'sha256:a' },
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: 'sha256:b' },
      { mediaType: 'application/vnd.buildkit.cacheconfig.v0', digest: 'sha256:config' }
    ]
  })
  const imageManifest = JSON.stringify({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.buildkit.cacheconfig.v0', digest: 'sha256:config' },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: 'sha256:a' }]
  })
  test("a cache's blobs: an index of blobs or an image manifest's layers, never the cache config", () => {
    expect(cacheBlobs(index)).toEqual(['sha256:a', 'sha256:b'])
    expect(cacheBlobs(imageManifest)).toEqual(['sha256:a'])
    // Anything else is no cache manifest: the read fails, and the cache is written as when it cannot be read.
    expect(() => cacheBlobs('{}')).toThrow(/^the registry cache is neither an image index nor an image manifest$/)
  })
  const all = { steps: 3, cached: 3 }
  test.each([
    ['every step cached, every layer held', all, ['sha256:a', 'sha256:b'], ['sha256:a', 'sha256:b', 'sha256:c'], true],
    ['one step ran', { steps: 3, cached: 2 }, ['sha256:a'], ['sha256:a'], false],
    ['a layer the cache lacks', all, ['sha256:a', 'sha256:d'], ['sha256:a', 'sha256:b'], false],
    ['no cache there yet', all, ['sha256:a'], [], false],
    ['the cache could not be read', all, ['sha256:a'], undefined, false]
  ])('%s', (_, steps, layers, cached, holds) => {
    expect(cacheHoldsBuild(steps, layers, cached)).toBe(holds)
  })
  test('each cache is judged by its own ref', () => {
    const held = new Map([
      ['type=registry,ref=r/x:c1', ['sha256:a']],
      ['type=registry,ref=r/x:c2', ['sha256:b']]
    ])
    expect(staleCaches(['type=registry,ref=r/x:c1', 'type=registry,ref=r/x:c2'], all, ['sha256:a'], held)).toEqual({
      stale: ['type=registry,ref=r/x:c2'],
      upToDate: ['type=registry,ref=r/x:c1']
    })
  })
})

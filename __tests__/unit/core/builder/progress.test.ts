import fc from 'fast-check'
import { BuildProgress, JsonStream, hitRate } from '../../../../src/core/builder/progress'

const v = (digest: string, name: string, extra: object = {}) => ({ digest, name, ...extra })
const t0 = '2026-11-25T10:00:00.000Z'
const t1 = '2026-11-25T10:00:01.500Z'
const log = (vertex: string, text: string) => ({ vertex, stream: 1, data: Buffer.from(text).toString('base64'), timestamp: t1 })

// Shaped like buildx's rawjson stream: pretty-printed status objects, one after another.
const statuses = [
  { vertexes: [v('sha256:1', '[internal] load build definition from Dockerfile', { started: t0, completed: t0 })] },
  { vertexes: [v('sha256:2', '[linux/arm64 build 1/3] FROM localhost:5000/test/base:latest@sha256:e18c', { started: t0 })] },
  { vertexes: [v('sha256:2', '[linux/arm64 build 1/3] FROM localhost:5000/test/base:latest@sha256:e18c', { started: t0, completed: t1 })] },
  { vertexes: [v('sha256:3', '[linux/arm64 build 2/3] RUN echo "{x}" > /arch.txt', { started: t0, cached: true })] },
  // A later update of the same vertex without the flag: still cached (its layers were fetched).
  { vertexes: [v('sha256:3', '[linux/arm64 build 2/3] RUN echo "{x}" > /arch.txt', { started: t0, completed: t1 })] },
  { vertexes: [v('sha256:4', '[linux/amd64 stage-1 3/3] RUN cat /opt/arch.txt', { started: t0 })] },
  { logs: [log('sha256:4', 'x86_64\n')] },
  { vertexes: [v('sha256:4', '[linux/amd64 stage-1 3/3] RUN cat /opt/arch.txt', { started: t0, completed: t1 })] },
  { vertexes: [v('sha256:5', '[2/2] COPY app.txt /app.txt', { started: t0, completed: t1, cached: true })] },
  { vertexes: [v('sha256:6', 'exporting to image', { started: t0, completed: t1, cached: true })] }
]
const stream = statuses.map(s => JSON.stringify(s, null, 2)).join('\n') + '\n   5 | >>> FROM ${BASE} {\nERROR: failed to solve: something\n'

test('steps counted once each, FROM and non-step vertices left out, cached sticks', () => {
  const progress = new BuildProgress()
  progress.push(stream)
  progress.end()
  expect(progress.stepStats()).toEqual({ steps: 3, cached: 2 })
})

test('the log reads like plain progress: numbered steps, output, CACHED / DONE, buildx text', () => {
  const lines: string[] = []
  const progress = new BuildProgress(line => lines.push(line))
  progress.push(stream)
  progress.end()
  expect(lines).toEqual([
    '#1 [internal] load build definition from Dockerfile',
    '#1 DONE 0.0s',
    '#2 [linux/arm64 build 1/3] FROM localhost:5000/test/base:latest@sha256:e18c',
    '#2 DONE 1.5s',
    '#3 [linux/arm64 build 2/3] RUN echo "{x}" > /arch.txt',
    '#3 CACHED',
    '#4 [linux/amd64 stage-1 3/3] RUN cat /opt/arch.txt',
    '#4 x86_64',
    '#4 DONE 1.5s',
    '#5 [2/2] COPY app.txt /app.txt',
    '#5 CACHED',
    '#6 exporting to image',
    '#6 CACHED',
    '   5 | >>> FROM ${BASE} {',
    'ERROR: failed to solve: something'
  ])
  expect(progress.errorText()).toBe('   5 | >>> FROM ${BASE} {\nERROR: failed to solve: something')
})

test('however the stream is cut into chunks, the same objects and text come out', () => {
  const whole: unknown[] = []
  new JsonStream(
    o => whole.push(o),
    t => whole.push(t.trim())
  ).push(stream)
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 20 }), cuts => {
      const got: unknown[] = []
      const s = new JsonStream(
        o => got.push(o),
        t => got.push(t.trim())
      )
      let last = 0
      for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
        s.push(stream.slice(last, cut))
        last = cut
      }
      s.push(stream.slice(last))
      s.end()
      expect(got.filter(x => x !== '')).toEqual(whole.filter(x => x !== ''))
    })
  )
})

test('hit rate: percent with one decimal at most, 0 when nothing was built', () => {
  expect(hitRate({ steps: 5, cached: 4 })).toBe(80)
  expect(hitRate({ steps: 3, cached: 1 })).toBe(33.3)
  expect(hitRate({ steps: 0, cached: 0 })).toBe(0)
})

test("a cache that is not there yet is not an error of the build; the cause is buildx's last ERROR line", () => {
  const progress = new BuildProgress()
  progress.push(
    JSON.stringify({
      vertexes: [v('sha256:9', 'importing cache manifest from r/x:buildcache', { started: t0, completed: t1, error: 'not found' })]
    }) +
      '\n' +
      JSON.stringify({ vertexes: [v('sha256:8', '[2/2] RUN false', { started: t0, completed: t1, error: 'exit code: 1' })] }) +
      '\nERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1\n'
  )
  progress.end()
  expect(progress.errorText()).toBe(
    '[2/2] RUN false: exit code: 1\nERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1'
  )
  expect(progress.cause()).toBe('ERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1')
})

describe('which failures are worth one more try', () => {
  const failing = (name: string, cause: string) => {
    const progress = new BuildProgress()
    progress.push(JSON.stringify({ vertexes: [v('sha256:7', name, { started: t0, completed: t1, error: cause })] }) + `\nERROR: ${cause}\n`)
    progress.end()
    return progress
  }
  test.each([
    [
      'pushing localhost:5000/a:1 with docker',
      'unexpected status from HEAD request to http://localhost:5000/v2/a/manifests/1: 500 Internal Server Error',
      true
    ],
    ['exporting to image', 'failed to push ghcr.io/p/x:1: read tcp 10.0.0.1:443: connection reset by peer', true],
    [
      'exporting to image',
      'failed to push localhost:5000/a: unexpected status from PUT request to http://localhost:5000/v2/a/blobs/uploads/x?digest=sha256%3Aab: 429 Too Many Requests',
      true
    ],
    ['pushing ghcr.io/p/x:1 with docker', 'unexpected status: 401 Unauthorized', false],
    [
      'pushing ghcr.io/p/x:1 with docker',
      'unexpected status from PUT request to https://ghcr.io/v2/p/x/manifests/1: 403 Forbidden (4290 bytes)',
      false
    ],
    ['[2/2] RUN make', 'process "/bin/sh -c make" did not complete successfully: exit code: 2', false]
  ])('%s: %s -> %s', async (name, cause, retry) => {
    const { isTransientPushFailure } = await import('../../../../src/core/builder/build-failures')
    expect(isTransientPushFailure(failing(name, cause))).toBe(retry)
  })

  test('no step failed (buildx itself gave up): not a push to try again, whatever the words', async () => {
    const { isTransientPushFailure } = await import('../../../../src/core/builder/build-failures')
    const progress = new BuildProgress()
    progress.push('ERROR: 429 Too Many Requests\n')
    progress.end()
    expect(isTransientPushFailure(progress)).toBe(false)
  })
})

test.each([
  ['ERROR: failed to solve: failed to compute cache key: failed to read expected number of bytes: unexpected EOF', true],
  ['ERROR: failed to solve: failed to load cache key: blob sha256:abc not found', true],
  ['ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref x::y: "/missing.txt": not found', false],
  ['ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2', false]
])('a corrupt cache, not a user error, earns a build without it: %s', async (cause, retry) => {
  const { isCacheImportFailure } = await import('../../../../src/core/builder/build-failures')
  expect(isCacheImportFailure(cause)).toBe(retry)
})

describe('cache faults: reported while the build goes on', () => {
  const after = (...vertices: object[]) => {
    const progress = new BuildProgress()
    progress.push(JSON.stringify({ vertexes: vertices }) + '\n')
    return progress
  }

  test('a failed import or export is a fault; a cache not there yet is a cold start', () => {
    const progress = after(
      v('a', 'importing cache manifest from localhost:5999/x:c', {
        error: 'failed to configure registry cache importer: dial tcp 127.0.0.1:5999: connect: connection refused'
      }),
      v('b', 'importing cache manifest from localhost:5000/x:c', { error: 'localhost:5000/x:c: not found' }),
      v('c', 'exporting to GitHub Actions Cache', { error: 'failed to reserve cache: 503 Service Unavailable' }),
      v('d', 'exporting cache to registry', { error: 'error writing layer blob: connection refused' }),
      v('e', '[2/3] RUN make', {})
    )
    expect(progress.cacheFaults()).toEqual([
      {
        step: 'importing cache manifest from localhost:5999/x:c',
        error: 'failed to configure registry cache importer: dial tcp 127.0.0.1:5999: connect: connection refused'
      },
      { step: 'exporting to GitHub Actions Cache', error: 'failed to reserve cache: 503 Service Unavailable' },
      { step: 'exporting cache to registry', error: 'error writing layer blob: connection refused' }
    ])
    // Imports are not what failed a build; exports are (without ignore-error they do fail it).
    expect(progress.failedSteps()).toEqual(['exporting to GitHub Actions Cache', 'exporting cache to registry'])
  })

  test('one warning for all of them, none without', async () => {
    const { cacheFaultWarning } = await import('../../../../src/core/builder/cache-plan')
    expect(cacheFaultWarning([])).toBeUndefined()
    expect(
      cacheFaultWarning([
        { step: 'exporting cache to registry', error: 'refused' },
        { step: 'importing cache manifest from r/x:c', error: '503' }
      ])
    ).toBe('The build went on without cache: exporting cache to registry failed: refused\nimporting cache manifest from r/x:c failed: 503')
  })
})

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
  test('the progress stream: a quote in text before an object, text after the last one, and no cause without an ERROR line', () => {
    const objects: unknown[] = []
    const texts: string[] = []
    const stream = new JsonStream(
      o => objects.push(o),
      t => texts.push(t)
    )
    stream.push('buildx says "hi\n{"a":1}\ntail')
    stream.end()
    expect(objects).toStrictEqual([{ a: 1 }])
    expect(texts.join('')).toContain('tail')
    // An object the stream ends inside is neither an object nor text.
    const cut: string[] = []
    const unfinished = new JsonStream(
      () => undefined,
      t => cut.push(t)
    )
    unfinished.push('{"a":')
    unfinished.end()
    expect(cut).toStrictEqual([])
    const progress = new BuildProgress()
    progress.push('{"vertexes":[]}')
    progress.end()
    expect(progress.cause()).toBe('')
  })
})

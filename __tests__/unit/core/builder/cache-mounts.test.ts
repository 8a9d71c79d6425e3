// Which cache mounts a run carries, the helper Dockerfiles that carry them, and their keys.
import {
  cacheMountsOf,
  mountFile,
  mountKey,
  mountKeyPrefix,
  planMounts,
  restoreDockerfile,
  selectMounts,
  sumDockerfile,
  sumOfKey,
  helperFor
} from '../../../../src/core/builder/cache-mounts'
import { stagesOf } from '../../../../src/core/builder/dockerfile'
import { INPUT_DEFAULTS, parseInputs, type RawInputs } from '../../../../src/core/inputs/inputs'
import { weeklyRun } from '../../../support/run-context'
import { host } from '../../../support/scripted-host'

const DOCKERFILE = `FROM node:20-alpine
RUN --mount=type=cache,id=apk,target=/var/cache/apk apk add git
RUN --mount=type=cache,target=/pnpm/store,uid=1001,gid=1001,mode=0755 \\
    --mount=type=secret,id=npm pnpm install
RUN --mount=type=cache,from=deps,source=/x,target=/y true
RUN --mount=type=cache,id=apk,target=/elsewhere true
COPY --mount=type=cache,target=/not-a-run . .
`

test('the cache mounts of RUN lines, each once, by id or target; those from another stage left out', () => {
  expect(cacheMountsOf(DOCKERFILE)).toStrictEqual([{ id: 'apk' }, { id: '/pnpm/store', uid: '1001', gid: '1001', mode: '0755' }])
  expect(cacheMountsOf('FROM a\nRUN --mount=type=bind,target=/x true\n')).toStrictEqual([])
})

test('auto takes them all; names must be used by the Dockerfile', () => {
  const used = cacheMountsOf(DOCKERFILE)
  expect(selectMounts(['auto'], used)).toStrictEqual({ mounts: used, unknown: [] })
  expect(selectMounts(['/pnpm/store', 'npm'], used)).toStrictEqual({ mounts: [used[1]], unknown: ['npm'] })
})

test('the plan: a helper from the stage that uses the first mount, file names kept apart, a fixed directory, and its warnings', () => {
  const inputs = (over: Partial<RawInputs>) => parseInputs({ ...INPUT_DEFAULTS, ...over })
  const write = { write: true, why: '' }
  const plan = planMounts(inputs({ 'cache-mounts': 'auto' }), { dockerfile: DOCKERFILE, ctx: weeklyRun }, { write })
  expect(plan.helper).toStrictEqual({ image: 'node:20-alpine' })
  expect(plan.mounts.map(m => m.file)).toStrictEqual(['0-apk', '1-pnpm-store'])
  expect(plan.dir).toBe('/rt/ci-base-action-mounts/Weekly-rebuild')
  expect(plan.warnings).toStrictEqual([])
  // Each restore and save through the GitHub cache is bounded by cache-timeout (2m by default).
  expect(plan.timeoutMs).toBe(120_000)
  expect(
    planMounts(inputs({ 'cache-mounts': 'auto', 'cache-timeout': '4s' }), { dockerfile: DOCKERFILE, ctx: weeklyRun }, { write }).timeoutMs
  ).toBe(4000)
  const named = planMounts(inputs({ 'cache-mounts': 'npm' }), { dockerfile: DOCKERFILE, ctx: weeklyRun }, { write })
  expect(named.warnings).toStrictEqual(['cache-mounts: the Dockerfile has no RUN --mount=type=cache with id or target npm'])
})

describe('the helper: any stage that runs a shell, the mount’s own first', () => {
  const helper = (dockerfile: string, buildArgs: string[] = []) => {
    const stages = stagesOf(dockerfile, buildArgs)
    return helperFor(stages, cacheMountsOf(dockerfile))
  }
  const cache = '--mount=type=cache,id=store,target=/s,uid=1001,gid=1001'

  test('the stage that uses the mount, from its chain’s image, build args substituted', () => {
    expect(
      helper(`ARG BASE=a:1\nFROM b:2 AS other\nRUN true\nFROM \${BASE} AS deps\nFROM deps\nRUN ${cache} pnpm i\n`, ['BASE=c:3'])
    ).toStrictEqual({
      image: 'c:3'
    })
  })

  test('a mount used in a stage without a shell (scratch, exec form) is carried by another stage that runs one', () => {
    const distroless = `FROM tools:1 AS tools\nRUN echo ok\nFROM scratch\nCOPY --from=tools /bin/busybox /bin/busybox\nRUN ${cache} ["/bin/busybox", "sh", "-c", "true"]\n`
    expect(helper(distroless)).toStrictEqual({ image: 'tools:1' })
    // An image whose RUN lines are all in exec form has not shown a shell: it is passed over too.
    expect(helper(`FROM gcr.io/distroless/base\nRUN ${cache} ["/x"]\nFROM alpine AS a\nRUN true\n`)).toStrictEqual({ image: 'alpine' })
  })

  test('the SHELL the chosen stage runs with comes along (distroless :debug has only /busybox/sh)', () => {
    expect(helper(`FROM gcr.io/distroless/base:debug\nSHELL ["/busybox/sh", "-c"]\nRUN ${cache} ls /s\n`)).toStrictEqual({
      image: 'gcr.io/distroless/base:debug',
      shell: '["/busybox/sh", "-c"]'
    })
  })

  test('no stage that runs a shell: refused up front, naming the mount, its stage and what to do', () => {
    expect(() => helper(`FROM scratch AS app\nCOPY x /x\nRUN ${cache} ["/x"]\n`)).toThrow(
      /^Input 'cache-mounts': the cache mount store is used in stage app \(FROM scratch\), which runs no shell, and no stage of the Dockerfile runs one .*Add a stage FROM an image with a shell and tar/
    )
    expect(() => helper(`FROM gcr.io/distroless/static AS app\nRUN ${cache} ["/x"]\n`)).toThrow(
      /stage app \(FROM gcr.io\/distroless\/static\)/
    )
  })
})

test('helper Dockerfiles run as root, mount each cache as the build does, in one step, and never come from cache (NONCE)', () => {
  const entries = cacheMountsOf(DOCKERFILE).map((mount, i) => ({ mount, file: mountFile(i, mount) }))
  expect(restoreDockerfile({ image: 'base:1' }, entries)).toBe(
    [
      'FROM base:1',
      'USER 0:0',
      'ARG NONCE',
      'RUN --mount=type=cache,id=apk,target=/cm0 --mount=type=bind,source=0-apk.archive,target=/in/0-apk.archive ' +
        '--mount=type=cache,id=/pnpm/store,target=/cm1,uid=1001,gid=1001,mode=0755 --mount=type=bind,source=1-pnpm-store.archive,target=/in/1-pnpm-store.archive ' +
        'echo "$NONCE" >/dev/null && N=$(tar --help 2>&1 | grep -q -e --numeric-owner && echo --numeric-owner || true) && tar $N -xf /in/0-apk.archive -C /cm0 && tar $N -xf /in/1-pnpm-store.archive -C /cm1',
      ''
    ].join('\n')
  )
  const sums = sumDockerfile({ image: 'base:1', shell: '["/busybox/sh", "-c"]' }, entries, 'none')
  expect(sums.split('\n').slice(0, 4)).toStrictEqual(['FROM base:1 AS work', 'USER 0:0', 'SHELL ["/busybox/sh", "-c"]', 'ARG NONCE'])
  expect(sums).toContain('> /out/1-pnpm-store.sum\n')
  expect(sums).not.toContain('tar -cf')
  expect(sums.split('\n').slice(-3)).toStrictEqual(['FROM scratch', 'COPY --from=work /out/ /', ''])
  expect(sumDockerfile({ image: 'base:1' }, entries, 'all')).toContain(
    '> /out/0-apk.sum && tar -cf /out/0-apk.archive . && if command -v gzip >/dev/null && [ $(( $(head -c 4194304 /out/0-apk.archive | gzip -c | wc -c) * 10 )) -lt $(( $(head -c 4194304 /out/0-apk.archive | wc -c) * 7 )) ]; then gzip -c /out/0-apk.archive > /out/0-apk.archive.gz && mv /out/0-apk.archive.gz /out/0-apk.archive; fi && stat -c %s /out/0-apk.archive > /out/0-apk.size'
  )
  // The registry store's image layer is compressed by the exporter: never gzip'd there.
  expect(sumDockerfile({ image: 'base:1' }, entries, 'all', false)).not.toContain('gzip')
  // The restore unpacks a gzip'd archive with -z, a plain one without.
  expect(restoreDockerfile({ image: 'base:1' }, [{ ...entries[0], gzip: true }])).toContain('tar $N -xzf /in/0-apk.archive -C /cm0')
  const changed = sumDockerfile({ image: 'base:1' }, entries, 'changed')
  expect(changed).toContain('ARG SUMS\n')
  expect(changed).toContain('case " $SUMS " in *" 0-apk=$(echo "$s" | cut -c1-16) "*) ;; *) tar -cf /out/0-apk.archive .')
})

test('keys carry the sum; the sum is read back from a restored key of that prefix only', () => {
  const sum = 'ab'.repeat(32)
  const key = mountKey('main', '0-apk', sum)
  expect(key).toBe(`ci-base-action-mount-main-0-apk-${sum.slice(0, 16)}`)
  expect(sumOfKey(key, mountKeyPrefix('main', '0-apk'))).toBe(sum.slice(0, 16))
  expect(sumOfKey(key, mountKeyPrefix('main', '1-npm'))).toBe('')
  expect(sumOfKey(undefined, mountKeyPrefix('main', '0-apk'))).toBe('')
})

describe('carrying them (no engine)', () => {
  const plan = {
    helper: { image: 'base:1' },
    mounts: [{ mount: { id: 'apk' }, file: '0-apk' }],
    scope: 'main',
    dir: '/nowhere',
    write: { write: false, why: 'a pull request reads … (cache-write: auto)' },
    store: 'gha' as const,
    image: '',
    warnings: []
  }
  const fresh = [{ id: 'apk', restoredSum: '', restoredBytes: 0, savedBytes: 0 }]

  test('without the GitHub cache service: nothing restored, no build run, one line that says so', async () => {
    const { restoreMounts } = await import('../../../../src/pipeline/builder/cache-mounts')
    const h = host(() => ({ code: 1 }))
    expect(await restoreMounts(h.rt, plan, 'b')).toStrictEqual(fresh)
    expect(h.calls).toStrictEqual([])
    expect(h.infos).toStrictEqual(['cache-mounts: this run has no GitHub cache service; the mounts start as the builder has them'])
  })

  test('a run that does not write saves nothing and says why in the row', async () => {
    const { saveMounts } = await import('../../../../src/pipeline/builder/cache-mounts')
    const { mountRow } = await import('../../../../src/core/report/cache-use')
    const h = host(() => ({ code: 1 }))
    const uses = await saveMounts(h.rt, plan, 'b', fresh)
    expect(h.calls).toStrictEqual([])
    expect(uses.map(mountRow)).toStrictEqual([{ cache: 'mount apk', read: 'none yet', written: `not written: ${plan.write.why}` }])
    expect(mountRow({ id: 'apk', restoredSum: 'ab', restoredBytes: 10, savedBytes: 20 })).toStrictEqual({
      cache: 'mount apk',
      read: '10 bytes restored',
      written: '20 bytes saved'
    })
  })
})

describe('kept in the registry', () => {
  test('next to the registry cache: a tag of its own', async () => {
    const { mountsImage } = await import('../../../../src/core/builder/cache-mounts')
    expect(mountsImage('ghcr.io/o/ci:buildcache')).toBe('ghcr.io/o/ci:buildcache-mounts')
    expect(mountsImage('localhost:5000/o/ci')).toBe('localhost:5000/o/ci:mounts')
    expect(mountsImage(`r/x:c@sha256:${'a'.repeat(64)}`)).toBe('r/x:c-mounts')
  })

  test('the restore binds each archive from the saved image and hands back its sum and size', async () => {
    const { restoreFromImageDockerfile } = await import('../../../../src/core/builder/cache-mounts')
    const text = restoreFromImageDockerfile({ image: 'base:1' }, 'r/x:c-mounts', [{ mount: { id: 'apk' }, file: '0-apk' }])
    expect(text.split('\n')).toStrictEqual([
      'FROM r/x:c-mounts AS saved',
      'FROM base:1 AS unpack',
      'USER 0:0',
      'ARG NONCE',
      'RUN --mount=type=cache,id=apk,target=/cm0 --mount=type=bind,from=saved,source=/0-apk.archive,target=/in/0-apk.archive echo "$NONCE" >/dev/null && N=$(tar --help 2>&1 | grep -q -e --numeric-owner && echo --numeric-owner || true) && tar $N -xf /in/0-apk.archive -C /cm0 && mkdir -p /out && echo "$NONCE" > /out/unpacked',
      'FROM scratch',
      'COPY --from=saved /0-apk.sum /0-apk.size /',
      'COPY --from=unpack /out/ /',
      ''
    ])
  })

  test('the plan: the image from cache-ref or the image; without either, a warning and nothing carried', () => {
    const inputs = (over: Partial<RawInputs>) =>
      parseInputs({ ...INPUT_DEFAULTS, 'cache-mounts': 'auto', 'cache-mounts-store': 'registry', ...over })
    const plan = (over: Partial<RawInputs>) =>
      planMounts(inputs(over), { dockerfile: DOCKERFILE, ctx: weeklyRun }, { write: { write: true, why: '' } })
    expect(plan({ image: 'r/x' }).image).toBe('r/x:buildcache-mounts')
    expect(plan({ image: 'r/x', 'cache-ref': 'r/c:cache' }).image).toBe('r/c:cache-mounts')
    const none = plan({})
    expect(none.mounts).toStrictEqual([])
    expect(none.warnings).toStrictEqual([
      'cache-mounts-store: registry needs cache-ref or image to keep them next to; they are not carried'
    ])
  })
})

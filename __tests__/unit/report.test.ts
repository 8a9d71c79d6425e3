import { humanSize, makeReport, outputs, summaryMarkdown } from '../../src/report'

const report = makeReport({
  digest: 'sha256:' + 'f'.repeat(64),
  imageid: 'sha256:' + 'f'.repeat(64),
  tags: ['ghcr.io/phialo/ci-base:sha-abc1234', 'ghcr.io/phialo/ci-base:20261125'],
  pushed: true,
  platforms: [
    { platform: 'linux/amd64', digest: 'sha256:' + 'a'.repeat(64), size: 231_412_345, layers: 9 },
    { platform: 'linux/arm64', digest: 'sha256:' + 'b'.repeat(64), size: 226_000_000, layers: 9 }
  ],
  buildTime: 12.3,
  cacheHitRate: 87.5,
  steps: { steps: 8, cached: 7 },
  stages: [{ stage: 'Build and push', seconds: 12.3 }]
})

test.each([
  [0, '0 B'],
  [999, '999 B'],
  [1000, '1.0 kB'],
  [231_412_345, '231.4 MB'],
  [1_200_000_000, '1.2 GB'],
  [-5_300_000, '-5.3 MB']
])('humanSize(%d) = %s', (bytes, text) => expect(humanSize(bytes)).toBe(text))

test('outputs are the first platform and the whole report', () => {
  const out = outputs(report, '{"m":1}')
  expect(out).toMatchObject({ size: '231412345', 'size-human': '231.4 MB', layers: '9', 'build-time': '12.3', 'cache-hit-rate': '87.5', metadata: '{"m":1}' })
  expect(out.tags).toBe('ghcr.io/phialo/ci-base:sha-abc1234\nghcr.io/phialo/ci-base:20261125')
  expect(JSON.parse(out.report).totals).toEqual({ size: 457_412_345, layers: 18 })
})

test('summary: a row per platform, build time, hit rate, digest, tags, stage timings', () => {
  const md = summaryMarkdown(report)
  expect(md).toContain('| linux/amd64 | 231.4 MB | 9 | `sha256:aaaaaaaaaaaa` |')
  expect(md).toContain('| linux/arm64 | 226.0 MB | 9 |')
  expect(md).toContain('**Build time** 12.3 s · **cache hit rate** 87.5% (7 of 8 steps cached)')
  expect(md).toContain('- `ghcr.io/phialo/ci-base:20261125`')
  expect(md).toContain('| Build and push | 12.3 |')
  expect(md.startsWith('### CI base image pushed')).toBe(true)
})

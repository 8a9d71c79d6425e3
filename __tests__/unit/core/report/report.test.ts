import { bar, layerChart, makeReport, summaryMarkdown, fitMarkdown } from '../../../../src/core/report/report'
import { fittedOutputs, outputs, OUTPUTS_LIMIT } from '../../../../src/core/report/outputs'
import { compare } from '../../../../src/core/report/compare'
import { checkBudgets } from '../../../../src/core/report/budget'
import { humanSize } from '../../../../src/core/report/size'
import type { PlatformImage } from '../../../../src/core/registry/image'

const platform = (name: string, layers: [string, number][]): PlatformImage => ({
  platform: name,
  digest: `sha256:${name === 'linux/amd64' ? 'a' : 'b'}${'0'.repeat(63)}`,
  size: layers.reduce((s, [, n]) => s + n, 0),
  layers: layers.length,
  breakdown: layers.map(([instruction, size], i) => ({ digest: `d${i}`, size, instruction }))
})
const baseLayers: [string, number][] = [
  ['ADD file:base in /', 3_600_000],
  ['RUN apk add --no-cache git python3 make g++ libc6-compat bash curl netcat-openbsd', 140_000_000],
  ['RUN corepack enable && corepack prepare pnpm@${PNPM_VERSION} --activate && pnpm --version', 40_000_000],
  ['WORKDIR /app', 120]
]
const grown = baseLayers.map(([i, s]) => [i, i.startsWith('RUN apk') ? s + 12_000_000 : s] as [string, number])
const current = [platform('linux/amd64', grown), platform('linux/arm64', baseLayers)]
const baseline = { digest: 'sha256:old', platforms: [platform('linux/amd64', baseLayers)] }

function report(budgets = {}) {
  const platforms = compare(current, baseline)
  return makeReport({
    digest: 'sha256:' + 'f'.repeat(64),
    imageid: '',
    tags: ['ghcr.io/phialo/ci-base:sha-abc1234'],
    pushed: false,
    platforms,
    baseline: { ref: 'ghcr.io/phialo/ci-base:latest', status: 'found' },
    budgets,
    breaches: checkBudgets(platforms, budgets),
    buildTime: 12.3,
    cacheHitRate: 87.5,
    steps: { steps: 8, cached: 7 },
    stages: [{ stage: 'Build', seconds: 12.3 }]
  })
}

test.each([
  [0, '0 B'],
  [999, '999 B'],
  [1000, '1.0 kB'],
  [231_412_345, '231.4 MB'],
  [1_200_000_000, '1.2 GB'],
  [-5_300_000, '-5.3 MB']
])('humanSize(%d) = %s', (bytes, text) => expect(humanSize(bytes)).toBe(text))

const META = {
  version: '1.4.0',
  labels: ['org.opencontainers.image.version=1.4.0', 'team=ci=yes'],
  annotations: ['index:org.opencontainers.image.version=1.4.0']
}

test('outputs: the first platform, its delta, the whole report and its Markdown; the version, labels and annotations as metadata-action gives them', () => {
  const r = report()
  const out = outputs(r, '{"m":1}', 'MD', META)
  expect(out.version).toBe('1.4.0')
  expect(out.labels).toBe('org.opencontainers.image.version=1.4.0\nteam=ci=yes')
  expect(out.annotations).toBe('index:org.opencontainers.image.version=1.4.0')
  expect(JSON.parse(out.json)).toStrictEqual({
    tags: r.tags,
    labels: { 'org.opencontainers.image.version': '1.4.0', team: 'ci=yes' },
    annotations: ['index:org.opencontainers.image.version=1.4.0']
  })
  expect(out).toMatchObject({
    size: String(183_600_120 + 12_000_000),
    'size-human': '195.6 MB',
    layers: '4',
    'size-delta': '12000000',
    markdown: 'MD',
    'build-time': '12.3',
    'cache-hit-rate': '87.5'
  })
  const json = JSON.parse(out.report)
  expect(json.platforms[0].breakdown[1]).toEqual({ instruction: baseLayers[1][0], size: 152_000_000, delta: 12_000_000 })
  expect(json.baseline).toEqual({ ref: 'ghcr.io/phialo/ci-base:latest', status: 'found' })
  expect(outputs({ ...r, platforms: compare(current) }, '', '', META)['size-delta']).toBe('')
})

test('summary: per-platform deltas and verdicts, baseline, what grew, breaches, chart', () => {
  const md = summaryMarkdown(report({ maxSize: 190_000_000 }))
  expect(md.split('\n').slice(0, 6)).toEqual([
    '### CI base image built — over budget',
    '',
    '| platform | size | Δ size | layers | Δ layers | budget |',
    '|---|---:|---:|---:|---:|---|',
    '| linux/amd64 | 195.6 MB | +12.0 MB (+6.5%) | 4 | 0 | ❌ max-size |',
    '| linux/arm64 | 183.6 MB | new | 4 | new | ✅ |'
  ])
  expect(md).toContain('Compared with `ghcr.io/phialo/ci-base:latest`.')
  expect(md).toContain(
    '**Grew most:** `RUN apk add --no-cache git python3 make g++ libc6-compat bash curl netcat-openbsd` +12.0 MB on linux/amd64'
  )
  expect(md).toContain('- linux/amd64: size 195.6 MB (195600120 bytes) exceeds max-size 190.0 MB (190000000 bytes)')
  expect(md).toContain('**Build time** 12.3 s · **cache hit rate** 87.5% (7 of 8 steps cached)')
  expect(md).toContain('| Build | 12.30 |')
})

test('the layer chart: largest first, bars to scale, growth marked, reads in a terminal', () => {
  const chart = layerChart(report().platforms[0])
  expect(chart.split('\n')).toEqual([
    '```text',
    `152.0 MB ${'█'.repeat(30)} RUN apk add --no-cache git python3 make g++ libc6-compat ba…  (+12.0 MB)`,
    ` 40.0 MB ${bar(40, 152).padEnd(30)} RUN corepack enable && corepack prepare pnpm@\${PNPM_VERSION…`,
    `  3.6 MB ${bar(3.6, 152).padEnd(30)} ADD file:base in /`,
    `   120 B ${'▏'.padEnd(30)} WORKDIR /app`,
    '```'
  ])
  expect(bar(1, 2, 8)).toBe('████')
  expect(bar(1, 16, 8)).toBe('▌')
  expect(bar(0, 16, 8)).toBe('')
})

test('baseline states read plainly', () => {
  const line = (baselineState: object) => summaryMarkdown({ ...report(), baseline: { ref: 'r/x:latest', ...baselineState } as never })
  expect(line({ status: 'missing' })).toContain('No published image at `r/x:latest` yet: every platform is new.')
  expect(line({ status: 'unavailable', reason: '401 Unauthorized' })).toContain('could not be read (401 Unauthorized); no comparison.')
  expect(line({ status: 'none' })).toContain('No baseline comparison.')
})

describe("GitHub's 1 MB limit on a job's outputs", () => {
  const total = (values: Record<string, string>) => Object.values(values).reduce((s, v) => s + Buffer.byteLength(v), 0)
  test('a report that fits is left whole', () => {
    const r = report()
    const { values, cut } = fittedOutputs(r, '{"m":1}', summaryMarkdown(r), META)
    expect(cut).toStrictEqual([])
    expect(values).toStrictEqual(outputs(r, '{"m":1}', summaryMarkdown(r), META))
  })
  test('large metadata goes first, then the layer breakdowns, then the Markdown, each said; the total fits', () => {
    const r = report()
    const many = {
      ...r,
      platforms: r.platforms.map(p => ({
        ...p,
        breakdown: Array.from({ length: 4000 }, (_, i) => ({ instruction: `RUN step ${'x'.repeat(100)} ${i}`, size: i }))
      }))
    }
    const metadata = JSON.stringify({ provenance: 'p'.repeat(950_000) })
    const markdown = 'm'.repeat(950_000)
    expect(fittedOutputs(r, metadata, 'small', META).cut).toStrictEqual(['metadata'])
    const { values, cut } = fittedOutputs(many, metadata, markdown, META)
    expect(cut).toStrictEqual(['metadata', 'report', 'markdown'])
    expect(total(values)).toBeLessThanOrEqual(OUTPUTS_LIMIT)
    expect(JSON.parse(values.report).truncated).toMatch(/layer breakdowns/)
    expect(JSON.parse(values.report).platforms[0].size).toBe(r.platforms[0].size)
    expect(values.markdown).toMatch(/_Left out to stay within GitHub's 1 MB job output limit: the rest._\n$/)
    expect(values.size).toBe(String(r.platforms[0].size))
  })
})

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
  const part = (over: Partial<Parameters<typeof makeReport>[0]> = {}) =>
    makeReport({
      digest: '',
      imageid: '',
      tags: [],
      pushed: false,
      platforms: [{ platform: 'linux/amd64', digest: 'sha256:a', size: 1000, layers: 1, breakdown: [], sizeDelta: 0, sizePercent: 0 }],
      baseline: { ref: 'r/x:latest', status: 'found' },
      budgets: {},
      buildTime: 1,
      cacheHitRate: 0,
      steps: { steps: 0, cached: 0 },
      stages: [],
      ...over
    })

  test('the summary: no budget or verify trouble claimed without cause, unchanged only when known, sizes at 0 and 1000', () => {
    expect(part().breaches).toStrictEqual([])
    const text = summaryMarkdown(part({ changed: true, verify: { results: [], users: [] } }))
    expect(text.split('\n')[0]).toBe('### CI base image built')
    expect(text).not.toContain('Budget exceeded')
    expect(summaryMarkdown(part({ changed: false })).split('\n')[0]).toBe('### CI base image built — unchanged')
    expect(summaryMarkdown(part())).toContain('| linux/amd64 | 1.0 kB | 0 B (0.0%) |')
    const shrank = part({
      platforms: [{ platform: 'linux/amd64', digest: 'sha256:a', size: 1000, layers: 1, breakdown: [], sizeDelta: -1000, sizePercent: -50 }]
    })
    expect(summaryMarkdown(shrank)).toContain('| linux/amd64 | 1.0 kB | -1.0 kB (-50.0%) |')
    expect(humanSize(1000)).toBe('1.0 kB')
    expect(humanSize(999)).toBe('999 B')
    const unchangedSince = (created: string) =>
      summaryMarkdown(part({ changed: false, baseline: { ref: 'r/x:latest', status: 'found', created } }))
    expect(unchangedSince('not a date')).toContain('**Unchanged** since `r/x:latest`: the same image')
    expect(unchangedSince('2026-11-23T04:23:00Z')).toContain('**Unchanged** since `r/x:latest` (made 2026-11-23)')
  })

  test('a report that nothing fits is the note alone; the layer chart cuts instructions past 60 characters only', () => {
    expect(fitMarkdown('x'.repeat(100), () => false, 'a limit')).toBe('\n_Left out to stay within a limit: the rest._\n')
    const at = (n: number) => ({ digest: 'd', size: 10, instruction: 'R'.repeat(n) })
    const chart = (n: number) => layerChart({ platform: 'p', digest: 'x', size: 10, layers: 1, breakdown: [at(n)] })
    expect(chart(60)).toContain('R'.repeat(60))
    expect(chart(61)).toContain(`${'R'.repeat(59)}…`)
  })
})

// The metrics a build records on its index, read back, and the trend they draw.
import fc from 'fast-check'
import {
  HISTORY_KEYS,
  parseRecord,
  recordAnnotations,
  trendChart,
  trendMarkdown,
  trendTable,
  trendText,
  type BuildRecord,
  type Trend
} from '../../../../src/core/registry/history'
import { SEVERITIES } from '../../../../src/core/report/vulnerabilities'

const record = (day: number, size: number, extra: Partial<BuildRecord> = {}): BuildRecord => ({
  digest: `sha256:${String(day).padStart(2, '0')}${'0'.repeat(62)}`,
  built: `2026-11-${String(day).padStart(2, '0')}T03:00:00.000Z`,
  platforms: [
    { platform: 'linux/amd64', size, layers: 7 },
    { platform: 'linux/arm64', size: size + 1000, layers: 7 }
  ],
  buildSeconds: 41.5,
  cacheHitRate: 85.7,
  ...extra
})

describe('recorded on the index and read back', () => {
  const counts = fc.record(
    Object.fromEntries(SEVERITIES.map(s => [s, fc.nat(5000)])) as Record<(typeof SEVERITIES)[number], fc.Arbitrary<number>>
  )
  test('every field survives the annotations, with and without the optional ones', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            platform: fc.constantFrom('linux/amd64', 'linux/arm64', 'linux/arm/v7'),
            size: fc.nat(2 ** 40),
            layers: fc.nat(200)
          }),
          { minLength: 1, maxLength: 3 }
        ),
        fc.double({ min: 0, max: 99999, noNaN: true }),
        fc.nat(1000).map(n => n / 10),
        fc.option(fc.constantFrom('passed' as const, 'failed' as const), { nil: undefined }),
        fc.option(counts, { nil: undefined }),
        fc.option(fc.constant(`localhost:5000/a/b@sha256:${'e'.repeat(64)}`), { nil: undefined }),
        (platforms, secs, rate, verify, vulnerabilities, previous) => {
          const r: BuildRecord = {
            digest: 'sha256:x',
            built: '2026-11-30T10:00:00.000Z',
            platforms,
            buildSeconds: Math.round(secs * 10) / 10,
            cacheHitRate: rate,
            ...(verify ? { verify } : {}),
            ...(vulnerabilities ? { vulnerabilities } : {}),
            ...(previous ? { previous } : {})
          }
          const { digest, ...rest } = r
          expect(parseRecord(digest, recordAnnotations(rest))).toStrictEqual(JSON.parse(JSON.stringify(r)))
        }
      )
    )
  })
  test("an index without the action's record, or with a broken one, is no record", () => {
    expect(parseRecord('sha256:x', undefined)).toBeUndefined()
    expect(parseRecord('sha256:x', { 'org.opencontainers.image.title': 'x' })).toBeUndefined()
    expect(parseRecord('sha256:x', { [HISTORY_KEYS.built]: '2026-01-01', [HISTORY_KEYS.platforms]: 'linux/amd64=big' })).toBeUndefined()
  })
  test('the revision comes from the OCI annotation', () => {
    const a = { ...recordAnnotations(record(1, 5)), 'org.opencontainers.image.revision': 'abc123' }
    expect(parseRecord('sha256:x', a)?.revision).toBe('abc123')
  })
})

describe('the trend', () => {
  const trend: Trend = {
    records: [
      record(2, 230_000_000),
      record(9, 232_000_000),
      record(9, 232_000_000, { vulnerabilities: { critical: 1, high: 2, medium: 3, low: 4, unknown: 0 } })
    ],
    current: record(30, 236_500_000, { digest: '' }),
    currentPublished: false
  }
  test('a Mermaid xychart of the first platform, days named, a second build of a day numbered, this run last', () => {
    expect(trendChart(trend)).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '  title "linux/amd64 size (MB), last 4 builds"',
        '  x-axis ["11-02", "11-09 #1", "11-09 #2", "this run"]',
        '  y-axis "MB"',
        '  line [230, 232, 232, 236.5]',
        '```'
      ].join('\n')
    )
  })
  test('the text chart grows with the size, from one block for the smallest to the full width for the largest', () => {
    const lines = trendText(trend, 10).split('\n')
    expect(lines.map(l => (l.match(/█/g) ?? []).length)).toEqual([1, 4, 4, 10])
    expect(lines[3]).toMatch(/^this run\s+236\.5 MB █{10}$/)
  })
  test('a table row per build with its date, digest, size and change, layers, time, hit rate, verify and vulnerabilities', () => {
    const rows = trendTable(trend)
    expect(rows[2]).toBe('| 2026-11-02 | `020000000000` | 230.0 MB | 7 | 41.5 s | 85.7% | — | — |')
    expect(rows[3]).toContain('| 232.0 MB (+2.0 MB) |')
    expect(rows[4]).toContain('| 1C 2H 3M 4L |')
    expect(rows[5]).toBe('| 2026-11-30 | **this run (not published)** | 236.5 MB (+4.5 MB) | 7 | 41.5 s | 85.7% | — | — |')
  })
  test('the section: growth over the window, chart, text and table; nothing with no earlier build', () => {
    const text = trendMarkdown(trend).join('\n')
    expect(text).toContain('**Trend** (last 4 builds, linux/amd64): +6.5 MB since 2026-11-02; this run shows where the image would sit')
    expect(text.indexOf('```mermaid')).toBeLessThan(text.indexOf('Trend as text'))
    expect(trendMarkdown({ ...trend, records: [] })).toStrictEqual([])
    expect(trendMarkdown({ ...trend, currentPublished: true, note: 'The history stops at x.' }).join('\n')).toMatch(
      /since 2026-11-02\n[\s\S]*\*\*this build\*\*[\s\S]*_The history stops at x._/
    )
  })
})

describe('the edges of records and trends (mutation pass)', () => {
  test('a record without time or hit rate reads them as 0', () => {
    const a = recordAnnotations(record(1, 5))
    delete a[HISTORY_KEYS.buildSeconds]
    delete a[HISTORY_KEYS.cacheHitRate]
    expect(parseRecord('sha256:x', a)).toMatchObject({ buildSeconds: 0, cacheHitRate: 0 })
  })
  test("sizes are the current build's first platform's, wherever a record lists it; an unchanged size is 0 B", () => {
    const armFirst = { ...record(30, 300, { digest: '' }), platforms: [{ platform: 'linux/arm64', size: 300, layers: 7 }] }
    const t: Trend = { records: [record(2, 100), record(3, 100)], current: armFirst, currentPublished: true }
    // record(): arm64 is size + 1000
    expect(trendChart(t)).toContain('line [0, 0, 0]')
    const rows = trendTable(t)
    expect(rows[0]).toContain('size (linux/arm64)')
    expect(rows[2]).toContain('| 1.1 kB |')
    expect(rows[3]).toContain('| 1.1 kB (0 B) |')
    expect(rows[4]).toContain('| 300 B (-800 B) |')
  })
  test('one earlier build and this run are a trend already', () => {
    const t: Trend = { records: [record(2, 100)], current: record(3, 200, { digest: '' }), currentPublished: false }
    expect(trendMarkdown(t).join('\n')).toContain('**Trend** (last 2 builds, linux/amd64)')
  })
})

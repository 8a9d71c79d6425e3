import { chooseSourceDate, isoSeconds } from '../../../src/core/source-date'
import { changedSince } from '../../../src/core/report/compare'
import type { ImageInfo } from '../../../src/core/registry/image'
import { commitTime } from '../../../src/pipeline/source-date'
import { execFileSync } from 'node:child_process'

const now = new Date('2026-11-27T12:00:00Z')
const base = { created: 'commit' as const, now }

describe('SOURCE_DATE_EPOCH', () => {
  test("the step's own wins, then created: now, then git's commit time, then the push event's, then the clock", () => {
    expect(chooseSourceDate({ ...base, env: '1700000000', commitTime: 1, eventTime: '2026-01-01T00:00:00Z' })).toEqual({
      epoch: 1700000000,
      from: 'SOURCE_DATE_EPOCH'
    })
    expect(chooseSourceDate({ ...base, created: 'now', commitTime: 1 })).toEqual({ epoch: 1795780800, from: 'build time' })
    expect(chooseSourceDate({ ...base, commitTime: 1732000000, eventTime: '2026-01-01T00:00:00Z' })).toEqual({
      epoch: 1732000000,
      from: 'commit'
    })
    expect(chooseSourceDate({ ...base, eventTime: '2026-11-20T11:00:00+01:00' })).toEqual({
      epoch: Date.parse('2026-11-20T10:00:00Z') / 1000,
      from: 'event'
    })
    expect(chooseSourceDate({ ...base, eventTime: 'yesterday' })).toEqual({ epoch: 1795780800, from: 'build time' })
  })

  test('a SOURCE_DATE_EPOCH that is not whole seconds is an error naming it', () => {
    expect(() => chooseSourceDate({ ...base, env: '2026-11-27' })).toThrow(
      "SOURCE_DATE_EPOCH '2026-11-27' is not a time: use whole seconds since 1970"
    )
  })

  test('the commit time is what git says for the checked-out commit; no checkout gives none', async () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
    const expected = Number(execFileSync('git', ['log', '-1', '--format=%ct', head], { encoding: 'utf8' }).trim())
    expect(expected).toBeGreaterThan(1_700_000_000)
    expect(await commitTime(process.cwd(), head)).toBe(expected)
    expect(await commitTime(process.cwd(), 'f'.repeat(40))).toBeUndefined()
    expect(await commitTime('/', head)).toBeUndefined()
  })

  test('isoSeconds', () => expect(isoSeconds(1732000000)).toBe('2024-11-19T07:06:40Z'))
})

describe('changed', () => {
  const image = (digest: string, ...platforms: [string, string][]): ImageInfo => ({
    digest,
    platforms: platforms.map(([platform, d]) => ({ platform, digest: d, size: 1, layers: 1, breakdown: [] }))
  })
  const amd = ['linux/amd64', 'sha256:a'] as [string, string]
  const arm = ['linux/arm64', 'sha256:b'] as [string, string]

  test('no baseline: unknown; the same index: unchanged; the same platform images under a new index (attestations): unchanged', () => {
    expect(changedSince(image('sha256:i', amd, arm), undefined)).toBeUndefined()
    expect(changedSince(image('sha256:i', amd, arm), image('sha256:i', amd, arm))).toBe(false)
    expect(changedSince(image('sha256:j', arm, amd), image('sha256:i', amd, arm))).toBe(false)
  })

  test('a platform image that differs, or a platform more or less: changed', () => {
    expect(changedSince(image('sha256:j', amd, ['linux/arm64', 'sha256:c']), image('sha256:i', amd, arm))).toBe(true)
    expect(changedSince(image('sha256:j', amd), image('sha256:i', amd, arm))).toBe(true)
    expect(changedSince(image('sha256:j', amd, arm), image('sha256:i', amd))).toBe(true)
  })
})

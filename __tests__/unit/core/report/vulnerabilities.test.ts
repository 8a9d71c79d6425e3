// Scanner reports counted by severity.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../../../support/runner'
import {
  countsText,
  countVulnerabilities,
  parseVulnerabilityBudget,
  vulnerabilityBreaches
} from '../../../../src/core/report/vulnerabilities'

// Written here to each format's documented shape: Trivy's JSON (schema version 2), grype's JSON, SARIF 2.1.0.
const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, '__tests__', 'fixtures', 'scan', name), 'utf8'))
const [trivy, grype, sarif] = ['trivy.json', 'grype.json', 'report.sarif'].map(fixture)

test.each([
  [
    'Trivy JSON: one finding per package, null vulnerability lists skipped',
    trivy,
    'trivy',
    { critical: 1, high: 2, medium: 1, low: 1, unknown: 0 }
  ],
  ['grype JSON: Negligible counts as low', grype, 'grype', { critical: 1, high: 0, medium: 0, low: 1, unknown: 1 }],
  [
    "SARIF: the rule's security-severity (by index or id), else the result's level, else SARIF's default warning",
    sarif,
    'sarif',
    { critical: 1, high: 1, medium: 2, low: 1, unknown: 1 }
  ]
])('%s', (_, report, format, counts) => {
  expect(countVulnerabilities(JSON.stringify(report))).toStrictEqual({ format, counts })
})

test('an empty Trivy report counts nothing; text that is none of the formats says which it expected', () => {
  expect(countVulnerabilities(JSON.stringify({ SchemaVersion: 2, Results: [] })).counts).toStrictEqual({
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    unknown: 0
  })
  expect(() => countVulnerabilities('<html>')).toThrow(/not JSON; give a Trivy JSON/)
  expect(() => countVulnerabilities('{"bomFormat":"CycloneDX"}')).toThrow(/neither Trivy JSON/)
})

test('the budget: severity=count pairs; each severity over it is named with its count and limit', () => {
  expect(parseVulnerabilityBudget('critical=0,high=5')).toStrictEqual({ critical: 0, high: 5 })
  expect(parseVulnerabilityBudget('HIGH = 2')).toStrictEqual({ high: 2 })
  for (const bad of ['severe=1', 'high', 'high=-1', 'high=1.5', '']) expect(parseVulnerabilityBudget(bad)).toBeUndefined()
  const counts = { critical: 1, high: 5, medium: 9, low: 0, unknown: 0 }
  expect(vulnerabilityBreaches(counts, { critical: 0, high: 5 })).toStrictEqual([
    '1 critical vulnerabilities exceed max-vulnerabilities critical=0'
  ])
  expect(vulnerabilityBreaches(counts, { high: 4, medium: 9 })).toStrictEqual(['5 high vulnerabilities exceed max-vulnerabilities high=4'])
  expect(countsText(counts)).toBe('1 critical, 5 high, 9 medium, 0 low')
  expect(countsText({ ...counts, unknown: 2 })).toBe('1 critical, 5 high, 9 medium, 0 low, 2 unknown')
})

describe('the edges of each format (mutation pass)', () => {
  const sarifOf = (runs: unknown[]) => JSON.stringify({ version: '2.1.0', runs })
  test('SARIF scores on the band edges, as strings or numbers; level none, and no rules or no results at all', () => {
    const rules = [9.0, '7.0', 4, '0.1', 8.9].map((score, i) => ({ id: `r${i}`, properties: { 'security-severity': score } }))
    const results = rules.map(r => ({ ruleId: r.id, level: 'note' }))
    expect(countVulnerabilities(sarifOf([{ tool: { driver: { rules } }, results }])).counts).toStrictEqual({
      critical: 1,
      high: 2,
      medium: 1,
      low: 1,
      unknown: 0
    })
    const bare = sarifOf([{ tool: { driver: {} }, results: [{ level: 'none' }, { level: 'error' }] }, { tool: { driver: {} } }])
    expect(countVulnerabilities(bare).counts).toStrictEqual({ critical: 0, high: 1, medium: 0, low: 0, unknown: 1 })
  })
  test('a version field alone does not make SARIF; a Trivy report without Results counts nothing', () => {
    expect(countVulnerabilities(JSON.stringify({ version: '1.0', matches: [{ vulnerability: { severity: 'High' } }] }))).toStrictEqual({
      format: 'grype',
      counts: { critical: 0, high: 1, medium: 0, low: 0, unknown: 0 }
    })
    expect(countVulnerabilities(JSON.stringify({ SchemaVersion: 2, ArtifactName: 'x' })).counts).toStrictEqual({
      critical: 0,
      high: 0,
      medium: 0,
      low: 0,
      unknown: 0
    })
  })
})

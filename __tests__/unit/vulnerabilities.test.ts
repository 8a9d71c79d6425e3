// Scanner reports counted by severity. The reports are written here to each format's
// documented shape (Trivy's JSON schema version 2, grype's JSON, SARIF 2.1.0).
import { countsText, countVulnerabilities, parseVulnerabilityBudget, vulnerabilityBreaches } from '../../src/core/vulnerabilities'

const trivy = {
  SchemaVersion: 2,
  ArtifactName: 'localhost:5000/ci-base@sha256:ab',
  ArtifactType: 'container_image',
  Results: [
    {
      Target: 'localhost:5000/ci-base (alpine 3.20.3)',
      Class: 'os-pkgs',
      Type: 'alpine',
      Vulnerabilities: [
        { VulnerabilityID: 'CVE-2026-0001', PkgName: 'openssl', Severity: 'CRITICAL' },
        { VulnerabilityID: 'CVE-2026-0002', PkgName: 'busybox', Severity: 'HIGH' },
        { VulnerabilityID: 'CVE-2026-0002', PkgName: 'ssl_client', Severity: 'HIGH' },
        { VulnerabilityID: 'CVE-2026-0003', PkgName: 'curl', Severity: 'MEDIUM' }
      ]
    },
    { Target: 'usr/local/lib/node_modules/corepack/package.json', Class: 'lang-pkgs', Type: 'node-pkg', Vulnerabilities: null },
    { Target: 'app', Class: 'lang-pkgs', Type: 'node-pkg', Vulnerabilities: [{ VulnerabilityID: 'GHSA-x', Severity: 'LOW' }] }
  ]
}

const grype = {
  matches: [
    { vulnerability: { id: 'CVE-2026-0001', severity: 'Critical' }, artifact: { name: 'openssl', version: '3.3.2-r0' } },
    { vulnerability: { id: 'CVE-2026-0004', severity: 'Negligible' }, artifact: { name: 'zlib', version: '1.3.1-r1' } },
    { vulnerability: { id: 'CVE-2026-0005', severity: 'Unknown' }, artifact: { name: 'musl', version: '1.2.5-r0' } }
  ],
  source: { type: 'image', target: { userInput: 'ci-base:latest' } },
  descriptor: { name: 'grype', version: '0.0.0' }
}

const sarif = {
  version: '2.1.0',
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  runs: [
    {
      tool: {
        driver: {
          name: 'scanner',
          rules: [
            { id: 'CVE-2026-0001', properties: { 'security-severity': '9.8' } },
            { id: 'CVE-2026-0002', properties: { 'security-severity': '7.5' } },
            { id: 'CVE-2026-0006', properties: { 'security-severity': '0.0' } },
            { id: 'CVE-2026-0007' }
          ]
        }
      },
      results: [
        { ruleId: 'CVE-2026-0001', level: 'error', message: { text: 'openssl' } },
        { ruleId: 'CVE-2026-0002', ruleIndex: 1, level: 'error', message: { text: 'busybox' } },
        { ruleId: 'CVE-2026-0006', level: 'note', message: { text: 'x' } },
        { ruleId: 'CVE-2026-0007', level: 'warning', message: { text: 'curl' } },
        { ruleId: 'CVE-2026-0007', level: 'note', message: { text: 'wget' } },
        { ruleId: 'unknown-rule', message: { text: 'no level: SARIF says warning' } }
      ]
    }
  ]
}

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

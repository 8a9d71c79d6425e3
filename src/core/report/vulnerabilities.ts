// Vulnerabilities a scanner found in the image, counted by severity, and the budget on them.
// Three report formats, read by their documented shapes: Trivy's JSON (SchemaVersion 2), grype's
// JSON and SARIF 2.1.0 (which both, and most other scanners, also write). Pure.

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'] as const
type Severity = (typeof SEVERITIES)[number]
export type VulnerabilityCounts = Record<Severity, number>

export interface ScanResult {
  /** Which format the report was in, as its own fields said. */
  format: 'trivy' | 'grype' | 'sarif'
  counts: VulnerabilityCounts
}

const zero = (): VulnerabilityCounts => ({ critical: 0, high: 0, medium: 0, low: 0, unknown: 0 })

/** A scanner's severity word: grype's Negligible is counted as low, anything unheard of as unknown. */
function severityOf(word: unknown): Severity {
  const w = typeof word === 'string' ? word.toLowerCase() : ''
  if (w === 'negligible') return 'low'
  return (SEVERITIES as readonly string[]).includes(w) ? (w as Severity) : 'unknown'
}

/**
 * SARIF has no severity of its own: GitHub's convention is the rule's `security-severity`
 * (a CVSS score: 9.0 and up critical, 7.0 high, 4.0 medium, above 0 low); without one, the
 * result's level (error high, warning medium, note low).
 */
function sarifSeverity(score: unknown, level: unknown): Severity {
  const cvss = typeof score === 'string' || typeof score === 'number' ? Number.parseFloat(String(score)) : NaN
  if (Number.isFinite(cvss)) return cvss >= 9 ? 'critical' : cvss >= 7 ? 'high' : cvss >= 4 ? 'medium' : cvss > 0 ? 'low' : 'unknown'
  return ({ error: 'high', warning: 'medium', note: 'low' } as Record<string, Severity>)[String(level)] ?? 'unknown'
}

interface SarifRule {
  id?: string
  properties?: Record<string, unknown>
}

/**
 * Counts one finding per vulnerability and package, as the scanners' own tables do (the same
 * CVE in two packages counts twice). Throws when the text is none of the three formats.
 */
export function countVulnerabilities(text: string): ScanResult {
  let doc: Record<string, unknown>
  try {
    doc = JSON.parse(text) as Record<string, unknown>
  } catch {
    throw new Error('not JSON; give a Trivy JSON (--format json), grype JSON (-o json) or SARIF report')
  }
  const counts = zero()
  if (Array.isArray(doc?.runs) && typeof doc.version === 'string') {
    for (const run of doc.runs as { tool?: { driver?: { rules?: SarifRule[] } }; results?: Record<string, unknown>[] }[]) {
      const rules = run.tool?.driver?.rules ?? []
      for (const result of run.results ?? []) {
        const rule = typeof result.ruleIndex === 'number' ? rules[result.ruleIndex] : rules.find(r => r.id === result.ruleId)
        counts[sarifSeverity(rule?.properties?.['security-severity'], result.level ?? 'warning')]++
      }
    }
    return { format: 'sarif', counts }
  }
  if (Array.isArray(doc?.matches)) {
    for (const match of doc.matches as { vulnerability?: { severity?: string } }[]) counts[severityOf(match.vulnerability?.severity)]++
    return { format: 'grype', counts }
  }
  if (doc && 'SchemaVersion' in doc) {
    for (const result of (doc.Results ?? []) as { Vulnerabilities?: { Severity?: string }[] | null }[])
      for (const v of result.Vulnerabilities ?? []) counts[severityOf(v.Severity)]++
    return { format: 'trivy', counts }
  }
  throw new Error('neither Trivy JSON (SchemaVersion, Results), grype JSON (matches) nor SARIF (version, runs)')
}

/** `critical=0,high=5`: the most findings of each named severity; undefined when the text is not that. */
export function parseVulnerabilityBudget(text: string): Partial<VulnerabilityCounts> | undefined {
  const budget: Partial<VulnerabilityCounts> = {}
  for (const part of text
    .split(/[\n,]/)
    .map(p => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z]+)\s*=\s*(\d+)$/i.exec(part)
    if (!m || !(SEVERITIES as readonly string[]).includes(m[1].toLowerCase())) return undefined
    budget[m[1].toLowerCase() as Severity] = Number(m[2])
  }
  return Object.keys(budget).length ? budget : undefined
}

/** One line per severity over its budget. */
export function vulnerabilityBreaches(counts: VulnerabilityCounts, budget: Partial<VulnerabilityCounts>): string[] {
  return SEVERITIES.flatMap(s => {
    const most = budget[s]
    return most !== undefined && counts[s] > most ? [`${counts[s]} ${s} vulnerabilities exceed max-vulnerabilities ${s}=${most}`] : []
  })
}

/** `2 critical, 5 high, 0 medium, 1 low` (unknown only when there are some). */
export const countsText = (counts: VulnerabilityCounts) =>
  SEVERITIES.filter(s => s !== 'unknown' || counts.unknown > 0)
    .map(s => `${counts[s]} ${s}`)
    .join(', ')

/** The compact form kept in an annotation: `critical=0,high=5,medium=2,low=1,unknown=0`. */
export const countsAnnotation = (counts: VulnerabilityCounts) => SEVERITIES.map(s => `${s}=${counts[s]}`).join(',')

export function parseCountsAnnotation(text: string | undefined): VulnerabilityCounts | undefined {
  if (!text) return undefined
  const counts = zero()
  for (const [, s, n] of text.matchAll(/([a-z]+)=(\d+)/g)) if (s in counts) counts[s as Severity] = Number(n)
  return counts
}

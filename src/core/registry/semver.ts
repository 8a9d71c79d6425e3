// Release tags from a git tag, the way images are released: v1.2.3 gives 1.2.3, 1.2 and 1, and
// latest; a floating tag only moves forward (releasing 1.2.5 after 1.3.0 leaves 1 and latest on
// 1.3.0); a pre-release gets its full version only. Pure.

export interface Version {
  major: number
  minor: number
  patch: number
  /** The pre-release part after '-', '' for a stable release. */
  pre: string
  /** As written, without a leading v and without build metadata. */
  text: string
}

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/

export function parseVersion(text: string): Version | undefined {
  const m = SEMVER.exec(text)
  if (!m) return undefined
  const [major, minor, patch] = [m[1], m[2], m[3]].map(Number)
  const pre = m[4] ?? ''
  return { major, minor, patch, pre, text: `${major}.${minor}.${patch}${pre ? `-${pre}` : ''}` }
}

/** Semver precedence: numbers first; a pre-release sorts before its release; identifiers compare numerically when both are numbers. */
export function compareVersions(a: Version, b: Version): number {
  for (const key of ['major', 'minor', 'patch'] as const) if (a[key] !== b[key]) return a[key] - b[key]
  if (a.pre === b.pre) return 0
  if (!a.pre) return 1
  if (!b.pre) return -1
  const [x, y] = [a.pre.split('.'), b.pre.split('.')]
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue
    const [nx, ny] = [/^\d+$/.test(x[i]), /^\d+$/.test(y[i])]
    if (nx && ny) return Number(x[i]) - Number(y[i])
    if (nx !== ny) return nx ? -1 : 1
    return x[i] < y[i] ? -1 : 1
  }
  return x.length - y.length
}

/**
 * The tags a release gets, given the versions already published (the repository's tags): the
 * full version always; `X.Y`, `X` and `latest` for a stable release that is the highest of its
 * minor series, major series and of all, respectively.
 */
export function releaseTags(version: Version, published: string[]): string[] {
  const tags = [version.text]
  if (version.pre) return tags
  const stable = published.map(parseVersion).filter((v): v is Version => !!v && !v.pre)
  const highest = (series: (v: Version) => boolean) => stable.filter(series).every(v => compareVersions(version, v) >= 0)
  if (highest(v => v.major === version.major && v.minor === version.minor)) tags.push(`${version.major}.${version.minor}`)
  if (highest(v => v.major === version.major)) tags.push(`${version.major}`)
  if (highest(() => true)) tags.push('latest')
  return tags
}

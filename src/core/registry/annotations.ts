// OCI annotations for the pushed image. Labels live in each platform's config; registries such
// as GHCR describe a multi-platform image from its index's annotations, so the OCI basics go on
// the index too (on the manifest when there is only one platform). Pure.

const INDEX_KEYS = ['title', 'description', 'source', 'revision', 'version', 'created'].map(k => `org.opencontainers.image.${k}`)

/** Literal values of OCI LABELs in a Dockerfile (values built from ARGs are left out: they are not known here). */
export function dockerfileLabels(dockerfile: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const m of dockerfile.matchAll(/(org\.opencontainers\.image\.[a-z]+)=(?:"([^"$\\]*)"|([^\s"'$\\]+))/g)) found[m[1]] = m[2] ?? m[3]
  return found
}

/** Every OCI key a Dockerfile's LABELs set, with literal values or built from ARGs. */
export const dockerfileLabelKeys = (dockerfile: string): Set<string> =>
  new Set([...dockerfile.matchAll(/(org\.opencontainers\.image\.[a-z]+)=/g)].map(m => m[1]))

/**
 * buildx --annotation values: the user's (unprefixed ones on the index and on each manifest),
 * then the OCI basics from the labels (or the Dockerfile's literal LABELs) where the user set none.
 */
export function annotationArgs(user: string[], labels: string[], dockerfile: string, multiPlatform: boolean): string[] {
  const top = multiPlatform ? 'index' : 'manifest'
  const out: string[] = []
  const userTopKeys = new Set<string>()
  for (const line of user) {
    const prefixed = /^([a-z-]+(?:\[[^\]]*\])?):(.*)$/.exec(line)
    if (prefixed && !prefixed[2].startsWith('//')) {
      out.push(line)
      if (prefixed[1].startsWith(top)) userTopKeys.add(prefixed[2].split('=')[0])
    } else {
      if (multiPlatform) out.push(`index:${line}`)
      out.push(`manifest:${line}`)
      userTopKeys.add(line.split('=')[0])
    }
  }
  const fromLabels = Object.fromEntries(labels.map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]))
  const known = { ...dockerfileLabels(dockerfile), ...fromLabels }
  for (const key of INDEX_KEYS) if (known[key] && !userTopKeys.has(key)) out.push(`${top}:${key}=${known[key]}`)
  return out
}

/** The index's own annotations among buildx's --annotation values (`index:key=value`), as the index carries them. */
export const indexAnnotations = (args: string[]): Record<string, string> =>
  Object.fromEntries(
    args
      .filter(a => a.startsWith('index:'))
      .map(a => a.slice('index:'.length))
      .map(a => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)])
  )

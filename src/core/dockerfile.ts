// What can be read from a Dockerfile before it is built: the images its stages start FROM.
// A builder the action creates runs in its own network namespace, so loopback registries among
// them must be known before the builder is created.

const NAME = '[A-Za-z_][A-Za-z0-9_]*'

/** The images named by FROM lines, with global ARG defaults and build-args substituted; stages and scratch left out. */
export function baseImages(dockerfile: string, buildArgs: string[]): string[] {
  const given = new Map(buildArgs.map(a => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]))
  const globals = new Map<string, string>()
  const stages = new Set<string>()
  const images: string[] = []
  const expand = (text: string) =>
    text.replace(
      new RegExp(`\\$\\{(${NAME})(?::?-([^}]*))?\\}|\\$(${NAME})`, 'g'),
      (_, braced: string | undefined, fallback: string | undefined, bare: string | undefined) =>
        globals.get(braced ?? bare ?? '') || fallback || ''
    )
  let seenFrom = false
  // Continuation lines joined first: a FROM may be split over several.
  for (const line of dockerfile
    .replace(/\\[ \t]*\r?\n/g, ' ')
    .split(/\r?\n/)
    .map(l => l.trim())) {
    const arg = new RegExp(`^ARG\\s+(${NAME})(?:=(?:"([^"]*)"|'([^']*)'|(\\S*)))?`, 'i').exec(line)
    // Only ARGs before the first FROM are in scope for FROM lines.
    if (arg && !seenFrom) globals.set(arg[1], given.get(arg[1]) ?? arg[2] ?? arg[3] ?? arg[4] ?? '')
    const from = /^FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(line)
    if (!from) continue
    seenFrom = true
    const image = expand(from[1])
    if (image && image !== 'scratch' && !stages.has(image.toLowerCase())) images.push(image)
    if (from[2]) stages.add(from[2].toLowerCase())
  }
  return [...new Set(images)]
}

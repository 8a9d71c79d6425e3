// .dockerignore as the builder reads it: one pattern a line (Go's filepath.Match, plus `**` for
// any number of directories), `!` to bring back what an earlier line left out, the last line that
// matches a path deciding; a pattern that matches a directory leaves out what is under it. Pure.

/** A pattern as a regular expression over a path relative to the context, or undefined where it cannot be read. */
function patternRegex(pattern: string): RegExp | undefined {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` is any number of directories, `**` at the end anything at all.
      if (pattern[i + 2] === '/') {
        out += '(?:.*/)?'
        i += 2
      } else {
        out += '.*'
        i += 1
      }
    } else if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1)
      if (end < 0) return undefined
      const body = pattern.slice(i + 1, end)
      out += `[${body.startsWith('^') || body.startsWith('!') ? `^${body.slice(1)}` : body}]`
      i = end
    } else if (c === '\\') {
      if (i + 1 >= pattern.length) return undefined
      out += pattern[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  try {
    return new RegExp(`^${out}$`)
  } catch {
    return undefined
  }
}

/** Whether a path is left out of the context; a .dockerignore that cannot be read leaves nothing out (more is taken in, never less). */
export function ignoreMatcher(dockerignore: string): (path: string) => boolean {
  const rules: { regex: RegExp; exclude: boolean }[] = []
  for (const raw of dockerignore.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const exclude = !line.startsWith('!')
    const cleaned = (exclude ? line : line.slice(1).trim()).replace(/^(?:\.?\/)+/, '').replace(/\/+$/, '')
    if (!cleaned || cleaned === '.') continue
    const regex = patternRegex(cleaned)
    if (!regex) return () => false
    rules.push({ regex, exclude })
  }
  return path => {
    // A path matches a rule when it or one of its parent directories does; the last rule that matches decides.
    const parts = path.split('/')
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'))
    let excluded = false
    for (const rule of rules) if (prefixes.some(p => rule.regex.test(p))) excluded = rule.exclude
    return excluded
  }
}

// `registry-auth`: several logins in one step, written as a YAML list of mappings. Read by hand,
// not by a YAML library: a password arrives already expanded by the runner and may hold any
// character (`#`, `: `, quotes), which a YAML parser would take for syntax. Pure.

export interface Login {
  registry: string
  username: string
  password: string
}

const KEYS = ['registry', 'username', 'password'] as const

/** The logins, or the problems (never quoting a password). */
export function parseRegistryAuth(text: string): { logins: Login[]; problems: string[] } {
  const items: Record<string, string>[] = []
  const problems: string[] = []
  for (const [n, raw] of text.split('\n').entries()) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue
    const line = raw.replace(/^\s*-\s+/, m => {
      items.push({})
      return ' '.repeat(m.length)
    })
    const m = /^\s*(registry|username|password):\s?(.*)$/.exec(line)
    if (!m || !items.length) {
      problems.push(`line ${n + 1} is not '- registry: …' or 'username: …' / 'password: …' under it`)
      continue
    }
    items[items.length - 1][m[1]] = unquote(m[2].trim())
  }
  const logins: Login[] = []
  for (const [i, item] of items.entries()) {
    const missing = KEYS.filter(k => !item[k])
    if (missing.length) problems.push(`entry ${i + 1}${item.registry ? ` (${item.registry})` : ''} has no ${missing.join(', ')}`)
    else logins.push({ registry: item.registry, username: item.username, password: item.password })
  }
  return { logins, problems }
}

function unquote(value: string): string {
  const q = value[0]
  return value.length >= 2 && (q === '"' || q === "'") && value.endsWith(q) ? value.slice(1, -1) : value
}

/** Every login a run does: the single-registry inputs (the image's registry when `registry` is unset), then `registry-auth`. */
export function loginsOf(
  inputs: { username: string; password: string; registry: string; image: string; logins: Login[] },
  registryOf: (ref: string) => string
): Login[] {
  const single = inputs.username
    ? [
        {
          registry: inputs.registry || (inputs.image ? registryOf(inputs.image) : 'docker.io'),
          username: inputs.username,
          password: inputs.password
        }
      ]
    : []
  return [...single, ...inputs.logins]
}

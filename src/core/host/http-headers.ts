// What an HTTP answer's headers ask of the client: how a registry wants to be signed in to
// (WWW-Authenticate), and how long a server asks to be left alone (Retry-After). Pure.

/** A WWW-Authenticate challenge: its scheme and parameters. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const scheme = header.split(' ')[0]
  const params: Record<string, string> = {}
  for (const m of header.slice(scheme.length).matchAll(/(\w+)="([^"]*)"/g)) params[m[1]] = m[2]
  return { scheme: scheme.toLowerCase(), params }
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

// Checks after the build, as data: the commands a user asked for, split the way a shell would
// split them but without one; what each run on each platform gave; whether the image's user is
// root. Pure.

export interface VerifyResult {
  platform: string
  command: string
  passed: boolean
  /** The command's exit code; undefined when it was stopped at the time limit. */
  exitCode?: number
  timedOut: boolean
  seconds: number
  /** The last lines of what it printed (stdout and stderr). */
  output: string
}

export interface UserCheck {
  platform: string
  /** The image config's User, as written ('' when unset: root). */
  user: string
  uid?: number
  passed: boolean
}

export interface Verification {
  results: VerifyResult[]
  users: UserCheck[]
}

/**
 * One command line into argv: whitespace separates words; '…' keeps everything literally,
 * "…" keeps spaces and honours \" \\ \$ \`; a backslash outside quotes escapes the next character.
 * Nothing is expanded: `sh -c '…'` is how a user asks for a shell.
 */
export function splitCommand(line: string): string[] {
  const words: string[] = []
  let word = ''
  let inWord = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0) throw new Error(`unclosed ' in: ${line}`)
      word += line.slice(i + 1, end)
      i = end
      inWord = true
    } else if (c === '"') {
      i++
      for (; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && '"\\$`'.includes(line[i + 1] ?? '')) i++
        word += line[i]
      }
      if (i >= line.length) throw new Error(`unclosed " in: ${line}`)
      inWord = true
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i]
      inWord = true
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else {
      word += c
      inWord = true
    }
  }
  if (inWord) words.push(word)
  return words
}

/** The uid a config User names: numbers as they are, names through the image's /etc/passwd. */
export function resolveUid(user: string, passwd: string | undefined): number | undefined {
  const name = user.split(':')[0]
  if (!name) return 0 // unset: containers run as root
  if (/^\d+$/.test(name)) return Number(name)
  if (name === 'root') return 0
  for (const line of (passwd ?? '').split('\n')) {
    const [entry, , uid] = line.split(':')
    if (entry === name && /^\d+$/.test(uid ?? '')) return Number(uid)
  }
  return undefined
}

export function userCheck(platform: string, user: string, passwd?: string): UserCheck {
  const uid = resolveUid(user, passwd)
  return { platform, user, ...(uid === undefined ? {} : { uid }), passed: uid !== undefined && uid !== 0 }
}

export const verified = (v?: Verification) => (v ? v.results.every(r => r.passed) && v.users.every(u => u.passed) : undefined)

/** One message per failure, naming platform, command (or user) and what it printed. */
export function verifyFailures(v: Verification): string[] {
  const users = v.users
    .filter(u => !u.passed)
    .map(u =>
      u.user
        ? `${u.platform}: require-non-root: the image runs as '${u.user}'${u.uid === undefined ? ', which is not in its /etc/passwd' : ` (uid ${u.uid})`}`
        : `${u.platform}: require-non-root: the image sets no USER, so it runs as root`
    )
  const commands = v.results
    .filter(r => !r.passed)
    .map(r => {
      const how = r.timedOut ? `was stopped after ${r.seconds.toFixed(0)} s` : `exited ${r.exitCode}`
      return `${r.platform}: \`${r.command}\` ${how}${r.output ? `:\n${r.output}` : ''}`
    })
  return [...users, ...commands]
}

/** The grid for the summary and the comment: a row per command, a column per platform. */
export function verifyMarkdown(v: Verification): string[] {
  const platforms = [...new Set([...v.users.map(u => u.platform), ...v.results.map(r => r.platform)])]
  const cell = (r?: VerifyResult | UserCheck) => (!r ? '—' : r.passed ? '✓' : '✗')
  const rows = [...new Set(v.results.map(r => r.command))].map(
    command =>
      `| \`${command.replace(/`/g, "'").replace(/\|/g, '\\|')}\` | ${platforms.map(p => cell(v.results.find(r => r.platform === p && r.command === command))).join(' | ')} |`
  )
  if (v.users.length) rows.unshift(`| non-root user | ${platforms.map(p => cell(v.users.find(u => u.platform === p))).join(' | ')} |`)
  const failures = verifyFailures(v)
  return [
    `**Verify** ${failures.length ? `— ${failures.length} failed` : '— all passed'}`,
    '',
    `| check | ${platforms.join(' | ')} |`,
    `|---|${platforms.map(() => ':---:').join('|')}|`,
    ...rows,
    '',
    ...(failures.length ? ['```text', ...failures, '```', ''] : [])
  ]
}

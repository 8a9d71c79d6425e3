// The runner's side of a step, spoken directly: workflow commands on stdout (`::warning::`,
// `::group::`, `::add-mask::`) and the GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY
// files, as GitHub documents them. @actions/core does the same, but loading it (and the HTTP
// stack it imports for OIDC tokens) cost about 100 ms of every main and every post, more
// than the rest of a no-change rebuild's overhead together.
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'

/** A command's data: the runner reads %, CR and LF as escapes. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

export function issue(command: string, message = ''): void {
  process.stdout.write(`::${command}::${escapeData(message)}${EOL}`)
}

export const info = (message: string) => process.stdout.write(message + EOL)
export const warning = (message: string) => issue('warning', message)

/** A warning the runner shows on a file's line: `::warning file=…,line=…,title=…::message`. */
export function warningAt(message: string, where: { file: string; line?: number; endLine?: number; title?: string }): void {
  const props = Object.entries(where)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
  issue(`warning ${props.join(',')}`, message)
}
export const error = (message: string) => issue('error', message)
export const setSecret = (secret: string) => issue('add-mask', secret)

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issue('group', name)
  try {
    return await fn()
  } finally {
    issue('endgroup')
  }
}

/**
 * `name<<delimiter` blocks, so that any value (several lines included) reads back whole. The
 * delimiter is random (no crypto module needed: a value holding it is refused, not cut short).
 */
function fileCommandBlock(
  name: string,
  value: string,
  delimiter = `ghadelimiter_${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`
): string {
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`'${name}' holds the delimiter ${delimiter}`)
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`
}

function fileCommand(variable: 'GITHUB_OUTPUT' | 'GITHUB_STATE', command: string, name: string, value: string): void {
  const file = process.env[variable]
  if (file) appendFileSync(file, fileCommandBlock(name, value), 'utf8')
  else process.stdout.write(`${EOL}::${command} name=${escapeProperty(name)}::${escapeData(value)}${EOL}`)
}

const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')

export const setOutput = (name: string, value: string) => fileCommand('GITHUB_OUTPUT', 'set-output', name, value)
export const saveState = (name: string, value: string) => fileCommand('GITHUB_STATE', 'save-state', name, value)
export const getState = (name: string) => process.env[`STATE_${name}`] ?? ''

/** An input as the runner passes it (INPUT_<NAME>, spaces as underscores), trimmed. */
export const getInput = (name: string) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()

/** Markdown appended to the job summary, when the runner gives it a file. */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (file) appendFileSync(file, markdown, 'utf8')
}

/** The step fails with this message. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

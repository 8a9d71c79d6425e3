// What a test file leaves on the engine, removed when the file is done: the images named after
// its nonces (fixtures it built, builds it loaded) and the one the action keeps per repository
// its runs pushed to. Only names this file made: the other stack's process runs beside it.
import { execFileSync, spawnSync } from 'node:child_process'
import { keptName } from '../../src/core/builder/args'

const nonces = new Set<string>()
const repositories = new Set<string>()

/** A name part unique to this run, remembered so the file's images named after it are removed at its end. */
export function nonce(): string {
  const made = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  nonces.add(made)
  return made
}

/** The repositories of the `image` input a run pushes to (several, one per line or comma). */
export function pushedTo(image: string | undefined): void {
  for (const repo of (image ?? '').split(/[\n,]/).map(s => s.trim()))
    if (repo) repositories.add(repo.replace(/(:[\w][\w.-]*)?(@sha256:[0-9a-f]{64})?$/, ''))
}

/** The engine's names this file made: `repo:tag`, or `repo@digest` for a name pulled by digest alone. */
function leftoverNames(listing: string): string[] {
  const kept = new Set([...repositories].map(keptName))
  const names = new Set<string>()
  for (const line of listing.split('\n').filter(Boolean)) {
    const [repo, tag, digest] = line.split(' ')
    const name = tag !== '<none>' ? `${repo}:${tag}` : digest !== '<none>' ? `${repo}@${digest}` : ''
    if (!name) continue
    if (kept.has(name) || [...nonces].some(n => repo.includes(n) || tag.includes(n))) names.add(name)
  }
  return [...names]
}

/** Removes this file's leftovers. */
export function removeLeftovers(): void {
  let listing = ''
  try {
    listing = execFileSync('docker', ['image', 'ls', '--digests', '--format', '{{.Repository}} {{.Tag}} {{.Digest}}'], { encoding: 'utf8' })
  } catch {
    return // no engine: nothing was left on it
  }
  const names = leftoverNames(listing)
  // One already gone (a test removed it) is no failure.
  if (names.length) spawnSync('docker', ['image', 'rm', '--force', ...names], { stdio: 'ignore' })
}

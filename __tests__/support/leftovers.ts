// What a test file leaves on the engine, removed when the file is done: the images named after
// its nonces (fixtures it built, builds it loaded) and the one the action keeps per repository
// its runs pushed to. Only names this file made: the other stack's process runs beside it.
import { spawnSync } from 'node:child_process'
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

const ATTEMPTS = 5

/** The engine's images, a line each in `format` (docker image ls --digests); undefined when there is no engine. */
export async function engineImages(format = '{{.Repository}} {{.Tag}} {{.Digest}}'): Promise<string | undefined> {
  for (let attempt = 1; ; attempt++) {
    const ls = spawnSync('docker', ['image', 'ls', '--digests', '--format', format], { encoding: 'utf8' })
    if (ls.status === 0) return ls.stdout
    if (spawnSync('docker', ['info'], { stdio: 'ignore' }).status !== 0) return undefined // no engine: nothing was left on it
    // A busy containerd image store can fail a listing for a moment (an image's content going
    // while the list is read): try again, then say so rather than leave the images silently.
    if (attempt === ATTEMPTS) throw new Error(`Listing the engine's images failed ${ATTEMPTS} times: ${ls.stderr}`)
    await new Promise(r => setTimeout(r, 1000))
  }
}

/** Removes this file's leftovers, and fails naming any the engine still holds after a second try. */
export async function removeLeftovers(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const list = await engineImages()
    const names = list === undefined ? [] : leftoverNames(list)
    if (!names.length) return
    if (attempt === 3) throw new Error(`The engine still holds this file's images after removing them twice: ${names.join(' ')}`)
    // One already gone (a test removed it) is no failure: the listing after says what is left.
    spawnSync('docker', ['image', 'rm', '--force', ...names], { stdio: 'ignore' })
  }
}

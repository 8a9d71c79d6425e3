// The run's fingerprint (core/builder/fingerprint.ts), taken before any builder is set up: the
// context files the Dockerfile reads are hashed here (path, mode, content; after .dockerignore),
// and each base image is resolved to its digest with a HEAD at its registry, one optional read
// each. What cannot be known this way (an ADD of a URL, a base the registry did not answer for)
// is said, and the fingerprint is then left out: it never claims inputs it could not see.
import { lstatSync, readFileSync, readdirSync, readlinkSync, statSync, type Stats } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import {
  argsOf,
  contextReads,
  fingerprintOf,
  FILES_NAMED,
  settingsOf,
  sha256,
  syntaxOf,
  type Fingerprint
} from '../../core/builder/fingerprint.js'
import { ignoreMatcher } from '../../core/builder/dockerignore.js'
import { repositoryOf, tagOf } from '../../core/registry/reference.js'
import { isAttestation, isIndex, parseImageConfig, parseManifest } from '../../core/registry/image.js'
import type { Inputs } from '../../core/inputs/inputs.js'
import { builderIdentity, builderNeeds } from '../../core/builder/fingerprint.js'
import type { EngineFacts } from '../../core/builder/builder.js'
import { engineFacts } from '../host/docker-config.js'
import { errorMessage } from '../../core/errors.js'
import { clientFor } from '../registry/registry-client.js'
import type { OptionalReads } from '../host/optional-reads.js'
import type { Runtime } from '../host/runtime.js'

/** A fingerprint, or why there is none this run (the run then always builds). */
export type TakenFingerprint = { fingerprint: Fingerprint; ms: number } | { unknowable: string[]; ms: number }

interface FileSum {
  path: string
  line: string
}

/**
 * Every file under `path` (a file or a directory) of the context, with its mode and content's
 * sum; ignored ones left out. Read synchronously: one file at a time is the fastest way through
 * thousands of small files, and nothing else waits on this process meanwhile but the reads it started.
 */
function sumsUnder(root: string, path: string, ignored: (path: string) => boolean, into: Map<string, FileSum>, named = false): void {
  const full = resolve(root, path)
  const rel = relative(root, full).split(sep).join('/') || '.'
  if (rel.startsWith('..')) throw new Error(`${path} is outside the context`)
  let stat: Stats
  try {
    // The path an instruction names is followed when it is a link (the build copies what it points
    // at); links inside a copied directory are copied as links.
    stat = named ? statSync(full) : lstatSync(full)
  } catch {
    // A source that is not there fails the build itself; here it reads as nothing.
    return
  }
  if (stat.isDirectory()) {
    // An ignored directory is still walked: an exception (`!dir/keep`) may bring a file of it back.
    for (const entry of readdirSync(full)) sumsUnder(root, rel === '.' ? entry : `${rel}/${entry}`, ignored, into)
    return
  }
  if (ignored(rel) || into.has(rel)) return
  const mode = (stat.mode & 0o7777).toString(8)
  const content = stat.isSymbolicLink() ? `link:${readlinkSync(full)}` : sha256(readFileSync(full))
  into.set(rel, { path: rel, line: `${rel}\0${mode}\0${content}` })
}

/** The context files the build reads, hashed: one digest, how many, and each one's sum where there are few. */
export function contextDigest(context: string, paths: string[], dockerignore: string): Fingerprint['context'] {
  const ignored = ignoreMatcher(dockerignore)
  const sums = new Map<string, FileSum>()
  for (const path of paths) sumsUnder(context, path, ignored, sums, true)
  const files = [...sums.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return {
    digest: sha256(files.map(f => f.line).join('\n')),
    files: files.length,
    ...(files.length <= FILES_NAMED ? { sums: Object.fromEntries(files.map(f => [f.path, sha256(f.line).slice(7, 19)])) } : {})
  }
}

/** A base image's digest: the one it is pinned to, else its tag's at the registry (a HEAD, an optional read). */
async function resolveBase(rt: Runtime, reads: OptionalReads, ref: string): Promise<string | undefined> {
  if (ref.includes('@')) return ref.slice(ref.indexOf('@') + 1)
  const client = clientFor(repositoryOf(ref), rt.env)
  return (await reads.read(`the digest of ${ref}`, () => client.manifestDigest(tagOf(ref)))) || undefined
}

/**
 * What the build runs on: the engine's version, and the BuildKit image by digest (pinned in its
 * name, the local image's id, or its tag's digest at the registry); or why it cannot be known.
 */
/** What a build runs on, as the fingerprint takes it; or why that cannot be known before it builds. */
export type BuilderResult = { identity: string } | { unknowable: string }

export async function builderOf(
  rt: Runtime,
  reads: OptionalReads,
  inputs: Inputs,
  engine: Promise<EngineFacts> | undefined
): Promise<BuilderResult> {
  const needs = builderNeeds(inputs)
  if ('unknowable' in needs) return needs
  const resolved: { engine?: string; buildkit?: string } = {}
  if (needs.engine) {
    const facts = await (engine ?? engineFacts(rt.docker, rt.env)).catch(() => undefined)
    if (!facts?.version) return { unknowable: "the engine's version could not be read" }
    resolved.engine = facts.version
  }
  if (needs.buildkit) {
    const image = inputs.driverOpts.find(o => o.startsWith('image='))?.slice('image='.length) ?? inputs.buildkitImage
    if (image.includes('@sha256:')) resolved.buildkit = image
    else {
      const local = await rt.docker(['image', 'inspect', '--format', '{{.Id}}', image], { quiet: true })
      const digest = local.code === 0 ? local.stdout.trim() : await resolveBase(rt, reads, image).catch(() => undefined)
      if (!digest) return { unknowable: `the BuildKit image ${image} could not be resolved to a digest` }
      resolved.buildkit = `${image}@${digest}`
    }
  }
  return { identity: builderIdentity(inputs, resolved) }
}

/** Whether a base image's config has ONBUILD triggers (its first platform's; an unreadable one counts as having them). */
async function hasOnbuild(rt: Runtime, reads: OptionalReads, ref: string, digest: string): Promise<boolean> {
  const client = clientFor(repositoryOf(ref), rt.env)
  const found = await reads
    .read(`the config of ${ref}`, async () => {
      let manifest = parseManifest(await client.manifest(digest), ref)
      if (isIndex(manifest)) {
        const first = manifest.manifests.find(d => !isAttestation(d))
        if (!first) return true
        manifest = parseManifest(await client.manifest(first.digest), ref)
      }
      if (isIndex(manifest)) return true
      const config = parseImageConfig(await client.blob(manifest.config.digest), ref)
      return (config.config?.OnBuild ?? []).length > 0
    })
    .catch(() => true)
  return found ?? true
}

/** The .dockerignore the build uses: the Dockerfile's own (`<file>.dockerignore`) first, else the context's. */
async function dockerignoreOf(inputs: Pick<Inputs, 'context' | 'file'>): Promise<string> {
  const own = await readFile(`${inputs.file}.dockerignore`, 'utf8').catch(() => undefined)
  return own ?? (await readFile(join(inputs.context, '.dockerignore'), 'utf8').catch(() => ''))
}

/** `builder`: what the build runs on (the BuildKit image, or the engine's version); `action`: this action's major.minor. */
export async function takeFingerprint(
  rt: Runtime,
  reads: OptionalReads,
  inputs: Inputs,
  dockerfile: string,
  builder: BuilderResult,
  action: string
): Promise<TakenFingerprint> {
  const started = performance.now()
  const ms = () => Math.round(performance.now() - started)
  const named = new Map(inputs.buildContexts.map(c => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]))
  const read = contextReads(dockerfile, inputs.buildArgs, inputs.target, [...named.keys()])
  const unknowable = [...read.unknowable, ...('unknowable' in builder ? [builder.unknowable] : [])]
  if (/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(inputs.context)) unknowable.push(`the context ${inputs.context} is known only by fetching it`)
  try {
    const context = contextDigest(inputs.context, read.paths, await dockerignoreOf(inputs))
    const images = [...read.images]
    const syntax = syntaxOf(dockerfile)
    if (syntax) images.push(syntax)
    // A named context is a directory (hashed whole), an image (a base like any other), or something only a fetch can tell.
    const contexts: string[] = []
    for (const name of read.namedContexts) {
      const value = named.get(name) ?? ''
      if (value.startsWith('docker-image://')) images.push(value.slice('docker-image://'.length))
      else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
        unknowable.push(`build context ${name}=${value}: what it holds is known only by fetching it`)
      else contexts.push(`${name}=${contextDigest(value, ['.'], '').digest}`)
    }
    const bases: Record<string, string> = {}
    await Promise.all(
      [...new Set(images)].map(async ref => {
        const digest = await resolveBase(rt, reads, ref).catch((e: unknown) => {
          unknowable.push(`base ${ref} could not be resolved: ${errorMessage(e)}`)
          return ''
        })
        if (digest) bases[ref] = digest
        else if (digest === undefined) unknowable.push(`base ${ref} could not be resolved in time`)
      })
    )
    // A base with ONBUILD triggers runs them in this build: a COPY among them reads the context, which is then taken in whole.
    const triggered = await Promise.all(read.bases.filter(ref => bases[ref]).map(ref => hasOnbuild(rt, reads, ref, bases[ref])))
    if (triggered.some(Boolean)) Object.assign(context, contextDigest(inputs.context, ['.'], await dockerignoreOf(inputs)))
    if (unknowable.length) return { unknowable, ms: ms() }
    const fingerprint = fingerprintOf({
      dockerfile: sha256(dockerfile),
      context: contexts.length ? { ...context, digest: sha256([context.digest, ...contexts].join('\n')) } : context,
      bases,
      args: argsOf(inputs.buildArgs),
      settings: settingsOf(inputs, 'identity' in builder ? builder.identity : '', action)
    })
    return { fingerprint, ms: ms() }
  } catch (e) {
    return { unknowable: [...unknowable, `the context could not be read: ${errorMessage(e)}`], ms: ms() }
  }
}

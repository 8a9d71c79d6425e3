// Cache mounts kept across runs. `RUN --mount=type=cache` stores (apk, apt, npm, pnpm) live in
// the builder and start empty on every hosted runner: they are carried in and out by small
// builds of their own on the same builder. A restore build unpacks each archive into its mount;
// a sum build lists each mount (names, sizes, times, modes) so that only a mount whose content
// changed is packed and saved. Pure: which mounts, the helper Dockerfiles, the cache keys.
import { join } from 'node:path'
import { baseImages } from './dockerfile.js'
import { cacheScope, type CachePlan } from './cache-plan.js'
import type { Inputs } from './inputs.js'
import type { RunContext } from './github-context.js'

export interface CacheMount {
  /** BuildKit's key for the mount: its id, or its target when it has none. */
  id: string
  /** Ownership and mode the mount is created with, as the Dockerfile says (BuildKit's defaults otherwise). */
  uid?: string
  gid?: string
  mode?: string
}

/** The cache mounts a Dockerfile's RUN lines use (continuation lines joined); those based on another stage are left out. */
export function cacheMountsOf(dockerfile: string): CacheMount[] {
  const found = new Map<string, CacheMount>()
  for (const line of dockerfile.replace(/\\[ \t]*\r?\n/g, ' ').split(/\r?\n/)) {
    if (!/^\s*RUN\s/i.test(line)) continue
    for (const m of line.matchAll(/--mount=(\S+)/g)) {
      const attrs = Object.fromEntries(
        m[1].split(',').map(kv => (kv.includes('=') ? [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] : [kv, 'true']))
      )
      if (attrs.type !== 'cache' || attrs.from || attrs.source) continue
      const id = attrs.id ?? attrs.target ?? attrs.dst ?? attrs.destination
      if (!id || found.has(id)) continue
      found.set(id, {
        id,
        ...(attrs.uid ? { uid: attrs.uid } : {}),
        ...(attrs.gid ? { gid: attrs.gid } : {}),
        ...(attrs.mode ? { mode: attrs.mode } : {})
      })
    }
  }
  return [...found.values()]
}

/** `cache-mounts`: `auto` takes every one the Dockerfile uses; otherwise the ids (or targets) named, each of which it must use. */
export function selectMounts(wanted: string[], used: CacheMount[]): { mounts: CacheMount[]; unknown: string[] } {
  if (wanted.includes('auto')) return { mounts: used, unknown: [] }
  const byId = new Map(used.map(m => [m.id, m]))
  return { mounts: wanted.filter(w => byId.has(w)).map(w => byId.get(w)!), unknown: wanted.filter(w => !byId.has(w)) }
}

/** A file-safe name for a mount: its index keeps two ids that sanitize alike apart. */
export const mountFile = (i: number, mount: CacheMount) => `${i}-${mount.id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+/, '')}`

const mountFlag = (mount: CacheMount, target: string) =>
  [
    '--mount=type=cache',
    `id=${mount.id}`,
    `target=${target}`,
    ...(['uid', 'gid', 'mode'] as const).filter(k => mount[k]).map(k => `${k}=${mount[k]}`)
  ].join(',')

// The listing a sum is made of: every file with its size, time and mode, in a fixed order.
// Directories are left out: unpacking an archive over a mount that already holds it gives its
// directories new times, not new content. busybox and GNU userlands both have these commands;
// NUL-separated so that any file name is safe.
const LISTING = `find . ! -type d -print0 | sort -z | xargs -0 -r stat -c '%n %s %Y %a' | sha256sum | cut -c1-64`

/** Unpacks each archive in the context (`<file>.tar`) into its mount. NONCE keeps BuildKit from skipping it as cached. */
export function restoreDockerfile(helper: string, mounts: { mount: CacheMount; file: string }[]): string {
  return [
    `FROM ${helper}`,
    'ARG NONCE',
    ...mounts.map(
      ({ mount, file }) =>
        `RUN ${mountFlag(mount, '/cm')} --mount=type=bind,source=${file}.tar,target=/in.tar echo "$NONCE" >/dev/null && tar -xf /in.tar -C /cm`
    ),
    ''
  ].join('\n')
}

/** Lists each mount into `/<file>.sum` (and with `pack`, archives it into `/<file>.tar`); the output stage holds only those files. */
export function sumDockerfile(helper: string, mounts: { mount: CacheMount; file: string }[], pack: boolean): string {
  return [
    `FROM ${helper} AS work`,
    'ARG NONCE',
    'RUN mkdir -p /out',
    ...mounts.map(
      ({ mount, file }) =>
        `RUN ${mountFlag(mount, '/cm')} echo "$NONCE" >/dev/null && cd /cm && ${LISTING} > /out/${file}.sum` +
        (pack ? ` && tar -cf /out/${file}.tar . && stat -c %s /out/${file}.tar > /out/${file}.size` : '')
    ),
    'FROM scratch',
    'COPY --from=work /out/ /',
    ''
  ].join('\n')
}

/** The GitHub cache key of a mount's content: scope, mount, and the sum of what it holds (an entry never changes). */
export function mountKey(scope: string, file: string, sum: string): string {
  return `${mountKeyPrefix(scope, file)}${sum.slice(0, 16)}`
}

export const mountKeyPrefix = (scope: string, file: string) => `ci-base-action-mount-${scope}-${file}-`

/** The sum a restored entry's key carries ('' for none). */
export const sumOfKey = (key: string | undefined, prefix: string) => (key?.startsWith(prefix) ? key.slice(prefix.length) : '')

/**
 * The restore when the archives are kept in the registry: the saved image is a stage, each
 * archive is bound from it, and the output is the sums it was saved with (a missing image fails
 * the build: nothing saved yet).
 */
export function restoreFromImageDockerfile(helper: string, image: string, mounts: { mount: CacheMount; file: string }[]): string {
  return [
    `FROM ${image} AS saved`,
    `FROM ${helper} AS unpack`,
    'ARG NONCE',
    ...mounts.map(
      ({ mount, file }) =>
        `RUN ${mountFlag(mount, '/cm')} --mount=type=bind,from=saved,source=/${file}.tar,target=/in.tar echo "$NONCE" >/dev/null && tar -xf /in.tar -C /cm`
    ),
    'RUN mkdir -p /out && echo "$NONCE" > /out/unpacked',
    'FROM scratch',
    ...mounts.map(({ file }) => `COPY --from=saved /${file}.sum /${file}.size /`),
    'COPY --from=unpack /out/ /',
    ''
  ].join('\n')
}

/** The image the archives are kept in, next to the registry cache: `r/x:buildcache` → `r/x:buildcache-mounts`. */
export function mountsImage(cacheRef: string): string {
  const at = cacheRef.indexOf('@')
  const named = at < 0 ? cacheRef : cacheRef.slice(0, at)
  const colon = named.lastIndexOf(':')
  return colon > named.lastIndexOf('/') ? `${named}-mounts` : `${named}:mounts`
}

export interface MountsPlan {
  /** The image the helper builds run in: the Dockerfile's first base (it has a shell and tar; the build pulls it anyway). */
  helper: string
  mounts: { mount: CacheMount; file: string }[]
  scope: string
  /** Where the archives are kept on the runner between the cache service and the builder. */
  dir: string
  write: CachePlan['write']
  /** Where the archives are kept: the GitHub cache, or an image in the registry (`image`). */
  store: 'gha' | 'registry'
  image: string
  /** Why nothing is carried, or which named mounts the Dockerfile does not use. */
  warnings: string[]
}

export function planMounts(
  inputs: Pick<Inputs, 'cacheMounts' | 'cacheMountsStore' | 'cacheRef' | 'image' | 'cacheScope' | 'buildArgs'>,
  f: { dockerfile: string; ctx: RunContext },
  cache: Pick<CachePlan, 'write'>
): MountsPlan {
  const { mounts, unknown } = selectMounts(inputs.cacheMounts, cacheMountsOf(f.dockerfile))
  const helper = baseImages(f.dockerfile, inputs.buildArgs)[0] ?? ''
  const warnings = unknown.length
    ? [`cache-mounts: the Dockerfile has no RUN --mount=type=cache with id or target ${unknown.join(', ')}`]
    : []
  if (mounts.length && !helper)
    warnings.push('cache-mounts: the Dockerfile has no base image to unpack them in (FROM scratch only); they are not carried')
  const cacheRef = inputs.cacheRef || (inputs.image ? `${inputs.image}:buildcache` : '')
  const store = inputs.cacheMountsStore
  if (mounts.length && store === 'registry' && !cacheRef)
    warnings.push('cache-mounts-store: registry needs cache-ref or image to keep them next to; they are not carried')
  const carried = helper && (store === 'gha' || cacheRef)
  return {
    helper,
    mounts: carried ? mounts.map((mount, i) => ({ mount, file: mountFile(i, mount) })) : [],
    scope: cacheScope(inputs, f.ctx),
    // A fixed path: the GitHub cache files an entry under the paths it was saved from.
    dir: join(f.ctx.temp, 'ci-base-action-mounts', cacheScope(inputs, f.ctx)),
    write: cache.write,
    store,
    image: cacheRef ? mountsImage(cacheRef) : '',
    warnings
  }
}

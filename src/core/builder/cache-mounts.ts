// Cache mounts kept across runs. `RUN --mount=type=cache` stores (apk, apt, npm, pnpm) live in
// the builder and start empty on every hosted runner: they are carried in and out by small
// builds of their own on the same builder. A restore build unpacks each archive into its mount;
// a sum build lists each mount (names, sizes, times, modes) so that only a mount whose content
// changed is packed and saved. Pure: which mounts, the helper Dockerfiles, the cache keys.
import { join } from 'node:path'
import { chainOf, rootImage, stagesOf, type Stage } from './dockerfile.js'
import { cacheScope, withTagSuffix, type CachePlan } from './cache-plan.js'
import { InputError, type Inputs } from '../inputs/inputs.js'
import type { RunContext } from '../inputs/github-context.js'

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

/** Where the helper builds run: an image with a shell and tar, and the SHELL the Dockerfile runs it with. */
interface Helper {
  image: string
  /** `SHELL [...]` of the stage it was taken from (a shell off /bin/sh, as distroless :debug images have). */
  shell?: string
}

/**
 * The helper's first lines. Root whatever the base's USER (the mounts keep the uid, gid and
 * mode the Dockerfile gives them; tar run as root keeps every file's owner), the stage's SHELL.
 */
const helperFrom = (helper: Helper, as = '') => [
  `FROM ${helper.image}${as ? ` AS ${as}` : ''}`,
  'USER 0:0',
  ...(helper.shell ? [`SHELL ${helper.shell}`] : []),
  'ARG NONCE'
]

// The listing a sum is made of: every file with its size, time and mode, in a fixed order.
// Directories are left out: unpacking an archive over a mount that already holds it gives its
// directories new times, not new content. busybox and GNU userlands both have these commands;
// NUL-separated so that any file name is safe.
const LISTING = `find . ! -type d -print0 | sort -z | xargs -0 -r stat -c '%n %s %Y %a' | sha256sum | cut -c1-64`

/** Each mount at its own path in the one helper container. */
const mountPath = (i: number) => `/cm${i}`

/** A mount's archive: a tar, gzip'd when that pays (see packArchive). */
export const archiveName = (file: string) => `${file}.archive`

/**
 * Packs a mount into its archive. A tar; for the GitHub cache, gzip'd when a sample of it
 * shrinks below 70 %: a store of text (npm, pnpm) crosses from the runner into a
 * docker-container builder (about 60 MB/s there) in a third of the bytes, while packages that
 * are compressed already (.deb, .apk) would only cost a gzip and a gunzip. An image layer (the
 * registry store) is compressed by the exporter anyway: never gzip'd there.
 */
const packArchive = (file: string, gzip: boolean) => {
  const out = `/out/${archiveName(file)}`
  const sample = `head -c 4194304 ${out}`
  return [
    `tar -cf ${out} .`,
    ...(gzip
      ? [
          `if command -v gzip >/dev/null && [ $(( $(${sample} | gzip -c | wc -c) * 10 )) -lt $(( $(${sample} | wc -c) * 7 )) ]; ` +
            `then gzip -c ${out} > ${out}.gz && mv ${out}.gz ${out}; fi`
        ]
      : []),
    `stat -c %s ${out} > /out/${file}.size`
  ].join(' && ')
}

/**
 * Unpacks each archive into its mount, gzip'd or not (`gzip`, read from its first bytes by
 * the runner; the registry store's are never gzip'd). `--numeric-owner` where the tar has it (GNU and
 * busybox do): without it busybox's tar reads /etc/passwd and /etc/group for every file, which
 * doubles the time of a store of thousands of small files.
 */
const unpack = (mounts: { file: string; gzip?: boolean }[]) =>
  [
    'N=$(tar --help 2>&1 | grep -q -e --numeric-owner && echo --numeric-owner || true)',
    ...mounts.map(({ file, gzip }, i) => `tar $N -x${gzip ? 'z' : ''}f /in/${archiveName(file)} -C ${mountPath(i)}`)
  ].join(' && ')

/**
 * Unpacks each archive in the context (`<file>.archive`) into its mount, all in one step (one
 * container). NONCE keeps BuildKit from skipping it as cached.
 */
export function restoreDockerfile(helper: Helper, mounts: { mount: CacheMount; file: string; gzip?: boolean }[]): string {
  const flags = mounts.map(
    ({ mount, file }, i) =>
      `${mountFlag(mount, mountPath(i))} --mount=type=bind,source=${archiveName(file)},target=/in/${archiveName(file)}`
  )
  return [...helperFrom(helper), `RUN ${flags.join(' ')} echo "$NONCE" >/dev/null && ${unpack(mounts)}`, ''].join('\n')
}

/**
 * Lists each mount into `/<file>.sum` and packs it into `/<file>.archive`, in one step: `pack`
 * says which to pack: `all`, `none`, or `changed`: those whose sum's first 16 characters are not
 * the one they were restored with (build arg SUMS, `<file>=<sum> ...`). `gzip`: whether an
 * archive may be gzip'd (packArchive). The output stage holds only those files.
 */
export function sumDockerfile(
  helper: Helper,
  mounts: { mount: CacheMount; file: string }[],
  pack: 'all' | 'none' | 'changed',
  gzip = true
): string {
  const flags = mounts.map(({ mount }, i) => mountFlag(mount, mountPath(i)))
  const tar = (file: string) => packArchive(file, gzip)
  const each = mounts.map(({ file }, i) => {
    const sum = `cd ${mountPath(i)} && s=$(${LISTING}) && echo "$s" > /out/${file}.sum`
    if (pack === 'none') return sum
    if (pack === 'all') return `${sum} && ${tar(file)}`
    return `${sum} && case " $SUMS " in *" ${file}=$(echo "$s" | cut -c1-16) "*) ;; *) ${tar(file)} ;; esac`
  })
  return [
    ...helperFrom(helper, 'work'),
    ...(pack === 'changed' ? ['ARG SUMS'] : []),
    `RUN ${flags.join(' ')} echo "$NONCE" >/dev/null && mkdir -p /out && ${each.join(' && ')}`,
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
export function restoreFromImageDockerfile(helper: Helper, image: string, mounts: { mount: CacheMount; file: string }[]): string {
  const flags = mounts.map(
    ({ mount, file }, i) =>
      `${mountFlag(mount, mountPath(i))} --mount=type=bind,from=saved,source=/${archiveName(file)},target=/in/${archiveName(file)}`
  )
  return [
    `FROM ${image} AS saved`,
    ...helperFrom(helper, 'unpack'),
    `RUN ${flags.join(' ')} echo "$NONCE" >/dev/null && ${unpack(mounts)} && mkdir -p /out && echo "$NONCE" > /out/unpacked`,
    'FROM scratch',
    ...mounts.map(({ file }) => `COPY --from=saved /${file}.sum /${file}.size /`),
    'COPY --from=unpack /out/ /',
    ''
  ].join('\n')
}

/** The image the archives are kept in, next to the registry cache: `r/x:buildcache` → `r/x:buildcache-mounts`. */
export const mountsImage = (cacheRef: string) => withTagSuffix(cacheRef, '-mounts', 'mounts')

export interface MountsPlan {
  /** Where the helper builds run (see helperFor). */
  helper: Helper
  mounts: { mount: CacheMount; file: string }[]
  scope: string
  /** Where the archives are kept on the runner between the cache service and the builder. */
  dir: string
  write: CachePlan['write']
  /** Where the archives are kept: the GitHub cache, or an image in the registry (`image`). */
  store: 'gha' | 'registry'
  image: string
  /** How long each restore and save through the GitHub cache may take (cache-timeout) before the run goes on without it. */
  timeoutMs?: number
  /** Which named mounts the Dockerfile does not use, or why nothing is carried. */
  warnings: string[]
}

/** Whether a stage's RUN lines use the cache mount `id`. */
const usesMount = (stage: Stage, id: string) => stage.runs.some(run => cacheMountsOf(run).some(m => m.id === id))

/**
 * The image the helper builds run in. A cache mount belongs to the builder, not to a stage, so
 * any stage that runs a shell will do: the one that uses the first mount when it runs one (its
 * image is pulled by the build anyway), else the first other that does. A stage runs a shell
 * when it or a stage it starts from has a RUN in shell form and its chain starts from an image
 * (not scratch). None at all (every RUN in exec form: distroless or scratch stages only) is
 * refused before anything runs: the mounts could never be carried.
 */
export function helperFor(stages: Stage[], mounts: CacheMount[]): Helper {
  const runsShell = (i: number) => rootImage(stages, i) !== 'scratch' && chainOf(stages, i).some(s => s.runsShell)
  const own = stages.findIndex(s => usesMount(s, mounts[0].id))
  const chosen = own >= 0 && runsShell(own) ? own : stages.findIndex((_, i) => runsShell(i))
  if (chosen < 0) {
    const stage = stages[own >= 0 ? own : 0]
    throw new InputError([
      `Input 'cache-mounts': the cache mount ${mounts[0].id} is used in stage ${stage.name} (FROM ${stage.from}), which runs ` +
        'no shell, and no stage of the Dockerfile runs one (a RUN in shell form on an image) to carry the mounts in and out. ' +
        'Add a stage FROM an image with a shell and tar (it is not built unless a target needs it), or leave cache-mounts empty.'
    ])
  }
  const shell = chainOf(stages, chosen).find(s => s.shell)?.shell
  return { image: rootImage(stages, chosen), ...(shell ? { shell } : {}) }
}

export function planMounts(
  inputs: Pick<Inputs, 'cacheMounts' | 'cacheMountsStore' | 'cacheRef' | 'image' | 'cacheScope' | 'buildArgs' | 'cacheTimeoutMs'>,
  f: { dockerfile: string; ctx: RunContext },
  cache: Pick<CachePlan, 'write'>
): MountsPlan {
  const { mounts, unknown } = selectMounts(inputs.cacheMounts, cacheMountsOf(f.dockerfile))
  const warnings = unknown.length
    ? [`cache-mounts: the Dockerfile has no RUN --mount=type=cache with id or target ${unknown.join(', ')}`]
    : []
  const helper = mounts.length ? helperFor(stagesOf(f.dockerfile, inputs.buildArgs), mounts) : { image: '' }
  const cacheRef = inputs.cacheRef || (inputs.image ? `${inputs.image}:buildcache` : '')
  const store = inputs.cacheMountsStore
  if (mounts.length && store === 'registry' && !cacheRef)
    warnings.push('cache-mounts-store: registry needs cache-ref or image to keep them next to; they are not carried')
  const carried = store === 'gha' || cacheRef
  return {
    helper,
    mounts: carried ? mounts.map((mount, i) => ({ mount, file: mountFile(i, mount) })) : [],
    scope: cacheScope(inputs, f.ctx),
    // A fixed path: the GitHub cache files an entry under the paths it was saved from.
    dir: join(f.ctx.temp, 'ci-base-action-mounts', cacheScope(inputs, f.ctx)),
    write: cache.write,
    store,
    image: cacheRef ? mountsImage(cacheRef) : '',
    timeoutMs: inputs.cacheTimeoutMs,
    warnings
  }
}

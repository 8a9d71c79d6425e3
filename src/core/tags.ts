// Tags and OCI labels the build gets: pure functions of the inputs and the run.
import type { Inputs } from './inputs.js'
import { isBareTag } from './reference.js'
import type { RunContext } from './github-context.js'
import { parseVersion, releaseTags, type Version } from './semver.js'

/**
 * The release a `refs/tags/…` run builds, when `tag-policy` asks for semver; undefined on other
 * events. A tag that is not a version is the user's to fix, said before anything runs.
 */
export function releaseVersion(inputs: Pick<Inputs, 'tagPolicy'>, ctx: Pick<RunContext, 'ref'>): Version | undefined {
  if (!inputs.tagPolicy.includes('semver') || !ctx.ref.startsWith('refs/tags/')) return undefined
  const tag = ctx.ref.slice('refs/tags/'.length)
  const version = parseVersion(tag)
  if (!version)
    throw new Error(`Input 'tag-policy': 'semver' needs a version tag such as v1.2.3 or 1.2.3-rc.1; this run's tag is '${tag}'.`)
  return version
}

/** `published`: the repository's tags, for which floating tags (X.Y, X, latest) may move; undefined when unknown. */
export function imageTags(
  inputs: Pick<Inputs, 'image' | 'tags' | 'tagPolicy'>,
  ctx: RunContext,
  now: Date,
  release?: { version: Version; published?: string[] }
): string[] {
  const { image } = inputs
  const tags = inputs.tags.map(t => (isBareTag(t) ? `${image}:${t}` : t))
  if (image) {
    for (const policy of inputs.tagPolicy) {
      if (policy === 'sha' && ctx.sha) tags.push(`${image}:sha-${ctx.sha.slice(0, 7)}`)
      if (policy === 'date') tags.push(`${image}:${now.toISOString().slice(0, 10).replace(/-/g, '')}`)
      if (policy === 'latest' && ctx.defaultBranch && ctx.ref === `refs/heads/${ctx.defaultBranch}`) {
        tags.push(`${image}:latest`)
      }
      if (policy === 'semver' && release) {
        const floating = release.published ? releaseTags(release.version, release.published) : [release.version.text]
        tags.push(...floating.map(t => `${image}:${t}`))
      }
    }
  }
  return [...new Set(tags)]
}

/** The OCI labels the action adds; the user's own labels (KEY=VALUE) win over them. */
export function ociLabels(inputs: Pick<Inputs, 'tags' | 'labels'>, ctx: RunContext, now: Date): string[] {
  const version = inputs.tags.find(isBareTag) ?? ctx.ref.replace(/^refs\/(heads|tags)\//, '')
  const ours: Record<string, string> = {
    // As BuildKit writes the config's own time: whole seconds.
    'org.opencontainers.image.created': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'org.opencontainers.image.revision': ctx.sha,
    'org.opencontainers.image.source': ctx.repository ? `${ctx.serverUrl}/${ctx.repository}` : '',
    'org.opencontainers.image.version': version
  }
  const userKeys = new Set(inputs.labels.map(l => l.slice(0, l.indexOf('='))))
  const added = Object.entries(ours)
    .filter(([k, v]) => v && !userKeys.has(k))
    .map(([k, v]) => `${k}=${v}`)
  return [...added, ...inputs.labels]
}

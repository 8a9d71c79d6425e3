// What main hands to post, as one typed record under one state key: saved whole each time a
// stage adds to it, checked field by field when post reads it back.
import type { LocalCache } from '../../core/builder/cache-plan.js'
import type { CachedImage } from '../../core/github/image-cache.js'

export const POST_STATE_KEY = 'post-state'

export interface PostState {
  /** The buildx the action installed: post removes the builder with it. */
  buildx?: string
  /** A builder main created, removed in post. */
  builder?: string
  /** The local cache directory, rotated and saved in post. */
  localCache?: LocalCache
  /** The binfmt image main pulled, kept in the GitHub cache by post. */
  binfmtCache?: CachedImage
  /** The BuildKit image main pulled for the builder it created, kept in the GitHub cache by post. */
  buildkitCache?: CachedImage
  /** The registries main logged in to, logged out of in post. */
  logouts?: string[]
  /** The label value of this run's verify containers: post removes any still there. */
  verifyKey?: string
  /** The local name a build was loaded under to be verified, removed in post. */
  verifyImage?: string
  /** The images verify pulled by digest, removed in post where main did not get to it. */
  verifyPulled?: string[]
}

type Shape = 'string' | 'string[]' | { [field: string]: Shape }

const SHAPE: { [K in keyof Required<PostState>]: Shape } = {
  buildx: 'string',
  builder: 'string',
  localCache: { dir: 'string', nextDir: 'string', key: 'string', restoreKeys: 'string[]' },
  binfmtCache: { image: 'string', path: 'string', key: 'string' },
  buildkitCache: { image: 'string', path: 'string', key: 'string' },
  logouts: 'string[]',
  verifyKey: 'string',
  verifyImage: 'string',
  verifyPulled: 'string[]'
}

function check(value: unknown, shape: Shape, path: string): void {
  const ok =
    shape === 'string'
      ? typeof value === 'string'
      : shape === 'string[]'
        ? Array.isArray(value) && value.every(v => typeof v === 'string')
        : typeof value === 'object' && value !== null && !Array.isArray(value)
  if (!ok) throw new Error(`post state: ${path} is not a ${typeof shape === 'string' ? shape : 'record'}`)
  if (typeof shape === 'object')
    for (const [field, inner] of Object.entries(shape)) check((value as Record<string, unknown>)[field], inner, `${path}.${field}`)
}

/** The record main saved; undefined when main saved none (so this is not the post step). */
export function parsePostState(text: string): PostState | undefined {
  if (!text) return undefined
  const value = JSON.parse(text) as Record<string, unknown>
  check(value, {}, 'post state')
  for (const [field, shape] of Object.entries(SHAPE)) if (value[field] !== undefined) check(value[field], shape, field)
  return value
}

/** Holds the record while main runs; every addition is saved at once, so a main that fails midway still leaves post what it needs. */
export class PostStateRecorder {
  private readonly state: PostState = {}

  constructor(private readonly save: (key: string, value: string) => void) {}

  remember(addition: PostState): void {
    Object.assign(this.state, addition)
    this.save(POST_STATE_KEY, JSON.stringify(this.state))
  }
}

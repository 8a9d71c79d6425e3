// Which failed builds are worth one more try, read from BuildKit's own words. Pure.
import type { BuildProgress } from './progress.js'

// BuildKit's words when an imported cache cannot be read: a broken index, or blobs that are
// truncated or missing (a corrupt local or remote cache). Not "failed to compute cache key"
// alone: a COPY of a missing file says that too, and is the user's to fix.
const CACHE_IMPORT_FAILURE =
  /unexpected EOF|failed to read expected number of bytes|digest mismatch|(load|import|configure)[^\n]*cache|cache (manifest|index)|(blob|content) [^\n]*not found/i

export const isCacheImportFailure = (cause: string) => CACHE_IMPORT_FAILURE.test(cause)

// A registry that answers a push with a server error or a rate limit, or drops the connection:
// worth one more try, which costs little since every step is cached by then.
const TRANSIENT_PUSH_FAILURE =
  /unexpected status[^\n]*\b(5\d\d|429)\b|429 Too Many Requests|\b50[234]\b|connection reset|broken pipe|i\/o timeout|TLS handshake timeout|unexpected EOF/i

export function isTransientPushFailure(progress: BuildProgress): boolean {
  const failed = progress.failedSteps()
  return (
    failed.length > 0 && failed.every(name => /^pushing |^exporting to image/.test(name)) && TRANSIENT_PUSH_FAILURE.test(progress.cause())
  )
}

// GHCR's refusals of a push: a 403, `DENIED`, `permission_denied: write_package` (the most asked
// about push error there), as BuildKit or the registry API words them.
const DENIED = /\b403\b|\bDENIED\b|permission_denied|write_package|insufficient_scope/i
// GitHub's container registry: ghcr.io, and containers.<host> on GitHub Enterprise Server.
const GITHUB_REGISTRY = /^(ghcr\.io|containers\.[^/]+)\//
// Words only GitHub's registry says: they name it behind any other host name (a proxy, a mirror).
const GITHUB_WORDS = /permission_denied: write_package/i

/** What a refused push to GitHub's registry needs, said where the error is; '' for other registries and other errors. */
export function pushDeniedHint(error: string, repositories: string[]): string {
  const named = repositories.filter(r => GITHUB_REGISTRY.test(r))
  const ghcr = named.length ? named : GITHUB_WORDS.test(error) ? repositories : []
  if (!ghcr.length || !DENIED.test(error)) return ''
  return (
    `\nGHCR refused the push to ${ghcr.join(', ')}. The job needs \`permissions: packages: write\` and a login to ghcr.io ` +
    '(registry: ghcr.io, username: ${{ github.actor }}, password: ${{ secrets.GITHUB_TOKEN }}); a package first pushed ' +
    "from another repository must also give this one write access (the package's settings, Manage Actions access)."
  )
}

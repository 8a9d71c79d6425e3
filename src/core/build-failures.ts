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

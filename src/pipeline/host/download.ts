// A release file downloaded to disk, with bounds a user would accept. @actions/tool-cache's own
// download tries three times with 10–20 s pauses whatever the error, and a connection that
// hangs has no limit: a runner that cannot reach GitHub at all (air-gapped, GitHub Enterprise
// Server) waited about 24 s to hear `getaddrinfo ENOTFOUND`. Here a host that does not resolve
// or refuses fails at once, a silent one after `timeoutMs`, and only a server's own trouble
// (5xx, 429, a reset) is tried once more. The runner's proxy settings still apply.
import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const FINAL = new Set(['ENOTFOUND', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT'])

class DownloadError extends Error {
  constructor(
    message: string,
    readonly again: boolean
  ) {
    super(message)
    this.name = 'DownloadError'
  }
}

async function downloadOnce(url: string, dest: string, timeoutMs: number): Promise<void> {
  // Loaded only to download: most runs find their tools in the tool cache.
  const { HttpClient } = await import('@actions/http-client')
  // Redirects are followed here: GitHub's releases answer with one, and a mirror's may be relative.
  const client = new HttpClient('ci-base-action', [], { socketTimeout: timeoutMs, allowRetries: false, allowRedirects: false })
  try {
    let at = url
    let res = await client.get(at)
    for (let hops = 0; REDIRECTS.has(res.message.statusCode ?? 0) && res.message.headers.location && hops < 5; hops++) {
      res.message.resume()
      at = new URL(res.message.headers.location, at).toString()
      res = await client.get(at)
    }
    const status = res.message.statusCode ?? 0
    if (status !== 200) {
      res.message.resume()
      throw new DownloadError(`GET ${url}: HTTP ${status}`, status >= 500 || status === 429)
    }
    await pipeline(res.message, createWriteStream(dest))
  } catch (e) {
    if (e instanceof DownloadError) throw e
    const code = (e as NodeJS.ErrnoException).code ?? ''
    throw new DownloadError(`GET ${url}: ${(e as Error).message}`, !FINAL.has(code))
  } finally {
    client.dispose()
  }
}

/** Download `url` to `dest`: once more after a pause when the server's trouble may pass. */
export async function download(url: string, dest: string, timeoutMs = 30_000, pauseMs = 2_000): Promise<void> {
  try {
    await downloadOnce(url, dest, timeoutMs)
  } catch (e) {
    if (!(e instanceof DownloadError) || !e.again) throw e
    await new Promise(resolve => setTimeout(resolve, pauseMs))
    await downloadOnce(url, dest, timeoutMs)
  }
}

// The distribution HTTP API, with docker's own credentials (config.json or a credential
// helper) and the token dance registries ask for: manifest and config reads for the report
// (milliseconds, where a `docker buildx imagetools` process costs ~100 ms), and the writes
// that publish an image by digest and then point its tags at it.
import { parseRepository, type Reference } from '../../core/registry/reference.js'
import type { Env } from '../../core/host/env.js'
import { dockerCredentials, type Credentials } from '../host/docker-config.js'
import { http, type HttpResponse } from '../host/http.js'
import { parseChallenge, retryAfterMs } from '../../core/host/http-headers.js'
import { parseIndex, type Descriptor } from '../../core/registry/image.js'

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

export class NotFoundError extends Error {}

interface Call {
  method?: 'GET' | 'HEAD' | 'PUT' | 'POST'
  headers?: Record<string, string>
  body?: Uint8Array | string
  /** Statuses that are answers, not failures (404 on a HEAD: "not there"). */
  accept?: number[]
}

/** A registry's answer that was not a success: its status, and how long it asked to be left alone. */
export class RegistryError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs?: number
  ) {
    super(message)
  }
}

interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number
  /** The first wait; each next one doubles. A Retry-After from the registry wins, up to maxWaitMs. */
  baseMs: number
  maxWaitMs: number
  /** Told of each retry (the action's warning). */
  onRetry?: (message: string) => void
  sleep?: (ms: number) => Promise<void>
  /** Ends every request and wait of the client at once (an optional read out of time). */
  signal?: AbortSignal
}

const DEFAULT_RETRIES: RetryPolicy = { attempts: 4, baseMs: 1000, maxWaitMs: 30_000 }

// 429 and 5xx are the registry's own word that it may answer later; a dropped or silent
// connection likewise. A 4xx other than 429 is the request's fault and is not tried again.
const retryable = (e: unknown) =>
  e instanceof RegistryError
    ? e.status === 429 || e.status >= 500
    : /connection was reset|timed out|connection refused|EPIPE|ETIMEDOUT|ECONNRESET|socket hang up/i.test(String((e as Error)?.message))

export class RegistryClient {
  private authorization?: string

  constructor(
    readonly ref: Reference,
    private readonly credentials: () => Promise<Credentials>,
    private readonly retries: RetryPolicy = DEFAULT_RETRIES
  ) {}

  /** One operation, tried again with backoff while the registry's failure is one that passes. */
  private async retrying<T>(what: string, operation: () => Promise<T>): Promise<T> {
    const { attempts, baseMs, maxWaitMs, onRetry, signal, sleep = ms => abortableSleep(ms, signal) } = this.retries
    for (let attempt = 1; ; attempt++) {
      try {
        return await operation()
      } catch (e) {
        if (attempt >= attempts || !retryable(e) || signal?.aborted) {
          if (attempt > 1 && retryable(e)) (e as Error).message += ` (gave up after ${attempt} tries)`
          throw e
        }
        const asked = e instanceof RegistryError ? e.retryAfterMs : undefined
        const wait = Math.min(asked ?? baseMs * 2 ** (attempt - 1), maxWaitMs)
        onRetry?.(
          `${(e as Error).message}; trying ${what} again in ${(wait / 1000).toFixed(wait < 1000 ? 1 : 0)} s${asked !== undefined ? ' (as Retry-After asked)' : ''}, attempt ${attempt + 1} of ${attempts}`
        )
        await sleep(wait)
      }
    }
  }

  async manifest(reference: string): Promise<string> {
    return this.retrying(`GET manifest ${reference}`, async () =>
      (await this.call(`/v2/${this.ref.repository}/manifests/${reference}`, { headers: { Accept: MANIFEST_TYPES } })).text()
    )
  }

  /** A manifest's exact bytes and media type: what a tag is pointed at has to be byte-identical. */
  async manifestBytes(reference: string): Promise<{ bytes: Uint8Array; mediaType: string }> {
    return this.retrying(`GET manifest ${reference}`, async () => {
      const res = await this.call(`/v2/${this.ref.repository}/manifests/${reference}`, { headers: { Accept: MANIFEST_TYPES } })
      return { bytes: await res.bytes(), mediaType: res.headers.get('content-type') ?? '' }
    })
  }

  /** Every tag of the repository (following the registry's pages); none when it does not exist yet. */
  async tags(): Promise<string[]> {
    const tags: string[] = []
    let next: string | undefined = `/v2/${this.ref.repository}/tags/list?n=1000`
    while (next) {
      const page: string = next
      const res: HttpResponse = await this.retrying('GET tags', () => this.call(page, { accept: [404] }))
      if (res.status === 404) return tags
      const listed = fieldOf(await res.json(), 'tags')
      if (Array.isArray(listed)) tags.push(...listed.filter((t): t is string => typeof t === 'string'))
      const link = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1]
      next = link ? (link.startsWith('/') ? link : new URL(link).pathname + new URL(link).search) : undefined
    }
    return tags
  }

  async blob(digest: string): Promise<string> {
    return this.retrying(`GET blob ${digest}`, async () =>
      (await this.call(`/v2/${this.ref.repository}/blobs/${digest}`, { headers: { Accept: '*/*' } })).text()
    )
  }

  /** The digest a tag (or digest) resolves to, or '' when the registry has no such manifest. */
  async manifestDigest(reference: string): Promise<string> {
    const res = await this.retrying(`HEAD manifest ${reference}`, () =>
      this.call(`/v2/${this.ref.repository}/manifests/${reference}`, { method: 'HEAD', headers: { Accept: MANIFEST_TYPES }, accept: [404] })
    )
    return res.status === 404 ? '' : (res.headers.get('docker-content-digest') ?? '')
  }

  async hasBlob(digest: string): Promise<boolean> {
    return (await this.blobSize(digest)) !== undefined
  }

  /** A blob's size as the registry has it; undefined when it has no such blob. */
  async blobSize(digest: string): Promise<number | undefined> {
    const res = await this.retrying(`HEAD blob ${digest}`, () =>
      this.call(`/v2/${this.ref.repository}/blobs/${digest}`, { method: 'HEAD', accept: [404] })
    )
    return res.status === 404 ? undefined : Number(res.headers.get('content-length') ?? 0)
  }

  /** A monolithic upload: one POST for a session, one PUT with the bytes and their digest. */
  async uploadBlob(digest: string, bytes: Uint8Array): Promise<void> {
    // A failed upload leaves its session unusable: a retry starts a new one.
    await this.retrying(`upload of blob ${digest}`, async () => {
      const session = await this.call(`/v2/${this.ref.repository}/blobs/uploads/`, { method: 'POST', headers: { 'Content-Length': '0' } })
      const location = new URL(session.headers.get('location') ?? '', `${this.ref.base}/`)
      location.searchParams.set('digest', digest)
      await this.call(location.toString(), { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: bytes })
    })
  }

  /** Returns the registry's OCI-Subject header: set when it took a manifest's subject into its referrers API. */
  async putManifest(reference: string, bytes: Uint8Array, mediaType: string): Promise<string> {
    const res = await this.retrying(`PUT manifest ${reference}`, () =>
      this.call(`/v2/${this.ref.repository}/manifests/${reference}`, { method: 'PUT', headers: { 'Content-Type': mediaType }, body: bytes })
    )
    return res.headers.get('oci-subject') ?? ''
  }

  /** The referrers of a manifest from the registry's referrers API; undefined when it has none (then the tag schema holds them). */
  async referrers(digest: string): Promise<(Descriptor & { artifactType?: string })[] | undefined> {
    const res = await this.retrying(`GET referrers ${digest}`, () =>
      this.call(`/v2/${this.ref.repository}/referrers/${digest}`, {
        headers: { Accept: 'application/vnd.oci.image.index.v1+json' },
        accept: [404, 400, 405]
      })
    )
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/vnd.oci.image.index.v1+json')) return undefined
    return parseIndex(await res.text(), `the referrers of ${digest}`).manifests
  }

  private async call(pathOrUrl: string, call: Call): Promise<HttpResponse> {
    const url = pathOrUrl.startsWith('/') ? `${this.ref.base}${pathOrUrl}` : pathOrUrl
    const method = call.method ?? 'GET'
    const what = `${method} ${new URL(url).pathname}`
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await http(url, {
        method,
        body: call.body,
        headers: { ...call.headers, ...(this.authorization ? { Authorization: this.authorization } : {}) },
        signal: this.retries.signal
      })
      // A token for reading does not allow a push: the registry's challenge names the scope it wants.
      if (res.status === 401 && attempt === 0) {
        await this.authenticate(res.headers.get('www-authenticate') ?? '')
        continue
      }
      if (res.ok || call.accept?.includes(res.status)) return res
      const detail = await res.text().catch(() => '')
      if (res.status === 404)
        throw new NotFoundError(`${this.ref.host}/${this.ref.repository}: ${url.split('?')[0].split('/').pop()} not found`)
      throw new RegistryError(
        `${this.ref.host}: ${what} answered ${res.status} ${res.statusText}${detail ? `: ${detail.trim().slice(0, 300)}` : ''}`,
        res.status,
        retryAfterMs(res.headers.get('retry-after'))
      )
    }
    throw new Error(`${this.ref.host}: not authorized for ${what} in ${this.ref.repository}`)
  }

  private async authenticate(header: string): Promise<void> {
    const { scheme, params } = parseChallenge(header)
    const creds = await this.credentials()
    const basic = creds ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` : undefined
    if (scheme === 'basic') {
      this.authorization = basic
      return
    }
    const url = new URL(params.realm)
    if (params.service) url.searchParams.set('service', params.service)
    url.searchParams.set('scope', params.scope ?? `repository:${this.ref.repository}:pull`)
    const res = await http(url, { headers: basic ? { Authorization: basic } : {}, signal: this.retries.signal })
    if (!res.ok) throw new Error(`${this.ref.host}: token request answered ${res.status} ${res.statusText}`)
    const body = await res.json()
    const token = [fieldOf(body, 'token'), fieldOf(body, 'access_token')].find((t): t is string => typeof t === 'string' && t !== '')
    if (!token) throw new Error(`${this.ref.host}: the token service answered without a token`)
    this.authorization = `Bearer ${token}`
  }
}

/** One field of a JSON answer, whatever the answer is (an object or not). */
const fieldOf = (json: unknown, key: string): unknown =>
  typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[key] : undefined

/** A wait that ends early, and fails, when the signal aborts. */
function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'))
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))), { once: true })
  })
}

/**
 * A client for one repository, signed in with docker's own credentials for its registry;
 * `onRetry` hears of each retry, and `signal` cuts every request off (optional reads).
 */
export function clientFor(repository: string, env: Env, onRetry?: (message: string) => void, signal?: AbortSignal): RegistryClient {
  const ref = parseRepository(repository)
  return new RegistryClient(ref, () => dockerCredentials(ref.host, env), { ...DEFAULT_RETRIES, onRetry, signal })
}

/** One client per repository, made when first asked for: the requests to a repository share its token. */
export function clientsFor(env: Env, onRetry?: (message: string) => void, signal?: AbortSignal): (repository: string) => RegistryClient {
  const clients = new Map<string, RegistryClient>()
  return repository => {
    if (!clients.has(repository)) clients.set(repository, clientFor(repository, env, onRetry, signal))
    return clients.get(repository)!
  }
}

/**
 * A read of what was just pushed: some registries answer MANIFEST_UNKNOWN for a moment after a
 * push (their reads lag their writes), so "not found" is asked again, 1, 2 and 3 s later.
 */
export async function readBack<T>(
  what: string,
  read: () => Promise<T>,
  warn: (message: string) => void,
  sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read()
    } catch (e) {
      if (!(e instanceof NotFoundError) || attempt >= 4) throw e
      warn(`${what} is not readable yet right after its push (${e.message}); reading again in ${attempt} s`)
      await sleep(attempt * 1000)
    }
  }
}

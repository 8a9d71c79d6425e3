// A registry read over the distribution HTTP API: manifests and config blobs, with docker's
// own credentials (config.json or a credential helper) and the token dance registries ask
// for. Milliseconds per read where a `docker buildx imagetools` process costs ~100 ms.
import type { Reference } from '../core/reference.js'
import type { Credentials } from './docker-config.js'

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

export class NotFoundError extends Error {}


export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const scheme = header.split(' ')[0]
  const params: Record<string, string> = {}
  for (const m of header.slice(scheme.length).matchAll(/(\w+)="([^"]*)"/g)) params[m[1]] = m[2]
  return { scheme: scheme.toLowerCase(), params }
}

export class RegistryClient {
  private authorization?: string

  constructor(
    readonly ref: Reference,
    private readonly credentials: () => Promise<Credentials>
  ) {}

  manifest(reference: string): Promise<string> {
    return this.get(`/v2/${this.ref.repository}/manifests/${reference}`, MANIFEST_TYPES)
  }

  blob(digest: string): Promise<string> {
    return this.get(`/v2/${this.ref.repository}/blobs/${digest}`, '*/*')
  }

  private async get(path: string, accept: string): Promise<string> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await fetch(`${this.ref.base}${path}`, {
        headers: { Accept: accept, ...(this.authorization ? { Authorization: this.authorization } : {}) }
      })
      if (res.status === 401 && attempt === 0) {
        await this.authenticate(res.headers.get('www-authenticate') ?? '')
        continue
      }
      if (res.status === 404) throw new NotFoundError(`${this.ref.host}/${this.ref.repository}: ${path.split('/').pop()} not found`)
      if (!res.ok) throw new Error(`${this.ref.host}: GET ${path} answered ${res.status} ${res.statusText}`)
      return res.text()
    }
    throw new Error(`${this.ref.host}: not authorized to read ${this.ref.repository}`)
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
    const res = await fetch(url, { headers: basic ? { Authorization: basic } : {} })
    if (!res.ok) throw new Error(`${this.ref.host}: token request answered ${res.status} ${res.statusText}`)
    const body = (await res.json()) as { token?: string; access_token?: string }
    this.authorization = `Bearer ${body.token ?? body.access_token}`
  }
}

// A registry read over the distribution HTTP API: manifests and config blobs, with docker's
// own credentials (config.json or a credential helper) and the token dance registries ask
// for. Milliseconds per read where a `docker buildx imagetools` process costs ~100 ms.
import { execFile } from 'node:child_process'
import { readDockerConfig } from './engine.js'

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

export class NotFoundError extends Error {}

export interface Reference {
  /** Host as docker names it (docker.io for Docker Hub). */
  host: string
  /** Where the API is: http for loopback registries, as docker treats them. */
  base: string
  repository: string
}

/** Registries on this machine's loopback (`localhost`, `127.x.y.z`, `[::1]`, with or without a port): docker talks plain HTTP to them. */
export const isLoopbackHost = (host: string) => /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/.test(host)

/** `ghcr.io/o/n`, `localhost:5000/a`, `busybox` -> host, API base and repository path. */
export function parseRepository(repository: string): Reference {
  const first = repository.split('/')[0]
  const hasHost = repository.includes('/') && (/[.:[]/.test(first) || first === 'localhost')
  const host = hasHost ? first : 'docker.io'
  let path = hasHost ? repository.slice(first.length + 1) : repository
  if (host === 'docker.io' && !path.includes('/')) path = `library/${path}`
  const apiHost = host === 'docker.io' ? 'registry-1.docker.io' : host
  return { host, base: `${isLoopbackHost(host) ? 'http' : 'https'}://${apiHost}`, repository: path }
}

type Credentials = { username: string; password: string } | undefined

/** The login `docker login` stored for a host: in config.json, or through its credential helper. */
export async function dockerCredentials(host: string, env: Record<string, string | undefined> = process.env): Promise<Credentials> {
  const key = host === 'docker.io' ? 'https://index.docker.io/v1/' : host
  const config = readDockerConfig(env)
  const helper = config.credHelpers?.[key] ?? config.credsStore
  if (helper) {
    const out = await new Promise<string>(resolve => {
      const child = execFile(`docker-credential-${helper}`, ['get'], (error, stdout) => resolve(error ? '' : stdout))
      child.stdin?.end(key)
    })
    if (out) {
      const { Username, Secret } = JSON.parse(out) as { Username: string; Secret: string }
      return { username: Username, password: Secret }
    }
  }
  const auth = config.auths?.[key]?.auth
  if (!auth) return undefined
  const plain = Buffer.from(auth, 'base64').toString('utf8')
  return { username: plain.slice(0, plain.indexOf(':')), password: plain.slice(plain.indexOf(':') + 1) }
}

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

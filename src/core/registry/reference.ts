// Image references, one grammar for the whole action: what inputs accept, where a registry
// lives and how docker talks to it, repository and tag of a reference. Pure.

// host[:port]/path... or path...; host may be a bracketed IPv6 address ([::1]:5000); lowercase
// path components, as the distribution spec wants.
const REPOSITORY =
  /^(?:(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\])(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

/** A repository without tag or digest: what `image` takes. */
export const isRepository = (ref: string) => REPOSITORY.test(ref)

/** A full image reference: repository, optional :tag, optional @digest. */
export function isImageRef(ref: string): boolean {
  const m = /^(.*?)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@sha256:[a-f0-9]{64})?$/.exec(ref)
  return !!m && REPOSITORY.test(m[1])
}

export function isBareTag(tag: string): boolean {
  return TAG.test(tag) && !tag.includes('/')
}

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

/** A reference without tag or digest: where the digests of an index live. */
export function repositoryOf(ref: string): string {
  const noDigest = ref.split('@')[0]
  const slash = noDigest.lastIndexOf('/')
  const colon = noDigest.lastIndexOf(':')
  return colon > slash ? noDigest.slice(0, colon) : noDigest
}

/** The tag of a reference (`latest` when it names none), or the digest itself. */
export function tagOf(refOrDigest: string): string {
  if (refOrDigest.startsWith('sha256:')) return refOrDigest
  return refOrDigest.slice(repositoryOf(refOrDigest).length).replace(/^[:@]/, '') || 'latest'
}

/** The registry host of a reference as docker names it (docker.io when it names none). */
export const registryOf = (ref: string) => parseRepository(repositoryOf(ref)).host

/** Distinct repositories of the tags, in order: where the image has to be before it is tagged. */
export const repositoriesOf = (tags: string[]) => [...new Set(tags.map(repositoryOf))]

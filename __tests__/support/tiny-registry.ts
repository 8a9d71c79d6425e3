// An in-process registry for unit tests of the action's registry code: the distribution API's
// blob uploads (POST, then PUT with the digest), blob and manifest HEAD/GET, the tag list, and manifest PUT
// that refuses a manifest whose blobs or child manifests are not there yet (as distribution
// does, with MANIFEST_BLOB_UNKNOWN). A fault hook answers chosen requests itself.
import { createHash, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { closeServer, listenOnLoopback } from './close-server'

export type TinyFault = { status: number; headers?: Record<string, string>; body?: string } | 'reset'

export interface TinyRegistry {
  host: string
  /** Every request as `METHOD path` (query included), in arrival order. */
  requests: string[]
  blobs: Map<string, Buffer>
  /** repository -> reference (tag or digest) -> manifest */
  manifests: Map<string, Map<string, { bytes: Buffer; mediaType: string }>>
  close(): Promise<void>
}

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', c => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

const error = (res: ServerResponse, status: number, code: string, message = code) =>
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ errors: [{ code, message }] }))

/** `fault(method, url, nth)` is asked for every request; nth counts requests of the same method and path, or of the same blob's upload (1 for the first). */
export async function startTinyRegistry(
  fault: (method: string, url: string, nth: number) => TinyFault | undefined = () => undefined,
  /** referrers: the OCI 1.1 referrers API (a manifest's subject answered with OCI-Subject); off, as in distribution 2.8. */
  options: { referrers?: boolean } = {}
): Promise<TinyRegistry> {
  const requests: string[] = []
  const seen = new Map<string, number>()
  const blobs = new Map<string, Buffer>()
  const manifests = new Map<string, Map<string, { bytes: Buffer; mediaType: string }>>()
  const repo = (name: string) => manifests.get(name) ?? manifests.set(name, new Map()).get(name)!

  const server = createServer(async (req, res) => {
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', 'http://registry')
    requests.push(`${method} ${url.pathname}${url.search}`)
    // An upload's session path is new each try: its digest names it.
    const key = `${method} ${url.searchParams.get('digest') ?? url.pathname}`
    const nth = (seen.get(key) ?? 0) + 1
    seen.set(key, nth)
    const injected = fault(method, `${url.pathname}${url.search}`, nth)
    if (injected === 'reset') {
      req.socket.destroy()
      return
    }
    if (injected) {
      await body(req)
      res
        .writeHead(injected.status, { 'Content-Type': 'application/json', ...injected.headers })
        .end(injected.body ?? '{"errors":[{"code":"TOOMANYREQUESTS","message":"injected"}]}')
      return
    }
    if (url.pathname === '/v2/') return res.writeHead(200).end('{}')
    const tagList = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname)
    if (tagList) {
      const refs = manifests.get(tagList[1])
      if (!refs) return error(res, 404, 'NAME_UNKNOWN')
      const tags = [...refs.keys()].filter(ref => !ref.startsWith('sha256:'))
      return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ name: tagList[1], tags }))
    }
    const referrers = /^\/v2\/(.+)\/referrers\/(sha256:[a-f0-9]{64})$/.exec(url.pathname)
    if (referrers && options.referrers) {
      const found = [...new Map([...(manifests.get(referrers[1]) ?? new Map()).values()].map(e => [sha256(e.bytes), e])).values()].flatMap(
        e => {
          const m = JSON.parse(e.bytes.toString('utf8')) as { subject?: { digest: string }; artifactType?: string; annotations?: object }
          return m.subject?.digest === referrers[2]
            ? [
                {
                  mediaType: e.mediaType,
                  digest: sha256(e.bytes),
                  size: e.bytes.length,
                  artifactType: m.artifactType,
                  annotations: m.annotations
                }
              ]
            : []
        }
      )
      return res
        .writeHead(200, { 'Content-Type': 'application/vnd.oci.image.index.v1+json' })
        .end(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: found }))
    }
    const m = /^\/v2\/(.+)\/(blobs|manifests)\/(.+)$/.exec(url.pathname)
    if (!m) return error(res, 404, 'NAME_UNKNOWN')
    const [, name, kind, rest] = m
    if (kind === 'blobs' && method === 'POST' && rest === 'uploads/') {
      await body(req)
      return res.writeHead(202, { Location: `/v2/${name}/blobs/uploads/${randomUUID()}` }).end()
    }
    if (kind === 'blobs' && method === 'PUT' && rest.startsWith('uploads/')) {
      const bytes = await body(req)
      const digest = url.searchParams.get('digest') ?? ''
      if (sha256(bytes) !== digest) return error(res, 400, 'DIGEST_INVALID')
      blobs.set(digest, bytes)
      return res.writeHead(201, { 'Docker-Content-Digest': digest }).end()
    }
    if (kind === 'blobs') {
      const bytes = blobs.get(rest)
      if (!bytes) return error(res, 404, 'BLOB_UNKNOWN')
      res.writeHead(200, { 'Content-Length': String(bytes.length), 'Docker-Content-Digest': rest })
      return res.end(method === 'HEAD' ? undefined : bytes)
    }
    if (method === 'PUT') {
      const bytes = await body(req)
      const manifest = JSON.parse(bytes.toString('utf8')) as {
        subject?: { digest: string }
        manifests?: { digest: string }[]
        config?: { digest: string }
        layers?: { digest: string }[]
      }
      const missing = [
        ...(manifest.manifests ?? []).filter(d => !repo(name).has(d.digest)).map(d => d.digest),
        ...[manifest.config, ...(manifest.layers ?? [])].filter(d => d && !blobs.has(d.digest)).map(d => d!.digest)
      ]
      if (missing.length) return error(res, 400, 'MANIFEST_BLOB_UNKNOWN', `blob unknown to registry: ${missing[0]}`)
      const digest = sha256(bytes)
      const entry = { bytes, mediaType: req.headers['content-type'] ?? '' }
      repo(name).set(digest, entry)
      repo(name).set(rest, entry)
      const subject = options.referrers && manifest.subject ? { 'OCI-Subject': manifest.subject.digest } : {}
      return res.writeHead(201, { 'Docker-Content-Digest': digest, ...subject }).end()
    }
    const entry = manifests.get(name)?.get(rest)
    if (!entry) return error(res, 404, 'MANIFEST_UNKNOWN')
    res.writeHead(200, {
      'Content-Type': entry.mediaType,
      'Docker-Content-Digest': sha256(entry.bytes),
      'Content-Length': String(entry.bytes.length)
    })
    res.end(method === 'HEAD' ? undefined : entry.bytes)
  })
  const url = await listenOnLoopback(server)
  return { host: `127.0.0.1:${new URL(url).port}`, requests, blobs, manifests, close: () => closeServer(server) }
}

// The docker driver cannot push by digest (buildx refuses push-by-digest there), and exporting
// its image to an OCI layout the runner did not keep writes every layer again (5 s on a 250 MB
// image of two platforms). So the engine pushes to this front instead: a registry on 127.0.0.1
// that this run serves for the length of the build. It tells the engine it has every blob that
// the run's repositories hold already, so the engine sends only what they lack, and keeps what
// it is sent as an OCI layout (blobs by digest). The action then pushes that layout by digest
// as it pushes any layout, and moves the tags itself. The front writes nothing to a registry,
// and the name the engine pushes to is the front's alone.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createHash, randomUUID, type Hash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { AddressInfo } from 'node:net'
import type { RegistryClient } from './registry-client.js'

export interface EngineFront {
  /** `127.0.0.1:<port>`: the registry host the engine pushes to. */
  readonly address: string
  /** The blobs the engine sent (what the registry lacked, as the front answered): how many, and their bytes. */
  received(): { blobs: number; bytes: number }
  close(): Promise<void>
}

/** Whether every repository of the run holds a blob, and its size; undefined when one lacks it (or cannot say). */
export type HeldBlob = (digest: string) => Promise<number | undefined>

/** A blob every one of these repositories holds, by its size there. */
export const heldByAll =
  (clientOf: (repository: string) => RegistryClient, repositories: string[]): HeldBlob =>
  async digest => {
    const sizes = await Promise.all(repositories.map(r => clientOf(r).blobSize(digest)))
    return sizes.every(size => size !== undefined) ? sizes[0] : undefined
  }

const DIGEST = /^sha256:[0-9a-f]{64}$/
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

interface Upload {
  path: string
  hash: Hash
  size: number
}

/** Starts the front on a free port of 127.0.0.1, keeping what it is sent in `dir` (blobs/sha256/<hex>). */
export async function startEngineFront(dir: string, heldInRegistry: HeldBlob): Promise<EngineFront> {
  // The engine asks about each blob more than once (its exporter, then its push): the registry is asked once.
  const asked = new Map<string, Promise<number | undefined>>()
  const held: HeldBlob = digest => {
    if (!asked.has(digest))
      asked.set(
        digest,
        heldInRegistry(digest).catch(() => undefined)
      )
    return asked.get(digest)!
  }
  const blobs = join(dir, 'blobs', 'sha256')
  const partial = join(dir, 'uploads')
  await mkdir(blobs, { recursive: true })
  await mkdir(partial, { recursive: true })
  const blobPath = (digest: string) => join(blobs, digest.slice('sha256:'.length))
  const uploads = new Map<string, Upload>()
  const received = { blobs: 0, bytes: 0 }
  // What the engine pushed by tag (the name is the front's own): it reads the index back by it.
  const tagged = new Map<string, string>()
  const mediaTypes = new Map<string, string>()

  const kept = async (digest: string) => (DIGEST.test(digest) ? (await stat(blobPath(digest)).catch(() => undefined))?.size : undefined)

  async function serveBlob(req: IncomingMessage, res: ServerResponse, digest: string): Promise<void> {
    const size = (await kept(digest)) ?? (req.method === 'HEAD' ? await held(digest) : undefined)
    if (size === undefined) return void res.writeHead(404).end()
    const headers = { 'Content-Length': String(size), 'Docker-Content-Digest': digest, 'Content-Type': 'application/octet-stream' }
    if (req.method === 'HEAD') return void res.writeHead(200, headers).end()
    res.writeHead(200, headers).end(await readFile(blobPath(digest)))
  }

  /** A chunk of an upload, appended to its file and to its running digest. */
  async function receive(req: IncomingMessage, upload: Upload): Promise<void> {
    await pipeline(
      req,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          upload.hash.update(chunk)
          upload.size += chunk.length
          yield chunk
        }
      },
      createWriteStream(upload.path, { flags: 'a' })
    )
  }

  async function serveUpload(req: IncomingMessage, res: ServerResponse, name: string, id: string, url: URL): Promise<void> {
    const upload = uploads.get(id)
    if (!upload) return void res.writeHead(404).end()
    await receive(req, upload)
    const location = `/v2/${name}/blobs/uploads/${id}`
    if (req.method === 'PATCH')
      return void res.writeHead(202, { Location: location, Range: `0-${Math.max(upload.size - 1, 0)}`, 'Docker-Upload-UUID': id }).end()
    uploads.delete(id)
    const digest = url.searchParams.get('digest') ?? ''
    const got = `sha256:${upload.hash.digest('hex')}`
    if (!DIGEST.test(digest) || got !== digest) {
      await rm(upload.path, { force: true })
      return void res.writeHead(400, { 'Content-Type': 'application/json' }).end(errorBody('DIGEST_INVALID', `${got} is not ${digest}`))
    }
    await rename(upload.path, blobPath(digest))
    received.blobs++
    received.bytes += upload.size
    res.writeHead(201, { Location: `/v2/${name}/blobs/${digest}`, 'Docker-Content-Digest': digest }).end()
  }

  async function serveManifest(req: IncomingMessage, res: ServerResponse, name: string, reference: string): Promise<void> {
    if (req.method === 'PUT') {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const bytes = Buffer.concat(chunks)
      const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
      if (DIGEST.test(reference) && reference !== digest)
        return void res
          .writeHead(400, { 'Content-Type': 'application/json' })
          .end(errorBody('DIGEST_INVALID', `${digest} is not ${reference}`))
      await writeWhole(blobPath(digest), bytes)
      mediaTypes.set(digest, req.headers['content-type'] ?? OCI_MANIFEST)
      if (!DIGEST.test(reference)) tagged.set(reference, digest)
      return void res.writeHead(201, { Location: `/v2/${name}/manifests/${digest}`, 'Docker-Content-Digest': digest }).end()
    }
    // Manifests are the engine's to send: the front holds only the ones it was sent, so each is written here.
    const digest = DIGEST.test(reference) ? reference : tagged.get(reference)
    const size = digest && (await kept(digest))
    if (!digest || size === undefined) return void res.writeHead(404).end()
    const headers = {
      'Content-Length': String(size),
      'Docker-Content-Digest': digest,
      'Content-Type': mediaTypes.get(digest) ?? OCI_MANIFEST
    }
    if (req.method === 'HEAD') return void res.writeHead(200, headers).end()
    res.writeHead(200, headers).end(await readFile(blobPath(digest)))
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://front')
    const path = url.pathname
    if (path === '/v2/' || path === '/v2') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')
    let m: RegExpExecArray | null
    if ((m = /^\/v2\/(.+)\/blobs\/uploads\/?$/.exec(path)) && req.method === 'POST') {
      // A cross-repository mount is answered as a new upload: the front has no other repository.
      const id = randomUUID()
      uploads.set(id, { path: join(partial, id), hash: createHash('sha256'), size: 0 })
      const location = `/v2/${m[1]}/blobs/uploads/${id}`
      return void res.writeHead(202, { Location: location, Range: '0-0', 'Docker-Upload-UUID': id, 'Content-Length': '0' }).end()
    }
    if ((m = /^\/v2\/(.+)\/blobs\/uploads\/([0-9a-f-]+)$/.exec(path)) && (req.method === 'PATCH' || req.method === 'PUT'))
      return serveUpload(req, res, m[1], m[2], url)
    if ((m = /^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]{64})$/.exec(path)) && (req.method === 'HEAD' || req.method === 'GET'))
      return serveBlob(req, res, m[2])
    if ((m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(path)) && ['HEAD', 'GET', 'PUT'].includes(req.method ?? ''))
      return serveManifest(req, res, m[1], m[2])
    res.writeHead(405, { 'Content-Type': 'application/json' }).end(errorBody('UNSUPPORTED', `${req.method} ${path}`))
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(errorBody('UNKNOWN', e instanceof Error ? e.message : String(e)))
    })
  })
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    address: `127.0.0.1:${port}`,
    received: () => ({ ...received }),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
      await rm(partial, { recursive: true, force: true })
    }
  }
}

const errorBody = (code: string, message: string) => JSON.stringify({ errors: [{ code, message }] })

async function writeWhole(path: string, bytes: Buffer): Promise<void> {
  await writeFile(`${path}.part`, bytes)
  await rename(`${path}.part`, path)
}

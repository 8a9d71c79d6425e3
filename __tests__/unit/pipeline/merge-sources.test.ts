// merge.ts's index and image-sources.ts's reads without the docker engine, against an
// in-process registry holding what per-platform jobs pushed.
import { createHash } from 'node:crypto'
import { indexOf } from '../../../src/pipeline/merge'
import { readBaseline } from '../../../src/pipeline/registry/image-sources'
import { OptionalReads } from '../../../src/pipeline/host/optional-reads'
import { RegistryClient } from '../../../src/pipeline/registry/registry-client'
import { parseRepository } from '../../../src/core/registry/reference'
import { startTinyRegistry, type TinyRegistry } from '../../support/tiny-registry'
import { host } from '../../support/scripted-host'

const sha = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

let registry: TinyRegistry
beforeEach(async () => (registry = await startTinyRegistry()))
afterEach(async () => registry.close())

/** What a per-platform job pushes by digest: a config and a layer, and the platform's manifest. */
function pushed(repo: string, os: string, architecture: string, variant?: string): string {
  const put = (bytes: Buffer) => (registry.blobs.set(sha(bytes), bytes), { digest: sha(bytes), size: bytes.length })
  const config = put(Buffer.from(JSON.stringify({ os, architecture, ...(variant ? { variant } : {}), config: {} })))
  const layer = put(Buffer.from(`layer of ${architecture}`))
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers: [layer] }))
  const refs = registry.manifests.get(repo) ?? registry.manifests.set(repo, new Map()).get(repo)!
  refs.set(sha(manifest), { bytes: manifest, mediaType: OCI_MANIFEST })
  return sha(manifest)
}
const client = (repo: string) =>
  new RegistryClient(parseRepository(`${registry.host}/${repo}`), async () => undefined, { attempts: 1, baseMs: 1, maxWaitMs: 1 })

describe("merge's index", () => {
  test('the platforms in the order given, with their annotations: the same hand-overs give the same digest', async () => {
    const amd = pushed('p/x', 'linux', 'amd64')
    const arm = pushed('p/x', 'linux', 'arm', 'v7')
    const handovers = [
      { platform: 'linux/amd64', repository: 'p/x', digest: amd },
      { platform: 'linux/arm/v7', repository: 'p/x', digest: arm }
    ]
    const one = await indexOf(client('p/x'), handovers, { 'org.opencontainers.image.revision': 'abc' }, () => undefined)
    const index = JSON.parse(Buffer.from(one.bytes).toString('utf8'))
    expect(index.manifests.map((d: { digest: string; platform: object }) => [d.digest, d.platform])).toEqual([
      [amd, { os: 'linux', architecture: 'amd64' }],
      [arm, { os: 'linux', architecture: 'arm', variant: 'v7' }]
    ])
    expect(index.annotations).toEqual({ 'org.opencontainers.image.revision': 'abc' })
    const again = await indexOf(client('p/x'), handovers, { 'org.opencontainers.image.revision': 'abc' }, () => undefined)
    expect(again.digest).toBe(one.digest)
  })

  test('a hand-over whose image is for another platform is refused, naming both', async () => {
    const arm = pushed('p/x', 'linux', 'arm64')
    await expect(
      indexOf(client('p/x'), [{ platform: 'linux/amd64', repository: 'p/x', digest: arm }], {}, () => undefined)
    ).rejects.toThrow(`linux/amd64: ${arm} is an image for linux/arm64`)
  })
})

describe('the baseline, an optional read', () => {
  const reads = () => new OptionalReads(2_000, () => undefined)
  test('found: measured per platform; not there yet: missing (no error); none asked: none', async () => {
    const amd = pushed('p/x', 'linux', 'amd64')
    const manifest = registry.manifests.get('p/x')!.get(amd)!
    registry.manifests.get('p/x')!.set('weekly', manifest)
    const h = host(() => ({ code: 1 }))
    const found = await readBaseline(h.rt.docker, `${registry.host}/p/x:weekly`, ['linux/amd64'], {}, reads())
    expect(found).toMatchObject({ status: 'found', image: { digest: amd, platforms: [{ platform: 'linux/amd64', layers: 1 }] } })
    expect(await readBaseline(h.rt.docker, `${registry.host}/p/x:gone`, [], {}, reads())).toMatchObject({ status: 'missing' })
    expect(await readBaseline(h.rt.docker, '', [], {}, reads())).toEqual({ ref: '', status: 'none' })
  })
})

// Attestations attached as referrers, against an in-process registry with and without the OCI
// 1.1 referrers API: the API is used where the registry takes the subject (it answers with
// OCI-Subject), the tag schema (sha256-<hex>) otherwise, and an image attested once is not
// attested again.
import { createHash } from 'node:crypto'
import { parseRepository } from '../../../../src/core/registry/reference'
import { IN_TOTO, OCI_INDEX, OCI_MANIFEST } from '../../../../src/core/registry/attestations'
import { RegistryClient } from '../../../../src/pipeline/registry/registry-client'
import { attachAttestations, listReferrers } from '../../../../src/pipeline/registry/referrers'
import { startTinyRegistry, type TinyRegistry } from '../../../support/tiny-registry'

const sha = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))

let registry: TinyRegistry | undefined
afterEach(async () => registry?.close())

/** A built image in `repo`: one platform manifest and BuildKit's attestation manifest for it. */
async function seed(client: RegistryClient) {
  const statement = json({ _type: 'https://in-toto.io/Statement/v0.1', predicateType: 'https://slsa.dev/provenance/v0.2' })
  await client.uploadBlob(sha(statement), statement)
  const config = json({ os: 'linux', architecture: 'amd64' })
  await client.uploadBlob(sha(config), config)
  const image = json({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { digest: sha(config), size: config.length }, layers: [] })
  await client.putManifest(sha(image), image, OCI_MANIFEST)
  const attestation = json({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { digest: sha(config), size: config.length },
    layers: [
      {
        mediaType: IN_TOTO,
        digest: sha(statement),
        size: statement.length,
        annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' }
      }
    ]
  })
  await client.putManifest(sha(attestation), attestation, OCI_MANIFEST)
  const index = json({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [{ mediaType: OCI_MANIFEST, digest: sha(image), size: image.length }]
  })
  await client.putManifest(sha(index), index, OCI_INDEX)
  return {
    subject: { mediaType: OCI_INDEX, digest: sha(index), size: index.length },
    attestations: [{ image: sha(image), manifest: sha(attestation), platform: 'linux/amd64' }]
  }
}

test.each([
  ['with the referrers API', true],
  ['without it (distribution 2.8)', false]
])('%s: attached once, found again, never twice', async (_, api) => {
  registry = await startTinyRegistry(undefined, { referrers: api })
  const clientOf = (repository: string) => new RegistryClient(parseRepository(`${registry!.host}/${repository}`), async () => undefined)
  const { subject, attestations } = await seed(clientOf('p/ci'))
  const first = await attachAttestations(clientOf, 'p/ci', ['p/ci', 'p/mirror'], subject, attestations, '2026-11-30T00:00:00Z')
  expect(first.written).toHaveLength(2)
  expect(first.kept).toBe(0)
  const tag = subject.digest.replace(':', '-')
  for (const repository of ['p/ci', 'p/mirror']) {
    const found = await listReferrers(clientOf(repository), subject.digest)
    expect(found.map(r => [r.artifactType, r.annotations?.['vnd.docker.reference.digest']])).toStrictEqual([
      [IN_TOTO, attestations[0].image]
    ])
    // The tag schema only where the registry did not take the subject itself.
    expect(registry.manifests.get(repository)?.has(tag)).toBe(!api)
  }
  const again = await attachAttestations(clientOf, 'p/ci', ['p/ci'], subject, attestations, '2026-11-30T00:00:00Z')
  expect(again).toStrictEqual({ written: [], kept: 1 })
  expect(await listReferrers(clientOf('p/ci'), subject.digest)).toHaveLength(1)
})

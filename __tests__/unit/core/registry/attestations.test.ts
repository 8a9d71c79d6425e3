// Attestations out of the index and into referrers: what is found in a built index, the referrer
// written for it, and the referrers tag schema's index.
import { createHash } from 'node:crypto'
import {
  attestationsOf,
  attestedImages,
  EMPTY_CONFIG,
  EMPTY_CONFIG_BYTES,
  IN_TOTO,
  referrerManifest,
  referrersTag,
  withReferrer
} from '../../../../src/core/registry/attestations'

const AMD = 'sha256:' + 'a'.repeat(64)
const ARM = 'sha256:' + 'b'.repeat(64)
const built = {
  manifests: [
    { digest: AMD, size: 1, platform: { os: 'linux', architecture: 'amd64' } },
    { digest: ARM, size: 1, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
    {
      digest: 'sha256:att-amd',
      size: 1,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': AMD }
    },
    {
      digest: 'sha256:att-arm',
      size: 1,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': ARM }
    }
  ]
}

test("a built index's attestation manifests, each with the image and platform it is about", () => {
  expect(attestationsOf(built)).toStrictEqual([
    { image: AMD, manifest: 'sha256:att-amd', platform: 'linux/amd64' },
    { image: ARM, manifest: 'sha256:att-arm', platform: 'linux/arm64/v8' }
  ])
  expect(attestationsOf({ manifests: built.manifests.slice(0, 2) })).toStrictEqual([])
  expect(attestationsOf({ manifests: [] })).toStrictEqual([])
})

test("the referrer: the builder's in-toto layers, an empty config, the index as subject; its digest is its bytes'", () => {
  const statements = {
    config: { digest: 'sha256:empty', size: 2 },
    layers: [
      {
        mediaType: IN_TOTO,
        digest: 'sha256:prov',
        size: 10,
        annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v1' }
      },
      { mediaType: 'application/octet-stream', digest: 'sha256:other', size: 1 }
    ]
  }
  const subject = { digest: 'sha256:index', size: 321 }
  const r = referrerManifest(attestationsOf(built)[0], statements, subject, '2026-11-30T00:00:00Z')
  const written = JSON.parse(Buffer.from(r.bytes).toString('utf8'))
  expect(r.digest).toBe(`sha256:${createHash('sha256').update(r.bytes).digest('hex')}`)
  expect(written).toStrictEqual({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    artifactType: IN_TOTO,
    config: EMPTY_CONFIG,
    layers: [statements.layers[0]],
    subject: { mediaType: 'application/vnd.oci.image.index.v1+json', digest: 'sha256:index', size: 321 },
    annotations: {
      'org.opencontainers.image.created': '2026-11-30T00:00:00Z',
      'vnd.docker.reference.type': 'attestation-manifest',
      'vnd.docker.reference.digest': AMD,
      'com.github.phialo.ci-base-action.platform': 'linux/amd64',
      'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v1'
    }
  })
  expect(r.descriptor).toStrictEqual({
    mediaType: written.mediaType,
    digest: r.digest,
    size: r.bytes.length,
    artifactType: IN_TOTO,
    annotations: written.annotations
  })
  expect(`sha256:${createHash('sha256').update(EMPTY_CONFIG_BYTES).digest('hex')}`).toBe(EMPTY_CONFIG.digest)
})

test('the referrers tag schema: sha256-<hex>, an index that gains each referrer once; attested images read back', () => {
  expect(referrersTag('sha256:abc')).toBe('sha256-abc')
  const d = { digest: 'sha256:r1', size: 5, artifactType: IN_TOTO, annotations: { 'vnd.docker.reference.digest': AMD } }
  const first = withReferrer(undefined, d)
  expect(first.changed).toBe(true)
  const index = JSON.parse(Buffer.from(first.bytes).toString('utf8'))
  expect(index).toStrictEqual({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [d] })
  expect(withReferrer(index, d).changed).toBe(false)
  expect(JSON.parse(Buffer.from(withReferrer(index, { ...d, digest: 'sha256:r2' }).bytes).toString('utf8')).manifests).toHaveLength(2)
  expect([...attestedImages([d, { digest: 'sha256:sig', size: 1, artifactType: 'application/vnd.dev.cosign' }])]).toStrictEqual([AMD])
})

import { isAttestation, layerTotals, readImage, repositoryOf, type Manifest } from '../../src/image'

const index: Manifest = {
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [
    { digest: 'sha256:arm', size: 1, platform: { os: 'linux', architecture: 'arm64' } },
    { digest: 'sha256:amd', size: 1, platform: { os: 'linux', architecture: 'amd64' } },
    {
      digest: 'sha256:att',
      size: 1,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': 'sha256:amd' }
    }
  ]
}
const manifests: Record<string, Manifest> = {
  'sha256:amd': { config: { digest: 'sha256:c1', size: 10 }, layers: [{ digest: 'a', size: 3_000_000 }, { digest: 'b', size: 250 }] },
  'sha256:arm': { config: { digest: 'sha256:c2', size: 10 }, layers: [{ digest: 'c', size: 2_900_000 }, { digest: 'd', size: 240 }, { digest: 'e', size: 10 }] },
  'sha256:att': { layers: [{ digest: 'f', size: 99_999_999 }] }
}
const source = async (ref: string) => JSON.stringify(ref.startsWith('sha256:') ? manifests[ref] : index)

test('per-platform layers and compressed size; attestation manifests left out; asked order first', async () => {
  const info = await readImage(source, 'r/x@sha256:top', ['linux/amd64', 'linux/arm64'])
  expect(info).toEqual({
    digest: 'sha256:top',
    platforms: [
      { platform: 'linux/amd64', digest: 'sha256:amd', size: 3_000_250, layers: 2 },
      { platform: 'linux/arm64', digest: 'sha256:arm', size: 2_900_250, layers: 3 }
    ]
  })
})

test('a single-platform manifest (no index) is measured as the first asked platform', async () => {
  const info = await readImage(async () => JSON.stringify(manifests['sha256:amd']), 'r/x:1', ['linux/amd64'])
  expect(info.platforms).toEqual([{ platform: 'linux/amd64', digest: info.digest, size: 3_000_250, layers: 2 }])
  expect(info.digest).toMatch(/^sha256:[a-f0-9]{64}$/)
})

test('attestation detection and totals', () => {
  expect(isAttestation(index.manifests![2])).toBe(true)
  expect(isAttestation(index.manifests![0])).toBe(false)
  expect(layerTotals({})).toEqual({ size: 0, layers: 0 })
})

test.each([
  ['localhost:5000/a/b:1', 'localhost:5000/a/b'],
  ['localhost:5000/a/b', 'localhost:5000/a/b'],
  ['ghcr.io/p/ci@sha256:abc', 'ghcr.io/p/ci'],
  ['busybox:latest', 'busybox']
])('repositoryOf(%s) = %s', (ref, repo) => expect(repositoryOf(ref)).toBe(repo))

import {
  instructionOf,
  isAttestation,
  layerBreakdown,
  layerTotals,
  readImage,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  parseManifest,
  parseIndex
} from '../../../../src/core/registry/image'
import { repositoryOf } from '../../../../src/core/registry/reference'

const index: ImageIndex = {
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
const manifests: Record<string, ImageManifest> = {
  'sha256:amd': {
    config: { digest: 'sha256:c1', size: 10 },
    layers: [
      { digest: 'a', size: 3_000_000 },
      { digest: 'b', size: 250 }
    ]
  },
  'sha256:arm': {
    config: { digest: 'sha256:c2', size: 10 },
    layers: [
      { digest: 'c', size: 2_900_000 },
      { digest: 'd', size: 240 },
      { digest: 'e', size: 10 }
    ]
  },
  'sha256:att': { config: { digest: 'sha256:c3', size: 10 }, layers: [{ digest: 'f', size: 99_999_999 }] }
}
const history = (...made: string[]) => [
  { created_by: 'ARG NODE_VERSION', empty_layer: true },
  ...made.map(created_by => ({ created_by })),
  { created_by: 'USER 1001', empty_layer: true }
]
const configs: Record<string, ImageConfig> = {
  'linux/amd64': {
    history: history('/bin/sh -c #(nop) ADD file:abc in / ', 'RUN |1 PACKAGES_MONTH=2026-11 /bin/sh -c apk add --no-cache git # buildkit')
  },
  'linux/arm64': { history: history('ADD file:def in /', 'RUN /bin/sh -c echo a', 'COPY app.txt /app.txt # buildkit') }
}
const configByManifest = (digest: string) => configs[digest === 'sha256:arm' ? 'linux/arm64' : 'linux/amd64']
const source = {
  manifest: async (ref: string) => JSON.stringify(ref.startsWith('sha256:') ? manifests[ref] : index),
  config: async (digest: string) => configByManifest(digest)
}

test('per-platform layers and compressed size; attestation manifests left out; asked order first', async () => {
  const info = await readImage(source, 'r/x@sha256:top', ['linux/amd64', 'linux/arm64'])
  expect(info.digest).toBe('sha256:top')
  expect(info.platforms.map(({ platform, digest, size, layers }) => ({ platform, digest, size, layers }))).toEqual([
    { platform: 'linux/amd64', digest: 'sha256:amd', size: 3_000_250, layers: 2 },
    { platform: 'linux/arm64', digest: 'sha256:arm', size: 2_900_250, layers: 3 }
  ])
  expect(info.platforms[0].breakdown).toEqual([
    { digest: 'a', size: 3_000_000, instruction: 'ADD file:abc in /' },
    { digest: 'b', size: 250, instruction: 'RUN apk add --no-cache git' }
  ])
})

test('a single-platform manifest (no index) is measured as the first asked platform', async () => {
  const single = { manifest: async () => JSON.stringify(manifests['sha256:amd']), config: async () => configs['linux/amd64'] }
  const info = await readImage(single, 'r/x:1', ['linux/amd64'])
  expect(info.platforms.map(p => [p.platform, p.size, p.layers])).toEqual([['linux/amd64', 3_000_250, 2]])
  expect(info.digest).toMatch(/^sha256:[a-f0-9]{64}$/)
})

describe('history to layers', () => {
  const layers = [
    { digest: 'l1', size: 1 },
    { digest: 'l2', size: 2 },
    { digest: 'l3', size: 3 }
  ]
  test('empty-layer entries are skipped, the rest match the layers in order', () => {
    expect(layerBreakdown(layers, history('ADD base', 'RUN /bin/sh -c make', 'COPY . /app # buildkit')).map(l => l.instruction)).toEqual([
      'ADD base',
      'RUN make',
      'COPY . /app'
    ])
  })
  test("a shorter history is aligned from the top, where the Dockerfile's own layers are", () => {
    expect(layerBreakdown(layers, history('RUN /bin/sh -c make', 'COPY . /app')).map(l => l.instruction)).toEqual([
      '(no history)',
      'RUN make',
      'COPY . /app'
    ])
    expect(layerBreakdown(layers).map(l => l.instruction)).toEqual(['(no history)', '(no history)', '(no history)'])
  })
  test.each([
    ['RUN |2 A=1 B=x /bin/sh -c apk add --no-cache  git # buildkit', 'RUN apk add --no-cache git'],
    ['/bin/sh -c #(nop) ADD file:0123 in / ', 'ADD file:0123 in /'],
    ['/bin/sh -c #(nop)  CMD ["node"]', 'CMD ["node"]'],
    ['/bin/sh -c apk add git', 'RUN apk add git'],
    ['WORKDIR /app', 'WORKDIR /app']
  ])('instructionOf(%j) = %j', (createdBy, instruction) => expect(instructionOf(createdBy)).toBe(instruction))
})

test('attestation detection and totals', () => {
  expect(isAttestation(index.manifests[2])).toBe(true)
  expect(isAttestation(index.manifests[0])).toBe(false)
  expect(layerTotals({ config: { digest: 'sha256:c', size: 1 }, layers: [] })).toEqual({ size: 0, layers: 0 })
})

test.each([
  ['localhost:5000/a/b:1', 'localhost:5000/a/b'],
  ['localhost:5000/a/b', 'localhost:5000/a/b'],
  ['ghcr.io/p/ci@sha256:abc', 'ghcr.io/p/ci'],
  ['busybox:latest', 'busybox']
])('repositoryOf(%s) = %s', (ref, repo) => expect(repositoryOf(ref)).toBe(repo))

describe('registry JSON is read as what it says it is', () => {
  const config = { digest: 'sha256:c', size: 1 }
  test('an index lists manifests, a manifest has a config and layers; the media type, where given, agrees', () => {
    expect(parseManifest(JSON.stringify(index))).toStrictEqual(index)
    expect(
      parseManifest(JSON.stringify({ mediaType: 'application/vnd.docker.distribution.manifest.v2+json', config, layers: [] }))
    ).toMatchObject({ config })
    expect(parseIndex(new TextEncoder().encode(JSON.stringify({ manifests: [] })))).toStrictEqual({ manifests: [] })
  })
  test.each([
    ['not JSON', '{', /^the manifest is not JSON/],
    [
      'an index media type on a manifest',
      JSON.stringify({ mediaType: 'application/vnd.oci.image.index.v1+json', config, layers: [] }),
      /neither an image index nor an image manifest \(media type application\/vnd\.oci\.image\.index\.v1\+json\)/
    ],
    [
      'a manifest media type on an index',
      JSON.stringify({ mediaType: 'application/vnd.oci.image.manifest.v1+json', manifests: [] }),
      /neither/
    ],
    ['a layer without a digest', JSON.stringify({ config, layers: [{ size: 1 }] }), /neither/],
    ['an error document', JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN' }] }), /neither/],
    ['a list', '[]', /neither/]
  ])('refused with the reason: %s', (_, text, error) => expect(() => parseManifest(text)).toThrow(error))
  test('only an index where an index is needed', () =>
    expect(() => parseIndex(JSON.stringify({ config, layers: [] }), 'the referrers')).toThrow(
      /^the referrers is an image manifest, not an index$/
    ))
})

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
  describe('isAttestation: either sign is enough', () => {
    test.each([
      [{ annotations: { 'vnd.docker.reference.type': 'attestation-manifest' }, platform: { os: 'linux', architecture: 'amd64' } }, true],
      [{ platform: { os: 'unknown', architecture: 'unknown' } }, true],
      [{ platform: { os: 'linux', architecture: 'arm64' } }, false],
      [{ annotations: { 'vnd.docker.reference.type': 'something-else' }, platform: { os: 'linux', architecture: 'arm64' } }, false]
    ])('%j -> %s', (d, expected) => expect(isAttestation({ digest: 'sha256:0', mediaType: '', size: 1, ...d })).toBe(expected))
  })

  test('a single manifest read with no platform order, no User and no layers: unknown, root (""), none', async () => {
    const source = {
      manifest: () => Promise.resolve(JSON.stringify({ schemaVersion: 2, config: { digest: 'sha256:c', size: 1 } })),
      config: () => Promise.resolve({})
    }
    const image = await readImage(source, 'r/x@sha256:abc')
    expect(image.platforms).toEqual([{ platform: 'unknown', digest: 'sha256:abc', user: '', size: 0, layers: 0, breakdown: [] }])
  })

  test('more layers than history: the first ones have none', () => {
    const layers = [1, 2, 3].map(n => ({ mediaType: 'x', digest: `sha256:${n}`, size: n }))
    expect(layerBreakdown(layers, [{ created_by: 'RUN b' }, { created_by: 'RUN c' }]).map(l => l.instruction)).toStrictEqual([
      '(no history)',
      'RUN b',
      'RUN c'
    ])
  })
})

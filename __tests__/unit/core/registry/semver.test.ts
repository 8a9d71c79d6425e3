import fc from 'fast-check'
import { compareVersions, parseVersion, releaseTags, type Version } from '../../../../src/core/registry/semver'
import { imageTags, releaseVersion } from '../../../../src/core/inputs/tags'
import { runContext } from '../../../../src/core/inputs/github-context'

const v = (text: string) => parseVersion(text)!

test.each([
  ['v1.2.3', '1.2.3'],
  ['1.2.3', '1.2.3'],
  ['v1.2.3-rc.1', '1.2.3-rc.1'],
  ['v1.2.3+build.5', '1.2.3'],
  ['v01.2.3', undefined],
  ['v1.2', undefined],
  ['release-1', undefined],
  ['latest', undefined]
])('parseVersion(%s)', (text, expected) => expect(parseVersion(text)?.text).toBe(expected))

test('precedence as semver orders it', () => {
  const ordered = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.1.0',
    '2.0.0'
  ]
  for (let i = 0; i + 1 < ordered.length; i++)
    expect([ordered[i], Math.sign(compareVersions(v(ordered[i]), v(ordered[i + 1])))]).toEqual([ordered[i], -1])
})

describe('release tags', () => {
  test('the first release: full, minor, major and latest', () =>
    expect(releaseTags(v('1.2.3'), [])).toEqual(['1.2.3', '1.2', '1', 'latest']))
  test('a pre-release: its full version only', () => expect(releaseTags(v('2.0.0-rc.1'), ['1.2.3'])).toEqual(['2.0.0-rc.1']))
  test('a patch of an older line moves only its own minor tag', () =>
    expect(releaseTags(v('1.2.5'), ['1.2.4', '1.3.0', '1', 'latest', 'sha-abc1234'])).toEqual(['1.2.5', '1.2']))
  test('an older major line: its major tag, not latest', () =>
    expect(releaseTags(v('1.4.0'), ['1.3.0', '2.0.0'])).toEqual(['1.4.0', '1.4', '1']))
  test('a rebuild of the current release keeps every tag', () =>
    expect(releaseTags(v('2.0.0'), ['2.0.0', '1.9.9', '2.0.0-rc.1'])).toEqual(['2.0.0', '2.0', '2', 'latest']))

  // Small numbers so that equal and neighbouring versions come up often.
  const version = fc
    .tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom('', '', 'rc.1', 'rc.2')
    )
    .map(([a, b, c, pre]) => v(`${a}.${b}.${c}${pre ? `-${pre}` : ''}`))
  test('property: latest goes to the release no published stable version outranks, and X.Y / X likewise within their series', () => {
    let sawLatest = 0
    let sawNoLatest = 0
    fc.assert(
      fc.property(version, fc.array(version, { maxLength: 6 }), (release: Version, published: Version[]) => {
        const tags = releaseTags(
          release,
          published.map(p => p.text)
        )
        const stable = published.filter(p => !p.pre)
        const top = (series: (p: Version) => boolean) => !release.pre && stable.filter(series).every(p => compareVersions(release, p) >= 0)
        expect(tags.includes('latest')).toBe(top(() => true))
        expect(tags.includes(`${release.major}`)).toBe(top(p => p.major === release.major))
        expect(tags.includes(`${release.major}.${release.minor}`)).toBe(top(p => p.major === release.major && p.minor === release.minor))
        expect(tags[0]).toBe(release.text)
        if (tags.includes('latest')) sawLatest++
        else sawNoLatest++
      }),
      { numRuns: 500 }
    )
    expect(Math.min(sawLatest, sawNoLatest)).toBeGreaterThan(50)
  })
})

describe('tag-policy: semver', () => {
  const ctx = (ref: string) => runContext({ GITHUB_REF: ref, GITHUB_SHA: '0123456789abcdef' }, () => '{}')
  const inputs = {
    image: 'ghcr.io/p/ci-base',
    tags: [],
    tagPolicy: [{ kind: 'semver' as const }, { kind: 'sha' as const }],
    tagPrefix: '',
    tagSuffix: ''
  }
  test('on a version tag: the release tags next to the others', () => {
    const version = releaseVersion(inputs, ctx('refs/tags/v1.2.3'))!
    expect(imageTags(inputs, ctx('refs/tags/v1.2.3'), new Date(), { version, published: ['1.2.2'] })).toEqual([
      'ghcr.io/p/ci-base:1.2.3',
      'ghcr.io/p/ci-base:1.2',
      'ghcr.io/p/ci-base:1',
      'ghcr.io/p/ci-base:latest',
      'ghcr.io/p/ci-base:sha-0123456'
    ])
  })
  test('published versions unknown: only the full version', () => {
    const version = releaseVersion(inputs, ctx('refs/tags/v1.2.3'))!
    expect(imageTags(inputs, ctx('refs/tags/v1.2.3'), new Date(), { version })).toEqual([
      'ghcr.io/p/ci-base:1.2.3',
      'ghcr.io/p/ci-base:sha-0123456'
    ])
  })
  test('a branch run: no release, no error', () => expect(releaseVersion(inputs, ctx('refs/heads/main'))).toBeUndefined())
  test('a tag that is no version is an error naming the input and the tag', () => {
    expect(() => releaseVersion(inputs, ctx('refs/tags/nightly'))).toThrow(
      "Input 'tag-policy': 'semver' needs a version tag such as v1.2.3 or 1.2.3-rc.1; this run's tag is 'nightly'."
    )
  })
})

// tag-policy against docker/metadata-action: event by event, the tags its README documents for
// the same configuration (its `type=ref`, `type=edge`, `type=schedule`, `type=sha` and
// `type=semver` tables, and its flavor's prefix and suffix), and its version, labels and json.
import { INPUT_DEFAULTS, parseInputs, type RawInputs } from '../../../../src/core/inputs/inputs'
import { runContext } from '../../../../src/core/inputs/github-context'
import { formatDate, ociLabels, releaseVersion, tagNames, tagSafe, imageTags } from '../../../../src/core/inputs/tags'
import { parseVersion } from '../../../../src/core/registry/semver'

const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37'
const HEAD = 'fedcba9876543210fedcba9876543210fedcba98'
// metadata-action's documented examples render this moment.
const NOW = new Date('2020-01-10T00:30:00Z')

const inputs = (over: Partial<RawInputs>) => parseInputs({ ...INPUT_DEFAULTS, image: 'name/app', ...over })

interface Event {
  name: string
  ref: string
  payload?: object
}
const EVENTS: Record<string, Event> = {
  'push to master': { name: 'push', ref: 'refs/heads/master' },
  'push to my/branch': { name: 'push', ref: 'refs/heads/my/branch' },
  'push to releases/v1': { name: 'push', ref: 'refs/heads/releases/v1' },
  'pull request 2': { name: 'pull_request', ref: 'refs/pull/2/merge', payload: { pull_request: { number: 2, head: { sha: HEAD } } } },
  'push tag v1.2.3': { name: 'push', ref: 'refs/tags/v1.2.3' },
  'push tag v2.0.8-beta.67': { name: 'push', ref: 'refs/tags/v2.0.8-beta.67' },
  'schedule on master': { name: 'schedule', ref: 'refs/heads/master' },
  'workflow_dispatch on master': { name: 'workflow_dispatch', ref: 'refs/heads/master' }
}

const ctxOf = (e: Event) =>
  runContext(
    {
      GITHUB_SHA: SHA,
      GITHUB_REF: e.ref,
      GITHUB_EVENT_NAME: e.name,
      GITHUB_EVENT_PATH: '/event.json',
      GITHUB_REPOSITORY: 'octocat/Hello-World'
    },
    () => JSON.stringify({ repository: { default_branch: 'master' }, ...e.payload })
  )

function namesFor(policy: string, event: string, over: Partial<RawInputs> = {}) {
  const i = inputs({ 'tag-policy': policy, ...over })
  const ctx = ctxOf(EVENTS[event])
  const version = releaseVersion(i, ctx)
  const named = tagNames(i, ctx, NOW, version ? { version, published: [] } : undefined)
  return { tags: named.tags.map(t => t.slice('name/app:'.length)), version: named.version }
}

describe("metadata-action's tags, event by event", () => {
  // tag-policy: ref  ==  type=ref,event=branch + type=ref,event=tag + type=ref,event=pr
  test.each([
    ['pull request 2', ['pr-2']],
    ['push to master', ['master']],
    ['push to my/branch', ['my-branch']],
    ['push to releases/v1', ['releases-v1']],
    ['push tag v1.2.3', ['v1.2.3']],
    ['push tag v2.0.8-beta.67', ['v2.0.8-beta.67']],
    ['workflow_dispatch on master', ['master']]
  ])('ref on %s: %j', (event, tags) => expect(namesFor('ref', event).tags).toStrictEqual(tags))

  // tag-policy: edge  ==  type=edge (the default branch), edge:BRANCH  ==  type=edge,branch=BRANCH
  test.each([
    ['edge', 'push to master', ['edge']],
    ['edge', 'schedule on master', ['edge']],
    ['edge', 'push to my/branch', []],
    ['edge', 'pull request 2', []],
    ['edge', 'push tag v1.2.3', []],
    ['edge:my/branch', 'push to my/branch', ['edge']],
    ['edge:my/branch', 'push to master', []]
  ])('%s on %s: %j', (policy, event, tags) => expect(namesFor(policy, event).tags).toStrictEqual(tags))

  // tag-policy: schedule[:PATTERN]  ==  type=schedule[,pattern=PATTERN], only on schedule events
  test.each([
    ['schedule', ['nightly']],
    ['schedule:nightly', ['nightly']],
    ["schedule:{{date 'YYYYMMDD'}}", ['20200110']],
    ["schedule:{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}", ['20200110-093000']],
    ['schedule:{{branch}}-{{sha}}', ['master-860c190']]
  ])('%s on a schedule: %j', (policy, tags) => {
    expect(namesFor(policy, 'schedule on master').tags).toStrictEqual(tags)
    expect(namesFor(policy, 'push to master').tags).toStrictEqual([])
  })

  // tag-policy: sha  ==  type=sha; sha:long  ==  format=long; sha:12  ==  DOCKER_METADATA_SHORT_SHA_LENGTH=12;
  // sha:head  ==  DOCKER_METADATA_PR_HEAD_SHA=true
  test.each([
    ['sha', 'push to master', ['sha-860c190']],
    ['sha:long', 'push to master', [`sha-${SHA}`]],
    ['sha:12', 'push to master', ['sha-860c1904a1ce']],
    ['sha', 'pull request 2', ['sha-860c190']],
    ['sha:head', 'pull request 2', ['sha-fedcba9']],
    ['sha:12:head', 'pull request 2', ['sha-fedcba987654']],
    ['sha:head', 'push to master', ['sha-860c190']]
  ])('%s on %s: %j', (policy, event, tags) => expect(namesFor(policy, event).tags).toStrictEqual(tags))

  // tag-policy: semver  ==  type=semver with {{version}}, {{major}}.{{minor}} and {{major}} (a
  // pre-release gets {{version}} only); latest as metadata's flavor latest=auto gives it on a release
  test.each([
    ['push tag v1.2.3', ['1.2.3', '1.2', '1', 'latest']],
    ['push tag v2.0.8-beta.67', ['2.0.8-beta.67']],
    ['push to master', []]
  ])('semver on %s: %j', (event, tags) => expect(namesFor('semver', event).tags).toStrictEqual(tags))

  // The README's usage table for type=schedule + type=ref (branch, tag, pr) + type=sha together.
  test.each([
    ['pull request 2', ['pr-2', 'sha-860c190'], 'pr-2'],
    ['push to master', ['master', 'sha-860c190'], 'master'],
    ['push to releases/v1', ['releases-v1', 'sha-860c190'], 'releases-v1'],
    ['push tag v1.2.3', ['v1.2.3', 'sha-860c190'], 'v1.2.3'],
    ['schedule on master', ['nightly', 'master', 'sha-860c190'], 'nightly']
  ])('schedule, ref, sha on %s: tags %j, version %s', (event, tags, version) => {
    expect(namesFor('schedule, ref, sha', event)).toStrictEqual({ tags, version })
  })

  test('the version is the highest-priority tag: a release over edge over ref over the explicit tags over sha', () => {
    expect(namesFor('sha, ref, semver', 'push tag v1.2.3').version).toBe('1.2.3')
    expect(namesFor('sha, ref, edge', 'push to master').version).toBe('edge')
    expect(namesFor('sha, ref', 'push to master', { tags: '1.4.0' }).version).toBe('master')
    expect(namesFor('sha', 'push to master', { tags: '1.4.0' }).version).toBe('1.4.0')
    expect(namesFor('sha', 'push to master').version).toBe('sha-860c190')
    expect(namesFor('latest', 'push to master').version).toBe('')
  })

  // tag-prefix / tag-suffix  ==  flavor prefix= / suffix= (onlatest=false): every generated tag but latest
  test('prefix and suffix go on every automatic tag but latest; the explicit tags stay as written', () => {
    expect(namesFor('ref, sha, latest', 'push to master', { 'tag-prefix': 'ci-', 'tag-suffix': '-alpine', tags: '1.4.0' })).toStrictEqual({
      tags: ['1.4.0', 'ci-master-alpine', 'ci-sha-860c190-alpine', 'latest'],
      version: 'ci-master-alpine'
    })
    expect(namesFor('semver', 'push tag v1.2.3', { 'tag-suffix': '-slim' }).tags).toStrictEqual([
      '1.2.3-slim',
      '1.2-slim',
      '1-slim',
      'latest'
    ])
  })
})

describe("metadata-action's sanitising, dates and labels", () => {
  test.each([
    ['my/branch', 'my-branch'],
    ['feature//a b', 'feature-a-b'],
    ['-dash', 'dash'],
    ['.dot', 'dot'],
    ['émoji✓ok', 'moji-ok'],
    ['x'.repeat(200), 'x'.repeat(128)]
  ])('tagSafe(%j) = %j', (value, tag) => expect(tagSafe(value)).toBe(tag))

  test('date tokens in UTC and in a named zone', () => {
    expect(formatDate(NOW, 'YYYY-MM-DD HH:mm:ss YY')).toBe('2020-01-10 00:30:00 20')
    expect(formatDate(NOW, 'YYYYMMDD-HHmmss', 'Asia/Tokyo')).toBe('20200110-093000')
    expect(formatDate(new Date('2020-01-10T23:59:59Z'), 'HH', 'UTC')).toBe('23')
  })

  test('labels: title and url from the repository, description and licenses from the event, version from the tags; the Dockerfile keeps its own title', () => {
    const ctx = runContext(
      {
        GITHUB_SHA: SHA,
        GITHUB_REF: 'refs/pull/2/merge',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: '/e',
        GITHUB_REPOSITORY: 'octocat/Hello-World'
      },
      () =>
        JSON.stringify({
          repository: { description: 'This your first repo!', license: { spdx_id: 'MIT' } },
          pull_request: { number: 2, head: { sha: HEAD } }
        })
    )
    const i = inputs({ 'tag-policy': 'ref, sha:head' })
    const labels = Object.fromEntries(ociLabels(i, ctx, NOW).map(l => l.split('=')))
    expect(labels).toStrictEqual({
      'org.opencontainers.image.title': 'Hello-World',
      'org.opencontainers.image.description': 'This your first repo!',
      'org.opencontainers.image.url': 'https://github.com/octocat/Hello-World',
      'org.opencontainers.image.source': 'https://github.com/octocat/Hello-World',
      'org.opencontainers.image.version': 'pr-2',
      'org.opencontainers.image.created': '2020-01-10T00:30:00Z',
      'org.opencontainers.image.revision': HEAD,
      'org.opencontainers.image.licenses': 'MIT'
    })
    const withTitle = ociLabels(i, ctx, NOW, 'FROM x\nLABEL org.opencontainers.image.title="Mine" org.opencontainers.image.licenses=${L}\n')
    expect(withTitle.filter(l => /image\.(title|licenses)=/.test(l))).toStrictEqual([])
    const noAssertion = runContext({ GITHUB_EVENT_PATH: '/e', GITHUB_REPOSITORY: 'o/r' }, () =>
      JSON.stringify({ repository: { license: { spdx_id: 'NOASSERTION' } } })
    )
    expect(ociLabels(i, noAssertion, NOW).filter(l => l.includes('licenses'))).toStrictEqual([])
  })

  test.each([
    ['sha:6', "sha takes a length from 7 to 40, long, or head; not '6'"],
    ['sha:41', "not '41'"],
    ['ref:main', 'ref takes no options'],
    ['schedule:{{when}}', 'holds an expression other than'],
    ["schedule:{{date 'YYYY' tz='Mars/Base'}}", "'Mars/Base' is not a time zone"],
    ['edge:a b', "'a b' is not a branch name"]
  ])('tag-policy %j is refused: %s', (policy, message) => {
    expect(() => inputs({ 'tag-policy': policy })).toThrow(message)
  })
  test.each([
    ['tag-prefix', '-x'],
    ['tag-prefix', 'a/b'],
    ['tag-suffix', 'a b']
  ])('%s %j is refused, naming the input', (name, value) => expect(() => inputs({ [name]: value })).toThrow(`Input '${name}': '${value}'`))
})

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
  test('semver tags only with the semver policy', () => {
    const release = { version: parseVersion('refs/tags/v1.2.3')!, published: [] }
    const ctx = runContext({ GITHUB_SHA: 'abcdef0123', GITHUB_REF: 'refs/tags/v1.2.3' }, () => '{}')
    expect(
      imageTags({ image: 'r/x', tags: [], tagPolicy: [{ kind: 'sha' }], tagPrefix: '', tagSuffix: '' }, ctx, new Date(0), release)
    ).toStrictEqual(['r/x:sha-abcdef0'])
  })
})

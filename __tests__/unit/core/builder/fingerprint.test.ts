// The fingerprint of what decides an image: which context files a Dockerfile reads, what counts
// (and what does not), and why a run builds. The one fault it may not have is a false "same".
import { readFileSync } from 'node:fs'
import {
  ACTION_MAJOR_MINOR,
  argsOf,
  builderIdentity,
  builderNeeds,
  contextReads,
  fingerprintAnnotations,
  fingerprintOf,
  parseFingerprint,
  platformEntryAnnotations,
  rebuildReasons,
  sameInputs,
  settingsOf,
  sha256,
  skipDecision,
  recordedVerify,
  syntaxOf,
  whyBuild,
  type Fingerprint
} from '../../../../src/core/builder/fingerprint'
import { ignoreMatcher } from '../../../../src/core/builder/dockerignore'
import { INPUT_DEFAULTS, parseInputs } from '../../../../src/core/inputs/inputs'

const inputs = parseInputs({ ...INPUT_DEFAULTS, platforms: 'linux/amd64,linux/arm64', 'build-args': 'PACKAGES_MONTH=2026-11' })
const base = (): Fingerprint =>
  fingerprintOf({
    dockerfile: sha256('FROM node:20-alpine\n'),
    context: { digest: sha256('files'), files: 2, sums: { 'src/a.ts': 'aaaaaaaaaaaa', 'package.json': 'bbbbbbbbbbbb' } },
    bases: { 'node:20-alpine': `sha256:${'a'.repeat(64)}` },
    args: argsOf(inputs.buildArgs),
    settings: settingsOf(inputs, 'driver docker-container, buildkit moby/buildkit:v0.26.0', ACTION_MAJOR_MINOR)
  })

describe('which context files a Dockerfile reads', () => {
  test('COPY and ADD sources of the stages the target needs; globs read their directory; a stage not needed reads nothing', () => {
    const dockerfile = [
      'FROM node:20-alpine AS deps',
      'COPY package.json pnpm-lock.yaml ./',
      'FROM deps AS build',
      'COPY src/*.ts ./src/',
      'RUN --mount=type=bind,source=scripts,target=/s sh /s/build.sh',
      'FROM alpine:3.20 AS docs',
      'COPY docs/ /docs',
      'FROM build AS app',
      'COPY --from=deps /app/node_modules ./node_modules',
      'COPY --chown=1001:1001 ["config/app.json", "/etc/app.json"]'
    ].join('\n')
    expect(contextReads(dockerfile, [], 'app')).toStrictEqual({
      paths: ['config/app.json', 'package.json', 'pnpm-lock.yaml', 'scripts', 'src'],
      images: ['node:20-alpine'],
      bases: ['node:20-alpine'],
      namedContexts: [],
      unknowable: []
    })
    // The docs stage is built only for its own target.
    expect(contextReads(dockerfile, [], 'docs').paths).toStrictEqual(['docs'])
  })

  test('build args substitute in sources; a variable that cannot be resolved takes in the whole context', () => {
    const dockerfile = 'FROM scratch\nARG APP=web\nCOPY apps/${APP}/ /app/\nCOPY $UNKNOWN /x\n'
    expect(contextReads(dockerfile, ['APP=api'], '').paths).toStrictEqual(['.', 'apps/api'])
  })

  test('a bind mount without source reads the whole context; heredocs and --from images read none of it', () => {
    const dockerfile = 'FROM scratch\nCOPY <<EOF /x\nhi\nEOF\nCOPY --from=busybox:1 /bin/sh /sh\nRUN --mount=type=bind make\n'
    const reads = contextReads(dockerfile, [], '')
    expect(reads.paths).toStrictEqual(['.'])
    expect(reads.images).toStrictEqual(['busybox:1'])
    // ONBUILD triggers run only for a stage's own base, not for an image copied from.
    expect(reads.bases).toStrictEqual([])
  })

  test('an ADD of a URL without --checksum, or of a git repository, makes the fingerprint unknowable', () => {
    expect(contextReads('FROM scratch\nADD https://example.com/a.tgz /a\n', [], '').unknowable).toHaveLength(1)
    expect(contextReads(`FROM scratch\nADD --checksum=sha256:${'a'.repeat(64)} https://example.com/a.tgz /a\n`, [], '').unknowable).toEqual(
      []
    )
    expect(contextReads('FROM scratch\nADD git@github.com:x/y.git /y\n', [], '').unknowable).toHaveLength(1)
  })

  test('named build contexts are read by name; FROM and COPY --from an image are bases', () => {
    const reads = contextReads('FROM base AS b\nCOPY --from=deps / /\n', [], '', ['deps', 'base'])
    expect(reads.namedContexts.sort()).toStrictEqual(['base', 'deps'])
    expect(reads.images).toStrictEqual([])
  })

  test('the syntax directive, only before the first instruction', () => {
    expect(syntaxOf('# syntax=docker/dockerfile:1.7\nFROM scratch\n')).toBe('docker/dockerfile:1.7')
    expect(syntaxOf('FROM scratch\n# syntax=docker/dockerfile:1.7\n')).toBeUndefined()
  })
})

describe('.dockerignore', () => {
  test.each<[string, string, boolean]>([
    ['README.md', 'README.md', true],
    ['*.md', 'docs/a.md', false],
    ['**/*.md', 'docs/a.md', true],
    ['docs', 'docs/deep/a.md', true],
    ['/docs/', 'docs/a.md', true],
    ['*\n!Dockerfile.base', 'Dockerfile.base', false],
    ['*\n!Dockerfile.base', 'src/a.ts', true],
    ['node_modules\n!node_modules/keep', 'node_modules/keep/x.js', false],
    ['a?c', 'abc', true],
    ['a[0-9]', 'a5', true],
    ['# a comment\n\n', 'anything', false]
  ])('%j leaves out %s: %s', (patterns, path, excluded) => expect(ignoreMatcher(patterns)(path)).toBe(excluded))

  test('a pattern it cannot read leaves nothing out: more is taken in, never less', () => {
    expect(ignoreMatcher('[unclosed\n*')('src/a.ts')).toBe(false)
  })
})

describe('each part changed alone makes a build; what does not decide the image does not', () => {
  const changedAlone: [string, (f: Fingerprint) => Fingerprint][] = [
    ['the Dockerfile', f => ({ ...f, dockerfile: sha256('FROM node:22-alpine\n') })],
    ['a context file', f => ({ ...f, context: { ...f.context, digest: sha256('other files') } })],
    ['a base moved', f => ({ ...f, bases: { 'node:20-alpine': `sha256:${'b'.repeat(64)}` } })],
    ['a base added', f => ({ ...f, bases: { ...f.bases, 'alpine:3.20': `sha256:${'c'.repeat(64)}` } })]
  ]
  test.each(changedAlone)('%s', (_, change) => {
    expect(sameInputs(base(), change(base()))).toBe(false)
    expect(sameInputs(base(), base())).toBe(true)
  })

  // Every setting the fingerprint takes, each changed alone: a setting added to settingsOf is in this table by itself.
  const settings = settingsOf(inputs, 'b', 'a')
  test.each(Object.keys(settings))('the setting %s', key => {
    const changed = fingerprintOf({ ...base(), settings: { ...settings, [key]: `${settings[key]}-changed` } })
    const same = fingerprintOf({ ...base(), settings })
    expect(sameInputs(same, changed)).toBe(false)
    expect(rebuildReasons(same, changed)).toStrictEqual([`\`${key}\` changed`])
  })

  test('a build arg, by name, old value to new', () => {
    const moved = fingerprintOf({
      ...base(),
      settings: settingsOf(inputs, 'driver docker-container, buildkit moby/buildkit:v0.26.0', ACTION_MAJOR_MINOR),
      args: { PACKAGES_MONTH: '2026-12' }
    })
    expect(sameInputs(base(), moved)).toBe(false)
    expect(rebuildReasons(base(), moved)).toStrictEqual(['build arg `PACKAGES_MONTH` 2026-11 → 2026-12'])
  })

  test('a secret-looking build arg is kept as a sum, and still changes the fingerprint', () => {
    expect(argsOf(['NPM_TOKEN=abc', 'MONTH=11'])).toStrictEqual({ NPM_TOKEN: expect.stringMatching(/^sum:[0-9a-f]{12}$/), MONTH: '11' })
    expect(argsOf(['NPM_TOKEN=abc']).NPM_TOKEN).not.toBe(argsOf(['NPM_TOKEN=abd']).NPM_TOKEN)
  })

  test('the tags and the labels that only name the commit are no part of it', () => {
    const withCommit = parseInputs({
      ...INPUT_DEFAULTS,
      platforms: 'linux/amd64,linux/arm64',
      tags: 'r/x:sha-123',
      labels: 'org.opencontainers.image.revision=abc\norg.opencontainers.image.created=2026-12-01T00:00:00Z',
      annotations: 'index:org.opencontainers.image.revision=abc'
    })
    expect(settingsOf(withCommit, 'b', 'a')).toStrictEqual(
      settingsOf(parseInputs({ ...INPUT_DEFAULTS, platforms: 'linux/amd64,linux/arm64' }), 'b', 'a')
    )
  })

  test('reasons come first difference first: base, build arg, context files by name, Dockerfile', () => {
    const now: Fingerprint = {
      ...base(),
      dockerfile: sha256('other'),
      bases: { 'node:20-alpine': `sha256:${'b'.repeat(64)}` },
      context: { digest: sha256('x'), files: 2, sums: { 'src/a.ts': 'cccccccccccc', 'package.json': 'bbbbbbbbbbbb' } },
      args: { PACKAGES_MONTH: '2026-12' }
    }
    expect(
      rebuildReasons(base(), {
        ...now,
        rest: fingerprintOf({
          ...now,
          settings: settingsOf(inputs, 'driver docker-container, buildkit moby/buildkit:v0.26.0', ACTION_MAJOR_MINOR)
        }).rest
      })
    ).toStrictEqual([
      `base \`node:20-alpine\` moved \`sha256:aaaaaaaaaaaa…\` → \`sha256:bbbbbbbbbbbb…\``,
      'build arg `PACKAGES_MONTH` 2026-11 → 2026-12',
      'context: 1 file changed (`src/a.ts`)',
      'Dockerfile changed'
    ])
  })
})

describe('recorded on the index and read back', () => {
  test('the annotations read back as the same fingerprint', () => {
    const f = base()
    expect(parseFingerprint(fingerprintAnnotations(f))).toStrictEqual(f)
  })
  test('a missing or damaged record is no fingerprint', () => {
    expect(parseFingerprint({})).toBeUndefined()
    expect(
      parseFingerprint({ ...fingerprintAnnotations(base()), 'com.github.phialo.ci-base-action.fingerprint.args': '{' })
    ).toBeUndefined()
  })
})

describe('why a run builds', () => {
  const found = (annotations?: Record<string, string>) => ({
    ref: 'r/x:latest',
    status: 'found' as const,
    image: { digest: `sha256:${'d'.repeat(64)}`, platforms: [], ...(annotations ? { annotations } : {}) }
  })
  const taken = { fingerprint: base() }
  test.each<[string, Parameters<typeof whyBuild>, RegExp | null]>([
    ['the same inputs: no reason', [inputs, taken, found(fingerprintAnnotations(base()))], null],
    ['no-cache always builds', [{ ...inputs, noCache: true }, taken, found(fingerprintAnnotations(base()))], /no-cache is set/],
    [
      'no-cache-filters always build',
      [{ ...inputs, noCacheFilters: ['deps'] }, taken, found(fingerprintAnnotations(base()))],
      /no-cache-filters/
    ],
    [
      'an unknowable fingerprint',
      [inputs, { unknowable: ['ADD https://x without --checksum'] }, found(fingerprintAnnotations(base()))],
      /ADD https/
    ],
    ['no published image', [inputs, taken, { ref: 'r/x:latest', status: 'missing' }], /no published image at r\/x:latest/],
    ['an image with no fingerprint', [inputs, taken, found({})], /carries no fingerprint/]
  ])('%s', (_, args, reason) => {
    const reasons = whyBuild(...args)
    if (reason) expect(reasons.join('\n')).toMatch(reason)
    else expect(reasons).toStrictEqual([])
  })

  test("a per-platform job compares with its platform's entry in the merged index, not the index's own", () => {
    const arm = { ...inputs, mode: 'platform' as const, platforms: ['linux/arm64'] }
    const armTaken = { fingerprint: { ...base(), rest: sha256('arm64 job') } }
    const entry = (platform: string, f: Fingerprint) => ({
      platform,
      digest: `sha256:${platform.endsWith('arm64') ? 'b' : 'a'}`.padEnd(71, '0'),
      size: 1,
      layers: 1,
      breakdown: [],
      annotations: fingerprintAnnotations(f)
    })
    const merged = (amd: Fingerprint, armf: Fingerprint) => ({
      ref: 'r/x:latest',
      status: 'found' as const,
      // The index's own annotations name the amd64 job's fingerprint: a per-platform job must not read them.
      image: {
        digest: `sha256:${'d'.repeat(64)}`,
        platforms: [entry('linux/amd64', amd), entry('linux/arm64', armf)],
        annotations: fingerprintAnnotations(amd)
      }
    })
    expect(whyBuild(arm, armTaken, merged(base(), armTaken.fingerprint))).toStrictEqual([])
    expect(whyBuild(arm, armTaken, merged(armTaken.fingerprint, base()))).toStrictEqual(['the inputs changed'])
    const noEntry = { ...merged(base(), base()), image: { ...merged(base(), base()).image, platforms: [] } }
    expect(whyBuild(arm, armTaken, noEntry).join('\n')).toMatch(/records no fingerprint for linux\/arm64/)
    // A whole-image build reads the index's own, whatever its entries say.
    expect(whyBuild(inputs, { fingerprint: base() }, merged(base(), armTaken.fingerprint))).toStrictEqual([])
  })
})

test("the action's major.minor in the fingerprint is package.json's", () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
  expect(ACTION_MAJOR_MINOR).toBe(version.split('.').slice(0, 2).join('.'))
})

describe('skip-unchanged: nothing to build only when nothing the image is built from changed, and the image can stand in', () => {
  const record = {
    'com.github.phialo.ci-base-action.built': '2026-11-30T04:00:00Z',
    'com.github.phialo.ci-base-action.platforms': 'linux/amd64=1000/3',
    'com.github.phialo.ci-base-action.build-seconds': '12.0',
    'com.github.phialo.ci-base-action.cache-hit-rate': '100'
  }
  const weekly = { ...inputs, push: true, skipUnchanged: true }
  const published = (annotations: Record<string, string>) => ({
    ref: 'r/x:latest',
    status: 'found' as const,
    image: { digest: `sha256:${'d'.repeat(64)}`, platforms: [], annotations }
  })
  const same = published({ ...record, ...fingerprintAnnotations(base()) })
  const taken = { fingerprint: base() }

  test('the same fingerprint on a recorded image: nothing to build, reported from its record', () => {
    expect(skipDecision(weekly, taken, same)).toMatchObject({ skip: true, record: { built: '2026-11-30T04:00:00Z', buildSeconds: 12 } })
  })
  test.each<[string, Parameters<typeof skipDecision>]>([
    ['skip-unchanged: false', [{ ...weekly, skipUnchanged: false }, taken, same]],
    ['a per-platform job whose platform has no recorded entry', [{ ...weekly, mode: 'platform', platforms: ['linux/amd64'] }, taken, same]],
    ['a merge job', [{ ...weekly, mode: 'merge' }, taken, same]],
    ['no push', [{ ...weekly, push: false }, taken, same]],
    ['load', [{ ...weekly, load: true }, taken, same]],
    ['a scan', [{ ...weekly, scanReport: 'trivy' }, taken, same]],
    ['no-cache', [{ ...weekly, noCache: true }, taken, same]],
    ['no-cache-filters', [{ ...weekly, noCacheFilters: ['deps'] }, taken, same]],
    ['an unknowable fingerprint', [weekly, { unknowable: ['ADD of a URL'] }, same]],
    ['a base moved', [weekly, { fingerprint: { ...base(), bases: { 'node:20-alpine': `sha256:${'e'.repeat(64)}` } } }, same]],
    ['no published image', [weekly, taken, { ref: 'r/x:latest', status: 'missing' }]],
    ['an image without a record', [weekly, taken, published(fingerprintAnnotations(base()))]],
    ['an image without a fingerprint', [weekly, taken, published(record)]],
    ['verify asked and not recorded as passed', [{ ...weekly, requireNonRoot: true }, taken, same]]
  ])('builds: %s', (_, args) => expect(skipDecision(...args).skip).toBe(false))
  describe('a per-platform job: its platform in the merged index', () => {
    const job = { ...weekly, mode: 'platform' as const, platforms: ['linux/arm64'] }
    const merged = (entry: Record<string, string>) => ({
      ...same,
      image: {
        ...same.image,
        platforms: [{ platform: 'linux/arm64', digest: `sha256:${'b'.repeat(64)}`, size: 1, layers: 1, breakdown: [], annotations: entry }]
      }
    })
    const entry = platformEntryAnnotations({ fingerprint: base() })
    test('the same fingerprint on its entry: nothing to build', () => expect(skipDecision(job, taken, merged(entry)).skip).toBe(true))
    test.each<[string, Parameters<typeof skipDecision>]>([
      ['several platforms in one job', [{ ...job, platforms: ['linux/arm64', 'linux/amd64'] }, taken, merged(entry)]],
      ["attest (its attestations are a new build's)", [{ ...job, attest: ['provenance'] }, taken, merged(entry)]],
      ['verify asked, not recorded on its entry', [{ ...job, requireNonRoot: true }, taken, merged(entry)]],
      [
        'verify asked, failed on its entry',
        [{ ...job, requireNonRoot: true }, taken, merged(platformEntryAnnotations({ fingerprint: base(), verify: 'failed' }))]
      ],
      [
        'another fingerprint on its entry',
        [job, taken, merged(platformEntryAnnotations({ fingerprint: { ...base(), dockerfile: sha256('x') } }))]
      ]
    ])('builds: %s', (_, args) => expect(skipDecision(...args).skip).toBe(false))
    test('verify asked and passed on its entry: nothing to build', () =>
      expect(
        skipDecision({ ...job, requireNonRoot: true }, taken, merged(platformEntryAnnotations({ fingerprint: base(), verify: 'passed' })))
          .skip
      ).toBe(true))
    test("recordedVerify: a per-platform job reads its entry, never the index's record; a build reads its record", () => {
      const failedEntry = merged(platformEntryAnnotations({ fingerprint: base(), verify: 'failed' })).image
      expect(recordedVerify(job, failedEntry, { verify: 'passed' })).toBe('failed')
      expect(recordedVerify(job, merged(entry).image, { verify: 'passed' })).toBeUndefined()
      expect(recordedVerify(job, merged({ 'com.github.phialo.ci-base-action.verify': 'maybe' }).image, {})).toBeUndefined()
      expect(recordedVerify(weekly, failedEntry, { verify: 'passed' })).toBe('passed')
    })
  })
  test('verify asked and recorded as passed: nothing to build', () => {
    const passed = published({ ...record, 'com.github.phialo.ci-base-action.verify': 'passed', ...fingerprintAnnotations(base()) })
    expect(skipDecision({ ...weekly, requireNonRoot: true }, taken, passed).skip).toBe(true)
  })
})

describe('the builder in the fingerprint', () => {
  test("the engine's version for the docker driver (and auto), the BuildKit image for a builder the action creates", () => {
    expect(builderNeeds({ driver: 'docker', builder: '', appendNodes: [] })).toStrictEqual({ engine: true, buildkit: false })
    expect(builderNeeds({ driver: 'auto', builder: '', appendNodes: [] })).toStrictEqual({ engine: true, buildkit: true })
    expect(builderNeeds({ driver: 'docker-container', builder: '', appendNodes: [] })).toStrictEqual({ engine: false, buildkit: true })
  })
  test.each<[string, Parameters<typeof builderNeeds>[0]]>([
    ['a builder of your own', { driver: 'auto', builder: 'mine', appendNodes: [] }],
    ['a remote BuildKit', { driver: 'remote', builder: '', appendNodes: [] }],
    ['appended nodes', { driver: 'docker-container', builder: '', appendNodes: [{ platform: 'linux/arm64', endpoint: 'tcp://a:1' }] }]
  ])('%s cannot be known before it builds: no fingerprint', (_, given) => expect(builderNeeds(given)).toHaveProperty('unknowable'))
  test('what was resolved is part of it', () => {
    const given = { driver: 'auto' as const, builder: '', endpoint: '', appendNodes: [] }
    expect(builderIdentity(given, { engine: '26.1.5' })).not.toBe(builderIdentity(given, { engine: '27.0.1' }))
    expect(builderIdentity(given, { buildkit: 'b@sha256:1' })).not.toBe(builderIdentity(given, { buildkit: 'b@sha256:2' }))
  })
})

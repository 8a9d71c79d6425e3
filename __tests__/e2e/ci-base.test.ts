// The CI base image's shape, built for real: the stand-in of Dockerfile.base (same stages, the
// local two-arch base in place of node:alpine) through the bundled action, as the weekly rebuild does.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { imageConfig, imageFiles, manifest, platformSizes, REGISTRY } from '../support/registry'
import { nonce, onEveryStack } from '../support/stack'

const context = '__tests__/fixtures/ci-base-standin'
// A scheduled run carries no commit in its payload: the checkout's own commit dates the image.
const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
// The weekly workflow's own checks of what the image promises.
const weeklyStep = parse(readFileSync('.github/workflows/weekly-rebuild.yml', 'utf8')).jobs.rebuild.steps.find(
  (s: { uses?: string }) => s.uses === './'
)
const headTime = Number(execFileSync('git', ['log', '-1', '--format=%ct', head], { encoding: 'utf8' }).trim())

onEveryStack('the CI base image stand-in, built as the weekly rebuild builds it', stack => {
  const run = nonce()
  const repo = `e2e/ci-base-${stack.name}-${run}`
  let event = ''
  // The rebuilds below are about the cache: the weekly checks (48 containers a run) ran on the first.
  const weekly = (month: string, checks = true) =>
    stack.run({
      inputs: {
        context,
        file: `${context}/Dockerfile`,
        image: `${REGISTRY}/${repo}`,
        push: 'true',
        'tag-policy': 'sha,date,latest',
        cache: 'registry,inline',
        pull: 'true',
        'build-args': `PACKAGES_MONTH=${month}\nPNPM_VERSION=9.15.2\nVERSION=${run}`,
        verify: checks ? weeklyStep.with.verify : '',
        'require-non-root': String(weeklyStep.with['require-non-root']),
        variants: weeklyStep.with.variants
      },
      env: { GITHUB_EVENT_PATH: event, GITHUB_EVENT_NAME: 'schedule', GITHUB_SHA: head }
    })
  let first: Awaited<ReturnType<typeof weekly>>
  beforeAll(async () => {
    event = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' } }))
    first = await weekly(`2026-11-${run}`)
  })

  test('pushed for both platforms with date, sha and latest tags', async () => {
    expect(first.main.code).toBe(0)
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '')
    expect(first.main.outputs.tags.split('\n').sort()).toEqual(
      [`${REGISTRY}/${repo}:sha-${head.slice(0, 7)}`, `${REGISTRY}/${repo}:${today}`, `${REGISTRY}/${repo}:latest`].sort()
    )
    expect(Object.keys(await platformSizes(repo, 'latest')).sort()).toEqual(['linux/amd64', 'linux/arm64'])
  })

  test("passes the weekly workflow's own checks on both platforms, as uid 1001", () => {
    expect(weeklyStep.with.verify.trim().split('\n')).toHaveLength(12)
    const { verify } = JSON.parse(first.main.outputs.report)
    expect(verify.users).toEqual([
      { platform: 'linux/amd64', user: '1001', uid: 1001, passed: true },
      { platform: 'linux/arm64', user: '1001', uid: 1001, passed: true }
    ])
    expect(verify.results).toHaveLength(24)
    expect(verify.results.filter((r: { passed: boolean }) => !r.passed)).toEqual([])
    expect(
      verify.results.find((r: { platform: string; command: string }) => r.platform === 'linux/arm64' && r.command === 'node --version')
        .output
    ).toBe('node stand-in aarch64')
    expect(first.main.outputs.verified).toBe('true')
    expect(first.main.summary).toContain('**Verify** — all passed')
  })

  test('the slim variant: its own -slim tags, the same layers without the build tools, its checks that apply passed', async () => {
    const tags = first.main.outputs.tags.split('\n')
    const [slim] = JSON.parse(first.main.outputs.variants)
    expect(slim).toMatchObject({ name: 'slim', target: 'slim' })
    expect([...slim.tags].sort()).toStrictEqual(tags.map((t: string) => `${t}-slim`).sort())
    const main = await platformSizes(repo, 'latest')
    const small = await platformSizes(repo, 'latest-slim')
    const slimIndex = (await manifest(repo, 'latest-slim'))!
    expect(slimIndex.digest).toBe(slim.digest)
    // Its own history: its index records its own sizes; the first build has nothing before it.
    expect(slimIndex.body.annotations?.['com.github.phialo.ci-base-action.platforms']).toBe(
      ['linux/amd64', 'linux/arm64'].map(p => `${p}=${small[p].size}/${small[p].layers}`).join(',')
    )
    expect(slimIndex.body.annotations?.['com.github.phialo.ci-base-action.previous']).toBeUndefined()
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      expect(small[platform].layers).toBe(main[platform].layers - 1)
      const files = await imageFiles(repo, small[platform].digest)
      expect(files.has('usr/share/ci-base/packages')).toBe(false)
      expect(files.get('usr/local/bin/node')).toBeDefined()
      expect((await imageConfig(repo, small[platform].digest)).config.User).toBe('1001')
    }
    expect(slim.size).toBe(small['linux/amd64'].size)
    expect(slim.sizeVsMain).toBe(small['linux/amd64'].size - main['linux/amd64'].size)
    const report = JSON.parse(first.main.outputs.report)
    const results = report.variants[0].verify.results as { command: string; passed: boolean; output: string }[]
    expect(results.every(r => r.passed)).toBe(true)
    const absent = results.filter(r => r.output === 'not in this variant (exit 127)').map(r => r.command)
    // The stand-in's build tools come with its packages step; busybox gives both targets nc.
    expect([...new Set(absent)].sort()).toStrictEqual(
      ['bash --version', 'curl --version', 'g++ --version', 'git --version', 'make --version', 'python3 --version'].sort()
    )
    expect(absent).toHaveLength(12)
    expect(results.find(r => r.command === 'node --version')?.passed).toBe(true)
    expect(first.main.summary).toMatch(/\| slim \| `slim` \| [\d.]+ MB \| -\d+ B \| 5 \| new \| ✅ \|/)
  })

  test('runs as the non-root user 1001, which owns the store and the work dir; CI environment set', async () => {
    const sizes = await platformSizes(repo, 'latest')
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const { config } = await imageConfig(repo, sizes[platform].digest)
      expect(config.User).toBe('1001')
      expect(config.WorkingDir).toBe('/app')
      expect(config.Env).toEqual(expect.arrayContaining(['CI=true', 'DO_NOT_TRACK=1', 'npm_config_store_dir=/pnpm/store', 'FORCE_COLOR=1']))
      expect(config.Labels?.['org.opencontainers.image.revision']).toBe(head)
      // Dated by the commit, not by the build: the rebuild below can give the same digest.
      expect(config.Labels?.['org.opencontainers.image.created']).toBe(new Date(headTime * 1000).toISOString().replace('.000Z', 'Z'))
      const files = await imageFiles(repo, sizes[platform].digest)
      expect(files.get('etc/passwd')?.content).toMatch(/^nodejs:x:1001:1001:/m)
      for (const dir of ['app', 'pnpm/store', 'usr/local/share/corepack']) expect([dir, files.get(dir)?.uid]).toEqual([dir, 1001])
      // Each platform's package step ran on (or emulated) that platform.
      expect(files.get('usr/share/ci-base/packages')?.content).toContain(platform === 'linux/arm64' ? 'aarch64' : 'x86_64')
    }
  })

  test('within a month a rebuild on an empty builder is fully cached; a new month rebuilds from the packages layer on', async () => {
    await stack.emptyBuilder()
    const same = await weekly(`2026-11-${run}`, false)
    expect(same.main.code).toBe(0)
    expect(same.main.outputs['cache-hit-rate']).toBe('100')
    // The same commit on the same base: the same image, reported as unchanged; no tag had to move.
    expect(same.main.outputs.digest).toBe(first.main.outputs.digest)
    expect(same.main.outputs.changed).toBe('false')
    expect(same.main.summary).toContain(
      `**Unchanged** since \`${REGISTRY}/${repo}:latest\` (made ${new Date(headTime * 1000).toISOString().slice(0, 10)})`
    )
    const next = await weekly(`2026-12-${run}`, false)
    expect(next.main.code).toBe(0)
    expect(next.main.outputs.changed).toBe('true')
    // The packages step is the last: only it is rebuilt, once per platform; pnpm, the environment
    // and the user come from cache.
    const { steps } = JSON.parse(same.main.outputs.report).steps
    expect(JSON.parse(next.main.outputs.report).steps).toEqual({ steps, cached: steps - 2 })
    // The slim variant has no packages step: unchanged, its tags stay where they were.
    expect(JSON.parse(next.main.outputs.variants)[0].digest).toBe(JSON.parse(first.main.outputs.variants)[0].digest)
  })
})

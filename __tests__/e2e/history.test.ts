// The history kept on the published images: a series of pushed builds whose sizes change,
// checked in the registry's own manifests (each index records its metrics and names the one
// before), then a PR run that shows the trend, where it would sit, and which step grew.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { platformSizes, manifest, REGISTRY, type Manifest } from '../support/registry'
import { errorLines, expectGreen, fixture, nonce, onEveryStack } from '../support/stack'
import { ROOT, type ActionRun } from '../support/runner'
import { cli } from '../support/cli'

const growing = fixture('growing')
const KEY = 'com.github.phialo.ci-base-action'
const PAD = 'RUN head -c $((PAD_KB * 1024)) /dev/urandom > /pad.bin && uname -m >> /pad.bin'
const report = (r: ActionRun) => JSON.parse(r.main.outputs.report)
const scans = join(ROOT, '__tests__', 'fixtures', 'scan')

/**
 * A `trivy` on PATH that answers as trivy does: the JSON report (here a fixture of its format)
 * written to --output. It notes its arguments: which image the action asked it to scan.
 */
function fakeTrivy(): { path: string; argv: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'trivy-'))
  const args = join(dir, 'args')
  writeFileSync(
    join(dir, 'trivy'),
    `#!/bin/sh\nprintf '%s\\n' "$@" > '${args}'\nwhile [ $# -gt 0 ]; do [ "$1" = --output ] && cp '${join(scans, 'trivy.json')}' "$2"; shift; done\n`
  )
  chmodSync(join(dir, 'trivy'), 0o755)
  return { path: `${dir}:${process.env.PATH}`, argv: () => readFileSync(args, 'utf8').trim().split('\n') }
}

onEveryStack('history on the images: a series of builds, its chain and its trend', stack => {
  const run = nonce()
  const repo = `e2e/history-${stack.name}-${run}`
  const image = `${REGISTRY}/${repo}`
  const trivy = fakeTrivy()
  const build = (padKb: number, inputs: Record<string, string> = {}) =>
    stack.run({
      env: { PATH: trivy.path },
      inputs: {
        ...growing,
        image,
        cache: 'registry',
        'tag-policy': 'none',
        tags: 'latest',
        'build-args': `NONCE=${run}\nPAD_KB=${padKb}`,
        ...inputs
      }
    })
  const pads = [100, 300, 200]
  const pushed: ActionRun[] = []
  let pr: ActionRun

  beforeAll(async () => {
    // The last of the series is scanned by trivy, run by the action.
    for (const [i, pad] of pads.entries())
      pushed.push(await build(pad, { push: 'true', ...(i === pads.length - 1 ? { 'scan-report': 'trivy' } : {}) }))
    pr = await build(600, { push: 'false', tags: '', 'cache-write': 'never' })
  })

  test('each pushed index records its metrics and names the one before: the registry alone walks the chain', async () => {
    pushed.forEach(expectGreen)
    const chain: { digest: string; body: Manifest }[] = []
    for (let at: string | undefined = 'latest'; at;) {
      const m: { digest: string; body: Manifest } = (await manifest(repo, at))!
      chain.push(m)
      at = m.body.annotations?.[`${KEY}.previous`]?.split('@')[1]
    }
    expect(chain.map(m => m.digest)).toStrictEqual(pushed.map(r => r.main.outputs.digest).reverse())
    for (const [i, m] of chain.entries()) {
      const sizes = await platformSizes(repo, m.digest)
      expect(m.body.annotations?.[`${KEY}.platforms`]).toBe(
        ['linux/amd64', 'linux/arm64'].map(p => `${p}=${sizes[p].size}/${sizes[p].layers}`).join(',')
      )
      const built = pushed[pads.length - 1 - i]
      expect(m.body.annotations?.[`${KEY}.build-seconds`]).toBe(built.main.outputs['build-time'])
      expect(m.body.annotations?.[`${KEY}.cache-hit-rate`]).toBe(built.main.outputs['cache-hit-rate'])
      expect(Date.parse(m.body.annotations![`${KEY}.built`])).toBeGreaterThan(Date.now() - 3_600_000)
    }
    // The chain links the whole index it was compared with, in this repository.
    expect(chain[0].body.annotations?.[`${KEY}.previous`]).toBe(`${image}@${chain[1].digest}`)
    expect(chain[2].body.annotations?.[`${KEY}.previous`]).toBeUndefined()
  })

  test('trivy, run by the action on the pushed digest: counts in the outputs, the summary, the history and the trend', async () => {
    const scanned = pushed[pushed.length - 1]
    const argv = trivy.argv()
    expect(argv.slice(0, 8)).toStrictEqual(['image', '--format', 'json', '--output', argv[4], '--quiet', '--platform', 'linux/amd64'])
    expect(argv[8]).toMatch(new RegExp(`^${image}@sha256:[a-f0-9]{64}$`))
    const counts = { critical: 1, high: 2, medium: 1, low: 1, unknown: 0 }
    expect(JSON.parse(scanned.main.outputs.vulnerabilities)).toStrictEqual(counts)
    expect(scanned.main.summary).toContain('**Vulnerabilities** (trivy report): 1 critical, 2 high, 1 medium, 1 low')
    const index = (await manifest(repo, 'latest'))!
    expect(index.body.annotations?.[`${KEY}.vulnerabilities`]).toBe('critical=1,high=2,medium=1,low=1,unknown=0')
    expect(report(pr).trend.records[2].vulnerabilities).toStrictEqual(counts)
    expect(pr.main.summary).toContain('| 1C 2H 1M 1L |')
    expect(pushed[0].main.outputs.vulnerabilities).toBe('')
  })

  test("a scanner's report file over max-vulnerabilities fails the step after the report, naming severity, count and limit", async () => {
    const r = await build(600, {
      push: 'false',
      tags: '',
      'cache-write': 'never',
      'scan-report': join(scans, 'report.sarif'),
      'max-vulnerabilities': 'critical=0,high=5'
    })
    expect(r.main.code).toBe(1)
    expect(errorLines(r.main.stdout)).toStrictEqual([
      '::error::Image over budget:%0A1 critical vulnerabilities exceed max-vulnerabilities critical=0'
    ])
    expect(JSON.parse(r.main.outputs.vulnerabilities)).toStrictEqual({ critical: 1, high: 1, medium: 2, low: 1, unknown: 1 })
    expect(r.main.summary).toContain('— over budget')
    expect(r.main.summary).toContain('**Vulnerabilities** (sarif report): 1 critical, 1 high, 2 medium, 1 low, 1 unknown')
    const missing = await build(600, { push: 'false', tags: '', 'cache-write': 'never', 'scan-report': join(scans, 'none.json') })
    expect(missing.main.code).toBe(1)
    expect(errorLines(missing.main.stdout)).toStrictEqual([
      `::error::Input 'scan-report': ${join(scans, 'none.json')} does not exist or cannot be read; run the scanner in an earlier step (or give trivy to run it here).`
    ])
    // Said before anything ran.
    expect(missing.main.stdout).not.toContain('buildx build')
  })

  test('the recorded index keeps the platform manifests the build made: `changed` and the sizes are unaffected', async () => {
    const last = pushed[pushed.length - 1]
    const r = report(last)
    const index = (await manifest(repo, last.main.outputs.digest))!
    expect(index.body.manifests!.map(m => m.digest)).toStrictEqual(r.platforms.map((p: { digest: string }) => p.digest))
    expect(last.main.outputs.changed).toBe('true')
  })

  test('the PR run shows the last builds and where it would sit, in the report and as a Mermaid chart', () => {
    expectGreen(pr)
    const r = report(pr)
    const amd = (sizes: { platform: string; size: number }[]) => sizes.find(p => p.platform === 'linux/amd64')!.size
    expect(r.trend.records.map((b: { digest: string }) => b.digest)).toStrictEqual(pushed.map(p => p.main.outputs.digest))
    expect(r.trend.records.map((b: { platforms: { platform: string; size: number }[] }) => amd(b.platforms))).toStrictEqual(
      pushed.map(p => amd(report(p).platforms))
    )
    expect(r.trend.currentPublished).toBe(false)
    expect(amd(r.trend.current.platforms)).toBe(amd(r.platforms))
    expect(pr.main.summary).toMatch(
      /\*\*Trend\*\* \(last 4 builds, linux\/amd64\): \+51\d\.\d kB since \d{4}-\d\d-\d\d; this run shows where/
    )
    expect(pr.main.summary).toContain('```mermaid\nxychart-beta\n')
    expect(pr.main.summary).toMatch(/x-axis \[("\d\d-\d\d #\d", ){3}"this run"\]/)
    expect(pr.main.summary).toContain('| **this run (not published)** |')
  })

  test('growth is put on the step whose layer grew, against the baseline and against the oldest build', () => {
    const r = report(pr)
    const first = r.platforms[0]
    const pad = first.breakdown.findIndex((l: { instruction: string }) => l.instruction === PAD)
    expect(first.breakdown[pad].delta).toBeGreaterThan(390 * 1024)
    expect(first.breakdown[pad].delta).toBeLessThan(410 * 1024)
    expect(r.growth.layers[pad].delta).toBeGreaterThan(490 * 1024)
    expect(r.growth.layers[pad].delta).toBeLessThan(510 * 1024)
    const others = r.growth.layers.filter((_: unknown, i: number) => i !== pad)
    expect(others.every((l: { delta?: number }) => l.delta !== undefined && Math.abs(l.delta) < 1024)).toBe(true)
    expect(pr.main.summary).toMatch(
      /\| `RUN head -c \$\(\(PAD_KB \* 1024\)\) \/dev\/urandom > \/pad\.bin && u…` \| [\d.]+ kB \| \+4\d\d\.\d kB \| \+5\d\d\.\d kB \|/
    )
  })

  test('`history IMAGE` prints the same builds from a terminal, and --json the records', async () => {
    const json = await cli(['history', `${image}:latest`, '--json'])
    expect(json.code).toBe(0)
    const records = JSON.parse(json.stdout).records as { digest: string; platforms: { size: number }[] }[]
    expect(records.map(r => r.digest)).toStrictEqual(pushed.map(p => p.main.outputs.digest))
    expect(records.map(r => r.platforms[0].size)).toStrictEqual(pushed.map(p => Number(p.main.outputs.size)))
    const text = await cli(['history', `${image}:latest`, '--history', '2'], { NO_COLOR: '1' })
    expect(text.code).toBe(0)
    const digests = pushed.map(p => p.main.outputs.digest.slice('sha256:'.length, 'sha256:'.length + 12))
    expect(text.stdout).toContain('2 builds, linux/amd64 size')
    expect(text.stdout).toContain(digests[2])
    expect(text.stdout).toContain(digests[1])
    expect(text.stdout).not.toContain(digests[0])
    const none = await cli(['history', `${REGISTRY}/e2e/never-pushed-${run}:latest`])
    expect([none.code, none.stderr]).toStrictEqual([1, expect.stringContaining('has no recorded builds')])
  })

  test('an unchanged rebuild keeps the published digest and adds no build to the history', async () => {
    const again = await build(pads[pads.length - 1], { push: 'true' })
    expectGreen(again)
    expect(again.main.outputs.changed).toBe('false')
    expect(again.main.outputs.digest).toBe(pushed[pushed.length - 1].main.outputs.digest)
    expect((await manifest(repo, 'latest'))!.digest).toBe(pushed[pushed.length - 1].main.outputs.digest)
    expect(again.main.stdout).toContain('the history gains no entry')
  })
})

// The size report a PR check shows: deltas against the published image, the layer that grew,
// budgets that fail the step only after the report is out, and one PR comment kept up to date.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HEAD_COMMIT_TIME, type ActionRun } from '../support/runner'
import { platformSizes, REGISTRY } from '../support/registry'
import { startGitHubApi, type FakeGitHub } from '../support/github-api'
import { errorLines, fixture, nonce, onEveryStack, onTheStack, stackNamed, type Stack } from '../support/stack'

const growing = fixture('growing')
const token = 'ghs_test_token_value'
const prEvent = join(mkdtempSync(join(tmpdir(), 'pr-event-')), 'event.json')
writeFileSync(prEvent, JSON.stringify({ pull_request: { number: 7 }, repository: { default_branch: 'main' } }))

/** Builds of the growing fixture into one repository of the stack's own. */
function builder(stack: Stack) {
  const run = nonce()
  const repo = `e2e/report-${stack.name}-${run}`
  const image = `${REGISTRY}/${repo}`
  const build = (padKb: number, inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
    stack.run({ inputs: { ...growing, image, cache: 'none', 'build-args': `NONCE=${run}\nPAD_KB=${padKb}`, ...inputs }, env })
  return { repo, image, build }
}
const errors = (r: ActionRun) => errorLines(r.main.stdout)
const report = (r: ActionRun) => JSON.parse(r.main.outputs.report)

onEveryStack('the size report against a published baseline', stack => {
  const { repo, image, build } = builder(stack)
  let published: Record<string, { size: number; layers: number; digest: string }>
  let grown: ActionRun

  beforeAll(async () => {
    const baseline = await build(100, { push: 'true', tags: 'latest', 'tag-policy': 'none' })
    expect(baseline.main.code).toBe(0)
    expect(report(baseline).baseline.status).toBe('missing')
    published = await platformSizes(repo, 'latest')
    grown = await build(400, { push: 'false', 'tag-policy': 'none' })
  })

  test("per-platform deltas against the registry's baseline, and the size-delta output", async () => {
    expect(grown.main.code).toBe(0)
    const r = report(grown)
    expect(r.baseline).toEqual({ ref: `${image}:latest`, status: 'found', created: HEAD_COMMIT_TIME })
    for (const p of r.platforms) {
      expect(p.baseline).toEqual({
        digest: published[p.platform].digest,
        size: published[p.platform].size,
        layers: published[p.platform].layers
      })
      expect(p.sizeDelta).toBe(p.size - published[p.platform].size)
      expect(p.sizeDelta).toBeGreaterThan(290 * 1024)
      expect(p.layerDelta).toBe(0)
    }
    expect(grown.main.outputs['size-delta']).toBe(String(r.platforms[0].sizeDelta))
  })

  test('the grown layer is named by its instruction, in the report and the summary', () => {
    const r = report(grown)
    for (const p of r.platforms) {
      const changed = p.breakdown.filter((l: { delta?: number }) => Math.abs(l.delta ?? 0) > 1000)
      expect(changed.map((l: { instruction: string }) => l.instruction)).toEqual([
        'RUN head -c $((PAD_KB * 1024)) /dev/urandom > /pad.bin && uname -m >> /pad.bin'
      ])
    }
    expect(grown.main.summary).toMatch(
      /\*\*Grew most:\*\* `RUN head -c \$\(\(PAD_KB \* 1024\)\) \/dev\/urandom > \/pad.bin && uname -m >> \/pad.bin` \+30\d\.\d kB on linux\/(amd|arm)64/
    )
    expect(grown.main.summary).toContain('| linux/arm64 |')
    expect(grown.main.summary).toMatch(/\| linux\/amd64 \| [\d.]+ MB \| \+30\d\.\d kB \(\+\d+\.\d%\) \| 5 \| 0 \| — \|/)
    expect(grown.main.outputs.markdown.trim()).toBe(grown.main.summary.trim())
  })

  test('max-size below the real size fails, naming the platform, value and limit, after outputs and summary', async () => {
    const r = await build(400, { push: 'false', 'tag-policy': 'none', 'max-size': '1MB' })
    expect(r.main.code).toBe(1)
    const [error] = errors(r)
    expect(error).toMatch(
      /^::error::Image over budget:%0Alinux\/amd64: size [\d.]+ MB \(\d+ bytes\) exceeds max-size 1\.0 MB \(1000000 bytes\)%0Alinux\/arm64: size/
    )
    expect(r.main.outputs.size).toMatch(/^[1-9]\d*$/)
    expect(r.main.summary).toContain('— over budget')
    expect(r.main.summary).toContain('| ❌ max-size |')
    expect(r.post.code).toBe(0)
  })

  test('max-growth works both ways', async () => {
    const within = await build(400, { push: 'false', 'tag-policy': 'none', 'max-growth': '80%' })
    expect(within.main.code).toBe(0)
    expect(within.main.summary).toMatch(/\| linux\/amd64 \| .* \| ✅ \|/)
    const over = await build(400, { push: 'false', 'tag-policy': 'none', 'max-growth': '200kB' })
    expect(over.main.code).toBe(1)
    // (%25: the runner's escape of % in workflow commands)
    expect(errors(over)[0]).toMatch(/linux\/amd64: grew by 30\d\.\d kB \(\+\d+\.\d%25\) vs the baseline, more than max-growth 200\.0 kB/)
  })
})

// The comment is written after the build, the same whichever builder built: one stack.
onTheStack('the PR comment', () => {
  const { build } = builder(stackNamed('engine'))
  let github: FakeGitHub
  beforeAll(async () => (github = await startGitHubApi('phialo/ci-base-action', 7, token)))
  afterAll(() => github.close())

  const pr = (padKb: number) =>
    build(
      padKb,
      { push: 'false', 'tag-policy': 'none', comment: 'true', 'github-token': token, baseline: 'none' },
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: prEvent,
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_API_URL: github.url
      }
    )

  test('the first run creates one comment, the next updates that same comment', async () => {
    github.comments.push({ id: 1, body: 'Looks good to me', html_url: 'x' })
    const first = await pr(100)
    expect(first.main.code).toBe(0)
    expect(github.comments).toHaveLength(2)
    const mine = github.comments[1]
    expect(mine.body).toContain('<!-- ci-base-action report:')
    expect(mine.body).toContain('| linux/amd64 |')
    expect(first.main.stdout).toContain('comment created:')
    const second = await pr(200)
    expect(second.main.code).toBe(0)
    expect(second.main.stdout).toContain('comment updated:')
    expect(github.comments.map(c => c.id)).toEqual([1, mine.id])
    expect(github.comments[1].body).toBe(`${mine.body.split('\n')[0]}\n${second.main.outputs.markdown}`)
    expect(github.requests.filter(r => r.startsWith('POST'))).toHaveLength(1)
    expect(github.requests.filter(r => r.startsWith('PATCH'))).toHaveLength(1)
    // The token is masked (the runner's add-mask command) and printed nowhere else.
    const lines = (first.main.stdout + second.main.stdout).split('\n').filter(l => l.includes(token))
    expect(lines).toEqual([`::add-mask::${token}`, `::add-mask::${token}`])
  })

  test("a person's comment is never edited, even one that quotes or copies the marker; each matrix entry keeps its own", async () => {
    const ours = github.comments.find(c => c.user?.type === 'Bot')!
    const marker = ours.body.split('\n')[0]
    const quoted = { id: 2, body: `> ${marker}\n> the size went up?`, html_url: 'x', user: { login: 'reviewer', type: 'User' as const } }
    const copied = { id: 3, body: `${marker}\nmy own notes`, html_url: 'x', user: { login: 'reviewer', type: 'User' as const } }
    github.comments.unshift(quoted, copied)
    const again = await pr(150)
    expect(again.main.code).toBe(0)
    expect(again.main.stdout).toContain('comment updated:')
    expect(github.comments.find(c => c.id === 2)!.body).toBe(quoted.body)
    expect(github.comments.find(c => c.id === 3)!.body).toBe(copied.body)
    expect(github.comments.find(c => c.id === ours.id)!.body).toBe(`${marker}\n${again.main.outputs.markdown}`)
    // Another matrix entry (one platform) writes a comment of its own.
    const count = github.comments.length
    const amd64 = await build(
      150,
      { push: 'false', 'tag-policy': 'none', comment: 'true', 'github-token': token, baseline: 'none', platforms: 'linux/amd64' },
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: prEvent,
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_API_URL: github.url
      }
    )
    expect(amd64.main.stdout).toContain('comment created:')
    expect(github.comments).toHaveLength(count + 1)
    expect(github.comments.find(c => c.id === ours.id)!.body).toBe(`${marker}\n${again.main.outputs.markdown}`)
  })

  test("without permission (a fork PR's read-only token): a warning, not a failure", async () => {
    github.forbid = true
    try {
      const r = await pr(100)
      expect(r.main.code).toBe(0)
      expect(r.main.stdout).toMatch(
        /::warning::Could not comment on pull request #7: GET .*: 403 Forbidden \(the token may not write to pull requests/
      )
      expect(r.main.outputs.markdown).toContain('| linux/amd64 |')
    } finally {
      github.forbid = false
    }
  })
})

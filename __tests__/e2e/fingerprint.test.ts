// What an image was built from, recorded on its index (checked in the registry's own manifest),
// and why the next run builds, first difference first: a build arg, a COPY'd file, its mode; a
// file no instruction reads and a new tag list change nothing. `ci-base-action inspect` shows it.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { manifest, REGISTRY, BASE_IMAGE } from '../support/registry'
import { expectGreen, nonce, onEveryStack } from '../support/stack'
import type { ActionRun } from '../support/runner'
import { cli } from '../support/cli'

const KEY = 'com.github.phialo.ci-base-action.fingerprint'
const reasons = (r: ActionRun) => r.main.outputs['rebuild-reason']

onEveryStack('the fingerprint of what an image is built from', stack => {
  const run = nonce()
  const repo = `e2e/fingerprint-${stack.name}-${run}`
  const image = `${REGISTRY}/${repo}`
  const context = mkdtempSync(join(tmpdir(), 'fingerprint-ctx-'))
  const runs: Record<string, ActionRun> = {}
  const build = (buildArgs: string, tags = 'latest') =>
    stack.run({
      inputs: {
        context,
        file: join(context, 'Dockerfile'),
        image,
        platforms: 'linux/amd64',
        'tag-policy': 'none',
        tags,
        push: 'true',
        cache: 'none',
        baseline: `${image}:latest`,
        'build-args': `BASE=${BASE_IMAGE}\n${buildArgs}`
      }
    })

  beforeAll(async () => {
    writeFileSync(join(context, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nARG MONTH\nCOPY app/ /app/\nRUN echo "$MONTH ${run}" > /month\n`)
    writeFileSync(join(context, 'README.md'), 'read by no instruction\n')
    mkdirSync(join(context, 'app'))
    writeFileSync(join(context, 'app', 'main.sh'), 'echo one\n')
    runs.first = await build('MONTH=2026-11')
    runs.same = await build('MONTH=2026-11', 'latest\nweekly')
    writeFileSync(join(context, 'README.md'), 'still read by no instruction\n')
    runs.readme = await build('MONTH=2026-11')
    runs.arg = await build('MONTH=2026-12')
    writeFileSync(join(context, 'app', 'main.sh'), 'echo two\n')
    runs.file = await build('MONTH=2026-12')
    chmodSync(join(context, 'app', 'main.sh'), 0o755)
    runs.mode = await build('MONTH=2026-12')
    writeFileSync(join(context, 'app', 'extra.sh'), 'echo three\n')
    runs.added = await build('MONTH=2026-12')
  }, 600_000)

  test('every run is green', () => {
    for (const r of Object.values(runs)) expectGreen(r)
  })

  test('the index records it: the base by name at its digest, the context files read, the Dockerfile, the rest', async () => {
    const index = await manifest(repo, 'latest')
    const annotations = index?.body.annotations ?? {}
    const base = await manifest('test/base', 'latest')
    expect(annotations[`${KEY}.bases`]).toBe(`${BASE_IMAGE}=${base?.digest}`)
    // app/main.sh and app/extra.sh: README.md is read by no instruction.
    expect(annotations[`${KEY}.context`]).toMatch(/^sha256:[0-9a-f]{64};files=2$/)
    expect(JSON.parse(annotations[`${KEY}.args`])).toStrictEqual({ BASE: BASE_IMAGE, MONTH: '2026-12' })
    expect(annotations[`${KEY}.rest`]).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(annotations[`${KEY}.dockerfile`]).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  test('why each run built, first difference first', () => {
    expect(reasons(runs.first)).toBe(`there is no published image at ${image}:latest yet`)
    // The same inputs under another tag list, and a file no instruction reads: nothing to say.
    expect(reasons(runs.same)).toBe('')
    expect(runs.same.main.stdout).toContain(`The same inputs as ${image}:latest`)
    expect(reasons(runs.readme)).toBe('')
    expect(reasons(runs.arg)).toBe('build arg `MONTH` 2026-11 → 2026-12')
    expect(reasons(runs.file)).toBe('context: 1 file changed (`app/main.sh`)')
    expect(reasons(runs.mode)).toBe('context: 1 file changed (`app/main.sh`)')
    expect(reasons(runs.added)).toBe('context: 1 file changed (`app/extra.sh`)')
    expect(runs.arg.main.outputs.markdown).toContain('**Why it built** build arg `MONTH` 2026-11 → 2026-12')
  })

  test('`ci-base-action inspect` shows what the image was built from', async () => {
    const shown = await cli(['inspect', `${image}:latest`])
    expect(shown.code).toBe(0)
    expect(shown.stdout).toContain(`  base ${BASE_IMAGE} sha256:`)
    expect(shown.stdout).toMatch(/ {2}context sha256:[0-9a-f]{64} \(2 files read\)/)
  })

  test('`ci-base-action build --dry-run` says whether it would build and why, and builds nothing', async () => {
    const flags = Object.entries({
      ...stack.inputs,
      context,
      file: join(context, 'Dockerfile'),
      image,
      platforms: 'linux/amd64',
      'tag-policy': 'none',
      tags: 'latest',
      push: 'true',
      cache: 'none',
      baseline: `${image}:latest`,
      'build-args': `BASE=${BASE_IMAGE}\nMONTH=2026-12`
    }).flatMap(([k, v]) => v.split('\n').map(line => `--${k}=${line}`))
    const same = await cli(['build', '--dry-run', ...flags])
    expect(same.stdout).toMatch(
      new RegExp(
        `^# the same inputs as ${image}:latest: nothing the image is built from has changed \\(fingerprint: 2 context files read, \\d+ ms\\)$`,
        'm'
      )
    )
    writeFileSync(join(context, 'app', 'extra.sh'), 'echo four\n')
    const changed = await cli(['build', '--dry-run', ...flags])
    expect(changed.stdout).toMatch(/^# builds because: context: 1 file changed \(`app\/extra.sh`\)/m)
    expect((await manifest(repo, 'latest'))?.digest).toBe(runs.added.main.outputs.digest)
  })
})

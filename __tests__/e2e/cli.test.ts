// The command line, bundled, on Node 24, against the real stack: inspect and compare read the
// registry; build --dry-run prints what the action runs; build runs the action's pipeline.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HEAD_SHA, type ActionRun } from '../support/runner'
import { cli } from '../support/cli'
import { BASE_IMAGE, manifest, platformSizes, REGISTRY } from '../support/registry'
import { errorLines, fixture, nonce, onEveryStack } from '../support/stack'
import { splitCommand } from '../../src/core/builder/verify'

const multistage = fixture('multistage')

/**
 * The same run for the action and the command line: the same commit, time and repository, and
 * the same tool cache (where the docker driver's OCI layout is kept).
 */
const TOOL_CACHE = mkdtempSync(join(tmpdir(), 'cli-tools-'))
const RUN_ENV = {
  GITHUB_SHA: HEAD_SHA,
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REPOSITORY: 'phialo/ci-base-action',
  SOURCE_DATE_EPOCH: '1795167000',
  RUNNER_TOOL_CACHE: TOOL_CACHE
}

onEveryStack('the command line', stack => {
  const repo = `e2e/cli-${stack.name}-${nonce()}`
  const inputs: Record<string, string> = {
    ...multistage,
    image: `${REGISTRY}/${repo}`,
    push: 'true',
    cache: 'inline',
    'tag-policy': 'none',
    tags: '1',
    'build-args': `BASE=${BASE_IMAGE}\nNONCE=${repo}`
  }
  let action: ActionRun

  beforeAll(async () => {
    action = await stack.run({ inputs, env: RUN_ENV, toolCache: TOOL_CACHE })
  }, 300_000)

  test("inspect: per-platform sizes, layers and digests equal the registry's manifests, without pulling", async () => {
    expect(action.main.code).toBe(0)
    const run = await cli(['inspect', '--json', `${REGISTRY}/${repo}:1`])
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    const report = JSON.parse(run.stdout)
    const sizes = await platformSizes(repo, '1')
    expect(report.digest).toBe((await manifest(repo, '1'))!.digest)
    expect(
      report.platforms.map((p: { platform: string; size: number; layers: number; digest: string }) => [
        p.platform,
        p.size,
        p.layers,
        p.digest
      ])
    ).toEqual(['linux/amd64', 'linux/arm64'].map(p => [p, sizes[p].size, sizes[p].layers, sizes[p].digest]))
    const table = await cli(['inspect', `${REGISTRY}/${repo}:1`], { NO_COLOR: '1' })
    expect(table.stdout).toMatch(
      new RegExp(`^linux/amd64\\s+${(sizes['linux/amd64'].size / 1e6).toFixed(1)} MB\\s+new\\s+${sizes['linux/amd64'].layers}\\s+new$`, 'm')
    )
    expect(table.stdout).not.toContain('\x1b[')
  })

  test('compare: a budget breach exits 1 naming it; within budget exits 0', async () => {
    // The build adds layers on top of the base: two layers is a budget it breaks.
    const grown = await cli(['compare', `${REGISTRY}/${repo}:1`, BASE_IMAGE, '--max-layers', '2'])
    expect(grown.code).toBe(1)
    expect(grown.stderr).toMatch(/Over budget: linux\/amd64: \d+ layers exceed max-layers 2; linux\/arm64: \d+ layers exceed max-layers 2/)
    const fine = await cli(['compare', `${REGISTRY}/${repo}:1`, BASE_IMAGE, '--max-size', '1GB', '--json'])
    expect(fine.code).toBe(0)
    expect(JSON.parse(fine.stdout)).toMatchObject({ baseline: { ref: BASE_IMAGE, status: 'found' }, breaches: [] })
    const usage = await cli(['compare', `${REGISTRY}/${repo}:1`, BASE_IMAGE, '--max-size', 'huge'])
    expect(usage.code).toBe(2)
    expect(usage.stderr.trim()).toMatch(/^error: --max-size: 'huge' is not valid; use bytes \(231000000\) or a number with a unit/)
  })

  test('build --dry-run prints the argv the action ran for the same inputs, and runs nothing', async () => {
    const flags = Object.entries({ ...stack.inputs, ...inputs }).flatMap(([k, v]) => v.split('\n').map(line => `--${k}=${line}`))
    const dry = await cli(['build', '--dry-run', ...flags], RUN_ENV)
    expect({ code: dry.code, stderr: dry.stderr.split('\n').filter(l => /error/i.test(l)) }).toEqual({ code: 0, stderr: [] })
    const commands = dry.stdout
      .split('\n')
      .filter(l => l.startsWith('docker '))
      .map(splitCommand)
    const printedBuild = commands.find(c => c[1] === 'buildx' && c[2] === 'build')!
    const ranBuild = action.main.stdout
      .split('\n')
      .find(l => l.startsWith('docker buildx build '))!
      .split(' ')
    // Only this run's own names differ: its builder, its temporary directory and the port of the
    // engine front (chosen when it listens: the dry run prints PORT).
    const normal = (argv: string[]) =>
      argv.map(a =>
        a
          .replace(/\/[^,]*ci-base-action-\w+/g, 'WORK')
          .replace(/ci-base-[\w-]+/g, 'BUILDER')
          .replace(/127\.0\.0\.1:\d+\//g, '127.0.0.1:PORT/')
      )
    expect(normal(printedBuild)).toEqual(normal(ranBuild))
    expect(commands.some(c => c[2] === 'create')).toBe(stack.name === 'runner')
    expect(errorLines(dry.stdout)).toEqual([])
  })

  test('build: the whole pipeline from a terminal, pushed and reported like the action', async () => {
    const other = `e2e/cli-build-${stack.name}-${nonce()}`
    const flags = Object.entries({ ...stack.inputs, ...inputs, image: `${REGISTRY}/${other}` }).flatMap(([k, v]) =>
      v.split('\n').map(line => `--${k}=${line}`)
    )
    const run = await cli(['build', '--json', ...flags], RUN_ENV)
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.digest).toBe((await manifest(other, '1'))!.digest)
    expect(report.platforms.map((p: { platform: string }) => p.platform)).toEqual(['linux/amd64', 'linux/arm64'])
    expect(run.stderr).toMatch(/▸ Build/)
    const sizes = await platformSizes(other, '1')
    expect(report.platforms[0].size).toBe(sizes['linux/amd64'].size)
  }, 300_000)
})

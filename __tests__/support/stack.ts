// The real stacks the e2e tests drive (scripts/stack.sh sets them up). Missing any part fails
// loudly in CI and under scripts/test.sh (E2E_REQUIRE_STACK), and skips elsewhere (a bare
// `npm test` on a machine without the stack), with the reason.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { BASE_IMAGE, REGISTRY, registryUp } from './registry'
import { actionNode, runAction, type ActionRun, type RunOptions } from './runner'
import { pushedTo, removeLeftovers } from './leftovers'
import { startOwnEngine, type OwnEngine } from './own-engine'
import { toolCacheWithBuildx } from './tool-cache'

export { nonce } from './leftovers'

/** buildx release files (`<version>/<asset>`, checksums.txt) served on loopback by scripts/stack.sh. */
export const BUILDX_RELEASES = `http://127.0.0.1:${process.env.RELEASES_PORT ?? 5080}`
export const RUNNER_BUILDX = 'v0.30.0'
export const BUILDKIT_IMAGE = 'moby/buildkit:buildx-stable-1'

/**
 * `cache: gha` needs buildx 0.21 or later: on the engine stack (Debian's buildx 0.13) the action
 * would install its default, which the stack cannot serve; the stack's release is asked for.
 */
export const ghaBuildx = (stack: Stack, inputs: Record<string, string>): Record<string, string> =>
  stack.name === 'engine' && /gha/.test(inputs.cache ?? '') && !inputs['buildx-version'] ? { 'buildx-version': RUNNER_BUILDX } : {}

export interface Stack {
  name: 'engine' | 'runner'
  /** What the stack stands for, in test titles. */
  title: string
  /** Inputs every run on this stack gets (a test's own inputs win). */
  inputs: Record<string, string>
  /** Run the bundled action on this stack. */
  run(options?: RunOptions): ReturnType<typeof runAction>
  /** Make the next build start with an empty BuildKit cache (and, on the engine stack, an empty image store). */
  emptyBuilder(): Promise<unknown>
}

// The engine of the test's own that the engine stack's runs use after emptyBuilder, until the test ends.
let ownEngine: OwnEngine | undefined
async function dropOwnEngine(): Promise<void> {
  const engine = ownEngine
  ownEngine = undefined
  await engine?.stop()
}

function stack(name: Stack['name'], title: string, inputs: Record<string, string>, emptyBuilder: () => Promise<unknown>): Stack {
  // The stand-ins scripts/stack.sh provides for GitHub's buildx releases and Docker Hub's BuildKit.
  // Tests of what a build does build every run: only the tests of skip-unchanged turn it on.
  const all = { 'buildx-download-url': BUILDX_RELEASES, 'buildkit-image': BUILDKIT_IMAGE, 'skip-unchanged': 'false', ...inputs }
  const run = async (options: RunOptions = {}) => {
    const given: Record<string, string> = { ...all, ...options.inputs }
    pushedTo(given.image)
    // The fixtures build FROM the stack's base image, on whichever registry the suite uses.
    const buildArgs = /^BASE=/m.test(given['build-args'] ?? '')
      ? given['build-args']
      : [`BASE=${BASE_IMAGE}`, given['build-args']].filter(Boolean).join('\n')
    const env = name === 'engine' && ownEngine ? { DOCKER_HOST: ownEngine.host, ...options.env } : options.env
    // A run that installs the stack's buildx finds it in its tool cache, unless it brings its own.
    const installs = given['buildx-download-url'] === BUILDX_RELEASES && given['buildx-version'] === RUNNER_BUILDX
    const toolCache = options.toolCache ?? (installs ? await toolCacheWithBuildx(BUILDX_RELEASES, RUNNER_BUILDX) : undefined)
    return runAction({ ...options, env, toolCache, inputs: { ...given, 'build-args': buildArgs } })
  }
  return { name, title, inputs: all, emptyBuilder, run }
}

/**
 * engine: the docker driver on the engine's own BuildKit (containerd image store), the machine's
 * buildx plugin. runner: what GitHub's hosted runners use: a docker-container builder the action
 * creates from moby/buildkit, with buildx through the tool cache (support/tool-cache.ts).
 */
const ALL_STACKS: Stack[] = [
  // The docker driver has one builder, the engine's, and the machine's engine is never emptied:
  // an empty builder is a new engine of the test's own (support/own-engine.ts), as a new runner
  // has. (Removing only the records a test's builds touched is not enough: records of other
  // tests that hold the same layers still take part in the next build, whose image config then
  // differs in its inline cache graph.)
  stack('engine', "engine's BuildKit, docker driver", {}, async () => {
    await dropOwnEngine()
    ownEngine = await startOwnEngine()
  }),
  // Every run creates its own builder, and post removes it with its state: each starts empty.
  stack(
    'runner',
    'docker-container builder, buildx ' + RUNNER_BUILDX,
    { driver: 'docker-container', 'buildx-version': RUNNER_BUILDX },
    () => Promise.resolve()
  )
]

/**
 * The stacks this process runs: E2E_STACK names one (scripts/test.sh runs one process per stack,
 * side by side), unset is both. The engine's process also runs the tests on the machine's stack
 * as it is (onTheStack), and is the only one that empties the engine's builder.
 */
const only = process.env.E2E_STACK
if (only && !ALL_STACKS.some(s => s.name === only))
  throw new Error(`E2E_STACK is ${only}: use engine or runner, or leave it unset for both`)
export const STACKS: Stack[] = ALL_STACKS.filter(s => !only || s.name === only)

/** One stack's settings, whichever this process runs (a test on the machine's stack may drive either). */
export const stackNamed = (name: Stack['name']): Stack => ALL_STACKS.find(s => s.name === name)!

function missingParts(): string[] {
  const missing: string[] = []
  const ok = (...args: string[]) => {
    try {
      execFileSync('docker', args, { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  }
  if (!ok('info')) return ['a docker engine']
  if (!ok('image', 'inspect', BUILDKIT_IMAGE)) missing.push(`the ${BUILDKIT_IMAGE} image`)
  if (!existsSync(actionNode())) missing.push('Node 24')
  return missing
}

export async function stackReady(): Promise<boolean> {
  const missing = missingParts()
  if (!(await registryUp())) missing.push(`the registry on ${REGISTRY}`)
  if (
    !(await fetch(`${BUILDX_RELEASES}/${RUNNER_BUILDX}/checksums.txt`).then(
      r => r.ok,
      () => false
    ))
  )
    missing.push(`buildx releases on ${BUILDX_RELEASES}`)
  if (!missing.length) return true
  const why = `The e2e stack is incomplete (missing ${missing.join(', ')}): run \`bash scripts/stack.sh\` first.`
  // Under CI, and whenever the tests run through scripts/test.sh (the README's command), a missing part is an error.
  if (process.env.CI || process.env.E2E_REQUIRE_STACK) throw new Error(why)
  console.warn(`Skipping e2e tests. ${why}`)
  return false
}

/** Whether the stack is there, asked once per test file: every e2e block below runs on it, or is skipped with the reason (under CI, a missing part is an error). */
const ready = await stackReady()
// Every file that drives the stack takes its images off the engine when it is done, and each
// test's own engine goes when the test ends.
if (ready) {
  afterEach(dropOwnEngine)
  afterAll(removeLeftovers)
}

/** A describe block per stack, or skipped (with stackReady's reason) when the stack is not there. */
export function onEveryStack(title: string, body: (stack: Stack) => void): void {
  ;(ready ? describe.each(STACKS) : describe.skip.each(STACKS))(`${title} ($name stack)`, body)
}

/** A describe block on the machine's stack as it is (not per stack), or skipped like onEveryStack's. */
export function onTheStack(title: string, body: () => void): void {
  if (only === 'runner') return
  ;(ready ? describe : describe.skip)(title, body)
}

export const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

/** A fixture image built on the machine's engine (the default builder, docker driver). */
export const engineBuild = (...args: string[]) => docker('buildx', 'build', ...args)

/** The context and Dockerfile of a fixture under __tests__/fixtures. */
export const fixture = (name: string) => ({ context: `__tests__/fixtures/${name}`, file: `__tests__/fixtures/${name}/Dockerfile` })

/** The `::error::` lines of a step's log: what the runner shows as the step's errors. */
export const errorLines = (stdout: string) => stdout.match(/^::error::.*$/gm) ?? []

/** A run that went through: main and post exit 0 and main printed no error (on failure, the errors show in the diff). */
export const expectGreen = (run: ActionRun) =>
  expect({ main: run.main.code, post: run.post.code, errors: errorLines(run.main.stdout) }).toEqual({ main: 0, post: 0, errors: [] })

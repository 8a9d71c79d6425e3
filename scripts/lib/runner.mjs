// Runs the bundled action the way GitHub's runner does: INPUT_* with action.yml's defaults
// filled in, the GITHUB_* command files, then the post step with the saved STATE_*.
// Shared by the e2e tests, the local run and the benchmark.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** @returns {{ inputs: Record<string, { default?: string }>, outputs: Record<string, unknown>, runs: Record<string, string> }} */
export const actionYml = (dir = ROOT) => parse(readFileSync(join(dir, 'action.yml'), 'utf8'))

/** The commit every test run builds, and its time (the image's timestamps come from it). */
export const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
export const HEAD_COMMIT_TIME = '2026-11-20T09:30:00Z'

/**
 * The Node.js the runner would start: action.yml's `node24`. scripts/stack.sh installs it
 * (ACTION_NODE names another); without it the action runs on this process's node, which CI
 * does not allow.
 */
export function actionNode() {
  const stackNode = join(process.env.STACK_DIR ?? '/var/lib/ci-base-stack', 'node24', 'node_modules', '.bin', 'node')
  const node = process.env.ACTION_NODE ?? (existsSync(stackNode) ? stackNode : undefined)
  if (node) return node
  if (process.env.CI)
    throw new Error("Node 24 (the action's runtime) is not installed: run `bash scripts/stack.sh` first, or set ACTION_NODE.")
  return process.execPath
}

/**
 * Parse a GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV file (key<<delimiter blocks or key=value lines).
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseCommandFile(text) {
  /** @type {Record<string, string>} */
  const result = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1)
      result[heredoc[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (lines[i].includes('=')) {
      result[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1)
    }
  }
  return result
}

/**
 * @param {string} script
 * @param {Record<string, string>} env
 * @param {string} cwd
 * @param {boolean} echo
 * @returns {Promise<{ code: number, stdout: string, stderr: string, ms: number }>}
 */
function runNode(script, env, cwd, echo) {
  const started = performance.now()
  return new Promise((done, fail) => {
    const child = spawn(actionNode(), [script], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => {
      stdout += d
      if (echo) process.stdout.write(d)
    })
    child.stderr.on('data', d => {
      stderr += d
      if (echo) process.stderr.write(d)
    })
    child.on('error', fail)
    child.on('close', code => done({ code: code ?? -1, stdout, stderr, ms: performance.now() - started }))
  })
}

/**
 * @typedef {{ code: number, stdout: string, stderr: string, ms: number, outputs: Record<string, string>,
 *   state: Record<string, string>, summary: string, env: Record<string, string> }} StepResult
 * @typedef {{ main: StepResult, post: StepResult, runId: string }} ActionRun
 * @typedef {{ inputs?: Record<string, string>, env?: Record<string, string>, workspace?: string,
 *   skipPost?: boolean, runnerTemp?: string, toolCache?: string, echo?: boolean, actionDir?: string,
 *   betweenSteps?: (main: StepResult) => Promise<void> }} RunOptions
 */

/**
 * @param {RunOptions} [options]
 * @returns {Promise<ActionRun>}
 */
export async function runAction(options = {}) {
  // Another JavaScript action laid out the same way (action.yml, runs.main/post) runs the same way: the benchmark's comparisons.
  const actionDir = options.actionDir ?? ROOT
  const yml = actionYml(actionDir)
  for (const name of Object.keys(options.inputs ?? {})) {
    if (!(name in yml.inputs)) throw new Error(`input '${name}' is not declared in action.yml`)
  }
  // A fixed RUNNER_TEMP is emptied first, as the runner does between jobs.
  const runnerTemp = options.runnerTemp ?? mkdtempSync(join(tmpdir(), 'runner-'))
  rmSync(runnerTemp, { recursive: true, force: true })
  mkdirSync(runnerTemp, { recursive: true })
  /** @type {Record<string, string>} */
  const files = {}
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY']) {
    files[name] = join(runnerTemp, name.toLowerCase())
    writeFileSync(files[name], '')
  }
  /** @type {Record<string, string>} */
  const inputs = {}
  for (const [name, spec] of Object.entries(yml.inputs)) {
    inputs[`INPUT_${name.toUpperCase()}`] = options.inputs?.[name] ?? String(spec.default ?? '')
  }
  const workspace = options.workspace ?? ROOT
  // A push event's payload, as the runner writes it: its head commit's time dates the image.
  const event = join(runnerTemp, 'event.json')
  writeFileSync(event, JSON.stringify({ head_commit: { id: HEAD_SHA, timestamp: HEAD_COMMIT_TIME } }))
  /** @type {Record<string, string>} */
  const base = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    ...(process.env.DOCKER_CONFIG ? { DOCKER_CONFIG: process.env.DOCKER_CONFIG } : {}),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'phialo/ci-base-action',
    GITHUB_SHA: HEAD_SHA,
    GITHUB_EVENT_PATH: event,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_WORKFLOW: 'e2e',
    GITHUB_RUN_ID: `${Date.now()}${Math.floor(Math.random() * 1000)}`,
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: runnerTemp,
    // A self-hosted runner's tool cache outlives its jobs (RUNNER_TEMP does not): `toolCache` stands for one.
    RUNNER_TOOL_CACHE: options.toolCache ?? join(runnerTemp, 'toolcache'),
    ...files,
    ...options.env
  }
  const read = (/** @type {string} */ name) => readFileSync(files[name], 'utf8')
  const mainRun = await runNode(join(actionDir, yml.runs.main), { ...base, ...inputs }, workspace, !!options.echo)
  /** @type {StepResult} */
  const main = {
    ...mainRun,
    outputs: parseCommandFile(read('GITHUB_OUTPUT')),
    state: parseCommandFile(read('GITHUB_STATE')),
    summary: read('GITHUB_STEP_SUMMARY'),
    env: parseCommandFile(read('GITHUB_ENV'))
  }
  const stateEnv = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]))
  // What the job runs after this step and before the posts (posts run in reverse order).
  await options.betweenSteps?.(main)
  const postRun = options.skipPost
    ? { code: 0, stdout: '', stderr: '', ms: 0 }
    : await runNode(join(actionDir, yml.runs.post), { ...base, ...inputs, ...stateEnv }, workspace, !!options.echo)
  if (process.env.E2E_LOG_DIR) {
    mkdirSync(process.env.E2E_LOG_DIR, { recursive: true })
    writeFileSync(join(process.env.E2E_LOG_DIR, `${base.GITHUB_RUN_ID}-main.log`), mainRun.stdout + mainRun.stderr)
    writeFileSync(join(process.env.E2E_LOG_DIR, `${base.GITHUB_RUN_ID}-post.log`), postRun.stdout + postRun.stderr)
  }
  // A job's temp directory (its tool cache, OCI layouts, caches) goes with the job, as on a
  // hosted runner; a fixed one passed in stands for one runner's and is kept for the next run.
  if (!options.runnerTemp) rmSync(runnerTemp, { recursive: true, force: true })
  // The run's id names what it makes on the engine (its builder, its verify containers' label).
  return { main, post: { ...postRun, outputs: {}, state: {}, summary: '', env: {} }, runId: base.GITHUB_RUN_ID }
}

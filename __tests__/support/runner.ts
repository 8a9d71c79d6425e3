// Runs the bundled action the way GitHub's runner does: INPUT_* with action.yml's defaults
// filled in, the GITHUB_* command files, then the post step with the saved STATE_*.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'

export const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..')

interface ActionYml {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, unknown>
  runs: { main: string; post: string }
}

export const actionYml = (): ActionYml => parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'))

export interface StepResult {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  env: Record<string, string>
}

export interface ActionRun {
  main: StepResult
  post: StepResult
  runnerTemp: string
}

/** Parse a GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV file (key<<delimiter blocks or key=value lines). */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {}
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

function runNode(script: string, env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', fail)
    child.on('close', code => done({ code: code ?? -1, stdout, stderr }))
  })
}

export interface RunOptions {
  inputs?: Record<string, string>
  env?: Record<string, string>
  workspace?: string
  /** Skip the post step (to look at what main left behind). */
  skipPost?: boolean
  /** A fixed RUNNER_TEMP, emptied first as the runner does between jobs (the cache version hashes paths in it). */
  runnerTemp?: string
}

export async function runAction(options: RunOptions = {}): Promise<ActionRun> {
  const yml = actionYml()
  const runnerTemp = options.runnerTemp ?? mkdtempSync(join(tmpdir(), 'runner-'))
  rmSync(runnerTemp, { recursive: true, force: true })
  mkdirSync(runnerTemp, { recursive: true })
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'].map(name => {
      const file = join(runnerTemp, name.toLowerCase())
      writeFileSync(file, '')
      return [name, file]
    })
  )
  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(yml.inputs)) {
    inputs[`INPUT_${name.toUpperCase()}`] = options.inputs?.[name] ?? String(spec.default ?? '')
  }
  for (const name of Object.keys(options.inputs ?? {})) {
    if (!(name in yml.inputs)) throw new Error(`test passes input '${name}' that action.yml does not declare`)
  }
  const workspace = options.workspace ?? ROOT
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    ...(process.env.DOCKER_CONFIG ? { DOCKER_CONFIG: process.env.DOCKER_CONFIG } : {}),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'phialo/ci-base-action',
    GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_WORKFLOW: 'e2e',
    GITHUB_RUN_ID: String(Date.now()),
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(runnerTemp, 'toolcache'),
    ...files,
    ...options.env
  }
  const script = join(ROOT, yml.runs.main)
  const mainRun = await runNode(script, { ...base, ...inputs }, workspace)
  const mainResult: StepResult = {
    ...mainRun,
    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    env: parseCommandFile(readFileSync(files.GITHUB_ENV, 'utf8'))
  }
  const stateEnv = Object.fromEntries(Object.entries(mainResult.state).map(([k, v]) => [`STATE_${k}`, v]))
  const postRun = options.skipPost
    ? { code: 0, stdout: '', stderr: '' }
    : await runNode(join(ROOT, yml.runs.post), { ...base, ...inputs, ...stateEnv }, workspace)
  if (process.env.E2E_LOG_DIR) {
    mkdirSync(process.env.E2E_LOG_DIR, { recursive: true })
    writeFileSync(join(process.env.E2E_LOG_DIR, `${base.GITHUB_RUN_ID}-main.log`), mainRun.stdout + mainRun.stderr)
    writeFileSync(join(process.env.E2E_LOG_DIR, `${base.GITHUB_RUN_ID}-post.log`), postRun.stdout + postRun.stderr)
  }
  return { main: mainResult, post: { ...postRun, outputs: {}, state: {}, summary: '', env: {} }, runnerTemp }
}

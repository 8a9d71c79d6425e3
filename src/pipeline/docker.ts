// The one seam through which the action runs docker: argv in, exit code and output back.
import type { Writable } from 'node:stream'
import * as exec from '@actions/exec'

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  /** Written to the command's stdin (passwords, never argv). */
  input?: string
  /** Do not echo the command's output into the log. */
  quiet?: boolean
  env?: Record<string, string>
  /** Receives stderr as it arrives (the command's stderr is then not echoed). */
  onStderr?: (chunk: string) => void
  /** Another docker binary to run, such as a CLI plugin called directly. */
  command?: string
}

export type Docker = (args: string[], options?: RunOptions) => Promise<RunResult>

/** Docker whose echoed commands and output go to `stream` (stdout on the runner; a terminal keeps stdout for results). */
export const dockerTo = (stream?: Writable): Docker => async (args, options = {}) => {
  const result = await exec.getExecOutput(options.command ?? 'docker', args, {
    ignoreReturnCode: true,
    ...(stream ? { outStream: stream, errStream: stream } : {}),
    silent: options.quiet || !!options.onStderr,
    listeners: options.onStderr ? { stderr: (data: Buffer) => options.onStderr!(data.toString('utf8')) } : undefined,
    input: options.input === undefined ? undefined : Buffer.from(options.input),
    env: options.env ? ({ ...process.env, ...options.env } as Record<string, string>) : undefined
  })
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr }
}

export const docker: Docker = dockerTo()

/**
 * `buildx ...` runs the given buildx binary directly (one the action installed, which must not
 * replace the runner's plugin); everything else goes to docker as before.
 */
export function withBuildx(run: Docker, binary: string | undefined): Docker {
  if (!binary) return run
  return (args, options = {}) => (args[0] === 'buildx' && !options.command ? run(args.slice(1), { ...options, command: binary }) : run(args, options))
}

/** Run and throw with the command's last error lines when it fails. */
export async function mustRun(run: Docker, args: string[], what: string, options?: RunOptions): Promise<RunResult> {
  const result = await run(args, options)
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}):\n${lastLines(result.stderr || result.stdout)}`)
  return result
}

export function lastLines(text: string, count = 15): string {
  return text.trimEnd().split('\n').slice(-count).join('\n')
}

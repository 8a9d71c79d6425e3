// The one seam through which the action runs docker: argv in, exit code and output back.
// @actions/exec runs it (no shell): the command line is echoed, then its output, unless quiet.
import { getExecOutput } from '@actions/exec'
import { StringDecoder } from 'node:string_decoder'
import type { Writable } from 'node:stream'

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
export const dockerTo =
  (stream: Writable = process.stdout): Docker =>
  async (args, options = {}) => {
    const command = options.command ?? 'docker'
    // Progress is handed on whole characters: a chunk may end inside a UTF-8 sequence.
    const decoder = new StringDecoder('utf8')
    const onStderr = options.onStderr
    try {
      const { exitCode, stdout, stderr } = await getExecOutput(command, args, {
        silent: options.quiet || !!onStderr,
        ignoreReturnCode: true,
        outStream: stream,
        errStream: stream,
        ...(options.input === undefined ? {} : { input: Buffer.from(options.input) }),
        ...(options.env ? { env: { ...(process.env as Record<string, string>), ...options.env } } : {}),
        ...(onStderr ? { listeners: { stderr: (data: Buffer) => onStderr(decoder.write(data)) } } : {})
      })
      return { code: exitCode, stdout, stderr }
    } catch (e) {
      throw new Error(`${command} could not be started: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

export const docker: Docker = dockerTo()

/**
 * `buildx ...` runs the given buildx binary directly, standalone: one the action installed (which
 * must not replace the runner's plugin), or the runner's plugin itself, without the docker CLI's
 * start and plugin lookup in front of it. Everything else goes to docker as before.
 */
export function withBuildx(run: Docker, binary: string | undefined): Docker {
  if (!binary) return run
  return (args, options = {}) =>
    args[0] === 'buildx' && !options.command ? run(args.slice(1), { ...options, command: binary }) : run(args, options)
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

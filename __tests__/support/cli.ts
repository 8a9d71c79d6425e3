// The bundled command line, run on Node 24 as a user runs it.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ROOT, actionNode } from './runner'
import { pushedTo } from './leftovers'

export async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  // What it pushes to, so that the file's end removes what the engine keeps of it.
  for (const arg of args) if (arg.startsWith('--image=')) pushedTo(arg.slice('--image='.length))
  return new Promise((done, fail) => {
    const child = spawn(actionNode(), [join(ROOT, 'dist', 'cli', 'index.js'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', fail)
    child.on('close', code => done({ code: code ?? -1, stdout, stderr }))
  })
}

// The real stack the e2e tests drive. Missing it fails loudly in CI and skips elsewhere.
import { execFileSync } from 'node:child_process'
import { registryUp } from './registry'

function dockerUp(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export async function stackReady(): Promise<boolean> {
  const ready = dockerUp() && (await registryUp())
  if (!ready && process.env.CI) throw new Error('The e2e stack (dockerd + registry on 127.0.0.1:5000) is not running: run `bash scripts/stack.sh` first.')
  if (!ready) console.warn('Skipping e2e tests: no docker engine or registry here (set up with `bash scripts/stack.sh`).')
  return ready
}

export const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

/** An empty builder: no BuildKit cache left from earlier builds. */
export const pruneBuilder = () => docker('buildx', 'prune', '-af')

export const nonce = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

// BuildKit daemons of the test's own, from the stack's image: each a container on the host's
// network listening on a loopback TCP port, its worker restricted to the platforms given (the
// stand-in for a native machine of that platform). Where a build ran is asked of each daemon's
// own records, not inferred from success.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REGISTRY_PORT } from './registry'
import { BUILDKIT_IMAGE, nonce } from './stack'
import { freePort } from './ports'

export interface Daemon {
  name: string
  endpoint: string
  /** The platforms of every build this daemon ran, from its history records. */
  builtPlatforms(): string[]
  running(): boolean
  stop(): void
}

const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

async function listening(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>(resolve => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)))
      socket.on('error', () => resolve(false))
    })
    if (up) return
    await new Promise(r => setTimeout(r, 100))
  }
  throw new Error(`no BuildKit listens on 127.0.0.1:${port}`)
}

/** A daemon whose worker builds `platforms` only; without them, every platform the host can run (QEMU included). */
export async function startDaemon(platforms: string[] = []): Promise<Daemon> {
  const name = `ci-base-node-${platforms.join('-').replace(/\//g, '-') || 'any'}-${nonce()}`
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'buildkitd-'))
  const worker = platforms.length ? `[worker.oci]\n  platforms = [${platforms.map(p => `"${p}"`).join(', ')}]\n\n` : ''
  writeFileSync(join(dir, 'buildkitd.toml'), `${worker}[registry."localhost:${REGISTRY_PORT}"]\n  http = true\n`)
  docker(
    'run',
    '-d',
    '--name',
    name,
    '--privileged',
    '--network',
    'host',
    '-v',
    `${dir}:/etc/buildkit`,
    BUILDKIT_IMAGE,
    '--addr',
    `tcp://127.0.0.1:${port}`
  )
  await listening(port)
  const endpoint = `tcp://127.0.0.1:${port}`
  return {
    name,
    endpoint,
    builtPlatforms() {
      const out = docker('exec', name, 'buildctl', '--addr', endpoint, 'debug', 'histories', '--format', '{{json .}}')
      return [
        ...new Set(
          out
            .split('\n')
            .filter(Boolean)
            .flatMap(
              line =>
                (JSON.parse(line) as { record?: { FrontendAttrs?: Record<string, string> } }).record?.FrontendAttrs?.platform?.split(',') ??
                []
            )
        )
      ].sort()
    },
    running: () => docker('inspect', '--format', '{{.State.Running}}', name).trim() === 'true',
    // With its anonymous volume (the image's /var/lib/buildkit): a daemon leaves nothing behind.
    stop: () => void execFileSync('docker', ['rm', '--force', '--volumes', name], { stdio: 'ignore' })
  }
}

// An engine of the test's own, for the engine stack's tests that need an empty builder. The docker
// driver has one builder per engine, so a builder of the test's own is an engine of its own: the
// machine's dockerd with scripts/stack.sh's settings (containerd image store), on its own data,
// socket and bridge. It is what a new hosted runner has (an engine that has built nothing), and
// it goes, with all it holds, when the test ends: the machine's engine and its build cache are
// never emptied, and no other test waits for it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { engineCall } from '../../src/pipeline/host/docker-config'

export interface OwnEngine {
  /** DOCKER_HOST for runs on it. */
  host: string
  /** Its data, socket and logs: gone when it stops. */
  dir: string
  /** The network bridge its build steps use: gone when it stops. */
  bridge: string
  stop(): Promise<void>
}

const START_SECONDS = 60
const STOP_SECONDS = 30

const ip = (...args: string[]) => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

/**
 * A bridge for its build steps' containers (dockerd's own, docker0, is the machine engine's). No
 * NAT and no firewall rules: the fixtures' steps use no network. A /24 no interface has yet.
 */
function addBridge(name: string): void {
  const taken = ip('-4', '-o', 'addr')
  const free = Array.from({ length: 256 }, (_, i) => i).filter(i => !taken.includes(` 10.231.${i}.`))
  if (!free.length) throw new Error("No free 10.231.x.0/24 for an engine of the test's own: remove the e2e* bridges left by a stopped run")
  const subnet = free[Math.floor(Math.random() * free.length)]
  ip('link', 'add', 'name', name, 'type', 'bridge')
  ip('addr', 'add', `10.231.${subnet}.1/24`, 'dev', name)
  ip('link', 'set', name, 'up')
}

// dockerd 26 exits with "context deadline exceeded" when its BuildKit takes over 10 s to start
// (moby/moby#48569, fixed in 27), as it can while the suite keeps both cores busy: an engine that
// exits while starting is started again, on new files and a new bridge.
const START_TRIES = 3

class ExitedWhileStarting extends Error {}

/** `dockerd`: the command that starts it (a test's stand-in for the machine's). */
export async function startOwnEngine(dockerd = 'dockerd'): Promise<OwnEngine> {
  for (let tried = 1; ; tried++) {
    try {
      return await startOnce(dockerd)
    } catch (error) {
      if (!(error instanceof ExitedWhileStarting) || tried === START_TRIES) throw error
    }
  }
}

async function startOnce(dockerd: string): Promise<OwnEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-engine-'))
  const bridge = `e2e${Math.random().toString(36).slice(2, 10)}`
  const host = `unix://${dir}/docker.sock`
  writeFileSync(join(dir, 'daemon.json'), JSON.stringify({ features: { 'containerd-snapshotter': true } }))
  addBridge(bridge)
  // prettier-ignore
  const daemon: ChildProcess = spawn(dockerd, [
    '--config-file', join(dir, 'daemon.json'), '--data-root', join(dir, 'data'), '--exec-root', join(dir, 'exec'),
    '--pidfile', join(dir, 'dockerd.pid'), '--host', host, '--bridge', bridge, '--iptables=false', '--ip6tables=false'
  ], { stdio: ['ignore', 'ignore', 'pipe'] })
  let log = ''
  daemon.stderr!.on('data', d => (log = (log + d).slice(-4000)))
  const exited = once(daemon, 'exit')

  const stop = async () => {
    if (daemon.exitCode === null && daemon.signalCode === null) {
      daemon.kill('SIGTERM')
      const late = setTimeout(() => daemon.kill('SIGKILL'), STOP_SECONDS * 1000)
      await exited
      clearTimeout(late)
    }
    // A dockerd killed hard leaves its mounts: off they go before its files.
    for (const mount of readFileSync('/proc/self/mounts', 'utf8')
      .split('\n')
      .map(l => l.split(' ')[1] ?? ''))
      if (mount.startsWith(dir + '/')) execFileSync('umount', ['-l', mount], { stdio: 'ignore' })
    rmSync(dir, { recursive: true, force: true })
    ip('link', 'del', bridge)
  }

  const env = { DOCKER_HOST: host }
  const deadline = Date.now() + START_SECONDS * 1000
  while ((await engineCall(env, 'GET', '/_ping'))?.status !== 200) {
    if (daemon.exitCode !== null) {
      await stop()
      throw new ExitedWhileStarting(`An engine of the test's own exited while starting:\n${log}`)
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`An engine of the test's own did not start in ${START_SECONDS} s:\n${log}`)
    }
    await new Promise(r => setTimeout(r, 100))
  }
  return { host, dir, bridge, stop }
}

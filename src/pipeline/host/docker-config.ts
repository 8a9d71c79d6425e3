// The docker CLI's configuration the action runs with: where it keeps its config, the
// credentials `docker login` stored, and what the daemon can do.
import { getExecOutput } from '@actions/exec'
import { existsSync, readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { Env } from '../../core/host/env.js'
import { type Docker, mustRun } from './docker.js'
import type { EngineFacts } from '../../core/builder/builder.js'

interface DockerConfig {
  auths?: Record<string, { auth?: string }>
  credsStore?: string
  credHelpers?: Record<string, string>
  currentContext?: string
  cliPluginsExtraDirs?: string[]
}

export const dockerConfigDir = (env: Env) => env.DOCKER_CONFIG || join(homedir(), '.docker')

/** The CLI's config.json; empty when there is none. */
export function readDockerConfig(env: Env): DockerConfig {
  try {
    return JSON.parse(readFileSync(join(dockerConfigDir(env), 'config.json'), 'utf8')) as DockerConfig
  } catch {
    return {}
  }
}

/**
 * One request to the engine's API over its local socket: the answer's status and body, or
 * undefined when docker talks to an engine elsewhere (or the socket does not answer in 5 s).
 */
export function engineCall(env: Env, method: string, path: string): Promise<{ status: number; body: string } | undefined> {
  const socket = localDockerSocket(env)
  if (!socket) return Promise.resolve(undefined)
  return new Promise(resolve => {
    const req = httpRequest({ socketPath: socket, method, path, timeout: 5000 }, res => {
      let body = ''
      res.on('data', chunk => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', () => resolve(undefined))
    req.on('timeout', () => req.destroy())
    req.end()
  })
}

/** The daemon's /info over its local socket (milliseconds), or through the CLI when docker talks elsewhere. */
export async function engineFacts(run: Docker, env: Env): Promise<EngineFacts> {
  const answer = await engineCall(env, 'GET', '/info')
  if (answer?.status === 200) {
    const info = answer.body
    // Read as JSON: "Name" is also a plugin's and a runtime's key inside it.
    const top = parsedOrEmpty(info)
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
    return {
      containerdStore: info.includes('io.containerd.snapshotter'),
      ...named('version', text(top.ServerVersion)),
      ...named('name', text(top.Name))
    }
  }
  const info = await mustRun(run, ['info', '--format', '{{json .DriverStatus}} {{.Name}} {{.ServerVersion}}'], 'Reading docker info', {
    quiet: true
  })
  const words = info.stdout.trim().split(' ')
  return {
    containerdStore: info.stdout.includes('io.containerd.snapshotter'),
    ...named('version', words.at(-1)),
    ...named('name', words.at(-2))
  }
}

/** The engine's /info answer as an object; an unreadable one gives no name or version. */
function parsedOrEmpty(info: string): { ServerVersion?: unknown; Name?: unknown } {
  try {
    const value: unknown = JSON.parse(info)
    return typeof value === 'object' && value !== null ? value : {}
  } catch {
    return {}
  }
}

const named = <K extends 'version' | 'name'>(key: K, value: string | undefined) => (value ? ({ [key]: value } as Record<K, string>) : {})

function localDockerSocket(env: Env): string | undefined {
  if (env.DOCKER_CONTEXT) return undefined
  if (env.DOCKER_HOST) return env.DOCKER_HOST.startsWith('unix://') ? env.DOCKER_HOST.slice('unix://'.length) : undefined
  const context = readDockerConfig(env).currentContext
  if (context && context !== 'default') return undefined
  return existsSync('/var/run/docker.sock') ? '/var/run/docker.sock' : undefined
}

export type Credentials = { username: string; password: string } | undefined

/** The login `docker login` stored for a host: in config.json, or through its credential helper. */
export async function dockerCredentials(host: string, env: Env): Promise<Credentials> {
  const key = host === 'docker.io' ? 'https://index.docker.io/v1/' : host
  const config = readDockerConfig(env)
  const helper = config.credHelpers?.[key] ?? config.credsStore
  if (helper) {
    const out = await getExecOutput(`docker-credential-${helper}`, ['get'], {
      input: Buffer.from(key),
      silent: true,
      ignoreReturnCode: true
    })
      .then(r => (r.exitCode === 0 ? r.stdout : ''))
      .catch(() => '')
    if (out) {
      const { Username, Secret } = JSON.parse(out) as { Username: string; Secret: string }
      return { username: Username, password: Secret }
    }
  }
  const auth = config.auths?.[key]?.auth
  if (!auth) return undefined
  const plain = Buffer.from(auth, 'base64').toString('utf8')
  return { username: plain.slice(0, plain.indexOf(':')), password: plain.slice(plain.indexOf(':') + 1) }
}

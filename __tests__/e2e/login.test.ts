// A registry that wants a login: the action logs in (password through stdin), pushes, reads
// the baseline with the same credentials, and logs out in post.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import bcrypt from 'bcryptjs'
import { BUILDKIT_IMAGE, docker, fixture, nonce, onEveryStack } from '../support/stack'
import { HEAD_COMMIT_TIME } from '../support/runner'
import { REGISTRY } from '../support/registry'
import { freePort } from '../support/ports'

const user = 'ci-bot'
const password = `pw-${nonce()}`

onEveryStack('a registry that requires a login', stack => {
  // A registry of its own per stack, on a port of its own: the other's may still be shutting down.
  let PORT = 0
  let registry: ChildProcess
  let dir = ''
  let dockerConfig = ''

  beforeAll(async () => {
    PORT = await freePort()
    dir = mkdtempSync(join(tmpdir(), 'auth-registry-'))
    dockerConfig = join(dir, 'docker-config')
    writeFileSync(join(dir, 'htpasswd'), `${user}:${bcrypt.hashSync(password, 10)}\n`)
    writeFileSync(
      join(dir, 'config.yml'),
      `version: 0.1\nlog: { level: error }\nstorage:\n  filesystem: { rootdirectory: ${dir}/data }\nhttp:\n  addr: 127.0.0.1:${PORT}\nauth:\n  htpasswd: { realm: test, path: ${dir}/htpasswd }\n`
    )
    registry = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' })
    registry.unref() // it must never keep the test process alive
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`http://127.0.0.1:${PORT}/v2/`).catch(() => undefined)
      if (res?.status === 401) return
      await new Promise(r => setTimeout(r, 100))
    }
    throw new Error('the auth registry did not start')
  })
  afterAll(() => registry?.kill('SIGKILL'))

  test('logs in, pushes, compares with the protected baseline, logs out; the password is never printed', async () => {
    const image = `localhost:${PORT}/e2e/auth-${stack.name}`
    const inputs = {
      ...fixture('multistage'),
      image,
      username: user,
      password,
      platforms: 'linux/amd64',
      cache: 'none',
      'tag-policy': 'none'
    }
    const env = { DOCKER_CONFIG: dockerConfig }
    const first = await stack.run({ inputs: { ...inputs, push: 'true', tags: 'latest' }, env })
    expect(first.main.code).toBe(0)
    expect(JSON.parse(first.main.state['post-state']).logouts).toEqual([`localhost:${PORT}`])
    expect(first.post.code).toBe(0)
    expect(first.post.stdout).toContain(`Log out of localhost:${PORT}`)
    expect(JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8')).auths?.[`localhost:${PORT}`]).toBeUndefined()

    const anonymous = await fetch(`http://127.0.0.1:${PORT}/v2/e2e/auth-${stack.name}/manifests/latest`)
    expect(anonymous.status).toBe(401)
    const authed = await fetch(`http://127.0.0.1:${PORT}/v2/e2e/auth-${stack.name}/manifests/latest`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
        Accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json'
      }
    })
    expect(authed.status).toBe(200)

    const second = await stack.run({ inputs: { ...inputs, push: 'false' }, env })
    expect(second.main.code).toBe(0)
    expect(JSON.parse(second.main.outputs.report).baseline).toEqual({ ref: `${image}:latest`, status: 'found', created: HEAD_COMMIT_TIME })
    const printed = [first, second].flatMap(r => [r.main.stdout, r.main.stderr, r.post.stdout]).join('\n')
    expect(printed.split('\n').filter(l => l.includes(password))).toEqual([`::add-mask::${password}`, `::add-mask::${password}`])
  })

  test("the builder's BuildKit from a mirror that wants a login: pinned, pulled by digest with the run's login", async () => {
    const env = { DOCKER_CONFIG: dockerConfig }
    const mirror = `localhost:${PORT}/mirror/buildkit`
    const config = ['--config', join(dir, 'pusher')]
    execFileSync('docker', [...config, 'login', '--username', user, '--password-stdin', `localhost:${PORT}`], {
      input: password,
      stdio: ['pipe', 'ignore', 'ignore']
    })
    execFileSync('docker', ['tag', BUILDKIT_IMAGE, `${mirror}:v1`])
    execFileSync('docker', [...config, 'push', '--quiet', `${mirror}:v1`], { stdio: 'ignore' })
    const res = await fetch(`http://127.0.0.1:${PORT}/v2/mirror/buildkit/manifests/v1`, {
      method: 'HEAD',
      headers: {
        Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
        Accept:
          'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json'
      }
    })
    const pinned = `${mirror}:v1@${res.headers.get('docker-content-digest')}`
    const local = pinned.replace('@sha256:', '-')
    spawnSync('docker', ['image', 'rm', '--force', `${mirror}:v1`, pinned, local])
    try {
      const run = await stack.run({
        inputs: {
          ...fixture('multistage'),
          registry: `localhost:${PORT}`,
          username: user,
          password,
          driver: 'docker-container',
          platforms: 'linux/amd64',
          cache: 'none',
          'buildkit-image': pinned
        },
        env
      })
      expect(run.main.code).toBe(0)
      expect(run.main.stdout).toContain(`--driver-opt image=${local}`)
      expect(docker('image', 'inspect', '--format', '{{.Id}}', local).trim()).toMatch(/^sha256:/)
    } finally {
      spawnSync('docker', ['image', 'rm', '--force', pinned, local])
    }
  })

  test('registry-auth: two registries in one step, each logged in through stdin and logged out in post', async () => {
    const image = `localhost:${PORT}/e2e/auth-many-${stack.name}`
    const env = { DOCKER_CONFIG: dockerConfig }
    const registryAuth = `- registry: localhost:${PORT}\n  username: ${user}\n  password: ${password}\n- registry: ${REGISTRY}\n  username: anyone\n  password: "${password}-2"\n`
    const run = await stack.run({
      inputs: {
        ...fixture('multistage'),
        image,
        'registry-auth': registryAuth,
        platforms: 'linux/amd64',
        cache: 'none',
        'tag-policy': 'none',
        tags: '1',
        push: 'true',
        baseline: 'none'
      },
      env
    })
    expect(run.main.code).toBe(0)
    expect(JSON.parse(run.main.state['post-state']).logouts).toEqual([`localhost:${PORT}`, REGISTRY])
    expect(run.post.stdout).toContain(`Log out of localhost:${PORT}`)
    expect(run.post.stdout).toContain(`Log out of ${REGISTRY}`)
    expect(JSON.parse(readFileSync(join(dockerConfig, 'config.json'), 'utf8')).auths ?? {}).toEqual({})
    const authed = await fetch(`http://127.0.0.1:${PORT}/v2/e2e/auth-many-${stack.name}/manifests/1`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
        Accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json'
      }
    })
    expect(authed.status).toBe(200)
    const printed = [run.main.stdout, run.main.stderr, run.post.stdout].join('\n')
    expect(printed.split('\n').filter(l => l.includes(password))).toEqual([`::add-mask::${password}`, `::add-mask::${password}-2`])
  })
})

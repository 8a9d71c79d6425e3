// main and post through the Runtime they take, with a scripted docker: argv in, canned output
// out. What is checked is what the pipeline does with the answers (stage order, what post is
// handed, outputs on failure, warnings versus failures), not that a mock was called.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { main } from '../../../src/pipeline/main'
import { post } from '../../../src/pipeline/post'
import { INPUT_DEFAULTS, type RawInputs } from '../../../src/core/inputs/inputs'
import { host, type Answer, type Script } from '../../support/scripted-host'

const sha = (text: string) => createHash('sha256').update(text).digest('hex')
const argAfter = (argv: string[], flag: string) => argv[argv.indexOf(flag) + 1]

/** What BuildKit leaves behind: the metadata file, and the OCI layout of a one-layer image. */
function builtImage(argv: string[]): void {
  const dest = /dest=([^,]+)/.exec(argAfter(argv, '--output'))![1]
  mkdirSync(join(dest, 'blobs', 'sha256'), { recursive: true })
  const blob = (text: string) => (writeFileSync(join(dest, 'blobs', 'sha256', sha(text)), text), `sha256:${sha(text)}`)
  const config = blob(JSON.stringify({ history: [{ created_by: 'RUN make # buildkit' }] }))
  writeFileSync(join(dest, 'blobs', 'sha256', 'a'.repeat(64)), 'layer')
  const manifest = blob(
    JSON.stringify({ config: { digest: config, size: 1 }, layers: [{ digest: 'sha256:' + 'a'.repeat(64), size: 1234 }] })
  )
  writeFileSync(join(dest, 'index.json'), JSON.stringify({ manifests: [{ digest: manifest, size: 1 }] }))
  writeFileSync(argAfter(argv, '--metadata-file'), JSON.stringify({ 'containerimage.digest': manifest }))
}

const vertex = (name: string, extra: object = {}) =>
  JSON.stringify({
    vertexes: [{ digest: `sha256:${sha(name)}`, name, started: '2026-11-27T10:00:00Z', completed: '2026-11-27T10:00:01Z', ...extra }]
  }) + '\n'

/** A runner whose docker has the containerd store and buildx 0.30 (the docker driver is chosen). */
function engine(build: Answer): Script {
  return argv => {
    const command = argv.slice(1).join(' ')
    if (command.startsWith('info')) return { stdout: '[["driver-type","io.containerd.snapshotter.v1"]]' }
    if (command === 'buildx version') return { stdout: 'github.com/docker/buildx v0.30.0 abc' }
    if (command.startsWith('buildx build')) return build
    return { code: 1, stderr: `unscripted: ${command}` }
  }
}

function inputs(over: Partial<RawInputs> = {}): RawInputs {
  const dir = mkdtempSync(join(tmpdir(), 'pipeline-ctx-'))
  writeFileSync(join(dir, 'Dockerfile'), 'FROM localhost:5000/base\nRUN make\n')
  return { ...INPUT_DEFAULTS, context: dir, file: join(dir, 'Dockerfile'), platforms: 'linux/amd64', cache: 'none', ...over }
}

describe('main', () => {
  test('stages in order; outputs from what the build left; nothing for post but that it runs', async () => {
    const h = host(engine({ stderr: vertex('[1/1] RUN make'), write: builtImage }))
    await main(h.rt, inputs())
    expect(h.groups).toEqual(['Set up buildx', 'Set up QEMU', 'Build', 'Inspect'])
    expect(h.outputs).toMatchObject({
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      size: '1234',
      layers: '1',
      'cache-hit-rate': '0'
    })
    expect(h.remembered).toEqual({})
    expect(h.warnings).toEqual([])
  })

  test("a failed build fails main with BuildKit's words; tags and build-time are set all the same", async () => {
    const h = host(
      engine({ code: 1, stderr: vertex('[1/1] RUN make', { error: 'exit code: 2' }) + 'ERROR: failed to solve: exit code: 2\n' })
    )
    await expect(main(h.rt, inputs({ image: 'r/x' }))).rejects.toThrow(
      /^docker buildx build failed \(exit 1\):\n\[1\/1\] RUN make: exit code: 2/
    )
    expect(h.outputs.tags).toBe('r/x:sha-a1b2c3d')
    expect(h.outputs['build-time']).toMatch(/^\d+\.\d$/)
    expect(h.outputs.digest).toBeUndefined()
  })

  test('a cache export that failed is one warning; the run succeeds', async () => {
    const stderr = vertex('[1/1] RUN make') + vertex('exporting cache to registry', { error: 'connection refused' })
    const h = host(engine({ stderr, write: builtImage }))
    await main(h.rt, inputs())
    expect(h.warnings).toEqual(['The build went on without cache: exporting cache to registry failed: connection refused'])
    expect(h.outputs.size).toBe('1234')
  })

  test('a builder main creates is handed to post before it is started, so a failed start is still cleaned up', async () => {
    const h = host(argv => {
      const command = argv.slice(1).join(' ')
      if (command === 'buildx version') return { stdout: 'github.com/docker/buildx v0.30.0 abc' }
      if (command.startsWith('info')) return { stdout: '[]' }
      if (command.startsWith('image inspect')) return {}
      if (command.startsWith('buildx create')) return { code: 1, stderr: 'ERROR: no such image' }
      return { code: 1 }
    })
    await expect(main(h.rt, inputs({ driver: 'docker-container' }))).rejects.toThrow(
      /^Creating the docker-container builder failed \(exit 1\):\nERROR: no such image/
    )
    expect(h.remembered.builder).toMatch(/^ci-base-/)
    expect(h.calls.some(c => c.includes('--driver-opt network=host'))).toBe(true)
  })

  test("cache: gha with a buildx too old for it that cannot be downloaded: one warning, the runner's buildx, no gha cache", async () => {
    const builds: string[][] = []
    const h = host(argv => {
      const command = argv.slice(1).join(' ')
      if (command.startsWith('info')) return { stdout: '[["driver-type","io.containerd.snapshotter.v1"]]' }
      if (command === 'buildx version') return { stdout: 'github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3' }
      if (command.startsWith('buildx build')) return (builds.push(argv), { stderr: vertex('[1/1] RUN make'), write: builtImage })
      return { code: 1, stderr: `unscripted: ${command}` }
    })
    h.rt.env.ACTIONS_RUNTIME_TOKEN = 'token'
    h.rt.env.ACTIONS_RESULTS_URL = 'http://127.0.0.1:1/'
    // Nothing listens on port 1: refused at once, as an unresolvable github.com is.
    await main(h.rt, inputs({ cache: 'gha', 'buildx-download-url': 'http://127.0.0.1:1/releases' }))
    expect(h.warnings).toStrictEqual([
      expect.stringMatching(
        /^buildx v0\.37\.1, which cache: gha .* needs, could not be downloaded from http:\/\/127\.0\.0\.1:1\/releases \(GET .*connect ECONNREFUSED.*\); building with the runner's buildx 0\.13\.1, without the gha cache\./
      )
    ])
    expect(builds).toHaveLength(1)
    expect(builds[0].join(' ')).not.toMatch(/type=gha/)
    expect(h.remembered.buildx).toBeUndefined()
  })

  test('buildx asked for by version that cannot be downloaded fails the step: nothing to fall back on', async () => {
    const h = host(engine({ write: builtImage }))
    await expect(main(h.rt, inputs({ 'buildx-version': 'v0.30.0', 'buildx-download-url': 'http://127.0.0.1:1/releases' }))).rejects.toThrow(
      /ECONNREFUSED/
    )
  })

  test('a builder image that is not on the runner, not in the GitHub cache and cannot be pulled: one error that says what to set', async () => {
    const h = host(argv => {
      const command = argv.slice(1).join(' ')
      if (command === 'buildx version') return { stdout: 'github.com/docker/buildx v0.30.0 abc' }
      if (command.startsWith('info')) return { stdout: '[]' }
      if (command.startsWith('pull')) return { code: 1, stderr: 'Error response from daemon: toomanyrequests: pull rate limit\n' }
      return { code: 1 }
    })
    await expect(main(h.rt, inputs({ driver: 'docker-container' }))).rejects.toThrow(
      /^Pulling the builder image docker\.io\/moby\/buildkit:v[\d.]+@sha256:[0-9a-f]{64} failed: Error response from daemon: toomanyrequests: pull rate limit\nSet buildkit-image to a copy your runner can pull/
    )
    expect(h.calls.filter(c => c.includes('buildx create'))).toStrictEqual([])
    // No GitHub cache service for this run: no restore was tried, so no warning either.
    expect(h.warnings).toStrictEqual([])
  })

  test('a bad input fails before any docker command', async () => {
    const h = host(() => ({}))
    await expect(main(h.rt, inputs({ platforms: 'lnx' }))).rejects.toThrow(/Input 'platforms': 'lnx' is not valid/)
    expect(h.calls).toEqual([])
  })
})

describe('post', () => {
  test('removes the builder with the buildx that made it and logs out; one failure is a warning and the rest still runs', async () => {
    const h = host(argv => (argv.includes('rm') ? { code: 1, stderr: 'ERROR: builder busy' } : {}), {
      builder: 'b1',
      buildx: '/toolcache/docker-buildx',
      logouts: ['ghcr.io', 'docker.io']
    })
    await post(h.rt)
    expect(h.calls).toEqual(['/toolcache/docker-buildx rm --force b1', 'docker logout ghcr.io', 'docker logout docker.io'])
    expect(h.warnings).toEqual(['Remove builder b1 failed: Removing the builder failed (exit 1):\nERROR: builder busy'])
  })

  test('verify containers a cancelled main left are removed, with the image it loaded to verify', async () => {
    const h = host(argv => (argv[1] === 'ps' ? { stdout: 'c1\nc2\n' } : {}), {
      verifyKey: 'ci-base-verify-7-1-99',
      verifyImage: 'ci-base-verify-7-1-99:built'
    })
    await post(h.rt)
    expect(h.calls).toEqual([
      'docker ps --all --quiet --filter label=ci-base-action.verify=ci-base-verify-7-1-99',
      'docker rm --force c1 c2',
      'docker image rm --force ci-base-verify-7-1-99:built'
    ])
    expect(h.warnings).toEqual([])
  })

  test('the images a cut-short verify pulled by digest are removed; one already gone is not reported', async () => {
    const h = host(argv => (argv[1] === 'image' && argv.includes('r/x@sha256:b') ? { code: 1, stderr: 'No such image' } : {}), {
      verifyKey: 'k',
      verifyPulled: ['r/x@sha256:a', 'r/x@sha256:b']
    })
    await post(h.rt)
    expect(h.calls).toEqual([
      'docker ps --all --quiet --filter label=ci-base-action.verify=k',
      'docker image rm --force r/x@sha256:a',
      'docker image rm --force r/x@sha256:b'
    ])
    expect(h.infos.filter(l => l.startsWith('Removed'))).toEqual(['Removed 0 verify container(s) and r/x@sha256:a'])
  })

  test('nothing handed over: nothing to do', async () => {
    const h = host(() => ({}))
    await post(h.rt)
    expect([h.calls, h.warnings]).toEqual([[], []])
  })
})

// What users see when something is wrong: one clear error, exit code 1, and a post step that
// still cleans up and exits 0.
import { runAction } from '../support/runner'
import { docker, nonce, stackReady } from '../support/stack'
import { imageConfig, imageFiles, platformSizes } from '../support/registry'
import { startFaultyProxy } from '../support/faulty-proxy'

const ready = await stackReady()
const fixture = '__tests__/fixtures/multistage'
const errors = (stdout: string) => stdout.match(/^::error::.*$/gm) ?? []

;(ready ? describe : describe.skip)('failures', () => {
  test('a bad input fails before anything runs, naming the input and what is allowed', async () => {
    const run = await runAction({ inputs: { platforms: 'linux/amd64,lnx', 'cache-to': 'inline' } })
    expect(run.main.code).toBe(1)
    expect(errors(run.main.stdout)).toEqual([
      "::error::2 invalid inputs:%0AInput 'platforms': 'lnx' is not valid; use os/arch[/variant], e.g. linux/amd64 or linux/arm/v7.%0A" +
        "Input 'cache-to': 'inline' is not valid; use type=<registry|local|gha|inline|s3|azblob>[,key=value...] (did you mean 'type=inline'?)."
    ])
    expect(run.main.stdout).not.toContain('[command]')
    expect(run.post.code).toBe(0)
    expect(run.post.stdout).toBe('')
  })

  test('a builder main created is removed by post even when main failed', async () => {
    // The docker-container driver needs the moby/buildkit image, which this machine cannot pull:
    // main fails creating it, after buildx has registered the builder.
    const run = await runAction({ inputs: { context: fixture, file: `${fixture}/Dockerfile`, driver: 'docker-container', cache: 'none' } })
    expect(run.main.code).toBe(1)
    expect(errors(run.main.stdout)[0]).toMatch(/^::error::Creating the docker-container builder failed \(exit 1\):/)
    const builder = run.main.state.builder
    expect(builder).toMatch(/^ci-base-/)
    expect(run.post.code).toBe(0)
    expect(run.post.stdout).toContain(`Remove builder ${builder}`)
    expect(() => docker('buildx', 'inspect', builder)).toThrow()
  })

  test('a failing build fails the step with the builder\'s own error, keeps known outputs, pushes no tag', async () => {
    const repo = `e2e/broken-${nonce()}`
    const run = await runAction({
      inputs: { context: fixture, file: `${fixture}/Dockerfile`, image: `localhost:5000/${repo}`, push: 'true', cache: 'none', 'build-args': 'BASE=localhost:5000/test/does-not-exist:1' }
    })
    expect(run.main.code).toBe(1)
    const [error] = errors(run.main.stdout)
    expect(error).toMatch(/^::error::docker buildx build failed \(exit 1\):/)
    expect(error).toMatch(/does-not-exist/)
    expect(run.main.outputs.tags).toBe(`localhost:5000/${repo}:sha-a1b2c3d`)
    expect(Number(run.main.outputs['build-time'])).toBeGreaterThanOrEqual(0)
    const res = await fetch(`http://127.0.0.1:5000/v2/${repo}/tags/list`)
    expect(res.status).toBe(404)
    expect(run.post.code).toBe(0)
  })
})

;(ready ? describe : describe.skip)('secrets and the local image store', () => {
  test('a build secret reaches the RUN step, and its value is in no log, output, layer or config', async () => {
    const secret = `s3cret-${nonce()}`
    const repo = `e2e/secret-${nonce()}`
    const run = await runAction({
      inputs: { context: '__tests__/fixtures/secret', file: '__tests__/fixtures/secret/Dockerfile', image: `localhost:5000/${repo}`, push: 'true', cache: 'inline', secrets: 'token=BUILD_TOKEN', 'tag-policy': 'none', tags: '1' },
      env: { BUILD_TOKEN: secret }
    })
    expect(run.main.code).toBe(0)
    const sizes = await platformSizes(repo, '1')
    const files = await imageFiles(repo, sizes['linux/amd64'].digest)
    expect(files.get('token-length')?.content).toBe(`${secret.length}\nx86_64\n`)
    const everything = [run.main.stdout, run.main.stderr, run.post.stdout, JSON.stringify(run.main.outputs), run.main.summary, ...[...files.values()].map(f => f.content), JSON.stringify(await imageConfig(repo, sizes['linux/amd64'].digest))].join('\n')
    expect(everything.split('\n').filter(l => l.includes(secret))).toEqual([`::add-mask::${secret}`])
  })

  test('load: true also puts the image in the local store', async () => {
    const tag = `localhost:5000/e2e/loaded:${nonce()}`
    const run = await runAction({ inputs: { context: fixture, file: `${fixture}/Dockerfile`, tags: tag, load: 'true', platforms: 'linux/amd64', cache: 'none' } })
    expect(run.main.code).toBe(0)
    expect(docker('image', 'inspect', '--format', '{{.Architecture}}', tag).trim()).toBe('amd64')
    expect(run.main.outputs.layers).toMatch(/^\d+$/)
  })
})

;(ready ? describe : describe.skip)('a registry that fails a push once', () => {
  test('the push is tried once more with a warning; the report keeps the real build\'s hit rate', async () => {
    // The docker driver pushes a tag twice: BuildKit's own push, then the engine's, whose
    // failure fails the build (as distribution 2.8 sometimes does under concurrent tag pushes).
    let manifestPuts = 0
    const proxy = await startFaultyProxy(5000, (method, path) => method === 'PUT' && /\/manifests\/[^/]+$/.test(path) && !path.includes('sha256:') && ++manifestPuts === 2)
    try {
      const repo = `e2e/flaky-${nonce()}`
      const run = await runAction({
        inputs: { context: fixture, file: `${fixture}/Dockerfile`, image: `${proxy.host}/${repo}`, push: 'true', cache: 'none', tags: '1', 'tag-policy': 'none', 'build-args': `NONCE=${nonce()}` }
      })
      expect(run.main.code).toBe(0)
      expect(proxy.failed).toHaveLength(1)
      expect(run.main.stdout).toMatch(/::warning::The push failed \(.*500.*\); pushing once more\./)
      expect(run.main.outputs['cache-hit-rate']).toBe('0')
      expect(Object.keys(await platformSizes(repo, '1')).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    } finally {
      await proxy.close()
    }
  })
})

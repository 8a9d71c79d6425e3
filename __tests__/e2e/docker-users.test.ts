// What users of docker's actions expect to find: index annotations, release tags from git tags,
// secret files and SSH for private dependencies, a builder of their own.
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HEAD_COMMIT_TIME, HEAD_SHA } from '../support/runner'
import { api, imageConfig, imageFiles, manifest, platformSizes, REGISTRY, REGISTRY_PORT } from '../support/registry'
import { docker, errorLines, fixture, nonce, onEveryStack, expectGreen } from '../support/stack'

const multistage = fixture('multistage')

onEveryStack("what docker's action users expect", stack => {
  test('the index carries the OCI description (GHCR shows it) and the basics; annotations go where they are asked', async () => {
    const repo = `e2e/annotated-${stack.name}-${nonce()}`
    const run = await stack.run({
      inputs: {
        ...multistage,
        image: `${REGISTRY}/${repo}`,
        push: 'true',
        cache: 'none',
        'tag-policy': 'none',
        tags: '1',
        labels: 'org.opencontainers.image.description=The CI base stand-in',
        annotations: 'com.example.team=ci\nmanifest:com.example.kind=base'
      }
    })
    expectGreen(run)
    const index = (await manifest(repo, '1'))!.body
    // Besides the history and the fingerprint the action records on every pushed index
    // (history.test.ts, fingerprint.test.ts).
    const history = Object.keys(index.annotations ?? {}).filter(k => k.startsWith('com.github.phialo.ci-base-action.'))
    expect(history.sort()).toStrictEqual(
      [
        'build-seconds',
        'built',
        'cache-hit-rate',
        'fingerprint.args',
        'fingerprint.bases',
        'fingerprint.context',
        'fingerprint.dockerfile',
        'fingerprint.files',
        'fingerprint.parts',
        'fingerprint.rest',
        'platforms'
      ].map(k => `com.github.phialo.ci-base-action.${k}`)
    )
    for (const key of history) delete index.annotations![key]
    expect(index.annotations).toEqual({
      'com.example.team': 'ci',
      'org.opencontainers.image.title': 'ci-base-action',
      'org.opencontainers.image.description': 'The CI base stand-in',
      'org.opencontainers.image.source': 'https://github.com/phialo/ci-base-action',
      'org.opencontainers.image.revision': 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      'org.opencontainers.image.version': '1',
      'org.opencontainers.image.created': HEAD_COMMIT_TIME
    })
    const amd64Digest = (await platformSizes(repo, '1'))['linux/amd64'].digest
    const amd64 = (await manifest(repo, amd64Digest))!.body
    expect(amd64.annotations).toMatchObject({ 'com.example.team': 'ci', 'com.example.kind': 'base' })
    // metadata-action's outputs: what the image really got.
    const { Labels } = (await imageConfig(repo, amd64Digest)).config
    const json = JSON.parse(run.main.outputs.json) as { tags: string[]; labels: Record<string, string>; annotations: string[] }
    expect(run.main.outputs.version).toBe('1')
    expect(json.tags).toStrictEqual([`${REGISTRY}/${repo}:1`])
    expect(Labels).toMatchObject(json.labels)
    expect(json.labels['org.opencontainers.image.url']).toBe('https://github.com/phialo/ci-base-action')
    expect(run.main.outputs.labels.split('\n')).toStrictEqual(Object.entries(json.labels).map(([k, v]) => `${k}=${v}`))
    expect(json.annotations).toStrictEqual(run.main.outputs.annotations.split('\n'))
    for (const line of json.annotations.filter(a => a.startsWith('index:'))) {
      const [key, value] = line.slice('index:'.length).split(/=(.*)/s)
      expect([key, index.annotations?.[key]]).toStrictEqual([key, value])
    }
  })

  test("metadata-action's tag kinds reach the registry: the branch and a 12-character sha with a prefix, edge on its branch", async () => {
    const repo = `e2e/meta-tags-${stack.name}-${nonce()}`
    const run = await stack.run({
      inputs: {
        ...multistage,
        image: `${REGISTRY}/${repo}`,
        push: 'true',
        cache: 'none',
        platforms: 'linux/amd64',
        'tag-policy': 'ref, sha:12, edge:feature/login',
        'tag-prefix': 'ci-'
      },
      env: { GITHUB_REF: 'refs/heads/feature/login' }
    })
    expectGreen(run)
    const expected = ['ci-feature-login', `ci-sha-${HEAD_SHA.slice(0, 12)}`, 'ci-edge']
    expect(run.main.outputs.tags.split('\n')).toStrictEqual(expected.map(t => `${REGISTRY}/${repo}:${t}`))
    const listed = ((await fetch(`${api}/${repo}/tags/list`).then(r => r.json())) as { tags: string[] }).tags
    expect([...listed].sort()).toStrictEqual([...expected].sort())
    for (const tag of expected) expect([tag, (await manifest(repo, tag))!.digest]).toStrictEqual([tag, run.main.outputs.digest])
    // edge outranks ref, as metadata-action ranks them; the image's version label says the same.
    expect(run.main.outputs.version).toBe('ci-edge')
    const amd64 = (await platformSizes(repo, 'ci-edge'))['linux/amd64'].digest
    expect((await imageConfig(repo, amd64)).config.Labels?.['org.opencontainers.image.version']).toBe('ci-edge')
  })

  test('tag-policy semver: a release gets X.Y.Z, X.Y, X and latest; a pre-release and an older line move only their own tags', async () => {
    const repo = `e2e/release-${stack.name}-${nonce()}`
    const release = (tag: string) =>
      stack.run({
        inputs: {
          ...multistage,
          image: `${REGISTRY}/${repo}`,
          push: 'true',
          cache: 'none',
          'tag-policy': 'semver',
          'build-args': `NONCE=${tag}`
        },
        env: { GITHUB_REF: `refs/tags/${tag}` }
      })
    const tagged = async (...tags: string[]) =>
      Object.fromEntries(await Promise.all(tags.map(async t => [t, (await manifest(repo, t))?.digest])))

    const v123 = await release('v1.2.3')
    expectGreen(v123)
    expect(v123.main.outputs.tags.split('\n')).toEqual(['1.2.3', '1.2', '1', 'latest'].map(t => `${REGISTRY}/${repo}:${t}`))
    const rc = await release('v1.3.0-rc.1')
    expectGreen(rc)
    expect(rc.main.outputs.tags).toBe(`${REGISTRY}/${repo}:1.3.0-rc.1`)
    const older = await release('v1.1.9')
    expectGreen(older)
    expect(older.main.outputs.tags.split('\n')).toEqual([`${REGISTRY}/${repo}:1.1.9`, `${REGISTRY}/${repo}:1.1`])
    const d = v123.main.outputs.digest
    expect(await tagged('1.2.3', '1.2', '1', 'latest', '1.3.0-rc.1', '1.1')).toEqual({
      '1.2.3': d,
      '1.2': d,
      '1': d,
      latest: d,
      '1.3.0-rc.1': rc.main.outputs.digest,
      '1.1': older.main.outputs.digest
    })

    const nightly = await release('nightly')
    expect(nightly.main.code).toBe(1)
    expect(errorLines(nightly.main.stdout)).toEqual([
      "::error::Input 'tag-policy': 'semver' needs a version tag such as v1.2.3 or 1.2.3-rc.1; this run's tag is 'nightly'."
    ])
    expect(nightly.main.stdout).not.toContain('[command]')
  })

  test('secret-files and ssh reach the RUN step; neither value is in a log, output or the image', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'private-'))
    const token = `//npm.example.com/:_authToken=npm_${nonce()}\n`
    writeFileSync(join(dir, 'npmrc'), token)
    const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    writeFileSync(join(dir, 'deploy_key'), key, { mode: 0o600 })
    const repo = `e2e/private-${stack.name}-${nonce()}`
    const run = await stack.run({
      inputs: {
        ...fixture('private-deps'),
        image: `${REGISTRY}/${repo}`,
        push: 'true',
        cache: 'none',
        'tag-policy': 'none',
        tags: '1',
        'secret-files': `npmrc=${dir}/npmrc`,
        ssh: `deploy=${dir}/deploy_key`
      }
    })
    expectGreen(run)
    const amd64 = (await platformSizes(repo, '1'))['linux/amd64'].digest
    const files = await imageFiles(repo, amd64)
    expect(files.get('npmrc-length')?.content.trim()).toBe(String(token.length))
    expect(files.get('ssh.txt')?.content).toBe('agent socket\n')
    const everything = [
      run.main.stdout,
      run.main.stderr,
      run.post.stdout,
      JSON.stringify(run.main.outputs),
      run.main.summary,
      ...[...files.values()].map(f => f.content),
      JSON.stringify(await imageConfig(repo, amd64))
    ].join('\n')
    for (const line of [token.trim(), ...key.split('\n').filter(l => l.length > 20)]) expect(everything.includes(line)).toBe(false)

    const missing = await stack.run({ inputs: { ...fixture('private-deps'), cache: 'none', 'secret-files': `npmrc=${dir}/nope` } })
    expect(errorLines(missing.main.stdout)).toEqual([
      `::error::Input 'secret-files': the file for secret 'npmrc' (${dir}/nope) does not exist or cannot be read.`
    ])
  })

  test('builder: an existing builder is used as it is and left running', async () => {
    const name = stack.name === 'engine' ? 'default' : `warm-${nonce()}`
    if (stack.name === 'runner') {
      const config = join(mkdtempSync(join(tmpdir(), 'warm-')), 'buildkitd.toml')
      writeFileSync(config, `[registry."localhost:${REGISTRY_PORT}"]\n  http = true\n`)
      docker('buildx', 'create', '--name', name, '--driver', 'docker-container', '--driver-opt', 'network=host', '--config', config)
    }
    try {
      const repo = `e2e/own-builder-${stack.name}-${nonce()}`
      const run = await stack.run({
        inputs: {
          ...multistage,
          builder: name,
          driver: '',
          image: `${REGISTRY}/${repo}`,
          push: 'true',
          cache: 'none',
          'tag-policy': 'none',
          tags: '1'
        }
      })
      expectGreen(run)
      expect(run.main.stdout).toContain(`--builder ${name}`)
      expect(JSON.parse(run.main.state['post-state']).builder).toBeUndefined()
      expect(run.post.stdout).not.toContain('Remove builder')
      expect(docker('buildx', 'inspect', name)).toMatch(/Status:\s+running/)
      expect((await manifest(repo, '1'))?.digest).toBe(run.main.outputs.digest)
      const bad = await stack.run({ inputs: { ...multistage, builder: 'no-such-builder', driver: '' } })
      expect(errorLines(bad.main.stdout)[0]).toMatch(/^::error::Input 'builder': 'no-such-builder' is not a usable builder/)
    } finally {
      if (stack.name === 'runner') docker('buildx', 'rm', '--force', name)
    }
  })
})

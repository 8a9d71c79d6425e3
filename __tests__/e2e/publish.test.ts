// What a weekly job publishes: the same content gives the same digest, an unchanged rebuild
// uploads nothing and says so, and tags move only to a complete image that this run built.
import { cpSync, mkdtempSync, appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionRun } from '../support/runner'
import { HEAD_COMMIT_TIME } from '../support/runner'
import { imageConfig, manifest, platformSizes, readImageFile, REGISTRY, REGISTRY_PORT } from '../support/registry'
import { blobUploads, manifestPuts, startFaultyProxy } from '../support/faulty-proxy'
import { fixture, nonce, onEveryStack, expectGreen } from '../support/stack'

const multistage = fixture('multistage')

/** Every manifest the index names, and every blob those name, are in the registry. */
async function complete(repo: string, digest: string): Promise<boolean> {
  const sizes = await platformSizes(repo, digest)
  for (const { digest: platform } of Object.values(sizes)) {
    const m = await manifest(repo, platform)
    if (!m) return false
    for (const d of [m.body.config!, ...m.body.layers!]) {
      const head = await fetch(`http://${REGISTRY.replace('localhost', '127.0.0.1')}/v2/${repo}/blobs/${d.digest}`, { method: 'HEAD' })
      if (head.status !== 200) return false
    }
  }
  return Object.keys(sizes).length === 2
}

onEveryStack('publishing a weekly job can trust', stack => {
  const nonceOfRun = nonce()

  test('the same commit twice: the same digest, reported unchanged, and the second push uploads nothing', async () => {
    const repo = `e2e/same-${stack.name}-${nonceOfRun}`
    const inputs = {
      ...multistage,
      image: `${REGISTRY}/${repo}`,
      push: 'true',
      'tag-policy': 'sha',
      tags: '1',
      'build-args': `NONCE=${nonceOfRun}`
    }
    const first = await stack.run({ inputs })
    expectGreen(first)
    expect(first.main.outputs.changed).toBe('')
    const image = await imageConfig(repo, (await platformSizes(repo, '1'))['linux/amd64'].digest)
    expect([image.config.Labels?.['org.opencontainers.image.created'], image.created]).toEqual([HEAD_COMMIT_TIME, HEAD_COMMIT_TIME])

    // The rebuild runs on a builder that starts empty, and its registry traffic is counted.
    await stack.emptyBuilder()
    const proxy = await startFaultyProxy(REGISTRY_PORT)
    let again: ActionRun
    try {
      again = await stack.run({ inputs: { ...inputs, image: `${proxy.host}/${repo}`, baseline: `${proxy.host}/${repo}:1` } })
    } finally {
      await proxy.close()
    }
    expectGreen(again)
    expect(again.main.outputs.digest).toBe(first.main.outputs.digest)
    expect(again.main.outputs.changed).toBe('false')
    expect(again.main.summary).toContain(`### CI base image pushed — unchanged`)
    expect(again.main.summary).toContain(`**Unchanged** since \`${proxy.host}/${repo}:1\` (made ${HEAD_COMMIT_TIME.slice(0, 10)})`)
    expect(JSON.parse(again.main.outputs.report)).toMatchObject({
      changed: false,
      baseline: { status: 'found', created: HEAD_COMMIT_TIME }
    })
    expect(proxy.requests.length).toBeGreaterThan(0)
    expect({ blobUploads: blobUploads(proxy), manifestPuts: manifestPuts(proxy) }).toEqual({ blobUploads: [], manifestPuts: [] })
    for (const tag of ['1', 'sha-a1b2c3d']) expect([tag, (await manifest(repo, tag))?.digest]).toEqual([tag, first.main.outputs.digest])
  })

  test('a one-line Dockerfile change: changed, and every tag moves to the new image at once', async () => {
    const repo = `e2e/change-${stack.name}-${nonceOfRun}`
    const context = mkdtempSync(join(tmpdir(), 'changed-'))
    cpSync(multistage.context, context, { recursive: true })
    const inputs = {
      context,
      file: `${context}/Dockerfile`,
      image: `${REGISTRY}/${repo}`,
      baseline: `${REGISTRY}/${repo}:1`,
      push: 'true',
      'tag-policy': 'sha',
      tags: '1',
      'build-args': `NONCE=${nonceOfRun}`
    }
    const before = await stack.run({ inputs })
    expectGreen(before)
    appendFileSync(join(context, 'Dockerfile'), 'ENV CHANGED=1\n')
    const after = await stack.run({ inputs })
    expectGreen(after)
    expect(after.main.outputs.changed).toBe('true')
    expect(after.main.outputs.digest).not.toBe(before.main.outputs.digest)
    expect(after.main.summary).toContain(`Compared with \`${REGISTRY}/${repo}:1\`.`)
    for (const tag of ['1', 'sha-a1b2c3d']) expect([tag, (await manifest(repo, tag))?.digest]).toEqual([tag, after.main.outputs.digest])
  })

  test('two runs of the same tag at once, with different content: each reports its own image; the tag ends at one of them, complete', async () => {
    const repo = `e2e/race-${stack.name}-${nonceOfRun}`
    const run = (n: string) =>
      stack.run({
        inputs: {
          ...multistage,
          image: `${REGISTRY}/${repo}`,
          push: 'true',
          'tag-policy': 'none',
          tags: 'weekly',
          'build-args': `NONCE=${n}`
        }
      })
    const [a, b] = await Promise.all([run(`a-${nonceOfRun}`), run(`b-${nonceOfRun}`)])
    expectGreen(a)
    expectGreen(b)
    expect(a.main.outputs.digest).not.toBe(b.main.outputs.digest)
    for (const [r, n] of [
      [a, 'a'],
      [b, 'b']
    ] as const) {
      // The digest a run reports holds that run's own content.
      const sizes = await platformSizes(repo, r.main.outputs.digest)
      expect(await readImageFile(repo, sizes['linux/amd64'].digest, 'opt/platform.txt')).toBe(`linux/amd64 ${n}-${nonceOfRun}\n`)
      expect(await complete(repo, r.main.outputs.digest)).toBe(true)
    }
    expect([a.main.outputs.digest, b.main.outputs.digest]).toContain((await manifest(repo, 'weekly'))?.digest)
  })
})

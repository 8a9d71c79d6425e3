// skip-unchanged: a run whose inputs are those of the image its tags point at builds nothing
// (no builder, no container, no build) and moves its tags to that image, reported from its
// record; every change to what the image is built from builds, and says why. Checked in the
// registry itself and in the engine's own events.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { manifest, REGISTRY, BASE_IMAGE } from '../support/registry'
import { engineBuild, expectGreen, nonce, onEveryStack } from '../support/stack'
import type { ActionRun } from '../support/runner'
import { containersCreatedSince, engineNow } from '../support/engine-events'

const built = (r: ActionRun) => r.main.outputs.built
const why = (r: ActionRun) => r.main.outputs['rebuild-reason']
onEveryStack('skip-unchanged: nothing to build when nothing changed', stack => {
  const run = nonce()
  const repo = `e2e/skip-${stack.name}-${run}`
  const image = `${REGISTRY}/${repo}`
  const baseRef = `${REGISTRY}/e2e/skip-base-${stack.name}-${run}:latest`
  const context = mkdtempSync(join(tmpdir(), 'skip-ctx-'))
  const baseContext = mkdtempSync(join(tmpdir(), 'skip-base-'))
  const runs: Record<string, ActionRun> = {}
  const created: Record<string, string[]> = {}
  /** Where `latest` pointed right after each run. */
  const latest: Record<string, string | undefined> = {}
  let platforms = 'linux/amd64'
  const pushBase = async (version: string) => {
    writeFileSync(join(baseContext, 'Dockerfile'), `FROM ${BASE_IMAGE}\nRUN echo ${version} > /base-version\n`)
    await engineBuild(
      '--quiet',
      '--provenance=false',
      '--platform',
      'linux/amd64,linux/arm64',
      '--output',
      `type=image,name=${baseRef},push=true`,
      baseContext
    )
  }
  const build = async (name: string, over: Record<string, string> = {}) => {
    const since = engineNow()
    runs[name] = await stack.run({
      inputs: {
        context,
        file: join(context, 'Dockerfile'),
        image,
        platforms,
        'tag-policy': 'none',
        tags: 'latest',
        push: 'true',
        cache: 'none',
        'skip-unchanged': 'true',
        'build-args': `BASE=${baseRef}\nMONTH=2026-11`,
        ...over
      }
    })
    latest[name] = (await manifest(repo, 'latest'))?.digest
    created[name] = containersCreatedSince(since, runs[name].runId)
  }

  beforeAll(async () => {
    await pushBase('v1')
    writeFileSync(join(context, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nARG MONTH\nCOPY app/ /app/\nRUN echo "$MONTH ${run}" > /month\n`)
    writeFileSync(join(context, 'README.md'), 'read by no instruction\n')
    mkdirSync(join(context, 'app'))
    writeFileSync(join(context, 'app', 'main.sh'), 'echo one\n')
    await build('first')
    await build('same')
    await build('tags', { tags: 'latest\nweekly' })
    writeFileSync(join(context, 'README.md'), 'still read by no instruction\n')
    await build('readme')
    writeFileSync(join(context, 'app', 'main.sh'), 'echo two\n')
    await build('file')
    chmodSync(join(context, 'app', 'main.sh'), 0o755)
    await build('mode')
    writeFileSync(join(context, 'app', 'extra.sh'), 'echo three\n')
    await build('added')
    await build('arg', { 'build-args': `BASE=${baseRef}\nMONTH=2026-12` })
    writeFileSync(join(context, 'Dockerfile'), `ARG BASE\nFROM \${BASE}\nARG MONTH\nCOPY app/ /app/\nRUN echo "$MONTH ${run}" > /month2\n`)
    await build('dockerfile', { 'build-args': `BASE=${baseRef}\nMONTH=2026-12` })
    await pushBase('v2')
    await build('base', { 'build-args': `BASE=${baseRef}\nMONTH=2026-12` })
    platforms = 'linux/amd64,linux/arm64'
    await build('platform', { 'build-args': `BASE=${baseRef}\nMONTH=2026-12` })
    await build('platformSame', { 'build-args': `BASE=${baseRef}\nMONTH=2026-12` })
  }, 900_000)

  test('every run is green', () => {
    for (const r of Object.values(runs)) expectGreen(r)
    // What is counted can be found: the first run's own builder on the runner stack.
    if (stack.name === 'runner') expect(created.first).toEqual([expect.stringContaining(runs.first.runId)])
  })

  test.each(['same', 'tags', 'readme', 'platformSame'])(
    '%s: nothing built, no builder or container made, the tags on the recorded digest in the registry',
    name => {
      const r = runs[name]
      const before = name === 'platformSame' ? runs.platform : runs.first
      expect({ built: built(r), changed: r.main.outputs.changed, why: why(r) }).toStrictEqual({ built: 'false', changed: 'false', why: '' })
      expect(r.main.stdout).not.toMatch(/^docker buildx build /m)
      expect(r.main.stdout).not.toContain(' create --name ')
      expect(created[name]).toStrictEqual([])
      expect(r.main.outputs.digest).toBe(before.main.outputs.digest)
      expect(latest[name]).toBe(before.main.outputs.digest)
      // The outputs are the image's, as the build that made it measured it.
      expect({ size: r.main.outputs.size, layers: r.main.outputs.layers }).toStrictEqual({
        size: before.main.outputs.size,
        layers: before.main.outputs.layers
      })
      expect(r.main.outputs.markdown).toMatch(/^### CI base image — nothing to build/)
      expect(r.main.outputs.markdown).toContain(`**Nothing to build**: the same inputs as \`${before.main.outputs.digest}\``)
    }
  )

  test('a changed tag list moves every tag to the same image', async () => {
    expect((await manifest(repo, 'weekly'))?.digest).toBe(runs.first.main.outputs.digest)
  })

  test.each<[string, RegExp]>([
    ['first', /^there is no published image at .*:latest yet$/],
    ['file', /^context: 1 file changed \(`app\/main\.sh`\)$/],
    ['mode', /^context: 1 file changed \(`app\/main\.sh`\)$/],
    ['added', /^context: 1 file changed \(`app\/extra\.sh`\)$/],
    ['arg', /^build arg `MONTH` 2026-11 → 2026-12$/],
    ['dockerfile', /^Dockerfile changed$/],
    ['base', /^base `.*skip-base-.*:latest` moved `sha256:\w{12}…` → `sha256:\w{12}…`$/],
    ['platform', /^`platforms` changed$/]
  ])('%s builds, and says why', (name, reason) => {
    const r = runs[name]
    expect(built(r)).toBe('true')
    expect(r.main.stdout).toMatch(/^docker buildx build /m)
    expect(why(r)).toMatch(reason)
  })

  test('a run that builds anyway says why skip-unchanged could not apply', async () => {
    const r = await stack.run({
      inputs: {
        context,
        file: join(context, 'Dockerfile'),
        image,
        platforms,
        'tag-policy': 'none',
        tags: 'latest',
        push: 'true',
        cache: 'none',
        'skip-unchanged': 'true',
        'no-cache': 'true',
        'build-args': `BASE=${baseRef}\nMONTH=2026-12`
      }
    })
    expectGreen(r)
    expect(built(r)).toBe('true')
    expect(why(r)).toBe('no-cache is set: everything is built again')
  })

  test('a base with ONBUILD triggers reads the context through them: a file only they copy makes a build', async () => {
    const onbuildRef = `${REGISTRY}/e2e/skip-onbuild-${stack.name}-${run}:latest`
    const onbuildContext = mkdtempSync(join(tmpdir(), 'skip-onbuild-base-'))
    writeFileSync(join(onbuildContext, 'Dockerfile'), `FROM ${BASE_IMAGE}\nONBUILD COPY . /src/\n`)
    await engineBuild('--quiet', '--provenance=false', '--output', `type=image,name=${onbuildRef},push=true`, onbuildContext)
    const app = mkdtempSync(join(tmpdir(), 'skip-onbuild-app-'))
    writeFileSync(join(app, 'Dockerfile'), 'ARG BASE\nFROM ${BASE}\n')
    writeFileSync(join(app, 'notes.txt'), 'one\n')
    const onbuildImage = `${REGISTRY}/e2e/skip-onbuild-app-${stack.name}-${run}`
    const go = () =>
      stack.run({
        inputs: {
          context: app,
          file: join(app, 'Dockerfile'),
          image: onbuildImage,
          platforms: 'linux/amd64',
          'tag-policy': 'none',
          tags: 'latest',
          push: 'true',
          cache: 'none',
          'skip-unchanged': 'true',
          'build-args': `BASE=${onbuildRef}`
        }
      })
    const first = await go()
    const same = await go()
    writeFileSync(join(app, 'notes.txt'), 'two\n')
    const changed = await go()
    for (const r of [first, same, changed]) expectGreen(r)
    expect([built(first), built(same), built(changed)]).toStrictEqual(['true', 'false', 'true'])
    expect(why(changed)).toMatch(/^context: 1 file changed \(`notes\.txt`\)$/)
  })

  test('with variants: nothing to build only when every variant is unchanged too; their tags move with the main image', async () => {
    const app = mkdtempSync(join(tmpdir(), 'skip-variants-'))
    writeFileSync(
      join(app, 'Dockerfile'),
      `ARG BASE\nFROM \${BASE} AS full\nCOPY full.txt /full.txt\nRUN echo ${run} > /kind\nFROM \${BASE} AS slim\nCOPY slim.txt /slim.txt\n`
    )
    writeFileSync(join(app, 'full.txt'), 'full\n')
    writeFileSync(join(app, 'slim.txt'), 'slim\n')
    const variantImage = `${REGISTRY}/e2e/skip-variants-${stack.name}-${run}`
    const go = (tags = 'latest') =>
      stack.run({
        inputs: {
          context: app,
          file: join(app, 'Dockerfile'),
          image: variantImage,
          target: 'full',
          variants: 'slim=slim',
          platforms: 'linux/amd64',
          'tag-policy': 'none',
          tags,
          push: 'true',
          cache: 'none',
          'skip-unchanged': 'true',
          'build-args': `BASE=${BASE_IMAGE}`
        }
      })
    const first = await go()
    const same = await go('latest\nweekly')
    writeFileSync(join(app, 'slim.txt'), 'slimmer\n')
    const slimChanged = await go()
    for (const r of [first, same, slimChanged]) expectGreen(r)
    expect([built(first), built(same), built(slimChanged)]).toStrictEqual(['true', 'false', 'true'])
    const slimOf = (r: ActionRun) => (JSON.parse(r.main.outputs.variants) as { digest: string }[])[0].digest
    expect(slimOf(same)).toBe(slimOf(first))
    expect((await manifest(`e2e/skip-variants-${stack.name}-${run}`, 'weekly-slim'))?.digest).toBe(slimOf(first))
    expect(slimChanged.main.stdout).toMatch(/skip-unchanged: variant slim builds \(context: 1 file changed \(`slim\.txt`\)\); building/)
    expect(slimOf(slimChanged)).not.toBe(slimOf(first))
  })
})

// The docker driver on a runner whose files vanish while its engine stays (ephemeral runners
// next to a long-lived Docker daemon): no OCI layout is kept, so the engine pushes to the
// action's front on 127.0.0.1, which takes in only what the registry lacks; the action pushes
// that by digest and moves the tags. And a runner that keeps its tool cache still exports to its
// layout. Checked in the registry and in the engine's own image store.
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { manifest, platformSizes, readImageFile, REGISTRY } from '../support/registry'
import { docker, expectGreen, fixture, nonce, onTheStack, stackNamed } from '../support/stack'
import type { ActionRun } from '../support/runner'
import { keptName } from '../../src/core/builder/args'
import { engineImages } from '../support/leftovers'

const engine = stackNamed('engine')
const multistage = fixture('multistage')
const layoutIn = (toolCache: string) => join(toolCache, 'ci-base-action', 'oci-layout')
/** The name a run's engine pushed to, from the build command it logged. */
const frontNameOf = (r: ActionRun) => /--output type=image,name=(127\.0\.0\.1:\d+\/ci-base-action\/push:build),/.exec(r.main.stdout)?.[1]
const engineNames = async () => ((await engineImages('{{.Repository}}:{{.Tag}}')) ?? '').split('\n').filter(Boolean)

onTheStack('the docker driver where no layout is kept: the engine pushes to the action front', () => {
  const run = nonce()
  const repo = `e2e/front-${run}`
  const runs: Record<string, ActionRun> = {}
  const toolCaches: Record<string, string> = {}
  const kept = keptName(`${REGISTRY}/${repo}`)
  const keptId = () => docker('image', 'inspect', '--format', '{{.Id}}', kept).trim()
  let firstKeptId = ''
  const build = async (name: string, inputs: Record<string, string> = {}, toolCache = mkdtempSync(join(tmpdir(), 'front-tools-'))) => {
    toolCaches[name] = toolCache
    runs[name] = await engine.run({
      inputs: {
        ...multistage,
        image: `${REGISTRY}/${repo}`,
        tags: 'latest',
        'tag-policy': 'none',
        push: 'true',
        cache: 'none',
        'build-args': `NONCE=${run}`,
        ...inputs
      },
      toolCache
    })
  }

  beforeAll(async () => {
    await build('first')
    // A new tool cache again, the engine's cache warm: the same image, nothing new to send.
    await build('again')
    firstKeptId = keptId()
    // Another image to the same repository: the kept name moves.
    await build('changed', { 'build-args': `NONCE=${run}-changed` })
    // A PR check (push: false) on a runner that keeps its tool cache fills its layout; the push after it exports there.
    const keptToolCache = mkdtempSync(join(tmpdir(), 'front-kept-'))
    await build('check', { push: 'false', tags: '' }, keptToolCache)
    await build('kept', {}, keptToolCache)
  }, 600_000)

  test('every run is green', () => {
    for (const r of Object.values(runs)) expectGreen(r)
  })

  test('with no layout kept, the engine pushes to the front: nothing is written to the tool cache, the image is whole in the registry', async () => {
    for (const name of ['first', 'again']) {
      const r = runs[name]
      expect(r.main.stdout).toMatch(
        /^docker buildx build .*--output type=image,name=127\.0\.0\.1:\d+\/ci-base-action\/push:build,push=true,oci-mediatypes=true/m
      )
      expect(existsSync(layoutIn(toolCaches[name]))).toBe(false)
    }
    const sizes = await platformSizes(repo, 'latest')
    expect(Object.keys(sizes).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    expect(await readImageFile(repo, sizes['linux/arm64'].digest, 'opt/arch.txt')).toBe('aarch64\n')
    expect(runs.first.main.outputs.size).toBe(String(sizes['linux/amd64'].size))
  })

  test('the same image again sends nothing the registry has: every blob came from the registry, the index is the same', () => {
    // What the engine sent the front (the front answered "held" for the rest), then what the action uploaded.
    expect(runs.first.main.stdout).toMatch(/^The engine sent [1-9]\d* blobs \([1-9]\d* bytes\) the registry lacked to this run's front$/m)
    expect(runs.again.main.stdout).toMatch(/^The engine sent 0 blobs \(0 bytes\) the registry lacked to this run's front$/m)
    expect(runs.again.main.stdout).toMatch(/Pushed sha256:[0-9a-f]{64}: 0 blobs and \d+ manifests uploaded; the registry had the rest/)
    expect(runs.again.main.outputs.changed).toBe('false')
  })

  test('the engine keeps what it pushed under one name per repository, as a push by tag keeps its tag; the front names are gone', async () => {
    const pushedTo = ['first', 'again'].map(name => frontNameOf(runs[name]))
    expect(pushedTo).toEqual([expect.stringMatching(/^127\.0\.0\.1:\d+\//), expect.stringMatching(/^127\.0\.0\.1:\d+\//)])
    const names = await engineNames()
    for (const name of pushedTo) expect(names).not.toContain(name)
    expect(names).toContain(kept)
  })

  test('the kept name moved to another image takes the old image with it: an engine that stays does not grow by an image a run', () => {
    expect(firstKeptId).toMatch(/^sha256:[0-9a-f]{64}$/)
    const movedTo = frontNameOf(runs.changed) && keptId()
    expect(movedTo).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(movedTo).not.toBe(firstKeptId)
    // Neither named nor dangling: the image is gone from the engine's store.
    expect(() => docker('image', 'inspect', firstKeptId)).toThrow(/No such image/)
  })

  test('a runner that keeps its tool cache exports to its layout, as before', async () => {
    expect(existsSync(join(layoutIn(toolCaches.kept), 'index.json'))).toBe(true)
    expect(runs.kept.main.stdout).toMatch(/^docker buildx build .*--output type=oci,dest=\S+oci-layout,tar=false/m)
    // The same image, whichever way it went.
    expect((await manifest(repo, 'latest'))!.digest).toBe(runs.kept.main.outputs.digest)
    const platforms = (r: ActionRun) =>
      (JSON.parse(r.main.outputs.report) as { platforms: { digest: string }[] }).platforms.map(p => p.digest)
    expect(platforms(runs.kept)).toEqual(platforms(runs.first))
  })
})

// The engine of a test's own that the engine stack's emptyBuilder starts (support/own-engine.ts):
// empty as a new runner's, the action builds and pushes on it, and it leaves nothing on the
// machine when it stops, whose own engine and bridge it never touches.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { keptName } from '../../src/core/builder/args'
import { engineCall } from '../../src/pipeline/host/docker-config'
import { startOwnEngine } from '../support/own-engine'
import { manifest, REGISTRY } from '../support/registry'
import { docker, expectGreen, fixture, nonce, onTheStack, stackNamed } from '../support/stack'

/** The processes whose command line names a path (dockerd and its containerd name their directories). */
const processesNaming = (path: string) =>
  readdirSync('/proc')
    .filter(pid => /^\d+$/.test(pid))
    .filter(pid => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(path)
      } catch {
        return false // gone meanwhile
      }
    })

/** The engine's build cache records and images, read through its API. */
async function holds(host: string): Promise<{ records: number; images: string[] }> {
  const [cache, images] = await Promise.all([
    engineCall({ DOCKER_HOST: host }, 'GET', '/system/df?type=build-cache'),
    engineCall({ DOCKER_HOST: host }, 'GET', '/images/json')
  ])
  return {
    records: (JSON.parse(cache!.body) as { BuildCache: unknown[] | null }).BuildCache?.length ?? 0,
    images: (JSON.parse(images!.body) as { RepoTags: string[] | null }[]).flatMap(i => i.RepoTags ?? [])
  }
}

onTheStack("an engine of the test's own (the engine stack's empty builder)", () => {
  test("starts empty, takes the action's build and push, and leaves nothing when it stops; the machine's engine never sees the build", async () => {
    const tag = nonce()
    const repo = `e2e/own-engine-${tag}`
    const own = await startOwnEngine()
    try {
      expect(await holds(own.host)).toStrictEqual({ records: 0, images: [] })
      const run = await stackNamed('engine').run({
        inputs: {
          ...fixture('multistage'),
          image: `${REGISTRY}/${repo}`,
          tags: 'latest',
          'tag-policy': 'none',
          push: 'true',
          cache: 'none',
          'build-args': `NONCE=${tag}`
        },
        env: { DOCKER_HOST: own.host }
      })
      expectGreen(run)
      expect(run.main.outputs['cache-hit-rate']).toBe('0')
      expect((await manifest(repo, 'latest'))?.digest).toBe(run.main.outputs.digest)
      // The build's records and the image the engine keeps per repository are on its own engine, not the machine's.
      const after = await holds(own.host)
      expect(after.records).toBeGreaterThan(0)
      expect(after.images).toContain(keptName(`${REGISTRY}/${repo}`))
      expect(docker('image', 'ls', '--format', '{{.Repository}}:{{.Tag}}')).not.toContain(repo)
      expect(processesNaming(own.dir).length).toBeGreaterThan(0)
    } finally {
      await own.stop()
    }
    expect(existsSync(own.dir)).toBe(false)
    expect(processesNaming(own.dir)).toStrictEqual([])
    expect(execFileSync('ip', ['-o', 'link'], { encoding: 'utf8' })).not.toContain(` ${own.bridge}:`)
    // dockerd removes docker0 when started with --bridge=none: the machine's bridge is still there.
    expect(spawnSync('ip', ['link', 'show', 'docker0']).status).toBe(0)
  })

  test('an engine that exits while starting (dockerd 26 gives BuildKit 10 s) is started again, on new files and a new bridge', async () => {
    // A dockerd that exits as dockerd 26 does when BuildKit is slow, the first time only.
    const bin = mkdtempSync(join(tmpdir(), 'e2e-dockerd-'))
    const real = execFileSync('sh', ['-c', 'command -v dockerd'], { encoding: 'utf8' }).trim()
    writeFileSync(
      join(bin, 'dockerd'),
      `#!/bin/sh\necho "$*" >> ${bin}/calls\n[ -e ${bin}/failed ] && exec ${real} "$@"\n: > ${bin}/failed\necho 'context deadline exceeded' >&2\nexit 1\n`
    )
    chmodSync(join(bin, 'dockerd'), 0o755)
    try {
      const own = await startOwnEngine(join(bin, 'dockerd'))
      try {
        expect((await engineCall({ DOCKER_HOST: own.host }, 'GET', '/_ping'))?.status).toBe(200)
      } finally {
        await own.stop()
      }
      const calls = readFileSync(join(bin, 'calls'), 'utf8').trim().split('\n')
      expect(calls).toHaveLength(2)
      const [first, second] = calls.map(c => ({ root: /--data-root (\S+)/.exec(c)![1], bridge: /--bridge (\S+)/.exec(c)![1] }))
      expect(second.root).not.toBe(first.root)
      expect(second.bridge).not.toBe(first.bridge)
      // The first try's own directory (its data directory is dockerd's to make, which the stand-in never did).
      expect(existsSync(dirname(first.root))).toBe(false)
      expect(execFileSync('ip', ['-o', 'link'], { encoding: 'utf8' })).not.toContain(` ${first.bridge}:`)
    } finally {
      rmSync(bin, { recursive: true, force: true })
    }
  })
})

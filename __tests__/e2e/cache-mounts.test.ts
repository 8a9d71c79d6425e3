// Cache mounts on the shapes users have: a base image that runs as a non-root user with mounts
// owned by it, a mount used in a stage without a shell, and a Dockerfile where no stage runs one.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionRun } from '../support/runner'
import { startCacheServer, type CacheServer } from '../support/cache-server'
import { engineBuild, errorLines, expectGreen, fixture, nonce, onEveryStack, onTheStack, stackNamed } from '../support/stack'
import { BASE_IMAGE, REGISTRY } from '../support/registry'
import { containersCreatedSince, engineNow } from '../support/engine-events'

const warnings = (run: ActionRun) => run.main.stdout.match(/^::warning::.*$/gm) ?? []
const row = (run: ActionRun) =>
  (JSON.parse(run.main.outputs.report) as { caches: { cache: string; read: string; written: string }[] }).caches.filter(c =>
    c.cache.startsWith('mount ')
  )
/** What the fixture's step printed: the files it found in the mount, as whom it ran, whose the files are. */
const seen = (run: ActionRun) => {
  const m = /found:\[([^\]$]*)\](?: as:(\d+) owners:\[([^\]$]*)\])?/.exec(run.main.stdout)
  return m ? { found: m[1].trim(), as: m[2], owners: m[3]?.trim() } : undefined
}

/** An image of the test base's, pushed once for the file. */
async function pushImage(name: string, dockerfile: string): Promise<string> {
  const image = `${REGISTRY}/e2e/${name}:${nonce()}`
  const dir = mkdtempSync(join(tmpdir(), `${name}-`))
  writeFileSync(join(dir, 'Dockerfile'), dockerfile)
  await engineBuild('--provenance=false', '--platform', 'linux/amd64', '--output', `type=image,name=${image},push=true`, dir)
  return image
}
/** A base image that runs as nodejs (1001), as the CI base image does. */
const nonRootBase = () =>
  pushImage('nonroot-base', `FROM ${BASE_IMAGE}\nRUN addgroup -g 1001 nodejs && adduser -D -u 1001 -G nodejs nodejs\nUSER nodejs\n`)
/** An image without a shell: busybox as one file, no /bin/sh (as a distroless image). */
const bareBase = () => pushImage('bare-base', `FROM ${BASE_IMAGE} AS tools\nFROM scratch\nCOPY --from=tools /bin/busybox /bin/busybox\n`)

onEveryStack('cache mounts on any base image', stack => {
  let server: CacheServer
  let base = ''
  let bare = ''
  beforeAll(async () => {
    server = await startCacheServer()
    base = await nonRootBase()
    bare = await bareBase()
  })
  afterAll(() => server?.close())
  // One runner: its temp directory has a fixed path (the GitHub cache files entries under it) and is emptied between jobs.
  const runnerTemp = join(tmpdir(), `runner-mounts-any-base-${stack.name}-${process.pid}`)

  const job = (where: { context: string; file: string }, arg: string, buildArgs: string[] = []) =>
    stack.run({
      inputs: {
        ...where,
        platforms: 'linux/amd64',
        cache: 'none',
        'cache-mounts': 'auto',
        'cache-scope': `mounts-${stack.name}-${arg.split('-')[0]}`,
        'build-args': [...buildArgs, `NONCE=${arg.split('-')[1]}`].join('\n')
      },
      env: server.env,
      runnerTemp
    })

  test('a base that runs as user 1001 with mounts owned by 1001: saved, then restored with their owner on an emptied builder', async () => {
    const scope = nonce()
    // The engine's builder outlives runs: its mount may hold an earlier test's files.
    await stack.emptyBuilder()
    const first = await job(fixture('cache-mounts-nonroot'), `${scope}-one`, [`BASE=${base}`])
    expectGreen(first)
    expect(warnings(first)).toStrictEqual([])
    expect(seen(first)).toStrictEqual({ found: '', as: '1001', owners: '' })
    expect(row(first)).toStrictEqual([
      { cache: 'mount user-store', read: 'none yet', written: expect.stringMatching(/^[1-9]\d* bytes saved$/) }
    ])

    await stack.emptyBuilder()
    const second = await job(fixture('cache-mounts-nonroot'), `${scope}-two`, [`BASE=${base}`])
    expectGreen(second)
    expect(warnings(second)).toStrictEqual([])
    // The step ran as 1001 and wrote into the restored mount: its files are 1001's, as they were saved.
    expect(seen(second)).toStrictEqual({ found: 'run-one.txt', as: '1001', owners: '1001' })
    expect(row(second)).toStrictEqual([
      {
        cache: 'mount user-store',
        read: expect.stringMatching(/^[1-9]\d* bytes restored$/),
        written: expect.stringMatching(/^[1-9]\d* bytes saved$/)
      }
    ])
  })

  test('a mount used in a stage whose image has no shell (RUN in exec form), the first image of the Dockerfile, is carried by the stage that has one', async () => {
    const scope = nonce()
    // The engine's builder outlives runs: its mount may hold an earlier test's files.
    await stack.emptyBuilder()
    const first = await job(fixture('cache-mounts-shell-less'), `${scope}-one`, [`BARE=${bare}`])
    expectGreen(first)
    expect(warnings(first)).toStrictEqual([])
    expect(seen(first)?.found).toBe('')
    expect(row(first)[0]).toMatchObject({ read: 'none yet', written: expect.stringMatching(/^[1-9]\d* bytes saved$/) })

    await stack.emptyBuilder()
    const second = await job(fixture('cache-mounts-shell-less'), `${scope}-two`, [`BARE=${bare}`])
    expectGreen(second)
    expect(warnings(second)).toStrictEqual([])
    expect(seen(second)?.found).toBe('run-one.txt')
  })
})

// Refused while the inputs are read, before any builder: the same on every stack.
onTheStack('cache mounts where no stage runs a shell', () => {
  test('refused up front with one error naming the mount and its stage; no builder created, nothing built', async () => {
    const runner = stackNamed('runner')
    const since = engineNow()
    const run = await runner.run({ inputs: { ...fixture('cache-mounts-no-shell'), platforms: 'linux/amd64', 'cache-mounts': 'auto' } })
    expect(run.main.code).toBe(1)
    expect(errorLines(run.main.stdout)).toStrictEqual([
      expect.stringMatching(
        /^::error::Input 'cache-mounts': the cache mount nowhere is used in stage app \(FROM scratch\), which runs no shell, and no stage of the Dockerfile runs one/
      )
    ])
    expect(run.main.stdout).not.toContain('Set up QEMU')
    expect(containersCreatedSince(since, run.runId)).toStrictEqual([])
  })
})

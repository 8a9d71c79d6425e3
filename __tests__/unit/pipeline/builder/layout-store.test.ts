// The docker driver's layout, kept across runs: an image's blobs are kept, long-unused ones go.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { KEEP_UNUSED_MS, imageBlobs, keepImagePruneRest, layoutStoreDir } from '../../../../src/pipeline/builder/layout-store'

function store() {
  const dir = mkdtempSync(join(tmpdir(), 'layout-store-'))
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true })
  const path = (digest: string) => join(dir, 'blobs', 'sha256', digest.slice(7))
  const put = (text: string) => {
    const digest = `sha256:${createHash('sha256').update(text).digest('hex')}`
    writeFileSync(path(digest), text)
    return digest
  }
  return { dir, path, put }
}

test('the tool cache holds it on a runner; the user cache elsewhere', () => {
  expect(layoutStoreDir({ RUNNER_TOOL_CACHE: '/opt/hostedtoolcache', HOME: '/home/u' })).toBe(
    '/opt/hostedtoolcache/ci-base-action/oci-layout'
  )
  expect(layoutStoreDir({ XDG_CACHE_HOME: '/c', HOME: '/home/u' })).toBe('/c/ci-base-action/oci-layout')
  expect(layoutStoreDir({ HOME: '/home/u' })).toBe('/home/u/.cache/ci-base-action/oci-layout')
})

test("an image's blobs are marked used and kept; others go only once unused for longer than the limit", async () => {
  const s = store()
  const layer = s.put('layer')
  const config = s.put('{"os":"linux"}')
  const manifest = s.put(JSON.stringify({ config: { digest: config }, layers: [{ digest: layer }] }))
  const index = s.put(JSON.stringify({ manifests: [{ digest: manifest }] }))
  const old = s.put('last month')
  const recent = s.put('yesterday')
  const now = new Date('2026-11-30T12:00:00Z')
  const ago = (ms: number) => new Date(now.getTime() - ms)
  for (const d of [layer, config, manifest, index, old]) utimesSync(s.path(d), ago(KEEP_UNUSED_MS + 1000), ago(KEEP_UNUSED_MS + 1000))
  utimesSync(s.path(recent), ago(KEEP_UNUSED_MS - 1000), ago(KEEP_UNUSED_MS - 1000))
  expect(await imageBlobs(s.dir, index)).toEqual([index, manifest, config, layer])
  expect(await keepImagePruneRest(s.dir, index, now)).toBe(1)
  expect([layer, config, manifest, index, recent].map(d => existsSync(s.path(d)))).toEqual([true, true, true, true, true])
  expect(existsSync(s.path(old))).toBe(false)
})

// A runner whose tool cache already holds the stack's buildx, as a runner that ran a setup step
// before, or keeps its tool cache between jobs, has. Installing buildx (a 60 MB download, its
// checksum, a copy into the tool cache) is about 0.8 CPU-seconds of every run that does it: the
// tests that are about installing (setup.test.ts, and any run given its own tool cache or
// download URL) still do; the others start from a tool cache with it in, each a new one (the
// action also keeps the docker driver's OCI layout there, which no two runs may share).
import { linkSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildxAsset } from '../../src/core/builder/builder'

let binary: Promise<string> | undefined

/** The stack's buildx release, downloaded once per process from the stack's release server. */
function buildxOnce(releases: string, version: string): Promise<string> {
  binary ??= (async () => {
    const url = `${releases}/${version}/${buildxAsset(version)}`
    const answer = await fetch(url)
    if (!answer.ok) throw new Error(`${url}: ${answer.status}`)
    const file = join(mkdtempSync(join(tmpdir(), 'buildx-release-')), 'docker-buildx')
    writeFileSync(file, Buffer.from(await answer.arrayBuffer()), { mode: 0o755 })
    return file
  })()
  return binary
}

/** A new tool cache laid out as @actions/tool-cache leaves it, with that buildx in it (linked, not copied). */
export async function toolCacheWithBuildx(releases: string, version: string): Promise<string> {
  const toolCache = mkdtempSync(join(tmpdir(), 'toolcache-'))
  const dir = join(toolCache, 'docker-buildx', version.replace(/^v/, ''), process.arch)
  mkdirSync(dir, { recursive: true })
  linkSync(await buildxOnce(releases, version), join(dir, 'docker-buildx'))
  writeFileSync(`${dir}.complete`, '')
  return toolCache
}

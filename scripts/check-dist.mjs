// dist/ is what the runner executes: fail when it differs from a fresh bundle of src/.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const out = mkdtempSync(join(tmpdir(), 'dist-check-'))
try {
  execFileSync('npm', ['run', '--silent', 'bundle', '--', '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] })
  const list = dir =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter(e => e.isFile())
      .map(e => join(e.parentPath, e.name).slice(dir.length + 1))
  const files = new Set([...list('dist'), ...list(out)])
  const stale = [...files].filter(f => {
    try {
      return !readFileSync(join('dist', f)).equals(readFileSync(join(out, f)))
    } catch {
      return true
    }
  })
  if (stale.length) {
    console.error(`dist/ does not match the sources (${stale.join(', ')}): run \`npm run build\` and commit dist/.`)
    process.exit(1)
  }
  console.log('dist/ matches a fresh bundle of src/')
} finally {
  rmSync(out, { recursive: true, force: true })
}

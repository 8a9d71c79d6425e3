// The two bundles: the action (dist/) and the command line (dist/cli/), each one file plus the
// chunks ncc splits off for what loads lazily. `-o DIR` puts both under DIR (check-dist uses it).
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

const at = process.argv.indexOf('-o')
const out = at >= 0 ? process.argv[at + 1] : 'dist'
const ncc = (entry, dir) =>
  execFileSync('npx', ['ncc', 'build', entry, '--minify', '--target', 'es2022', '--license', 'licenses.txt', '-o', dir], {
    stdio: ['ignore', 'ignore', 'inherit']
  })
ncc('src/action/index.ts', out)
ncc('src/cli/index.ts', join(out, 'cli'))

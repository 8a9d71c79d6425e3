// One bundle for the action and the command line (dist/index.js, plus the chunks ncc splits
// off for what loads lazily: each side's own code, and what they share, once), and the
// command line's launcher, dist/cli/index.js. `-o DIR` writes them under DIR (check-dist uses it).
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const at = process.argv.indexOf('-o')
const out = at >= 0 ? process.argv[at + 1] : 'dist'
execFileSync('npx', ['ncc', 'build', 'src/entry.ts', '--minify', '--target', 'es2022', '--license', 'licenses.txt', '-o', out], {
  stdio: ['ignore', 'ignore', 'inherit']
})
mkdirSync(join(out, 'cli'), { recursive: true })
const launcher = join(out, 'cli', 'index.js')
writeFileSync(
  launcher,
  [
    '#!/usr/bin/env node',
    '// ci-base-action from a terminal: the one bundle (../index.js), told it runs as the command line.',
    'globalThis.ciBaseActionCli = true',
    "await import('../index.js')",
    ''
  ].join('\n')
)
chmodSync(launcher, 0o755)

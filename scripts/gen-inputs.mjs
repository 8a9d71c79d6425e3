// action.yml is the one place the inputs' names and defaults are written: this writes them into
// src/core/action-inputs.ts for the code (the runner fills defaults in; a terminal run and the
// parser need them too). `--check` fails when that file is not what action.yml gives.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as prettier from 'prettier'
import { ROOT, actionYml } from './lib/runner.mjs'

const target = join(ROOT, 'src', 'core', 'action-inputs.ts')
const inputs = actionYml().inputs
const entries = Object.entries(inputs).map(([name, spec]) => `  ${JSON.stringify(name)}: ${JSON.stringify(String(spec.default ?? ''))}`)
const raw = [
  '// Generated from action.yml by scripts/gen-inputs.mjs (npm run build); do not edit. Every input',
  '// the action takes, with the default action.yml gives it.',
  'export const INPUT_DEFAULTS = {',
  entries.join(',\n'),
  '} as const',
  ''
].join('\n')
// Written as the formatter would write it, so that format:check and this agree.
const text = await prettier.format(raw, { ...(await prettier.resolveConfig(target)), filepath: target })
if (process.argv.includes('--check')) {
  let current = ''
  try {
    current = readFileSync(target, 'utf8')
  } catch {
    // missing: stale
  }
  if (current !== text) {
    console.error('src/core/action-inputs.ts does not match action.yml: run `npm run build` and commit it.')
    process.exit(1)
  }
  console.log('src/core/action-inputs.ts matches action.yml')
} else {
  writeFileSync(target, text)
}

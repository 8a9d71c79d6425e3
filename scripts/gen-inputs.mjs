// action.yml is the one place the inputs and outputs are written: their names, defaults and
// descriptions. This writes what the code needs of them into src/core/inputs/action-inputs.ts (the
// runner fills defaults in; a terminal run and the parser need them too; the outputs' names
// type what the action sets), the inputs and outputs reference (docs/reference.md) and the
// README's table of the inputs people set most. The
// CLI's help reads the descriptions from action.yml itself. `--check` fails when either file
// is not what action.yml gives.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as prettier from 'prettier'
import { ROOT, actionYml } from './lib/runner.mjs'

const { inputs, outputs } = actionYml()

async function actionInputs(target) {
  const entries = Object.entries(inputs).map(([name, spec]) => `  ${JSON.stringify(name)}: ${JSON.stringify(String(spec.default ?? ''))}`)
  const raw = [
    '// Generated from action.yml by scripts/gen-inputs.mjs (npm run build); do not edit. Every input',
    '// the action takes, with the default action.yml gives it, and the name of every output it sets.',
    'export const INPUT_DEFAULTS = {',
    entries.join(',\n'),
    '} as const',
    '',
    `export const OUTPUT_NAMES = ${JSON.stringify(Object.keys(outputs))} as const`,
    ''
  ].join('\n')
  // Written as the formatter would write it, so that format:check and this agree.
  return prettier.format(raw, { ...(await prettier.resolveConfig(target)), filepath: target })
}

/** A table cell: one line, its pipes escaped. */
const cell = text => String(text).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

function reference() {
  return [
    '# Inputs and outputs',
    '',
    '<!-- Generated from action.yml by scripts/gen-inputs.mjs (npm run build); do not edit: change action.yml. -->',
    '',
    'Every input and output of `phialo/ci-base-action`, as action.yml declares them. The command',
    'line takes each input as a flag of the same name (`ci-base-action build --push true`); its',
    '`--help` prints the same descriptions.',
    '',
    '## Inputs',
    '',
    '| input | default | meaning |',
    '|---|---|---|',
    ...Object.entries(inputs).map(
      ([name, spec]) => `| \`${name}\` | ${spec.default ? `\`${cell(spec.default)}\`` : ''} | ${cell(spec.description ?? '')} |`
    ),
    '',
    '## Outputs',
    '',
    '| output | meaning |',
    '|---|---|',
    ...Object.entries(outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description ?? '')} |`),
    ''
  ].join('\n')
}

// The README's short table: the inputs people set most, each with its description's first sentence.
const MOST_SET = [
  'image',
  'push',
  'tags',
  'tag-policy',
  'platforms',
  'cache',
  'cache-mounts',
  'build-args',
  'file',
  'target',
  'verify',
  'require-non-root',
  'max-size',
  'max-growth',
  'comment',
  'registry-auth',
  'mode',
  'variants'
]
/** Where a cut leaves no code span and no parenthesis open. */
const closed = text => (text.match(/`/g) ?? []).length % 2 === 0 && (text.match(/\(/g) ?? []).length === (text.match(/\)/g) ?? []).length

/** The description's first sentence (not cut at "e.g."), shortened at a clause where it runs long. */
function firstSentence(text) {
  const whole = cell(text)
  const sentence = whole.match(/^.*?(?<!\be\.g|\bi\.e)[.!?](?=\s|$)/)?.[0] ?? whole
  if (sentence.length <= 160) return sentence
  const cuts = [...sentence.matchAll(/[;:,] /g)].map(m => m.index).filter(i => i <= 160 && closed(sentence.slice(0, i)))
  return cuts.length ? `${sentence.slice(0, cuts[cuts.length - 1])} …` : sentence
}

function readmeTable(readme) {
  const table = [
    '| input | default | what it does |',
    '|---|---|---|',
    ...MOST_SET.map(name => {
      const spec = inputs[name]
      if (!spec) throw new Error(`MOST_SET names ${name}, which action.yml does not declare`)
      return `| \`${name}\` | ${spec.default ? `\`${cell(spec.default)}\`` : ''} | ${firstSentence(spec.description ?? '')} |`
    })
  ].join('\n')
  return readme.replace(/(<!-- inputs:start -->\n)[\s\S]*?(<!-- inputs:end -->)/, (_, start, end) => `${start}${table}\n${end}`)
}

const readmePath = join(ROOT, 'README.md')
const generated = [
  [join(ROOT, 'src', 'core', 'inputs', 'action-inputs.ts'), await actionInputs(join(ROOT, 'src', 'core', 'inputs', 'action-inputs.ts'))],
  [join(ROOT, 'docs', 'reference.md'), reference()],
  [readmePath, readmeTable(readFileSync(readmePath, 'utf8'))]
]
if (process.argv.includes('--check')) {
  const stale = generated.filter(([file, text]) => {
    try {
      return readFileSync(file, 'utf8') !== text
    } catch {
      return true
    }
  })
  for (const [file] of stale)
    console.error(`${file.slice(ROOT.length + 1)} does not match action.yml: run \`npm run build\` and commit it.`)
  if (stale.length) process.exit(1)
  console.log("src/core/inputs/action-inputs.ts, docs/reference.md and the README's inputs table match action.yml")
} else {
  for (const [file, text] of generated) writeFileSync(file, text)
}

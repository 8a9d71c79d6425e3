// A mutation pass over src/core: each mutant changes one operator in one place (a boundary
// `>`/`>=`, `<`/`<=`, a logical `&&`/`||`, an equality `===`/`!==`, a `??` default dropped),
// then the unit tests that import the file run; a mutant no test notices survives. Prints the
// survivors with their place, and the totals. Usage: node scripts/mutate.mjs [file ...]
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ROOT } from './lib/runner.mjs'

const SWAPS = [
  [/ >= /g, ' > '],
  [/ > /g, ' >= '],
  [/ <= /g, ' < '],
  [/ < /g, ' <= '],
  [/ && /g, ' || '],
  [/ \|\| /g, ' && '],
  [/ === /g, ' !== '],
  [/ !== /g, ' === '],
  [/ \?\? ('[^']*'|\d+|\[\]|\{\}|true|false)/g, '']
]

/** Every mutant of a file: the line, the column, and the text with that one change. */
function mutants(text) {
  const lines = text.split('\n')
  const out = []
  lines.forEach((line, i) => {
    const code = line.trim()
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*') || code.startsWith('import ')) return
    for (const [pattern, replacement] of SWAPS) {
      for (const m of line.matchAll(pattern)) {
        const mutated = line.slice(0, m.index) + m[0].replace(pattern, replacement) + line.slice(m.index + m[0].length)
        out.push({
          line: i + 1,
          from: m[0].trim(),
          to: replacement.trim() || '(dropped)',
          text: [...lines.slice(0, i), mutated, ...lines.slice(i + 1)].join('\n')
        })
      }
    }
  })
  return out
}

const killed = file =>
  spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      'node_modules/jest/bin/jest.js',
      '--findRelatedTests',
      file,
      '--testPathPatterns',
      '__tests__/unit',
      '--bail',
      '--silent'
    ],
    {
      cwd: ROOT,
      stdio: 'ignore'
    }
  ).status !== 0

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(join(ROOT, 'src', 'core'), { recursive: true, encoding: 'utf8' })
      .filter(f => f.endsWith('.ts'))
      .map(f => join('src', 'core', f))
let total = 0
const survivors = []
for (const file of files) {
  const path = join(ROOT, file)
  const original = readFileSync(path, 'utf8')
  try {
    for (const m of mutants(original)) {
      writeFileSync(path, m.text)
      total++
      if (!killed(relative(ROOT, path))) {
        survivors.push(`${file}:${m.line}: ${m.from} -> ${m.to}`)
        console.error(`survived ${survivors.at(-1)}`)
      }
    }
  } finally {
    writeFileSync(path, original)
  }
}
execFileSync('git', ['diff', '--exit-code', '--', 'src/core'], { cwd: ROOT, stdio: 'inherit' })
console.log(`${total} mutants, ${total - survivors.length} killed, ${survivors.length} survived`)
for (const s of survivors) console.log(`  ${s}`)

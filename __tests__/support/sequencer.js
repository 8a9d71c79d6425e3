// The order jest hands files to its workers: its own (the slowest of the last run first, else the
// largest file first), with two changes.
// - The realistic image first. It is a short file and the longest by far (2 × 250 MB built cold
//   and pushed): last, as file size would have it, it ran with little else beside it while the
//   rest of the machine sat idle; first, the short files fill in around it.
// - Where the engine stack runs, the files that empty the engine's builder after the others. Each
//   such test waits until no other file runs on the engine (support/engine-lock.ts): started
//   beside the realistic image's cold build, cache.test.ts waited it out (200 s in one CI run)
//   while its worker did nothing.
import Sequencer from '@jest/test-sequencer'
import { readFileSync } from 'node:fs'

const FIRST = /\/e2e\/realistic\.test\.ts$/
const enginesRun = process.env.E2E_STACK !== 'runner'
const emptiesEngine = test => enginesRun && /\.emptyBuilder\(/.test(readFileSync(test.path, 'utf8'))

export default class RealisticFirst extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests)
    const rank = t => (FIRST.test(t.path) ? 0 : emptiesEngine(t) ? 2 : 1)
    // Array.prototype.sort is stable: jest's order within each rank.
    return [...sorted].sort((a, b) => rank(a) - rank(b))
  }
}

// The order jest hands files to its workers: its own (the slowest of the last run first, else the
// largest file first), with the realistic image first. It is a short file and the longest by far
// (2 × 250 MB built cold and pushed): last, as file size would have it, it ran with little else
// beside it while the rest of the machine sat idle; first, the short files fill in around it.
import Sequencer from '@jest/test-sequencer'

const FIRST = /\/e2e\/realistic\.test\.ts$/

export default class RealisticFirst extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests)
    return [...sorted.filter(t => FIRST.test(t.path)), ...sorted.filter(t => !FIRST.test(t.path))]
  }
}

// The baseline comparison: what grew most.
import { largestGrowth } from '../../../../src/core/report/compare'

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
  test('what grew most: nothing when nothing grew; the first of two equal growths', () => {
    const layer = (instruction: string, delta: number) => ({ digest: instruction, size: 1, instruction, delta })
    const p = (name: string, deltas: number[]) => ({
      platform: name,
      digest: 'x',
      size: 1,
      layers: 1,
      breakdown: deltas.map((d, i) => layer(`${name}-${i}`, d))
    })
    expect(largestGrowth([p('a', [0, -5])])).toBeUndefined()
    expect(largestGrowth([p('a', [0, 3]), p('b', [3])])?.layer.instruction).toBe('a-1')
  })
})

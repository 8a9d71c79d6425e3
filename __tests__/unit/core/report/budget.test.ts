import fc from 'fast-check'
import { checkBudgets, parseGrowth } from '../../../../src/core/report/budget'
import { humanSize, parseSize } from '../../../../src/core/report/size'
import { compare, compareLayers, largestGrowth } from '../../../../src/core/report/compare'
import type { PlatformImage } from '../../../../src/core/registry/image'

describe('sizes as written', () => {
  test.each([
    ['250MB', 250_000_000],
    ['250 MB', 250_000_000],
    ['1.2GiB', Math.round(1.2 * 2 ** 30)],
    ['1.5GB', 1_500_000_000],
    ['512KiB', 512 * 1024],
    ['100kB', 100_000],
    ['100KB', 100_000],
    ['2TiB', 2 * 2 ** 40],
    ['231412345', 231_412_345],
    ['10B', 10],
    ['1mib', 2 ** 20]
  ])('%s = %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes))

  test.each(['', 'MB', '-5MB', '0', '1.2.3GB', '10 megabytes', '5PB', '1e6', '12%'])('%j is not a size', text =>
    expect(parseSize(text)).toBeUndefined()
  )

  test('growth: a percentage or a size', () => {
    expect(parseGrowth('10%')).toEqual({ percent: 10 })
    expect(parseGrowth('2.5 %')).toEqual({ percent: 2.5 })
    expect(parseGrowth('5MB')).toEqual({ bytes: 5_000_000 })
    expect(parseGrowth('ten percent')).toBeUndefined()
  })

  test('humanSize and parseSize agree to within the rounding of one decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 10 ** 13 }), bytes => {
        const back = parseSize(humanSize(bytes).replace(' ', ''))!
        expect(Math.abs(back - bytes) / bytes).toBeLessThan(0.06)
      })
    )
  })
})

const image = (platform: string, sizes: number[], instructions = sizes.map((_, i) => `RUN step ${i}`)): PlatformImage => ({
  platform,
  digest: `sha256:${platform}`,
  size: sizes.reduce((a, b) => a + b, 0),
  layers: sizes.length,
  breakdown: sizes.map((size, i) => ({ digest: `${platform}${i}`, size, instruction: instructions[i] }))
})

describe('deltas', () => {
  const base = { digest: 'sha256:old', platforms: [image('linux/amd64', [100, 200, 300])] }

  test('per platform: bytes, percent, layers; a platform the baseline lacks is new', () => {
    const [amd, arm] = compare([image('linux/amd64', [100, 250, 300]), image('linux/arm64', [90, 10])], base)
    expect(amd).toMatchObject({ size: 650, sizeDelta: 50, sizePercent: 8.3, layerDelta: 0, baseline: { size: 600, layers: 3 } })
    expect(arm.sizeDelta).toBeUndefined()
    expect(arm.baseline).toBeUndefined()
  })

  test('layers match by position when the shape is the same, else by instruction; the grown one is named', () => {
    const same = compareLayers(image('linux/amd64', [100, 250, 300]), base.platforms[0])
    expect(same.map(l => l.delta)).toEqual([0, 50, 0])
    const reshaped = compareLayers(
      image('linux/amd64', [100, 5, 200, 350], ['RUN step 0', 'RUN new', 'RUN step 1', 'RUN step 2']),
      base.platforms[0]
    )
    expect(reshaped.map(l => l.delta)).toEqual([0, undefined, 0, 50])
    const platforms = compare([image('linux/amd64', [100, 250, 300])], base)
    expect(largestGrowth(platforms)).toEqual({ platform: 'linux/amd64', layer: { instruction: 'RUN step 1', size: 250, delta: 50 } })
  })
})

describe('budgets', () => {
  const measured = [
    { platform: 'linux/amd64', size: 262_100_000, layers: 9, sizeDelta: 30_000_000, sizePercent: 12.9 },
    { platform: 'linux/arm64', size: 200_000_000, layers: 13 }
  ]
  test('each breach names the platform, the value and the limit', () => {
    expect(checkBudgets(measured, { maxSize: 250_000_000, maxLayers: 12, maxGrowth: { percent: 10 } }).map(b => b.message)).toEqual([
      'linux/amd64: size 262.1 MB (262100000 bytes) exceeds max-size 250.0 MB (250000000 bytes)',
      'linux/amd64: grew by 30.0 MB (+12.9%) vs the baseline, more than max-growth 10%',
      'linux/arm64: 13 layers exceed max-layers 12'
    ])
  })
  test('growth both ways: under the limit, a shrink, no baseline, a size limit', () => {
    expect(checkBudgets(measured, { maxGrowth: { percent: 15 } })).toEqual([])
    expect(checkBudgets([{ ...measured[0], sizeDelta: -5, sizePercent: -1 }], { maxGrowth: { bytes: 1 } })).toEqual([])
    expect(checkBudgets([measured[1]], { maxGrowth: { percent: 0 } })).toEqual([])
    expect(checkBudgets(measured, { maxGrowth: { bytes: 29_000_000 } })).toHaveLength(1)
    expect(checkBudgets(measured, {})).toEqual([])
  })
})

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
  const at = (size: number, layers: number, sizeDelta?: number, sizePercent?: number) => [
    { platform: 'linux/amd64', size, layers, sizeDelta, sizePercent }
  ]
  const budgetsBroken = (...args: Parameters<typeof checkBudgets>) => checkBudgets(...args).map(b => b.budget)

  describe('budgets: at the limit is within it; one over breaks it', () => {
    test('max-size', () => {
      expect(budgetsBroken(at(250_000_000, 1), { maxSize: 250_000_000 })).toEqual([])
      expect(budgetsBroken(at(250_000_001, 1), { maxSize: 250_000_000 })).toEqual(['max-size'])
    })
    test('max-layers', () => {
      expect(budgetsBroken(at(1, 12), { maxLayers: 12 })).toEqual([])
      expect(budgetsBroken(at(1, 13), { maxLayers: 12 })).toEqual(['max-layers'])
    })
    test('max-growth in bytes', () => {
      expect(budgetsBroken(at(1, 1, 5_000_000, 2), { maxGrowth: { bytes: 5_000_000 } })).toEqual([])
      expect(budgetsBroken(at(1, 1, 5_000_001, 2), { maxGrowth: { bytes: 5_000_000 } })).toEqual(['max-growth'])
    })
    test('max-growth in percent', () => {
      expect(budgetsBroken(at(1, 1, 100, 10), { maxGrowth: { percent: 10 } })).toEqual([])
      expect(budgetsBroken(at(1, 1, 100, 10.01), { maxGrowth: { percent: 10 } })).toEqual(['max-growth'])
    })
  })

  test('a byte budget breached without a percentage says 0%, not NaN', () => {
    const [breach] = checkBudgets([{ platform: 'linux/amd64', size: 1, layers: 1, sizeDelta: 2_000_000 }], {
      maxGrowth: { bytes: 1_000_000 }
    })
    expect(breach.message).toMatch(/grew by 2\.0 MB \(0\.0%\) vs the baseline/)
  })
})

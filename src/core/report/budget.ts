// Size budgets: parsing `10%` growth, and checking a build against the budgets. Pure.
import { humanSize, parseSize, signedPercent } from './size.js'

export type Growth = { percent: number } | { bytes: number }

export interface Budgets {
  maxSize?: number
  maxLayers?: number
  maxGrowth?: Growth
}

export interface Measured {
  platform: string
  size: number
  layers: number
  /** Undefined when there is no baseline to grow from. */
  sizeDelta?: number
  sizePercent?: number
}

export interface Breach {
  platform: string
  budget: 'max-size' | 'max-layers' | 'max-growth' | 'max-vulnerabilities'
  message: string
}

export function parseGrowth(text: string): Growth | undefined {
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text.trim())
  if (percent) return { percent: Number(percent[1]) }
  const bytes = parseSize(text)
  return bytes === undefined ? undefined : { bytes }
}

const growthText = (g: Growth) => ('percent' in g ? `${g.percent}%` : humanSize(g.bytes))

export function checkBudgets(platforms: Measured[], budgets: Budgets): Breach[] {
  const breaches: Breach[] = []
  for (const p of platforms) {
    if (budgets.maxSize !== undefined && p.size > budgets.maxSize) {
      breaches.push({
        platform: p.platform,
        budget: 'max-size',
        message: `${p.platform}: size ${humanSize(p.size)} (${p.size} bytes) exceeds max-size ${humanSize(budgets.maxSize)} (${budgets.maxSize} bytes)`
      })
    }
    if (budgets.maxLayers !== undefined && p.layers > budgets.maxLayers) {
      breaches.push({
        platform: p.platform,
        budget: 'max-layers',
        message: `${p.platform}: ${p.layers} layers exceed max-layers ${budgets.maxLayers}`
      })
    }
    const g = budgets.maxGrowth
    if (g && p.sizeDelta !== undefined) {
      const over = 'percent' in g ? (p.sizePercent ?? 0) > g.percent : p.sizeDelta > g.bytes
      if (over) {
        breaches.push({
          platform: p.platform,
          budget: 'max-growth',
          message: `${p.platform}: grew by ${humanSize(p.sizeDelta)} (${signedPercent(p.sizePercent ?? 0)}) vs the baseline, more than max-growth ${growthText(g)}`
        })
      }
    }
  }
  return breaches
}

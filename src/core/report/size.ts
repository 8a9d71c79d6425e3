// Sizes as people write and read them. Pure.

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40
}

export const SIZE_FORMS =
  'bytes (231000000) or a number with a unit: kB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 250MB or 1.2GiB'

/** Bytes, or undefined when the text is not a size. Units are decimal or binary as written. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim())
  if (!m) return undefined
  const factor = UNITS[(m[2] || 'b').toLowerCase()]
  if (factor === undefined) return undefined
  const bytes = Math.round(Number(m[1]) * factor)
  return bytes > 0 ? bytes : undefined
}

/** Decimal units, one decimal: 231.4 MB. */
export function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB']
  let value = Math.abs(bytes)
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  const text = unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`
  return bytes < 0 ? `-${text}` : text
}

export function signedPercent(percent: number): string {
  return `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%`
}

// The build against its baseline (the published image): per platform and per layer. Pure.
import type { ImageInfo, PlatformImage } from '../registry/image.js'
import type { Measured } from './budget.js'

export interface LayerReport {
  instruction: string
  size: number
  /** Against the matching baseline layer; undefined when the layer is new. */
  delta?: number
}

export interface PlatformReport extends Measured {
  digest: string
  /** Undefined when the baseline has no image for this platform: the platform is new. */
  baseline?: { digest: string; size: number; layers: number }
  layerDelta?: number
  breakdown: LayerReport[]
}

/**
 * Layers are matched by position when both images have the same number (same Dockerfile
 * shape), else by instruction, so a reviewer sees which step grew.
 */
export function compareLayers(current: PlatformImage, base?: PlatformImage): LayerReport[] {
  if (!base) return current.breakdown.map(l => ({ instruction: l.instruction, size: l.size }))
  const samePosition = base.breakdown.length === current.breakdown.length
  const unused = [...base.breakdown]
  return current.breakdown.map((layer, i) => {
    const match = samePosition ? base.breakdown[i] : unused.find(b => b.instruction === layer.instruction)
    if (!samePosition && match) unused.splice(unused.indexOf(match), 1)
    return { instruction: layer.instruction, size: layer.size, delta: match ? layer.size - match.size : undefined }
  })
}

export function compare(current: PlatformImage[], baseline?: ImageInfo): PlatformReport[] {
  return current.map(p => {
    const base = baseline?.platforms.find(b => b.platform === p.platform)
    const report: PlatformReport = {
      platform: p.platform,
      digest: p.digest,
      size: p.size,
      layers: p.layers,
      breakdown: compareLayers(p, base)
    }
    if (base) {
      report.baseline = { digest: base.digest, size: base.size, layers: base.layers }
      report.sizeDelta = p.size - base.size
      report.sizePercent = base.size ? Math.round(((p.size - base.size) / base.size) * 1000) / 10 : 0
      report.layerDelta = p.layers - base.layers
    }
    return report
  })
}

/** The layer that grew most across platforms, for the one-line answer to "what grew?". */
export function largestGrowth(platforms: PlatformReport[]): { platform: string; layer: LayerReport } | undefined {
  let best: { platform: string; layer: LayerReport } | undefined
  for (const p of platforms) {
    for (const layer of p.breakdown) {
      if ((layer.delta ?? 0) > 0 && (!best || layer.delta! > best.layer.delta!)) best = { platform: p.platform, layer }
    }
  }
  return best
}

/**
 * Whether the build differs from the baseline: undefined when there is none to compare with.
 * The same index is unchanged; so is an index whose platform images are all the same ones
 * (attestations, which record each build's own time, may differ).
 */
export function changedSince(image: ImageInfo, baseline?: ImageInfo): boolean | undefined {
  if (!baseline) return undefined
  if (image.digest === baseline.digest) return false
  const digests = (i: ImageInfo) =>
    i.platforms
      .map(p => `${p.platform}@${p.digest}`)
      .sort()
      .join('\n')
  return digests(image) !== digests(baseline)
}

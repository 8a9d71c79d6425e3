// Cache hit rate from BuildKit's plain progress stream. A Dockerfile step is a vertex named
// "[<platform> <stage> n/m] INSTRUCTION"; FROM only resolves the base image, so it is not a
// step that a cache could serve.

export interface StepStats {
  steps: number
  cached: number
}

const VERTEX = /^#(\d+) \[([^\]]*?\b\d+\/\d+)\] (\S+)/
const CACHED = /^#(\d+) CACHED\s*$/

export function stepStats(progress: string): StepStats {
  const steps = new Set<string>()
  const cached = new Set<string>()
  for (const line of progress.split('\n')) {
    const vertex = VERTEX.exec(line)
    if (vertex && vertex[3].toUpperCase() !== 'FROM') steps.add(vertex[1])
    const hit = CACHED.exec(line)
    if (hit) cached.add(hit[1])
  }
  return { steps: steps.size, cached: [...cached].filter(id => steps.has(id)).length }
}

/** Percent, one decimal at most; 0 when there was nothing to build. */
export function hitRate({ steps, cached }: StepStats): number {
  return steps === 0 ? 0 : Math.round((cached / steps) * 1000) / 10
}

// BuildKit's progress stream (`--progress rawjson`): a readable log for people, and the cache
// hit rate. The JSON stream is authoritative where the plain text is not: a step served from a
// remote cache whose layers must be fetched shows no CACHED line in plain output.

import type { ProgressWarning } from './build-checks.js'

interface Vertex {
  digest: string
  name: string
  cached?: boolean
  started?: string
  completed?: string
  error?: string
}

interface LogEntry {
  vertex: string
  data: string
}

/** A vertex's sub-task: a cache export's `writing layer sha256:…`. BuildKit gives no byte totals for these. */
interface TaskStatus {
  id: string
  vertex: string
}

interface SolveStatus {
  vertexes?: Vertex[]
  statuses?: TaskStatus[]
  logs?: LogEntry[]
  /** The frontend's warnings: the Dockerfile's build checks among them. */
  warnings?: ProgressWarning[]
}

/** A cache import or export as BuildKit ran it: its step, how it ended, the layers it wrote. */
export interface CacheStep {
  step: string
  kind: 'import' | 'export'
  outcome: 'done' | 'none yet' | 'failed'
  error?: string
  /** `writing layer` tasks: for gha the layers the service did not have yet, for a registry every layer pushed. */
  layers: number
}

/** A cache import or export BuildKit reported as failed while the build went on. */
export interface CacheFault {
  step: string
  error: string
}

// BuildKit's names for the cache's own steps: `importing cache manifest from <ref>`,
// `exporting cache to <kind>`, `exporting to GitHub Actions Cache`, `preparing build cache for export`.
const CACHE_IMPORT = /^importing cache manifest/
const CACHE_EXPORT = /^(exporting cache\b|exporting to GitHub Actions Cache|preparing build cache for export|writing cache)/i
// An import of a cache that does not exist yet is a cold start, not a fault.
const CACHE_MISS = /not found|manifest unknown|404|no such/i

export interface StepStats {
  steps: number
  cached: number
}

/** Splits a stream of concatenated JSON objects; text between objects (buildx's own messages) is kept apart. */
export class JsonStream {
  private buffer = ''
  private depth = 0
  private inString = false
  private escaped = false
  private start = -1
  private scanned = 0

  constructor(
    private readonly onObject: (value: unknown) => void,
    private readonly onText: (text: string) => void
  ) {}

  push(chunk: string): void {
    this.buffer += chunk
    let consumed = 0
    for (let i = this.scanned; i < this.buffer.length; i++) {
      const c = this.buffer[i]
      if (this.inString) {
        if (this.escaped) this.escaped = false
        else if (c === '\\') this.escaped = true
        else if (c === '"') this.inString = false
      } else if (c === '"' && this.depth > 0) {
        this.inString = true
      } else if (c === '{' && (this.depth > 0 || i === consumed)) {
        // At depth 0 only a '{' that opens a line starts an object: buildx's own text has braces too.
        if (this.depth++ === 0) this.start = i
      } else if (c === '}' && this.depth > 0 && --this.depth === 0) {
        const text = this.buffer.slice(this.start, i + 1)
        let value: unknown
        try {
          value = JSON.parse(text)
        } catch {
          this.onText(text)
        }
        if (value !== undefined) this.onObject(value)
        consumed = i + 1
      } else if (c === '\n' && this.depth === 0) {
        this.onText(this.buffer.slice(consumed, i + 1))
        consumed = i + 1
      }
    }
    this.buffer = this.buffer.slice(consumed)
    this.scanned = this.buffer.length
    if (this.depth > 0) this.start -= consumed
  }

  end(): void {
    if (this.depth === 0 && this.buffer) this.onText(this.buffer)
    this.buffer = ''
  }
}

const STEP = /^\[(?:[^\]]*\s)?\d+\/\d+\] (\S+)/

/** Collects vertices from the stream and prints a plain, numbered log of steps, their output and errors. */
export class BuildProgress {
  readonly vertices = new Map<string, Vertex>()
  /** Per vertex, the ids of its `writing layer` tasks. */
  private readonly layerWrites = new Map<string, Set<string>>()
  private readonly order = new Map<string, number>()
  private readonly printed = new Set<string>()
  readonly text: string[] = []
  /** Every warning BuildKit sent, in order. */
  readonly warnings: ProgressWarning[] = []
  private readonly stream: JsonStream

  constructor(private readonly print: (line: string) => void = () => undefined) {
    this.stream = new JsonStream(
      value => this.status(value as SolveStatus),
      text => {
        this.text.push(text)
        if (text.trim()) this.print(text.trimEnd())
      }
    )
  }

  push(chunk: string): void {
    this.stream.push(chunk)
  }

  end(): void {
    this.stream.end()
  }

  private id(digest: string): number {
    if (!this.order.has(digest)) this.order.set(digest, this.order.size + 1)
    return this.order.get(digest)!
  }

  private status(status: SolveStatus): void {
    for (const update of status.vertexes ?? []) {
      const vertex = { ...this.vertices.get(update.digest), ...update }
      // A later update without the flag does not undo an earlier "cached".
      vertex.cached = this.vertices.get(update.digest)?.cached || update.cached
      this.vertices.set(update.digest, vertex)
      const n = this.id(update.digest)
      if (vertex.started && !this.printed.has(`s${update.digest}`)) {
        this.printed.add(`s${update.digest}`)
        this.print(`#${n} ${vertex.name}`)
      }
      if (vertex.completed && !this.printed.has(`c${update.digest}`)) {
        this.printed.add(`c${update.digest}`)
        const took = vertex.started ? ((Date.parse(vertex.completed) - Date.parse(vertex.started)) / 1000).toFixed(1) : '0.0'
        this.print(vertex.error ? `#${n} ERROR: ${vertex.error}` : vertex.cached ? `#${n} CACHED` : `#${n} DONE ${took}s`)
      }
    }
    for (const task of status.statuses ?? []) {
      if (!task.id.startsWith('writing layer ')) continue
      const writes = this.layerWrites.get(task.vertex) ?? new Set<string>()
      this.layerWrites.set(task.vertex, writes.add(task.id))
    }
    this.warnings.push(...(status.warnings ?? []))
    for (const log of status.logs ?? []) {
      const n = this.id(log.vertex)
      for (const line of Buffer.from(log.data, 'base64').toString('utf8').split('\n')) {
        if (line.trim()) this.print(`#${n} ${line}`)
      }
    }
  }

  /** Dockerfile steps, each counted once; FROM only resolves a base image, so it is not a step a cache serves. */
  stepStats(): StepStats {
    let steps = 0
    let cached = 0
    for (const v of this.vertices.values()) {
      const step = STEP.exec(v.name)
      if (!step || step[1].toUpperCase() === 'FROM') continue
      steps++
      if (v.cached) cached++
    }
    return { steps, cached }
  }

  /** Cache imports and exports that failed while BuildKit built on; a cache not there yet is no fault. */
  cacheFaults(): CacheFault[] {
    return this.failedVertices()
      .filter(v => (CACHE_IMPORT.test(v.name) && !CACHE_MISS.test(v.error!)) || CACHE_EXPORT.test(v.name))
      .map(v => ({ step: v.name, error: v.error! }))
  }

  /** Every cache import and export, in the order BuildKit started them. */
  cacheSteps(): CacheStep[] {
    return [...this.vertices.values()]
      .filter(v => CACHE_IMPORT.test(v.name) || CACHE_EXPORT.test(v.name))
      .filter(v => !/^preparing build cache/.test(v.name))
      .map(v => ({
        step: v.name,
        kind: CACHE_IMPORT.test(v.name) ? ('import' as const) : ('export' as const),
        outcome: !v.error
          ? ('done' as const)
          : CACHE_IMPORT.test(v.name) && CACHE_MISS.test(v.error)
            ? ('none yet' as const)
            : ('failed' as const),
        ...(v.error ? { error: v.error } : {}),
        layers: this.layerWrites.get(v.digest)?.size ?? 0
      }))
  }

  /** What buildx said outside the JSON stream (its ERROR lines) plus the failed steps' errors. */
  errorText(): string {
    const failed = this.failedVertices(true).map(v => `${v.name}: ${v.error}`)
    return [...failed, ...this.text.map(t => t.trimEnd()).filter(Boolean)].join('\n')
  }

  /** Names of the steps that failed (cache imports aside: BuildKit builds on without them). */
  failedSteps(): string[] {
    return this.failedVertices(true).map(v => v.name)
  }

  private failedVertices(withoutImports = false): Vertex[] {
    return [...this.vertices.values()].filter(v => v.error && !(withoutImports && CACHE_IMPORT.test(v.name)))
  }

  /** buildx's own last ERROR line: why the build failed. */
  cause(): string {
    return (
      this.text
        .map(t => t.trim())
        .filter(t => t.startsWith('ERROR:'))
        .pop() ?? ''
    )
  }
}

/** Percent, one decimal at most; 0 when there was nothing to build. */
export function hitRate({ steps, cached }: StepStats): number {
  return steps === 0 ? 0 : Math.round((cached / steps) * 1000) / 10
}

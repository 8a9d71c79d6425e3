// What the pipeline needs from its host. The action's edge (index.ts) backs it with
// @actions/core; a command line could back it with a terminal.
import type { Docker } from './docker.js'
import type { PostState } from './post-state.js'
import type { OutputName } from '../../core/report/outputs.js'
import type { Env } from '../../core/host/env.js'

interface SourcePlace {
  file: string
  line?: number
  endLine?: number
  title?: string
}

export interface Runtime {
  env: Env
  docker: Docker
  info(message: string): void
  /** `where`: the file and line the warning is about, shown there (a build check's finding). */
  warning(message: string, where?: SourcePlace): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  setSecret(value: string): void
  setOutput(name: OutputName, value: string): void
  /** Adds to what post is handed (saved at once). */
  remember(addition: PostState): void
  /** In post: what main handed over. */
  postState(): PostState
  writeSummary(markdown: string): Promise<void>
  now(): Date
}

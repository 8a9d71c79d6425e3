// What the pipeline needs from its host. The action's edge (index.ts) backs it with
// @actions/core; a command line could back it with a terminal.
import type { Docker } from './docker.js'

export type Env = Record<string, string | undefined>

export interface Runtime {
  env: Env
  docker: Docker
  info(message: string): void
  warning(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  setSecret(value: string): void
  setOutput(name: string, value: string): void
  saveState(name: string, value: string): void
  getState(name: string): string
  writeSummary(markdown: string): Promise<void>
  now(): Date
}

/** Names of what main hands to post, declared once. */
export const STATE = {
  isPost: 'isPost',
  builder: 'builder',
  buildx: 'buildx',
  localCache: 'localCache',
  binfmtCache: 'binfmtCache',
  logout: 'logout'
} as const

export const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e))

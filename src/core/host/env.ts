/** Environment variables as the process has them: any may be unset. */
export type Env = Record<string, string | undefined>

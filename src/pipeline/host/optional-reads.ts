// Reads a run can do without (the baseline, the published release tags, the history) share one
// time budget. A registry that accepts connections and never answers would otherwise hold a PR
// check for each request's timeout times its retries times the requests. When the budget is
// spent, the read in flight is cut off, one warning says what was given up, and every later
// optional read is skipped: the run goes on without them. The push is not one of these.
import { errorMessage } from '../../core/errors.js'

/** What all optional reads of a run may cost together. */
export const OPTIONAL_READS_BUDGET_MS = 30_000

/** A run's budget: 30 s, or registry-timeout where that is shorter (no optional read outlasts what one request may take). */
export const optionalReadsBudgetMs = (registryTimeoutMs: number) => Math.min(OPTIONAL_READS_BUDGET_MS, registryTimeoutMs || Infinity)

export class OptionalReads {
  private spentMs = 0
  private exhausted = false

  constructor(
    private readonly budgetMs: number,
    private readonly warn: (message: string) => void,
    private readonly clock: () => number = () => performance.now()
  ) {}

  /** Whether the budget ran out (later reads are skipped). */
  get spent(): boolean {
    return this.exhausted
  }

  /**
   * Run one optional read with what is left of the budget. `read` gets a signal that aborts
   * when the budget runs out; the read is abandoned then even if it ignores the signal.
   * Returns `undefined` when the read was cut off or skipped; a read's own error is thrown.
   */
  async read<T>(what: string, read: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    if (this.exhausted) return undefined
    const controller = new AbortController()
    const started = this.clock()
    let timer: ReturnType<typeof setTimeout> | undefined
    const outOfTime = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => {
          // The race is lost first, then the read is told: whatever it does on abort comes too late.
          reject(new OutOfTime())
          controller.abort()
        },
        Math.max(0, this.budgetMs - this.spentMs)
      )
    })
    try {
      return await Promise.race([read(controller.signal), outOfTime])
    } catch (e) {
      if (!(e instanceof OutOfTime) && !controller.signal.aborted) throw e
      this.exhausted = true
      this.warn(
        `The registry did not answer the optional reads within ${this.budgetMs / 1000} s in all (${what} was in flight: ${errorMessage(e)}); going on without them. ` +
          'The build, the push and the tags are not affected; the report lacks what those reads would have added.'
      )
      return undefined
    } finally {
      clearTimeout(timer)
      this.spentMs += this.clock() - started
    }
  }
}

class OutOfTime extends Error {
  constructor() {
    super('no answer before the time for optional reads ran out')
  }
}

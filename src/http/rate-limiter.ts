/**
 * Client-side request budget (sliding windows), so a healthy vendor never has to answer 429.
 * Sequenzy documents 100/min and 20/s burst; Kibamail 1000/min and 100/s. A small margin keeps us
 * clear of clock skew between our window and the vendor's.
 */
import {slidingWindows, type Budget as RateLimit} from './sliding-window.js'

export type {RateLimit}

export interface RateLimiter {
  /**
   * Waits for a place; resolves with what to call once the answer came (or the request failed).
   * With `maxWaitMs`, a request that would wait longer for its place takes none and fails with a
   * BudgetWaitError instead (a read that is information only, such as a member count).
   */
  acquire(options?: {maxWaitMs?: number}): Promise<(at?: number) => void>
  /** Push the next request out by `ms` (after a 429, all callers wait, not just the one that got it). */
  pause(ms: number): void
  /**
   * Keep the stricter of the current budget and `limit`: workspaces that share an endpoint and a
   * key share one limiter, because the vendor's budget is per key, whatever each one configured.
   */
  tighten(limit: RateLimit | undefined): void
  /** The budget kept now (the strictest of those tightened in). */
  budget(): RateLimit
}

const MARGIN_MS = 25
/** A wait for a place this long is worth a progress line (RateLimiterOptions.onLongWait). */
const LONG_WAIT_MS = 2_000

export interface RateLimiterOptions {
  /** Called before a request waits at least LONG_WAIT_MS for its place, with how long. */
  onLongWait?: (ms: number) => void
}

/** A request that would have had to wait `waitMs` for a place in the budget, longer than it may. */
export class BudgetWaitError extends Error {
  constructor(readonly waitMs: number, message = `the request budget has no place for ${Math.ceil(waitMs / 1000)} s`) {
    super(message)
  }
}

export function createRateLimiter(
  limit: RateLimit | undefined,
  clock: {now(): number; sleep(ms: number): Promise<void>} = realClock,
  options: RateLimiterOptions = {},
): RateLimiter {
  const windows = slidingWindows(limit, MARGIN_MS)
  let pausedUntil = 0
  let chain: Promise<void> = Promise.resolve()
  /** Acquirers in the chain, not yet admitted. */
  let waiting = 0
  const admitted =
    (end: (at: number) => void) =>
    (at = clock.now()) =>
      end(at)

  async function take(maxWaitMs = Infinity): Promise<(at?: number) => void> {
    // Counted from its turn: waiting behind earlier callers is not waiting for the budget.
    const deadline = clock.now() + maxWaitMs
    for (;;) {
      const now = clock.now()
      const wait = Math.max(pausedUntil - now, windows.waitFor(now))
      if (now + wait > deadline) throw new BudgetWaitError(wait)
      if (wait <= 0) return admitted(windows.begin())
      if (wait >= LONG_WAIT_MS) options.onLongWait?.(wait)
      await clock.sleep(wait)
    }
  }

  return {
    acquire(options) {
      const now = clock.now()
      if (!windows.active && pausedUntil <= now) return Promise.resolve(unlimited)
      // With nobody waiting for a place and one free now, the caller takes it at once: a plan's
      // reads nearly always do, and the chain of turns cost each of them a few promises.
      if (waiting === 0 && pausedUntil <= now && windows.waitFor(now) <= 0) return Promise.resolve(admitted(windows.begin()))
      // Otherwise one acquirer at a time, so concurrent callers are admitted in order and exactly.
      waiting++
      const next = chain.then(() => take(options?.maxWaitMs))
      const done = () => void waiting--
      chain = next.then(done, done)
      return next
    },
    pause(ms: number) {
      pausedUntil = Math.max(pausedUntil, clock.now() + ms)
    },
    tighten(more) {
      windows.tighten(more)
    },
    budget: () => windows.budget,
  }
}

const unlimited = () => undefined

export const realClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}

/**
 * Client-side request budget (sliding windows), so a healthy vendor never has to answer 429.
 * Sequenzy documents 100/min and 20/s burst; Kibamail 1000/min and 100/s. A small margin keeps us
 * clear of clock skew between our window and the vendor's.
 */
import {slidingWindows, type Budget as RateLimit} from './sliding-window.js'

export type {RateLimit}

export interface RateLimiter {
  /** Waits for a place; resolves with what to call once the answer came (or the request failed). */
  acquire(): Promise<(at?: number) => void>
  /** Push the next request out by `ms` (after a 429, all callers wait, not just the one that got it). */
  pause(ms: number): void
  /**
   * Keep the stricter of the current budget and `limit`: workspaces that share an endpoint and a
   * key share one limiter, because the vendor's budget is per key, whatever each one configured.
   */
  tighten(limit: RateLimit | undefined): void
}

const MARGIN_MS = 25

export function createRateLimiter(
  limit: RateLimit | undefined,
  clock: {now(): number; sleep(ms: number): Promise<void>} = realClock,
): RateLimiter {
  const windows = slidingWindows(limit, MARGIN_MS)
  let pausedUntil = 0
  let chain: Promise<void> = Promise.resolve()

  async function take(): Promise<(at?: number) => void> {
    for (;;) {
      const now = clock.now()
      const wait = Math.max(pausedUntil - now, windows.waitFor(now))
      if (wait <= 0) {
        const end = windows.begin()
        return (at = clock.now()) => end(at)
      }
      await clock.sleep(wait)
    }
  }

  return {
    acquire() {
      if (!windows.active && pausedUntil <= clock.now()) return Promise.resolve(unlimited)
      // One acquirer at a time, so concurrent callers are admitted in order and exactly.
      const next = chain.then(take)
      chain = next.then(() => undefined, () => undefined)
      return next
    },
    pause(ms: number) {
      pausedUntil = Math.max(pausedUntil, clock.now() + ms)
    },
    tighten(more) {
      windows.tighten(more)
    },
  }
}

const unlimited = () => undefined

export const realClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}

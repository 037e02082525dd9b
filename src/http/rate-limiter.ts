/**
 * Client-side request budget (sliding windows), so a healthy vendor never has to answer 429.
 * Sequenzy documents 100/min and 20/s burst; Kibamail 1000/min and 100/s. A small margin keeps us
 * clear of clock skew between our window and the vendor's.
 */
export interface RateLimit {
  perSecond?: number
  perMinute?: number
}

export interface RateLimiter {
  acquire(): Promise<void>
  /** Push the next request out by `ms` (after a 429, all callers wait, not just the one that got it). */
  pause(ms: number): void
}

const MARGIN_MS = 25

export function createRateLimiter(
  limit: RateLimit | undefined,
  clock: {now(): number; sleep(ms: number): Promise<void>} = realClock,
): RateLimiter {
  const windows = [
    limit?.perSecond ? {size: 1000, max: Math.max(1, Math.floor(limit.perSecond))} : undefined,
    limit?.perMinute ? {size: 60_000, max: Math.max(1, Math.floor(limit.perMinute))} : undefined,
  ].filter((w): w is {size: number; max: number} => w !== undefined)
  const sent: number[] = []
  let pausedUntil = 0
  let chain: Promise<void> = Promise.resolve()

  function waitNeeded(now: number): number {
    let wait = Math.max(0, pausedUntil - now)
    for (const w of windows) {
      const inWindow = sent.filter((t) => t > now - w.size - MARGIN_MS)
      if (inWindow.length >= w.max) {
        const oldest = inWindow[inWindow.length - w.max]!
        wait = Math.max(wait, oldest + w.size + MARGIN_MS - now)
      }
    }
    return wait
  }

  async function take(): Promise<void> {
    for (;;) {
      const now = clock.now()
      const wait = waitNeeded(now)
      if (wait <= 0) {
        sent.push(now)
        const keep = 60_000 + MARGIN_MS
        while (sent.length > 0 && sent[0]! < now - keep) sent.shift()
        return
      }
      await clock.sleep(wait)
    }
  }

  return {
    acquire() {
      if (windows.length === 0 && pausedUntil <= clock.now()) return Promise.resolve()
      // One acquirer at a time, so concurrent callers are admitted in order and exactly.
      const next = chain.then(take)
      chain = next.catch(() => undefined)
      return next
    },
    pause(ms: number) {
      pausedUntil = Math.max(pausedUntil, clock.now() + ms)
    },
  }
}

export const realClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}

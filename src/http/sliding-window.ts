/**
 * Request budgets as sliding windows (per second, per minute), the way vendors document them.
 * The client's rate limiter keeps under a budget with it; the emulators enforce one with it.
 */
export interface Budget {
  perSecond?: number
  perMinute?: number
}

export interface SlidingWindows {
  /** Whether any window applies. */
  readonly active: boolean
  /** The budget the windows keep now. */
  readonly budget: Budget
  /** Milliseconds until one more request fits every window (0: now). */
  waitFor(now: number): number
  record(now: number): void
  /**
   * A request under way: until `end(at)` says when its answer came, it counts as happening now,
   * and then at that time. The vendor saw it somewhere between the two, so a client counting this
   * way stays inside the vendor's windows however late a slow connection delivered it.
   */
  begin(): (at: number) => void
  /** Keep the stricter of the current budget and `budget` in each window, with the requests already recorded. */
  tighten(budget: Budget | undefined): void
}

/** `marginMs` widens each window, so a client stays clear of a vendor whose clock runs a little apart. */
/** How often to look again when every place in a window is taken by a request still under way. */
const POLL_MS = 5

export function slidingWindows(initial: Budget | undefined, marginMs = 0): SlidingWindows {
  let budget: Budget = {...initial}
  let windows = windowsOf(budget, marginMs)
  const times: number[] = []
  let open = 0
  // Times of finished requests, oldest first: each window's count is a binary search, so an
  // acquire costs O(log n) however many requests a lifted budget lets through in a minute.
  // A minute is kept whatever the windows are now: a budget tightened later (a workspace with a
  // per-minute limit joining) counts the requests already made.
  const prune = (now: number) => {
    const horizon = now - 60_000 - marginMs
    const drop = firstWhere(times, (t) => t >= horizon)
    if (drop > 0) times.splice(0, drop)
  }
  return {
    get active() {
      return windows.length > 0
    },
    get budget() {
      return {...budget}
    },
    waitFor(now) {
      let wait = 0
      for (const w of windows) {
        const start = firstWhere(times, (t) => t > now - w.size)
        const inWindow = times.length - start
        // Requests under way count as now: only finished ones leave the window.
        const over = inWindow + open - w.max
        if (over < 0) continue
        wait = Math.max(wait, over < inWindow ? times[start + over]! + w.size - now : POLL_MS)
      }
      return wait
    },
    record(now) {
      if (windows.length === 0) return
      times.splice(firstWhere(times, (t) => t > now), 0, now)
      prune(now)
    },
    begin() {
      open++
      let ended = false
      return (at) => {
        if (ended) return
        ended = true
        open--
        if (windows.length === 0) return
        times.splice(firstWhere(times, (t) => t > at), 0, at)
        prune(at)
      }
    },
    tighten(more) {
      budget = {perSecond: stricter(budget.perSecond, more?.perSecond), perMinute: stricter(budget.perMinute, more?.perMinute)}
      windows = windowsOf(budget, marginMs)
    },
  }
}

function windowsOf(budget: Budget, marginMs: number): Array<{size: number; max: number}> {
  return [
    budget.perSecond ? {size: 1000 + marginMs, max: Math.max(1, Math.floor(budget.perSecond))} : undefined,
    budget.perMinute ? {size: 60_000 + marginMs, max: Math.max(1, Math.floor(budget.perMinute))} : undefined,
  ].filter((w): w is {size: number; max: number} => w !== undefined)
}

/** The lower of two limits; an absent one sets none. */
function stricter(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b)
}

/** The first index of ascending `times` where `holds` (a test false before some index, true from it on); times.length when none. */
function firstWhere(times: readonly number[], holds: (t: number) => boolean): number {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (holds(times[mid]!)) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * One request budget per endpoint and key. A vendor counts requests per key, so workspaces that
 * talk to the same endpoint with the same key (two folders managing one account, or staging and
 * production on one key) draw from one limiter, whose budget is the strictest any of them
 * configured: together they stay inside what the vendor allows one key. Workspaces with their
 * own key (their own account) run at their own budget, side by side.
 */
import type {RateLimit, RequestLimiter, SharedReads} from '../core/provider.js'
import {createRateLimiter, type RateLimiter} from '../http/rate-limiter.js'

type Clock = Parameters<typeof createRateLimiter>[1]

export type BudgetFor = (endpoint: string, apiKey: string, limit: RateLimit | undefined, vendor?: string) => RequestLimiter

/** With `progress`, a request that must wait a long time for its place says so, once per wait. */
export function sharedBudgets(progress?: (line: string) => void, clock?: Clock): BudgetFor {
  const limiterOf = perAccount<RateLimiter>()
  return (endpoint, apiKey, limit, vendor = endpoint) => {
    let created = false
    const limiter = limiterOf(endpoint, apiKey, () => {
      created = true
      const onLongWait = progress && ((ms: number) => progress(`waiting ${Math.ceil(ms / 1000)} s for ${vendor}'s request budget (${budgetText(limiter.budget())}, ${endpoint})…`))
      return createRateLimiter(limit, clock, {onLongWait})
    })
    if (!created) limiter.tighten(limit)
    return limiter
  }
}

/** "20 a second, 100 a minute". */
function budgetText(budget: RateLimit): string {
  return [budget.perSecond && `${budget.perSecond} a second`, budget.perMinute && `${budget.perMinute} a minute`].filter(Boolean).join(', ')
}

/** One share of reads on their way per endpoint and key (ConnectOptions.sharedReads): the clients of one account share their reads. */
export function sharedReads(): (endpoint: string, apiKey: string) => SharedReads {
  const readsOf = perAccount<SharedReads>()
  return (endpoint, apiKey) => readsOf(endpoint, apiKey, () => ({onTheirWay: new Map(), written: false}))
}

/** One T per endpoint and key, made on first use. The key is only a map key here, in memory: it is never printed (registerSecret covers it). */
function perAccount<T>(): (endpoint: string, apiKey: string, make: () => T) => T {
  const byEndpoint = new Map<string, Map<string, T>>()
  return (endpoint, apiKey, make) => {
    const byKey = byEndpoint.get(endpoint) ?? new Map<string, T>()
    byEndpoint.set(endpoint, byKey)
    const found = byKey.get(apiKey)
    if (found !== undefined) return found
    const made = make()
    byKey.set(apiKey, made)
    return made
  }
}

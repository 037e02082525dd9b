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
  // The key is only a map key here, in memory: it is never printed (registerSecret covers it).
  const byEndpoint = new Map<string, Map<string, RateLimiter>>()
  return (endpoint, apiKey, limit, vendor = endpoint) => {
    const byKey = byEndpoint.get(endpoint) ?? new Map<string, RateLimiter>()
    byEndpoint.set(endpoint, byKey)
    const shared = byKey.get(apiKey)
    if (shared) {
      shared.tighten(limit)
      return shared
    }
    const onLongWait = progress && ((ms: number) => progress(`waiting ${Math.ceil(ms / 1000)} s for ${vendor}'s request budget (${budgetText(limiter.budget())}, ${endpoint})…`))
    const limiter = createRateLimiter(limit, clock, {onLongWait})
    byKey.set(apiKey, limiter)
    return limiter
  }
}

/** "20 a second, 100 a minute". */
function budgetText(budget: RateLimit): string {
  return [budget.perSecond && `${budget.perSecond} a second`, budget.perMinute && `${budget.perMinute} a minute`].filter(Boolean).join(', ')
}

/** One share of reads on their way per endpoint and key (ConnectOptions.sharedReads): the clients of one account share their reads. */
export function sharedReads(): (endpoint: string, apiKey: string) => SharedReads {
  const byAccount = new Map<string, Map<string, SharedReads>>()
  return (endpoint, apiKey) => {
    const byKey = byAccount.get(endpoint) ?? new Map<string, SharedReads>()
    byAccount.set(endpoint, byKey)
    const reads = byKey.get(apiKey) ?? {onTheirWay: new Map(), written: false}
    byKey.set(apiKey, reads)
    return reads
  }
}

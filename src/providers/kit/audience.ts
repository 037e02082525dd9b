/**
 * Member counts (ProviderClient.audience), the rules every vendor keeps: a count is information
 * for reviewers, so one that cannot be read (a refusal, a timeout, an answer outside its contract)
 * is `null` with the reason, never an error that would stop the plan. Nor does a count hold the
 * plan up: it waits for the vendor's per-second budget, not for its per-minute one (Sequenzy
 * allows 100 requests a minute: a plan that reads 60 and counts 50 segments would otherwise wait
 * a minute for its last ten counts).
 */
import {ContractError} from '../../errors.js'
import type {AudienceCount} from '../../core/provider.js'
import {BudgetWaitError} from '../../http/rate-limiter.js'

/** The longest a count's request waits for a place in the request budget (HttpRequest.maxBudgetWaitMs). */
export const COUNT_BUDGET_WAIT_MS = 2_000

/** What a count that the budget had no place for says instead (plan JSON `audience.source`). */
export const BUDGET_SPENT = 'not read (request budget spent for now)'

/** A count read by `read`, or nulls with the reason it could not be read. */
export async function counted(source: string, read: () => Promise<AudienceCount>): Promise<AudienceCount> {
  try {
    return await read()
  } catch (error) {
    return {current: null, proposed: null, source: error instanceof BudgetWaitError ? BUDGET_SPENT : source, reason: reasonOf(error)}
  }
}

/** Why a count is unknown, in one line (a contract breach without "Nothing was written": a count writes nothing anyway). */
export function reasonOf(error: unknown): string {
  if (error instanceof ContractError) {
    const b = error.breach
    return `${b.vendor} answered ${b.route} outside its contract: at ${b.path || '(the whole body)'} expected ${b.expected}, got ${b.got}`
  }
  return error instanceof Error ? error.message : String(error)
}

/** An integer count from a field the vendor may leave out (MailGlyph `memberCount`, Altcraft `count`); `where` names the answer. */
export function fieldCount(value: unknown, source: string, where: string): AudienceCount {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return {current: value, proposed: null, source}
  const got = value === undefined ? 'none' : JSON.stringify(value)
  return {current: null, proposed: null, source, reason: `${where} carried no usable ${source} (got ${got})`}
}

/**
 * Members of Kibamail segments, before and after a change: the contacts that
 * `POST /v1/contacts/search` finds for the remote segment's conditions and for the definition's
 * (search.ts), so a create shows its members too. Kibamail exposes no count of its own (vendors.md
 * §2.3). Each side is read on its own: new conditions Kibamail refuses (an unknown property: 422)
 * leave the members now known.
 */
import type {HttpClient} from '../../http/client.js'
import type {AudienceCount, AudienceQuery} from '../../core/provider.js'
import {BudgetWaitError} from '../../http/rate-limiter.js'
import {BUDGET_SPENT, reasonOf} from '../kit/audience.js'
import {searchCount, type SearchCount} from './search.js'

const SOURCE = 'contacts/search'

type Side = SearchCount | {error: string; budget: boolean} | undefined

export function kibamailAudience(http: HttpClient, queries: AudienceQuery[]): Promise<AudienceCount[]> {
  return Promise.all(queries.map((q) => countOne(http, q)))
}

async function countOne(http: HttpClient, {remote, body}: AudienceQuery): Promise<AudienceCount> {
  const before = conditionsOf(remote?.raw)
  const after = conditionsOf(body)
  const read = (conditions: unknown): Promise<Side> => searchCount(http, conditions).catch((error: unknown) => ({error: reasonOf(error), budget: error instanceof BudgetWaitError}))
  const current = before === undefined ? Promise.resolve<Side>(undefined) : read(before)
  // Unchanged conditions (a new name or description) have the same members: no second search.
  const proposed = after === undefined ? Promise.resolve<Side>(undefined) : before !== undefined && JSON.stringify(before) === JSON.stringify(after) ? current : read(after)
  const [now, then] = await Promise.all([current, proposed])
  const reasons = [now, then].flatMap((side, i) => (side && 'error' in side ? [`${i === 0 ? 'members now' : 'members after'}: ${side.error}`] : []))
  const capped = [now, then].some((side) => side !== undefined && 'capped' in side && side.capped)
  const counts = {current: countOf(now), proposed: countOf(then)}
  const budgetSpent = counts.current === null && counts.proposed === null && [now, then].some((side) => side !== undefined && 'error' in side && side.budget)
  return {
    ...counts,
    source: budgetSpent ? BUDGET_SPENT : SOURCE,
    ...(capped ? {capped} : {}),
    ...(reasons.length > 0 ? {reason: reasons.join('; ')} : {}),
  }
}

function conditionsOf(value: unknown): unknown {
  return value && typeof value === 'object' ? (value as {conditions?: unknown}).conditions : undefined
}

function countOf(side: Side): number | null {
  return side !== undefined && 'count' in side ? side.count : null
}

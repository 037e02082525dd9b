/**
 * How many contacts match some conditions: `POST /v1/contacts/search` with `{conditions}` (seed
 * 001: "Test new conditions with /v1/contacts/search before updating"), its cursor pages
 * (`limit`, `after` = the id of the last item, `hasMore`; vendors.md §2.4) counted to the end or
 * to the cap in assumptions.ts, whichever comes first. Every page is read through its contract.
 */
import {ContractError} from '../../errors.js'
import {BudgetWaitError} from '../../http/rate-limiter.js'
import {COUNT_BUDGET_WAIT_MS} from '../kit/audience.js'
import type {HttpClient} from '../../http/client.js'
import type {ContactList} from '../../generated/kibamail-responses.js'
import {answers} from './answers.js'
import {assumptions} from './assumptions.js'
import {PAGE_SIZE} from './pages.js'

export const ROUTE = 'POST /v1/contacts/search'

export interface SearchCount {
  count: number
  /** More pages were left unread (at the cap, or for want of request budget): `count` is a lower bound. */
  capped: boolean
}

export async function searchCount(http: HttpClient, conditions: unknown): Promise<SearchCount> {
  const seen = new Set<string>()
  let after: string | undefined
  for (let page = 1; page <= assumptions.contactSearchPages; page++) {
    // A search reads: sending it twice is harmless, so it is retried like a GET. It is a count,
    // so it does not wait for the per-minute budget: a page it has no place for ends the count,
    // as the cap does (the first page: no count at all).
    let res
    try {
      res = await http.request({method: 'POST', path: '/v1/contacts/search', query: {limit: PAGE_SIZE, after}, body: {conditions}, idempotent: true, maxBudgetWaitMs: COUNT_BUDGET_WAIT_MS})
    } catch (error) {
      if (error instanceof BudgetWaitError && page > 1) return {count: seen.size, capped: true}
      throw error
    }
    const {data, hasMore} = answers.read<ContactList>('ContactList', res, ROUTE)
    for (const contact of data) seen.add(contact.id)
    if (!hasMore) return {count: seen.size, capped: false}
    const last = data[data.length - 1]?.id
    // More to come but nowhere to continue from, or back where it was: counting on would loop or drop contacts.
    if (last === undefined || last === after) throw new ContractError({vendor: 'Kibamail', route: ROUTE, path: '/data', expected: 'a next page starting after a new last id when hasMore is true', got: last === undefined ? '[]' : JSON.stringify(last)})
    after = last
  }
  return {count: seen.size, capped: true}
}

/**
 * A Kibamail member count pages through `POST /v1/contacts/search` (providers/kibamail/search.ts).
 * A count never waits for the per-minute budget: a page the budget has no place for ends the count
 * as a lower bound, and a first page it has no place for leaves the count "not read".
 */
import {describe, expect, it} from 'vitest'
import type {HttpClient, HttpRequest} from '../../src/http/client.js'
import {BudgetWaitError} from '../../src/http/rate-limiter.js'
import {kibamailAudience} from '../../src/providers/kibamail/audience.js'
import {searchCount} from '../../src/providers/kibamail/search.js'

/** Pages of two contacts each, forever; from request `spentFrom` on, the budget has no place. */
function pagedHttp(spentFrom: number) {
  const asked: HttpRequest[] = []
  const http: HttpClient = {
    stats: {requests: 0, retries: 0, rateLimited: 0, shared: 0},
    close: async () => undefined,
    request: async <T>(req: HttpRequest) => {
      asked.push(req)
      if (asked.length >= spentFrom) throw new BudgetWaitError(41_000, "Kibamail's request budget has no place for this read for 41 s, and it does not wait")
      const n = asked.length
      const body = {hasMore: true, data: [{id: `c${n}a`}, {id: `c${n}b`}]}
      return {status: 200, headers: {}, body: body as T, text: JSON.stringify(body)}
    },
  }
  return {http, asked}
}

describe('Kibamail counts and the request budget', () => {
  it('ends a count at the page the budget has no place for, as a lower bound, and asks without waiting', async () => {
    const {http, asked} = pagedHttp(4)
    expect(await searchCount(http, [])).toEqual({count: 6, capped: true})
    expect(asked.map((r) => r.maxBudgetWaitMs)).toEqual([2000, 2000, 2000, 2000])
  })

  it('says "not read" when not even a first page had a place', async () => {
    const {http} = pagedHttp(1)
    await expect(searchCount(http, [])).rejects.toBeInstanceOf(BudgetWaitError)
    const conditions = [{type: 'property', property: 'plan', operator: 'equals', value: 'pro'}]
    const [count] = await kibamailAudience(http, [{action: 'update', remote: {id: 's1', name: 'S', raw: {conditions}}, body: {conditions: [{...conditions[0], value: 'team'}]}}])
    expect(count).toMatchObject({current: null, proposed: null, source: 'not read (request budget spent for now)'})
    expect(count!.reason).toContain("Kibamail's request budget has no place for this read for 41 s")
  })
})

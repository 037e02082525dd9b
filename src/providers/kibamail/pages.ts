/**
 * Kibamail's cursor pages (vendors.md §2.4): `limit` 1-100, `after` = the id of the last item,
 * `hasMore`. Every page is read through its contract (schemas/kibamail/responses.schema.json), so
 * a list in another shape stops the run instead of reading as "nothing there".
 */
import {ContractError} from '../../errors.js'
import type {HttpClient} from '../../http/client.js'
import {paginate} from '../kit/paginate.js'
import {answers} from './answers.js'

/** "Maximum 100 segments per request" (GET /v1/segments). */
export const PAGE_SIZE = 100

/** The lists segsync reads, by the contract entry of their page. */
export type ListDef = 'SegmentList' | 'TopicList'

/** Every item of a list, following `after` until `hasMore` is false. */
export function listAll<T extends {id: string}>(http: HttpClient, path: string, def: ListDef): Promise<T[]> {
  const route = `GET ${path}`
  return paginate<T, string | undefined>(
    undefined,
    async (after) => {
      const res = await http.request({method: 'GET', path, query: {limit: PAGE_SIZE, after}})
      const page = answers.read<{hasMore: boolean; data: T[]}>(def, res, route)
      const last = page.data[page.data.length - 1]?.id
      // More to come but no item to continue after: ending here would drop the rest silently.
      if (page.hasMore && last === undefined) throw new ContractError({vendor: 'Kibamail', route, path: '/data', expected: 'at least one item when hasMore is true (the next page starts after the last id)', got: '[]'})
      return {items: page.data, next: page.hasMore ? last : undefined}
    },
    {vendor: 'Kibamail', route, idOf: (item) => item.id},
  )
}

/**
 * Members of Sequenzy segments: `GET /api/v1/segments/{segmentId}/count` → `{count, segmentId}`
 * (vendors.md §3.3), one request per changed segment, all at once; the HTTP layer keeps them
 * inside Sequenzy's budget, and a count the budget has no place for soon is not read (kit/audience.ts). Sequenzy counts only saved rules: the members after a change are not
 * exposed, and a new segment has no count yet.
 */
import {ContractError} from '../../errors.js'
import type {HttpClient} from '../../http/client.js'
import type {AudienceCount, AudienceQuery} from '../../core/provider.js'
import type {SegmentCount} from '../../generated/sequenzy-responses.js'
import {COUNT_BUDGET_WAIT_MS, counted} from '../kit/audience.js'
import {answers} from './answers.js'

const SOURCE = 'segments/{id}/count'
const ROUTE = 'GET /api/v1/segments/{segmentId}/count'

export function sequenzyAudience(http: HttpClient, queries: AudienceQuery[]): Promise<AudienceCount[]> {
  return Promise.all(
    queries.map(({remote}) =>
      remote ? counted(SOURCE, async () => ({current: await readCount(http, remote.id), proposed: null, source: SOURCE})) : Promise.resolve({current: null, proposed: null, source: SOURCE}),
    ),
  )
}

async function readCount(http: HttpClient, id: string): Promise<number> {
  const res = await http.request({method: 'GET', path: `/api/v1/segments/${encodeURIComponent(id)}/count`, maxBudgetWaitMs: COUNT_BUDGET_WAIT_MS})
  const answer = answers.read<SegmentCount>('SegmentCount', res, ROUTE)
  // A count of another segment is no count of this one.
  if (answer.segmentId !== id) throw new ContractError({vendor: 'Sequenzy', route: ROUTE, path: '/segmentId', expected: `the id asked for (${id})`, got: JSON.stringify(answer.segmentId)})
  return answer.count
}

/**
 * Push0's segment reads (vendors.md §4.3), every answer through its contract: the list in pages
 * (`page` from 1, `limit` "Default: 50. Max: 100", ends on a short page) and one segment by `?id=`
 * ("If provided - returns single list element").
 */
import {SegsyncError} from '../../errors.js'
import type {HttpClient, HttpResponse} from '../../http/client.js'
import type {Segment, SegmentList} from '../../generated/push0-responses.js'
import {paginate} from '../kit/paginate.js'
import {answers} from './answers.js'
import {SEGMENTS} from './assumptions.js'

/** "limit … Default: 50. Max: 100" (list page). */
export const PAGE_SIZE = 100

export interface ReadOptions {
  /** `/v1/segments` (what segsync uses) or the list page's `/api/v1/segments` (doctor). */
  path?: string
  limit?: number
  /** Every answer, for doctor's rate-limit headers. */
  seen?: (res: HttpResponse) => void
}

/** One page, inside the contract or a ContractError. */
export async function readPage(http: HttpClient, page: number, options: ReadOptions = {}): Promise<Segment[]> {
  const path = options.path ?? SEGMENTS
  const res = await http.request({method: 'GET', path, query: {page, limit: options.limit ?? PAGE_SIZE}})
  options.seen?.(res)
  return answers.read<SegmentList>('SegmentList', res, `GET ${path}`)
}

/** Every page, until one shorter than the limit. */
export async function listAll(http: HttpClient, options: ReadOptions = {}): Promise<Segment[]> {
  const limit = options.limit ?? PAGE_SIZE
  return paginate(
    1,
    async (page) => {
      const items = await readPage(http, page, {...options, limit})
      return {items, next: items.length < limit ? undefined : page + 1}
    },
    {vendor: 'Push0', route: `GET ${options.path ?? SEGMENTS}`, idOf: (s) => s.id},
  )
}

/** The segment with this id, or undefined when the list answers `[]`. More than that one segment is not what the docs promise. */
export async function readById(http: HttpClient, id: string, seen?: (res: HttpResponse) => void): Promise<Segment | undefined> {
  const res = await http.request({method: 'GET', path: SEGMENTS, query: {id}})
  seen?.(res)
  const found = answers.read<SegmentList>('SegmentList', res, `GET ${SEGMENTS}?id=`)
  if (found.length > 1 || (found[0] && found[0].id !== id)) {
    const ids = found.slice(0, 3).map((s) => s.id).join(', ')
    throw new SegsyncError(
      `Push0 answered GET ${SEGMENTS}?id=${id} with ${found.length} segment${found.length === 1 ? '' : 's'} (${ids}${found.length > 3 ? ', …' : ''}) instead of that one segment ("If provided - returns single list element")`,
      'Run `segsync doctor` to check this account\'s API against what segsync expects, and send us its report (it is redacted).',
    )
  }
  return found[0]
}

/**
 * `segsync doctor` for Push0: read-only probes of what segsync relies on (schemas/push0/
 * responses.schema.json) and the vendors.md §4 assumptions a read can test (assumptions.ts).
 */
import {VendorError} from '../../errors.js'
import type {DoctorCheck} from '../../core/provider.js'
import type {HttpClient, HttpResponse} from '../../http/client.js'
import type {Segment} from '../../generated/push0-responses.js'
import {probe, rateLimitCheck, rateLimitHeaders} from '../kit/probe.js'
import {ID_SHAPE, LIST_PAGE_PATH, SEGMENTS} from './assumptions.js'
import {NO_CAMPAIGN_API} from './campaigns.js'
import {listAll, PAGE_SIZE, readById, readPage} from './reads.js'

const NOT_LISTED = {status: 'skip', message: 'not tested: the segment list did not read'} as const
const LIST = 'GET /v1/segments?page&limit → a bare array of {id, name, description, constraints, updatedAt, createdAt} (seed 003 list page)'

export async function push0Doctor(http: HttpClient): Promise<DoctorCheck[]> {
  const headers = new Set<string>()
  const seen = (res: HttpResponse) => rateLimitHeaders(res.headers).forEach((h) => headers.add(h))
  /** Undefined until the list has been read: the checks after it need it. */
  let segments: Segment[] | undefined
  const checks: DoctorCheck[] = [
    await probe({id: 'key', title: 'Key and headers', basis: '"Authorization | Bearer YOUR_API_KEY" and "Content-Type | application/json" on all requests (vendors.md §4.2)'}, async () => {
      await readPage(http, 1, {limit: 1, seen})
      return 'the key reads segments, sent as Authorization: Bearer with Content-Type: application/json'
    }),
    await probe({id: 'content-type', title: 'Content-Type on GETs', basis: '"400 Bad request Missing Content-Typ: application/json" (vendors.md §4.2)', onError: 'skip'}, () => contentTypeRule(http)),
    await probe({id: 'segments-list', title: 'Segment list', basis: `${LIST}; vendors.md §4.3 ASSUMPTION: ${SEGMENTS} for create, update and list`}, async () => {
      const all = (segments = await listAll(http, {seen}))
      return `${all.length} segment${all.length === 1 ? '' : 's'} read from ${SEGMENTS} to the last page (pages of ${PAGE_SIZE}), every answer inside the contract`
    }),
    await probe({id: 'list-page-path', title: `The list page's path ${LIST_PAGE_PATH}`, basis: `the list page says "GET API url -> ${LIST_PAGE_PATH}" (vendors.md §4.3 ASSUMPTION: an alias)`}, async () => {
      await readPage(http, 1, {path: LIST_PAGE_PATH, limit: 1, seen})
      return `answers inside the contract too; segsync uses ${SEGMENTS}`
    }).then(informationOnly),
    await probe({id: 'segment-by-id', title: 'One segment by ?id=', basis: '"id: If provided - returns single list element" (list page); segsync re-reads an update Push0 did not confirm this way'}, async () => {
      if (!segments) return NOT_LISTED
      const last = segments.at(-1)
      if (!last) return {status: 'skip', message: 'no segment to read back'}
      const found = await readById(http, last.id, seen)
      if (!found) return {status: 'fail', message: `GET ${SEGMENTS}?id=${last.id} answered [] for a segment the list shows`}
      return `GET ${SEGMENTS}?id=${last.id} answers that one segment`
    }),
    await probe({id: 'pagination', title: 'Pages end', basis: '"page", "limit … Default: 50. Max: 100" (list page); segsync stops at the first page shorter than the limit'}, async () => (segments ? pagesEnd(http, segments.length, seen) : NOT_LISTED)),
    await probe({id: 'id-shape', title: 'Segment ids', basis: 'ids `seg_jfeZ4NrGegjV9` (update page), `sg_wsviVjvLoorS5GKOZpznH` (list page): a lower-case prefix, "_", url-safe characters (providers/push0/assumptions.ts ID_SHAPE)'}, async () => {
      if (!segments) return NOT_LISTED
      if (segments.length === 0) return {status: 'skip', message: 'no segment ids to look at'}
      const odd = segments.filter((s) => !ID_SHAPE.test(s.id))
      if (odd.length === 0) return `all ${segments.length} ids have the documented shape, which is how segsync tells a write's id from an error message`
      return {status: 'fail', message: `${odd.length} id${odd.length === 1 ? '' : 's'} without the documented shape (${odd.slice(0, 3).map((s) => JSON.stringify(s.id)).join(', ')}): every create would end uncertain`}
    }),
    {id: 'campaigns', title: 'Campaign usage', status: 'skip', message: `${NO_CAMPAIGN_API}: every change will say campaign usage cannot be verified (policy.unknownUsage decides)`, basis: 'no campaign or notification API found (vendors.md §4.5)'},
  ]
  checks.push(rateLimitCheck([...headers], 'Push0 documents 429 "Too many requests in given period of time" but no limit and no Retry-After (vendors.md §4.2)'))
  return checks
}

/** The list page's path is information: segsync does not use it, so it passes or is skipped, never fails. */
function informationOnly(check: DoctorCheck): DoctorCheck {
  return check.status === 'fail' ? {...check, status: 'skip', message: `${check.message}; segsync uses ${SEGMENTS}, so this is information only`} : check
}

/** Whether Push0 refuses a GET without the header; segsync sends it on every request either way. */
async function contentTypeRule(http: HttpClient): Promise<string | {status: 'skip'; message: string}> {
  try {
    // The transport leaves out a header whose value is undefined: this one GET goes without Content-Type.
    const withoutIt = {'content-type': undefined} as unknown as Record<string, string>
    await http.request({method: 'GET', path: SEGMENTS, query: {page: 1, limit: 1}, headers: withoutIt})
    return 'a GET without it is answered too; segsync sends it on every request anyway'
  } catch (error) {
    if (error instanceof VendorError && error.status === 400) return `a GET without it is refused (400: ${error.message.replace(/^.*\(400\): /, '')}), as documented; segsync sends it on every request`
    return {status: 'skip', message: `inconclusive (${error instanceof Error ? error.message : String(error)}); segsync sends it on every request`}
  }
}

/** The page after the short one is empty, and `limit=1` pages hold one segment each, different ones. */
async function pagesEnd(http: HttpClient, total: number, seen: (res: HttpResponse) => void): Promise<string | {status: 'fail'; message: string}> {
  const after = Math.floor(total / PAGE_SIZE) + 2
  const beyond = await readPage(http, after, {seen})
  if (beyond.length > 0) return {status: 'fail', message: `page ${after - 1} was short, yet page ${after} holds ${beyond.length} more segment${beyond.length === 1 ? '' : 's'}: segsync would miss them`}
  if (total < 2) return `page ${after} after the short page is empty; too few segments to test limit=1`
  const [first, second] = [await readPage(http, 1, {limit: 1, seen}), await readPage(http, 2, {limit: 1, seen})]
  if (first.length !== 1 || second.length !== 1) return {status: 'fail', message: `limit=1 is not honoured: pages 1 and 2 hold ${first.length} and ${second.length} segments`}
  if (first[0]!.id === second[0]!.id) return {status: 'fail', message: 'page is not honoured: pages 1 and 2 (limit=1) hold the same segment'}
  return `page ${after} after the short page is empty; limit=1 gives one segment per page, page 2 another than page 1`
}

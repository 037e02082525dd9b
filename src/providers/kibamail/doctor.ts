/**
 * `segsync doctor` for Kibamail: read-only probes of what segsync relies on
 * (schemas/kibamail/responses.schema.json), which scopes the key has as far as reads can tell
 * (vendors.md §2.2), and the vendors.md §2 assumptions a read can test.
 */
import {AuthError, SegsyncError} from '../../errors.js'
import type {DoctorCheck} from '../../core/provider.js'
import type {RemoteSegment} from '../../core/model.js'
import type {HttpClient, HttpRequest} from '../../http/client.js'
import type {SegmentListItem, Topic} from '../../generated/kibamail-responses.js'
import {probe, rateLimitCheck, rateLimitHeaders} from '../kit/probe.js'
import {assumptions} from './assumptions.js'
import {NO_USAGE_API} from './campaigns.js'
import {toRemote} from './mapping.js'
import {listAll, PAGE_SIZE} from './pages.js'

export async function kibamailDoctor(vendor: HttpClient): Promise<DoctorCheck[]> {
  const seen = new Set<string>()
  const pages = new Map<string, number>()
  const http = readOnly(vendor, (path, headers) => {
    pages.set(path, (pages.get(path) ?? 0) + 1)
    for (const h of rateLimitHeaders(headers)) seen.add(h)
  })
  const paged = (path: string) => `${pages.get(path) ?? 0} page${pages.get(path) === 1 ? '' : 's'} of at most ${PAGE_SIZE}`
  let segments: RemoteSegment[] | undefined
  const checks: DoctorCheck[] = [
    await probe({id: 'segments-list', title: 'Segment list (read:segments)', basis: 'GET /v1/segments?limit&after → {object: "segment_list", hasMore, data: [{id, name, description, conditions}]} (vendors.md §2.3, §2.4 cursor pages)'}, async () => {
      segments = (await listAll<SegmentListItem>(http, '/v1/segments', 'SegmentList')).map(toRemote)
      return `the key may read segments; ${segments.length} segment${segments.length === 1 ? '' : 's'} in ${paged('/v1/segments')}, the last with hasMore: false; every answer inside the contract`
    }),
    conditionForms(segments),
    await probe({id: 'topics-list', title: 'Topic list (read:topics)', basis: 'GET /v1/topics?limit&after → {hasMore, data: [{id}]} (https://kibamail.com/docs/api/topics/get-topics; vendors.md §2.5: topic ids in TopicConditions)'}, async () => {
      try {
        const topics = await listAll<Topic>(http, '/v1/topics', 'TopicList')
        return `the key may read topics; ${topics.length} topic${topics.length === 1 ? '' : 's'} in ${paged('/v1/topics')}: topic ids in definitions are checked before apply`
      } catch (error) {
        // The documented refusal: segsync degrades there (topics.ts), so it is not a failure.
        if (error instanceof AuthError && error.status === assumptions.topicsRefusedWith) return {status: 'skip', message: `the key may not read topics (${error.message}): topic ids will be reported unverifiable`}
        throw error
      }
    }),
    {
      id: 'write-scope',
      title: 'Segment writes (write:segments)',
      status: 'skip',
      message: 'cannot be checked without writing, and doctor never writes: apply needs write:segments, and a key without it is refused (401 INSUFFICIENT_SCOPE) at the first write, so nothing is written',
      basis: 'vendors.md §2.2: "API keys are scoped to specific permissions"; write:segments "Create and update segments"',
    },
    {id: 'campaigns', title: 'Campaign usage', status: 'skip', message: `${NO_USAGE_API}: every change will say campaign usage cannot be verified (policy.unknownUsage decides)`, basis: 'vendors.md §2.6: only POST /v1/broadcasts/create-and-send is public; nothing lists broadcasts or automations'},
  ]
  checks.push(rateLimitCheck([...seen], 'vendors.md §2.4: "Rate limit headers are included in all responses" (their names are not documented); 1000 requests/min and 100/s per key'))
  return checks
}

/**
 * vendors.md §2.5 ASSUMPTION: segments use the documented {field, operator, value} form; the prose
 * also shows raw MongoDB queries. segsync lists those read-only, so either way is a pass: the check
 * says how many there are.
 */
function conditionForms(segments: RemoteSegment[] | undefined): DoctorCheck {
  const check = {id: 'conditions-form', title: 'Condition syntax of existing segments', basis: 'vendors.md §2.5 ASSUMPTION: conditions in the documented FieldCondition | TopicCondition | LogicalOperatorCondition form, not raw MongoDB syntax'}
  if (!segments) return {...check, status: 'skip', message: 'the segment list could not be read'}
  const other = segments.filter((s) => s.readOnly)
  if (other.length === 0) return {...check, status: 'pass', message: `every segment (${segments.length}) uses the documented form`}
  const names = other.slice(0, 3).map((s) => JSON.stringify(s.name)).join(', ') + (other.length > 3 ? ', …' : '')
  return {...check, status: 'pass', message: `${other.length} of ${segments.length} segments ${other.length === 1 ? 'uses' : 'use'} another syntax (raw MongoDB?) and will be listed read-only, never changed: ${names}`}
}

/** The client's HTTP with every answer's path and headers reported, refusing anything but GET: doctor never writes. */
function readOnly(http: HttpClient, onAnswer: (path: string, headers: Record<string, string>) => void): HttpClient {
  return {
    stats: http.stats,
    close: () => http.close(),
    async request<T>(req: HttpRequest) {
      if (req.method !== 'GET') throw new SegsyncError(`segsync doctor sends only reads; ${req.method} ${req.path} is a segsync bug, please report it`)
      const res = await http.request<T>(req)
      onAnswer(req.path, res.headers)
      return res
    },
  }
}

/**
 * `segsync doctor` for MailGlyph: read-only probes of what segsync relies on (schemas/mailglyph/
 * responses.schema.json) and the vendors.md §1 assumptions a read can test. Nothing is written.
 */
import {AuthError} from '../../errors.js'
import type {DoctorCheck} from '../../core/provider.js'
import type {HttpClient, HttpResponse} from '../../http/client.js'
import type {Segment} from '../../generated/mailglyph-responses.js'
import {probe, rateLimitCheck, rateLimitHeaders} from '../kit/probe.js'
import {readSegmentList} from './answers.js'
import {READ_CAMPAIGN_STATUSES, listAll} from './campaigns.js'
import {segmentChecks} from './doctor-segments.js'

/** MailGlyph's published OpenAPI, shipped with its official SDKs (vendors.md §1.1). */
const OPENAPI = 'Mailrify/mailrify-node docs/openapi.json'

export async function mailglyphDoctor(http: HttpClient): Promise<DoctorCheck[]> {
  const seen = new Set<string>()
  // Every read goes through here, so the rate-limit check sees the headers of all of them.
  const watched: HttpClient = {
    ...http,
    request: async <T>(req: Parameters<HttpClient['request']>[0]) => {
      const res = await http.request<T>(req)
      for (const h of rateLimitHeaders(res.headers)) seen.add(h)
      return res
    },
  }
  const listed = await watched.request({method: 'GET', path: '/segments'}).then(
    (res): {res: HttpResponse} => ({res}),
    (error: unknown) => ({error}),
  )
  let segments: Segment[] | undefined
  const checks: DoctorCheck[] = [
    keyCheck(listed),
    await probe({id: 'segments-list', title: 'Segment list', basis: `GET /segments → Segment[], a bare array with no pagination (OpenAPI listSegments, ${OPENAPI})`}, () => {
      if ('error' in listed) throw listed.error
      segments = readSegmentList(listed.res)
      return Promise.resolve(`${segments.length} segment${segments.length === 1 ? '' : 's'} answered inside the contract, in one answer as documented`)
    }),
    ...segmentChecks(segments),
  ]
  for (const status of READ_CAMPAIGN_STATUSES) checks.push(await campaignCheck(watched, status))
  checks.push(rateLimitCheck([...seen], 'MailGlyph documents no rate limit and no rate-limit headers (vendors.md §1.4); its SDK honours Retry-After on 429 (mailglyph-go http.go)'))
  return checks
}

/** MailGlyph keys have no scopes: a secret key (sk_…, checked before connecting) reads everything. */
function keyCheck(listed: {res: HttpResponse} | {error: unknown}): DoctorCheck {
  const base = {id: 'secret-key', title: 'Secret key', basis: `"Secret keys (sk_*) are required for all endpoints except /v1/track" (OpenAPI securitySchemes.ApiKeyAuth, ${OPENAPI}); no scopes`}
  if (!('error' in listed)) return {...base, status: 'pass', message: 'the key is a secret key (sk_…) and MailGlyph accepts it on GET /segments'}
  if (listed.error instanceof AuthError) return {...base, status: 'fail', message: `refused: ${listed.error.message}`}
  return {...base, status: 'skip', message: 'GET /segments failed before the key could be judged (see the segment list check)'}
}

/** One status segsync reads: its pages answer inside the contract and end. */
async function campaignCheck(http: HttpClient, status: string): Promise<DoctorCheck> {
  const spec = {id: `campaigns-${status.toLowerCase()}`, title: `${status} campaigns`, basis: `GET /campaigns?status=${status}&page&pageSize=100 → {data: Campaign[], totalPages}; each Campaign's audienceType with segmentId or audienceCondition (OpenAPI listCampaigns, ${OPENAPI}; vendors.md §1.7)`}
  return probe(spec, async () => {
    try {
      const campaigns = await listAll(http, status)
      const byAudience = new Map<string, number>()
      for (const c of campaigns) byAudience.set(c.audienceType, (byAudience.get(c.audienceType) ?? 0) + 1)
      const audiences = [...byAudience].map(([type, n]) => `${n} ${type}`).join(', ')
      return `${campaigns.length} ${status} campaign${campaigns.length === 1 ? '' : 's'} read to the last page, every answer inside the contract${audiences ? ` (audience: ${audiences})` : ''}`
    } catch (error) {
      // A documented refusal: usage becomes "unknown", which the plan states and policy judges.
      if (!(error instanceof AuthError)) throw error
      return {status: 'skip', message: `refused (${error.message}): every change will say campaign usage cannot be verified (policy.unknownUsage decides)`}
    }
  })
}

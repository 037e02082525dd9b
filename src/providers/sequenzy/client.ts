/**
 * Sequenzy REST client (HTTP only). https://docs.sequenzy.com/api-reference — vendors.md §3.
 */
import {AuthError, SegsyncError, VendorError} from '../../errors.js'
import type {HttpClient} from '../../http/client.js'
import {vendorHttp} from '../vendor-http.js'
import type {CampaignUser, CampaignUsage, RemoteSegment} from '../../core/model.js'
import type {ConnectOptions, ProviderClient} from '../provider.js'

/** Campaigns that can still send (vendors.md §3.7). */
export const ACTIVE_CAMPAIGN_STATUSES = ['scheduled', 'sending', 'paused', 'waiting_approval'] as const
/** Sequences that are running: read `effectiveStatus` (vendors.md §3.7). */
export const ACTIVE_SEQUENCE_STATUSES = ['live', 'enrollment_paused']
const PAGE = 100

interface ApiSegment {
  id: string
  name: string
}

export async function connectSequenzy(options: ConnectOptions): Promise<ProviderClient> {
  const http = await vendorHttp(options, {
    vendor: 'Sequenzy',
    headers: {authorization: `Bearer ${options.apiKey}`},
    errorMessage,
  })
  const toRemote = (s: ApiSegment): RemoteSegment => ({id: s.id, name: s.name, raw: s})

  return {
    async listSegments() {
      const res = await http.request<{segments?: ApiSegment[]}>({method: 'GET', path: '/api/v1/segments'})
      return (res.body?.segments ?? []).map(toRemote)
    },
    campaignUsage: () => readUsage(http),
    async create(name, body) {
      const res = await http.request<{segment: ApiSegment}>({method: 'POST', path: '/api/v1/segments', body: {name, ...body}})
      return toRemote(segmentOf(res.body))
    },
    async update(remote, changes) {
      // PATCH takes any of name/filters/root; `root` replaces the rules wholesale.
      const res = await http.request<{segment: ApiSegment}>({method: 'PATCH', path: `/api/v1/segments/${encodeURIComponent(remote.id)}`, body: changes})
      return toRemote(segmentOf(res.body))
    },
    async delete(remote) {
      await http.request({method: 'DELETE', path: `/api/v1/segments/${encodeURIComponent(remote.id)}`})
    },
    stats: () => ({...http.stats}),
    close: () => http.close(),
  }
}

function segmentOf(body: {segment?: ApiSegment} | undefined): ApiSegment {
  if (!body?.segment?.id) throw new SegsyncError('Sequenzy answered without the segment it wrote')
  return body.segment
}

/**
 * Active campaigns (one filtered list per active status, then each campaign's targeting, which
 * list items do not carry) and running sequences (their trigger lives on the detail).
 */
async function readUsage(http: HttpClient): Promise<CampaignUsage> {
  try {
    const [campaigns, sequences] = await Promise.all([readCampaigns(http), readSequences(http)])
    const users = [...campaigns, ...sequences]
    return {known: true, users, read: users.length}
  } catch (error) {
    if (error instanceof AuthError || error instanceof VendorError) {
      return {known: false, reason: `could not read Sequenzy campaigns: ${error.message}`}
    }
    throw error
  }
}

async function readCampaigns(http: HttpClient): Promise<CampaignUser[]> {
  const lists = await Promise.all(ACTIVE_CAMPAIGN_STATUSES.map((status) => listAll(http, status)))
  const active = lists.flat()
  return Promise.all(
    active.map(async (c) => {
      const res = await http.request<{campaign?: {targetLists?: unknown}}>({method: 'GET', path: `/api/v1/campaigns/${encodeURIComponent(c.id)}`})
      return {kind: 'campaign' as const, id: c.id, name: c.name, status: c.status, segmentIds: targetedSegments(res.body?.campaign?.targetLists)}
    }),
  )
}

async function listAll(http: HttpClient, status: string): Promise<Array<{id: string; name: string; status: string}>> {
  const out: Array<{id: string; name: string; status: string}> = []
  for (let offset = 0; ; offset += PAGE) {
    const res = await http.request<{campaigns?: Array<{id: string; name: string; status: string}>; pagination?: {hasMore?: boolean}}>({
      method: 'GET',
      path: '/api/v1/campaigns',
      query: {status, limit: PAGE, offset},
    })
    const page = res.body?.campaigns ?? []
    out.push(...page)
    if (!res.body?.pagination?.hasMore || page.length === 0) return out
  }
}

async function readSequences(http: HttpClient): Promise<CampaignUser[]> {
  const res = await http.request<{sequences?: Array<{id: string; name: string; effectiveStatus?: string; status?: string}>}>({method: 'GET', path: '/api/v1/sequences'})
  const running = (res.body?.sequences ?? []).filter((s) => ACTIVE_SEQUENCE_STATUSES.includes(s.effectiveStatus ?? ''))
  return Promise.all(
    running.map(async (s) => {
      const detail = await http.request<{sequence?: unknown}>({method: 'GET', path: `/api/v1/sequences/${encodeURIComponent(s.id)}`})
      return {kind: 'sequence' as const, id: s.id, name: s.name, status: s.effectiveStatus!, segmentIds: sequenceSegments(detail.body?.sequence)}
    }),
  )
}

/**
 * Segment ids in a campaign's `targetLists`: `{type:'segment', segmentId}`, `rules` include/exclude
 * `{type:'segments', segmentIds}`, and `filtered` filters with `field: "segment"` (Sequenzy MCP
 * definitions/campaigns.ts).
 */
export function targetedSegments(targetLists: unknown): string[] {
  const ids = new Set<string>()
  const visit = (t: unknown) => {
    if (!t || typeof t !== 'object') return
    if (Array.isArray(t)) return t.forEach(visit)
    const o = t as Record<string, unknown>
    if (o.type === 'segment' && typeof o.segmentId === 'string') ids.add(o.segmentId)
    if (o.type === 'segments' && Array.isArray(o.segmentIds)) for (const id of o.segmentIds) if (typeof id === 'string') ids.add(id)
    if (o.field === 'segment' && typeof o.value === 'string') ids.add(o.value)
    for (const key of ['include', 'exclude', 'filters', 'root', 'children', 'targets']) visit(o[key])
  }
  visit(targetLists)
  return [...ids]
}

/** Segment ids a sequence enters on (`segment_entered`) or stops on (`entered_segment`). */
export function sequenceSegments(sequence: unknown): string[] {
  const ids = new Set<string>()
  const s = (sequence ?? {}) as Record<string, unknown>
  for (const key of ['trigger', 'triggerConfig', 'stopCondition']) {
    const t = s[key] as Record<string, unknown> | null | undefined
    if (!t) continue
    if (typeof t.segmentId === 'string') ids.add(t.segmentId)
    if (t.type === 'entered_segment' && typeof t.value === 'string') ids.add(t.value)
  }
  return [...ids]
}

/** `{success:false, error:"…"}`, or the structured form the MCP parser reads. */
function errorMessage(body: unknown): string | undefined {
  const b = body as {error?: unknown; code?: string; message?: string; howToFix?: string} | undefined
  if (!b) return undefined
  const inner = typeof b.error === 'object' && b.error ? (b.error as {message?: string; code?: string}) : undefined
  const message = typeof b.error === 'string' ? b.error : (inner?.message ?? b.message)
  const code = b.code ?? inner?.code
  if (!message) return undefined
  return [code ? `${code}: ${message}` : message, b.howToFix].filter(Boolean).join(' ')
}


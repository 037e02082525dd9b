/**
 * Which campaigns and sequences use which segments (vendors.md §3.7): one filtered list per
 * active status, then each campaign's targeting, which list items do not carry, and running
 * sequences, whose trigger lives on the detail.
 */
import {AuthError, VendorError} from '../../errors.js'
import type {HttpClient} from '../../http/client.js'
import type {CampaignUser, CampaignUsage} from '../../core/model.js'
import {paginate} from '../kit/paginate.js'

/** Campaigns that can still send (vendors.md §3.7). */
export const ACTIVE_CAMPAIGN_STATUSES = ['scheduled', 'sending', 'paused', 'waiting_approval'] as const
/** Sequences that are running: read `effectiveStatus` (vendors.md §3.7). */
export const ACTIVE_SEQUENCE_STATUSES = ['live', 'enrollment_paused']
/** "limit is capped at 100" (campaigns list). */
const PAGE = 100

export async function readUsage(http: HttpClient): Promise<CampaignUsage> {
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

interface ListedCampaign {
  id: string
  name: string
  status: string
}

/** Offset pages of one status, to `pagination.hasMore: false`. */
function listAll(http: HttpClient, status: string): Promise<ListedCampaign[]> {
  return paginate(
    0,
    async (offset) => {
      const res = await http.request<{campaigns?: ListedCampaign[]; pagination?: {hasMore?: boolean}}>({method: 'GET', path: '/api/v1/campaigns', query: {status, limit: PAGE, offset}})
      const items = res.body?.campaigns ?? []
      return {items, next: res.body?.pagination?.hasMore && items.length > 0 ? offset + items.length : undefined}
    },
    {vendor: 'Sequenzy', route: `GET /api/v1/campaigns?status=${status}`, idOf: (c) => c.id},
  )
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


/**
 * Which campaigns and sequences use which segments (vendors.md §3.7): one filtered list per
 * active status, then each campaign's targeting, which list items do not carry, and running
 * sequences, whose trigger lives on the detail.
 */
import type {HttpClient} from '../../http/client.js'
import type {CampaignUser, CampaignUsage} from '../../core/model.js'
import type {CampaignDetail, CampaignList, SequenceDetail, SequenceList} from '../../generated/sequenzy-responses.js'
import {paginate} from '../kit/paginate.js'
import {usageUnlessRefused} from '../kit/usage.js'
import {answers} from './answers.js'

/** Campaigns that can still send (vendors.md §3.7). */
export const ACTIVE_CAMPAIGN_STATUSES = ['scheduled', 'sending', 'paused', 'waiting_approval'] as const
/** Sequences that are running: read `effectiveStatus` (vendors.md §3.7). */
export const ACTIVE_SEQUENCE_STATUSES = ['live', 'enrollment_paused']
/** "limit is capped at 100" (campaigns list). */
const PAGE = 100

export function readUsage(http: HttpClient): Promise<CampaignUsage> {
  return usageUnlessRefused('Sequenzy', 'campaigns', async () => {
    const [campaigns, sequences] = await Promise.all([readCampaigns(http), readSequences(http)])
    return {users: [...campaigns, ...sequences]}
  })
}

async function readCampaigns(http: HttpClient): Promise<CampaignUser[]> {
  const lists = await Promise.all(ACTIVE_CAMPAIGN_STATUSES.map((status) => listAll(http, status)))
  const active = lists.flat()
  return Promise.all(
    active.map(async (c) => {
      const res = await http.request({method: 'GET', path: `/api/v1/campaigns/${encodeURIComponent(c.id)}`})
      const detail = answers.read<CampaignDetail>('CampaignDetail', res, 'GET /api/v1/campaigns/{id}')
      return {kind: 'campaign' as const, id: c.id, name: c.name, status: c.status, segmentIds: targetedSegments(detail.campaign.targetLists)}
    }),
  )
}

type ListedCampaign = CampaignList['campaigns'][number]

/** Offset pages of one status, to `pagination.hasMore: false`. */
export function listAll(http: HttpClient, status: string): Promise<ListedCampaign[]> {
  return paginate(
    0,
    async (offset) => {
      const res = await http.request({method: 'GET', path: '/api/v1/campaigns', query: {status, limit: PAGE, offset}})
      const page = answers.read<CampaignList>('CampaignList', res, 'GET /api/v1/campaigns')
      return {items: page.campaigns, next: page.pagination.hasMore && page.campaigns.length > 0 ? offset + page.campaigns.length : undefined}
    },
    {vendor: 'Sequenzy', route: `GET /api/v1/campaigns?status=${status}`, idOf: (c) => c.id},
  )
}

async function readSequences(http: HttpClient): Promise<CampaignUser[]> {
  const res = await http.request({method: 'GET', path: '/api/v1/sequences'})
  const running = answers.read<SequenceList>('SequenceList', res, 'GET /api/v1/sequences').sequences.filter((s) => ACTIVE_SEQUENCE_STATUSES.includes(s.effectiveStatus))
  return Promise.all(
    running.map(async (s) => {
      const answer = await http.request({method: 'GET', path: `/api/v1/sequences/${encodeURIComponent(s.id)}`})
      const detail = answers.read<SequenceDetail>('SequenceDetail', answer, 'GET /api/v1/sequences/{id}')
      return {kind: 'sequence' as const, id: s.id, name: s.name, status: s.effectiveStatus, segmentIds: sequenceSegments(detail.sequence)}
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


/**
 * Which campaigns use which segments (vendors.md §1.7). `GET /campaigns?status=…` pages through
 * full Campaign objects that already carry `audienceType` and `segmentId`, so no campaign is
 * fetched one by one. SCHEDULED and SENDING campaigns can still send: they block. DRAFT ones are
 * shown for information only. A FILTERED campaign has no segment link; its own
 * `audienceCondition` can still name segments through membership filters (§1.6).
 */
import {AuthError, VendorError} from '../../errors.js'
import type {HttpClient} from '../../http/client.js'
import type {CampaignUser, CampaignUsage} from '../../core/model.js'
import {paginate} from '../kit/paginate.js'
import {membershipIds, type Condition} from './conditions.js'

export const ACTIVE_CAMPAIGN_STATUSES = ['SCHEDULED', 'SENDING']
export const INFO_CAMPAIGN_STATUSES = ['DRAFT']
/** The documented maximum pageSize (default 20). */
const PAGE_SIZE = 100

interface ApiCampaign {
  id: string
  name: string
  status: string
  audienceType?: 'ALL' | 'SEGMENT' | 'FILTERED'
  segmentId?: string | null
  audienceCondition?: Condition | null
}

interface CampaignPage {
  data?: ApiCampaign[]
  page?: number
  totalPages?: number
}

export async function readUsage(http: HttpClient): Promise<CampaignUsage> {
  try {
    const statuses = [...ACTIVE_CAMPAIGN_STATUSES, ...INFO_CAMPAIGN_STATUSES]
    const lists = await Promise.all(statuses.map((status) => listAll(http, status)))
    // A campaign that changed status between two lists appears twice: the first (active) wins.
    const byId = new Map<string, CampaignUser>()
    for (const campaign of lists.flat()) if (!byId.has(campaign.id)) byId.set(campaign.id, toUser(campaign))
    const users = [...byId.values()]
    return {known: true, users, read: users.length}
  } catch (error) {
    if (error instanceof AuthError || error instanceof VendorError) {
      return {known: false, reason: `could not read MailGlyph campaigns: ${error.message}`}
    }
    throw error
  }
}

/** Numbered pages of one status, to `totalPages` (or a short page). */
async function listAll(http: HttpClient, status: string): Promise<ApiCampaign[]> {
  const all = await paginate(
    1,
    async (page) => {
      const res = await http.request<CampaignPage>({method: 'GET', path: '/campaigns', query: {status, page, pageSize: PAGE_SIZE}})
      const items = res.body?.data ?? []
      const last = res.body?.totalPages ?? (items.length < PAGE_SIZE ? page : page + 1)
      return {items, next: items.length === 0 || page >= last ? undefined : page + 1}
    },
    {vendor: 'MailGlyph', route: `GET /campaigns?status=${status}`, idOf: (c) => c.id},
  )
  // The status filter is the server's; keep only what was asked for in case it is ignored.
  return all.filter((c) => c.status === status)
}

function toUser(c: ApiCampaign): CampaignUser {
  return {
    kind: 'campaign',
    id: c.id,
    name: c.name,
    status: c.status,
    segmentIds: targetedSegments(c),
    ...(ACTIVE_CAMPAIGN_STATUSES.includes(c.status) ? {} : {active: false}),
  }
}

/** `segmentId` for SEGMENT audiences; membership filters inside a FILTERED audience's condition. */
export function targetedSegments(c: Pick<ApiCampaign, 'audienceType' | 'segmentId' | 'audienceCondition'>): string[] {
  if (c.audienceType === 'SEGMENT') return c.segmentId ? [c.segmentId] : []
  if (c.audienceType === 'FILTERED' && c.audienceCondition) return [...new Set(membershipIds(c.audienceCondition))]
  return []
}

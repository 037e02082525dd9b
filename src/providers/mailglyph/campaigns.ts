/**
 * Which campaigns use which segments (vendors.md §1.7). `GET /campaigns?status=…` pages through
 * full Campaign objects that already carry `audienceType` and `segmentId`, so no campaign is
 * fetched one by one. SCHEDULED and SENDING campaigns can still send: they block. DRAFT ones are
 * shown for information only. A FILTERED campaign has no segment link; its own
 * `audienceCondition` can still name segments through membership filters (§1.6). Every page is
 * read through its contract, and only a refusal (401/403) makes usage unknown.
 */
import type {HttpClient} from '../../http/client.js'
import type {CampaignUser, CampaignUsage} from '../../core/model.js'
import type {Campaign, CampaignPage} from '../../generated/mailglyph-responses.js'
import {paginate} from '../kit/paginate.js'
import {usageUnlessRefused} from '../kit/usage.js'
import {answers} from './answers.js'
import {membershipIds} from './conditions.js'

export const ACTIVE_CAMPAIGN_STATUSES = ['SCHEDULED', 'SENDING']
export const INFO_CAMPAIGN_STATUSES = ['DRAFT']
/** Every status segsync lists, in the order it asks for them. */
export const READ_CAMPAIGN_STATUSES = [...ACTIVE_CAMPAIGN_STATUSES, ...INFO_CAMPAIGN_STATUSES]
/** The documented maximum pageSize (default 20). */
const PAGE_SIZE = 100

export function readUsage(http: HttpClient): Promise<CampaignUsage> {
  return usageUnlessRefused('MailGlyph', 'campaigns', async () => {
    const lists = await Promise.all(READ_CAMPAIGN_STATUSES.map((status) => listAll(http, status)))
    // A campaign that changed status between two lists appears twice: the first (active) wins.
    const byId = new Map<string, CampaignUser>()
    for (const campaign of lists.flat()) if (!byId.has(campaign.id)) byId.set(campaign.id, toUser(campaign))
    return {users: [...byId.values()]}
  })
}

/** Numbered pages of one status, to `totalPages`. */
export async function listAll(http: HttpClient, status: string): Promise<Campaign[]> {
  const route = `GET /campaigns?status=${status}`
  const all = await paginate(
    1,
    async (page) => {
      const res = await http.request({method: 'GET', path: '/campaigns', query: {status, page, pageSize: PAGE_SIZE}})
      const {data, totalPages} = answers.read<CampaignPage>('CampaignPage', res, 'GET /campaigns')
      return {items: data, next: data.length === 0 || page >= totalPages ? undefined : page + 1}
    },
    {vendor: 'MailGlyph', route, idOf: (c) => c.id},
  )
  // The status filter is the server's; keep only what was asked for in case it is ignored.
  return all.filter((c) => c.status === status)
}

function toUser(c: Campaign): CampaignUser {
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
export function targetedSegments(c: Campaign): string[] {
  if (c.audienceType === 'SEGMENT') return c.segmentId ? [c.segmentId] : []
  if (c.audienceType === 'FILTERED') return [...new Set(membershipIds(c.audienceCondition))]
  return []
}

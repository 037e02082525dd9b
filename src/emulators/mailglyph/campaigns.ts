/**
 * MailGlyph campaigns, read side (vendors.md §1.7): `GET /campaigns?page&pageSize&status` answers
 * a bare page `{data, page, pageSize, total, totalPages}` whose items are full `Campaign` objects
 * (audienceType, segmentId, audienceCondition included); `GET /campaigns/{id}` wraps the campaign
 * as `{success, data}` and embeds its segment.
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import type {MailGlyphAssumptions} from './assumptions.js'
import {paginate} from './paging.js'
import {CAMPAIGN_STATUSES, type CampaignStatus, type MailGlyphState, type StoredCampaign, type StoredSegment} from './state.js'

type Fail = (status: number, message: string) => EmulatorResponse

export function listCampaigns(state: MailGlyphState, req: EmulatorRequest, rules: MailGlyphAssumptions, fail: Fail): EmulatorResponse {
  const status = req.query.get('status')
  if (status !== null && !CAMPAIGN_STATUSES.includes(status as CampaignStatus)) {
    return fail(400, `${rules.validationPrefix}/query/status must be equal to one of the allowed values: ${CAMPAIGN_STATUSES.join(', ')}`)
  }
  const matching = state.campaigns.filter((c) => status === null || c.status === status)
  const paged = paginate(matching, req, rules, fail)
  if ('response' in paged) return paged.response
  return {status: 200, body: {...paged.page, data: paged.page.data.map((c) => present(c, state.projectId, rules))}}
}

export function getCampaign(state: MailGlyphState, rules: MailGlyphAssumptions, id: string, fail: Fail, segment: (s: StoredSegment) => unknown): EmulatorResponse {
  const campaign = state.campaigns.find((c) => c.id === id)
  if (!campaign) return fail(404, 'Campaign not found')
  const target = campaign.segmentId ? state.segments.find((s) => s.id === campaign.segmentId) : undefined
  return {status: 200, body: {success: true, data: {...present(campaign, state.projectId, rules), ...(target ? {segment: segment(target)} : {})}}}
}

/** Ids of the campaigns in `statuses` that target a segment (Plunk's delete guard). */
export function campaignsUsing(state: MailGlyphState, segmentId: string, statuses: string[]): StoredCampaign[] {
  return state.campaigns.filter((c) => c.segmentId === segmentId && statuses.includes(c.status))
}

/**
 * The OpenAPI `Campaign` object, with the counters and nullable fields a seed may leave out.
 * `audienceCondition` is a FilterCondition in the OpenAPI, not nullable: unset, it is left out
 * (assumptions.unsetAudienceCondition); `from` (format email) is shown only when seeded.
 */
function present(c: StoredCampaign, projectId: string, rules: MailGlyphAssumptions) {
  const created = c.createdAt ?? '2026-01-01T00:00:00.000Z'
  const {audienceCondition, ...rest} = c
  const condition = audienceCondition ?? (rules.unsetAudienceCondition === 'null' ? null : undefined)
  return {
    description: null,
    subject: '',
    body: '',
    fromName: null,
    replyTo: null,
    segmentId: null,
    totalRecipients: 0,
    sentCount: 0,
    deliveredCount: 0,
    openedCount: 0,
    clickedCount: 0,
    bouncedCount: 0,
    scheduledFor: null,
    sentAt: null,
    projectId,
    ...rest,
    ...(condition !== undefined ? {audienceCondition: condition} : {}),
    createdAt: created,
    updatedAt: c.updatedAt ?? created,
  }
}

/**
 * Sequenzy campaigns and sequences, read side (vendors.md §3.7): `GET /campaigns` (offset pages,
 * `status` and `label` filters, items without targeting), `GET /campaigns/{id}` (with
 * `targetLists`), `GET /sequences` and `GET /sequences/{id}` (the trigger).
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {error, ok} from './errors.js'
import {offsetPage} from './paging.js'
import type {SequenzyState} from './state.js'

const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sent', 'sending', 'cancelled', 'paused', 'waiting_approval', 'rejected']

export function listCampaigns(state: SequenzyState, req: EmulatorRequest): EmulatorResponse {
  const status = req.query.get('status')
  if (status !== null && !CAMPAIGN_STATUSES.includes(status)) {
    return error(400, `Invalid status filter. Valid values: ${CAMPAIGN_STATUSES.join(', ')}`)
  }
  const label = req.query.get('label')
  const matching = state.campaigns.filter((c) => (status === null || c.status === status) && (label === null || (c.labels ?? []).includes(label)))
  const {page, pagination} = offsetPage(matching, req.query)
  return ok({
    success: true,
    // List items do not include targeting (vendors.md §3.7).
    campaigns: page.map(({targetLists: _t, ...c}) => ({labels: [], scheduledAt: null, sentAt: null, ...c, url: `https://app.sequenzy.com/campaigns/${c.id}`})),
    pagination,
  })
}

export function getCampaign(state: SequenzyState, id: string): EmulatorResponse {
  const c = state.campaigns.find((x) => x.id === id)
  return c ? ok({success: true, campaign: {targetLists: null, ...c}}) : error(404, 'Campaign not found')
}

export function listSequences(state: SequenzyState): EmulatorResponse {
  return ok({
    success: true,
    sequences: state.sequences.map((s) => (assumptions.sequenceListHasTrigger ? s : {id: s.id, name: s.name, status: s.status, effectiveStatus: s.effectiveStatus})),
  })
}

export function getSequence(state: SequenzyState, id: string): EmulatorResponse {
  const s = state.sequences.find((x) => x.id === id)
  return s ? ok({success: true, sequence: s}) : error(404, 'Sequence not found')
}

/**
 * Campaign impact through mailings (vendors.md §5.6): campaigns/list with `is_active: true` (so
 * only mailings that can still send are read), then campaigns/get for each, whose `data_type:
 * "segment"` + `data_id` name the segment it sends to. Active = `is_active && !is_completed`.
 * Usage is unknown only when Altcraft refuses the token (error 401/403); any other failure, an
 * answer outside its contract above all, stops the plan: it never means "no mailings".
 */
import type {CampaignUser, CampaignUsage} from '../../core/model.js'
import type {ListedItem, MailingDetail} from '../../generated/altcraft-responses.js'
import {usageUnlessRefused} from '../kit/usage.js'
import type {AltcraftApi} from './api.js'
import {readListed} from './listed.js'

type Mailing = MailingDetail['data']

export function readUsage(api: AltcraftApi): Promise<CampaignUsage> {
  return usageUnlessRefused('Altcraft', 'mailings', async () => {
    const list = () => api.listAll('MailingList', 'campaigns/list', {is_active: true})
    const listed = await list()
    const details = await readListed(listed, list, 'mailing', (id) => api.read<MailingDetail>('MailingDetail', 'campaigns/get', {id}))
    const users = listed.flatMap((m, i) => mailingUser(m, details[i]?.data))
    return {users, read: listed.length}
  })
}

/** The mailing as a campaign user, when its audience is a segment. Completed ones only inform. */
export function mailingUser(listed: ListedItem, detail: Mailing | undefined): CampaignUser[] {
  if (!detail || detail.data_type !== 'segment') return []
  const active = detail.is_active && !detail.is_completed
  const status = detail.status || (detail.is_completed ? 'Completed' : detail.is_active ? 'Active' : 'Inactive')
  return [{kind: 'mailing', id: String(listed.id), name: detail.name ?? listed.name, status, segmentIds: [String(detail.data_id)], ...(active ? {} : {active: false})}]
}

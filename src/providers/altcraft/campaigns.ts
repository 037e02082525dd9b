/**
 * Campaign impact through mailings (vendors.md §5.6): campaigns/list with `is_active: true` (so
 * only mailings that can still send are read), then campaigns/get for each, whose `data_type:
 * "segment"` + `data_id` name the segment it sends to. Active = `is_active && !is_completed`.
 */
import {AuthError, VendorError} from '../../errors.js'
import type {CampaignUser, CampaignUsage} from '../../core/model.js'
import type {AltcraftApi} from './api.js'

interface ListedMailing {
  id: number
  name: string
}

export interface MailingDetail {
  id?: number
  name?: string
  is_active?: boolean
  is_completed?: boolean
  status?: string
  data_type?: string
  data_id?: number
}

export async function readUsage(api: AltcraftApi): Promise<CampaignUsage> {
  try {
    const listed = await api.listAll<ListedMailing>('campaigns/list', {is_active: true})
    const details = await Promise.all(listed.map((m) => readMailing(api, m.id)))
    const users = listed.flatMap((m, i) => mailingUser(m, details[i]))
    return {known: true, users, read: listed.length}
  } catch (error) {
    if (error instanceof AuthError || error instanceof VendorError) {
      return {known: false, reason: `could not read Altcraft mailings: ${error.message}`}
    }
    throw error
  }
}

/** A mailing deleted between the list and its read is skipped, not a failure. */
async function readMailing(api: AltcraftApi, id: number): Promise<MailingDetail | undefined> {
  try {
    return (await api.call<MailingDetail>('campaigns/get', {id}, {idempotent: true})).data
  } catch (error) {
    if (error instanceof VendorError && error.status === 404) return undefined
    throw error
  }
}

/** The mailing as a campaign user, when its audience is a segment. Completed ones only inform. */
export function mailingUser(listed: ListedMailing, detail: MailingDetail | undefined): CampaignUser[] {
  if (!detail || detail.data_type !== 'segment' || typeof detail.data_id !== 'number') return []
  const active = detail.is_active !== false && detail.is_completed !== true
  const status = detail.status || (detail.is_completed ? 'Completed' : detail.is_active === false ? 'Inactive' : 'Active')
  return [{kind: 'mailing', id: String(listed.id), name: detail.name ?? listed.name, status, segmentIds: [String(detail.data_id)], ...(active ? {} : {active: false})}]
}

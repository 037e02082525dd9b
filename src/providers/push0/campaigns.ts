/**
 * Campaign usage at Push0: it cannot be read. Push0 documents no campaign or notification API
 * (vendors.md §4.5), so every change that alters an audience says so.
 */
import type {CampaignUsage} from '../../core/model.js'

export const NO_CAMPAIGN_API = 'Push0 documents no campaign or notification API, so which sends use a segment cannot be read'

export async function readUsage(): Promise<CampaignUsage> {
  return {known: false, reason: NO_CAMPAIGN_API}
}

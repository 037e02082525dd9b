/**
 * Campaign usage at Kibamail: it cannot be read. The only public broadcast endpoint creates and
 * sends one; nothing lists broadcasts or automations (vendors.md §2.6), so every change says so.
 */
import type {CampaignUsage} from '../../core/model.js'

export const NO_USAGE_API = 'Kibamail has no API to list broadcasts or automations'

export async function readUsage(): Promise<CampaignUsage> {
  return {known: false, reason: NO_USAGE_API}
}

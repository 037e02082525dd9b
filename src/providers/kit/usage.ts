/**
 * Campaign usage, failing closed: only a documented refusal (401/403: the key may not read
 * campaigns) makes usage "unknown", which the plan states and `policy.unknownUsage` judges. Any
 * other failure, an answer outside its contract above all, stops the plan: an unreadable campaign
 * answer never means "no campaigns".
 */
import {AuthError} from '../../errors.js'
import type {CampaignUser, CampaignUsage} from '../../core/model.js'

export async function usageUnlessRefused(vendor: string, what: string, read: () => Promise<{users: CampaignUser[]; read?: number}>): Promise<CampaignUsage> {
  try {
    const {users, read: count} = await read()
    return {known: true, users, read: count ?? users.length}
  } catch (error) {
    if (error instanceof AuthError) return {known: false, reason: `could not read ${vendor} ${what}: ${error.message}`}
    throw error
  }
}

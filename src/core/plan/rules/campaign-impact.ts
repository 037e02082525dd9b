import type {Rule} from './rule.js'

/** A change that alters the audience of an active campaign is blocked (policy 'block') or warned. */
export const campaignImpact: Rule = (change, ctx) => {
  const campaigns = change.impact.campaigns
  if (campaigns.length === 0) return []
  const shown = campaigns.slice(0, 5).map((c) => JSON.stringify(c.name))
  const more = campaigns.length > 5 ? `, and ${campaigns.length - 5} more` : ''
  const what = `${campaigns.length} active campaign${campaigns.length === 1 ? '' : 's'} (${shown.join(', ')}${more})`
  if (!change.impact.audience) {
    return [{rule: 'campaign-impact', level: 'info', message: `used by ${what}; the audience does not change`}]
  }
  const block = ctx.policy.campaignImpact === 'block'
  return [
    {
      rule: 'campaign-impact',
      level: block ? 'block' : 'warn',
      message: `${change.action === 'delete' ? 'deletes a segment used by' : 'changes the audience of'} ${what}`,
      ...(block ? {allowFlag: '--allow-campaign-impact'} : {}),
    },
  ]
}

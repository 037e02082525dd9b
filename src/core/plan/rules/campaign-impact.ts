import type {Rule} from './rule.js'

/** A change that alters the audience of an active campaign is blocked (policy 'block') or warned. */
export const campaignImpact: Rule = (change, ctx) => {
  const campaigns = change.impact.campaigns
  if (campaigns.length === 0) return []
  const names = campaigns.map((c) => `${c.name} (${c.status}${c.via.length ? `, through ${c.via.join(' → ')}` : ''})`)
  const what = `${campaigns.length} active campaign${campaigns.length === 1 ? '' : 's'}: ${names.join(', ')}`
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

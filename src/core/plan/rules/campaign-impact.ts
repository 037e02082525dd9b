import type {Rule} from './rule.js'

/**
 * A change that alters the audience of an active campaign is blocked (policy 'block') or warned.
 * Campaigns shown for information only (not active) are listed but never block.
 */
export const campaignImpact: Rule = (change, ctx) => {
  const active = change.impact.campaigns.filter((c) => c.active)
  const inactive = change.impact.campaigns.length - active.length
  const risks = inactive > 0 ? [{rule: 'campaign-impact' as const, level: 'info' as const, message: `also used by ${inactive} campaign${inactive === 1 ? '' : 's'} that ${inactive === 1 ? 'is' : 'are'} not active`}] : []
  if (active.length === 0) return risks
  const shown = active.slice(0, 5).map((c) => JSON.stringify(c.name))
  const more = active.length > 5 ? `, and ${active.length - 5} more` : ''
  const what = `${active.length} active campaign${active.length === 1 ? '' : 's'} (${shown.join(', ')}${more})`
  if (!change.impact.audience) {
    return [{rule: 'campaign-impact', level: 'info', message: `used by ${what}; the audience does not change`}, ...risks]
  }
  const block = ctx.policy.campaignImpact === 'block'
  return [
    {
      rule: 'campaign-impact',
      level: block ? 'block' : 'warn',
      message: `${change.action === 'delete' ? 'deletes a segment used by' : 'changes the audience of'} ${what}`,
      ...(block ? {allowFlag: '--allow-campaign-impact'} : {}),
    },
    ...risks,
  ]
}

import type {Rule} from './rule.js'

/**
 * Where the vendor cannot tell us which campaigns use a segment, say so on every change. A manual
 * step (a delete the vendor's API cannot make) is only a warning: segsync writes nothing for it,
 * and whoever deletes it by hand decides then.
 */
export const unknownUsage: Rule = (change, ctx) => {
  if (change.impact.usage !== 'unknown') return []
  const message = `campaign usage cannot be verified for ${ctx.provider.id}${change.impact.note ? ` (${change.impact.note})` : ''}`
  if (!change.impact.audience) return [{rule: 'unknown-usage', level: 'info', message}]
  const block = ctx.policy.unknownUsage === 'block' && !(change.action === 'delete' && change.manual)
  return [{rule: 'unknown-usage', level: block ? 'block' : 'warn', message, ...(block ? {allowFlag: '--allow-campaign-impact'} : {})}]
}

/**
 * One change of the Markdown plan: what happens to the segment, in words, the active campaigns
 * and sequences it touches (directly or through which segments), and what blocks or warns.
 */
import type {AffectedCampaign, Change, Risk, Source} from '../../generated/plan.js'
import {audienceText} from '../audience.js'
import {driftText} from '../plan-text.js'
import {fieldText, inlineCode, messageText, plainText} from './escape.js'
import {activeAffected, isBlocked, isWarned} from './order.js'

const TITLE = {create: 'Create', update: 'Update', delete: 'Delete'} as const
/** A campaign list longer than this is cut in the comment (the job summary has room for all). */
const MAX_CAMPAIGNS = 50

export function renderChange(change: Change, options: {compact?: boolean; vendor?: string} = {}): string {
  const blocks = [heading(change), details(change)]
  const audience = audienceText(change, options.vendor ?? 'the vendor')
  if (audience) blocks.push(`👥 ${messageText(audience)}`)
  if (change.action === 'update' && change.drift) blocks.push(`⚠️ **Drift:** ${messageText(driftText(change.drift))}.`)
  if (change.action === 'delete' && change.manual) blocks.push(`🛠️ **Manual step:** ${messageText(change.manual)}`)
  if (options.compact) {
    const campaigns = change.impact.campaigns.length
    blocks.push(`_${change.fields.length} field change${change.fields.length === 1 ? '' : 's'} and ${campaigns} campaign${campaigns === 1 ? '' : 's'} not shown here for length: see the full plan._`)
  } else {
    if (change.fields.length > 0) blocks.push(change.fields.map((f) => `- ${fieldText(f.text, [f.before, f.after])}`).join('\n'))
    blocks.push(...campaignLists(change))
  }
  const risks = change.risks.filter((r) => shownRisk(r, options.compact))
  // Paragraphs, not a list: a list right after the campaign list would merge into it.
  blocks.push(...risks.map(riskLine))
  return blocks.join('\n\n')
}

function heading(change: Change): string {
  const mark = isBlocked(change) ? '⛔ ' : isWarned(change) || activeAffected(change) > 0 ? '⚠️ ' : ''
  const renamed = change.action === 'update' && change.previousName ? ` (renamed from ${inlineCode(change.previousName)})` : ''
  return `#### ${mark}${TITLE[change.action]} ${inlineCode(change.name)}${renamed}`
}

function details(change: Change): string {
  const parts = [change.source ? inlineCode(location(change.source)) : 'no definition file']
  parts.push(change.action === 'create' ? 'id known after apply' : `id ${inlineCode(change.id)}`)
  if (change.action === 'delete' && change.reason === 'prune') parts.push('**prune**: no definition manages this segment')
  if (change.dependsOn.length > 0) parts.push(`after ${change.dependsOn.map(inlineCode).join(', ')}`)
  return parts.join(' · ')
}

function location(source: Source): string {
  return source.line ? `${source.file}:${source.line}` : source.file
}

function campaignLists(change: Change): string[] {
  const active = change.impact.campaigns.filter((c) => c.active)
  const inactive = change.impact.campaigns.filter((c) => !c.active)
  const out: string[] = []
  if (active.length > 0) {
    const what = `${active.length} active campaign${active.length === 1 ? '' : 's'}`
    const title = change.impact.audience
      ? `**${change.action === 'delete' ? 'Used by' : 'Changes the audience of'} ${what}:**`
      : `Used by ${what}; their audience does not change:`
    out.push(`${title}\n${campaignList(active)}`)
  }
  if (inactive.length > 0) {
    out.push(`Also used by ${inactive.length} campaign${inactive.length === 1 ? '' : 's'} that ${inactive.length === 1 ? 'is' : 'are'} not active:\n${campaignList(inactive)}`)
  }
  return out
}

function campaignList(campaigns: AffectedCampaign[]): string {
  const lines = campaigns.slice(0, MAX_CAMPAIGNS).map((c) => {
    const how = c.via.length > 0 ? `through ${c.via.map(inlineCode).join(' → ')}` : 'directly'
    return `- ${c.kind} ${inlineCode(c.name)} (${plainText(c.status)}), ${how}`
  })
  if (campaigns.length > MAX_CAMPAIGNS) lines.push(`- … and ${campaigns.length - MAX_CAMPAIGNS} more (see the full plan)`)
  return lines.join('\n')
}

/** The campaign list already says what campaign-impact info risks say. */
function shownRisk(risk: Risk, compact?: boolean): boolean {
  if (risk.level === 'info') return !compact && risk.rule !== 'campaign-impact'
  return true
}

function riskLine(risk: Risk): string {
  const allow = risk.allowFlag ? `. Allow with ${inlineCode(risk.allowFlag)}` : ''
  if (risk.level === 'block') return `⛔ **Blocked:** ${messageText(risk.message)}${allow}.`
  if (risk.level === 'warn') return `⚠️ **Warning:** ${messageText(risk.message)}.`
  return `ℹ️ ${messageText(risk.message)}.`
}

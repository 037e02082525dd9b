/**
 * One change of the Markdown plan: what happens to the segment, in words and as a before/after
 * diff, where its definition is (a link at the pull request's head), the active campaigns and
 * sequences it touches (directly or through which segments), and what blocks or warns. Names,
 * ids and flags are shown unbroken (escape.ts `unbroken`).
 */
import type {AffectedCampaign, Change, FieldChange, Risk} from '../../generated/plan.js'
import {audienceText} from '../audience.js'
import {driftText} from '../plan-text.js'
import {bodyDiff} from './body-diff.js'
import {fieldText, inlineCode, messageText, plainText, unbroken} from './escape.js'
import {activeAffected, isBlocked, isWarned} from './order.js'
import {sourceText, type SourceLinks} from './source-link.js'

const TITLE = {create: 'Create', update: 'Update', delete: 'Delete'} as const
/** A campaign list longer than this is cut in the comment (the job summary has room for all). */
const MAX_CAMPAIGNS = 50

export interface ChangeOptions {
  /** Words and counts only: no field list, no campaigns, no diff (the comment is running out of room). */
  compact?: boolean
  /** Leave out the before/after diff (the next step down when the comment is long). */
  noDiff?: boolean
  vendor?: string
  /** Where definition files are on GitHub, to link each change's file and line. */
  links?: SourceLinks
}

export function renderChange(change: Change, options: ChangeOptions = {}): string {
  const blocks = [heading(change), details(change, options.links)]
  const audience = audienceText(change, options.vendor ?? 'the vendor')
  if (audience) blocks.push(`👥 ${messageText(audience)}`)
  if (change.action === 'update' && change.drift) blocks.push(`⚠️ **Drift:** ${messageText(driftText(change.drift))}.`)
  if (change.action === 'delete' && change.manual) blocks.push(`🛠️ **Manual step:** ${messageText(change.manual)}`)
  if (options.compact) {
    const campaigns = change.impact.campaigns.length
    blocks.push(`_${change.fields.length} field change${change.fields.length === 1 ? '' : 's'} and ${campaigns} campaign${campaigns === 1 ? '' : 's'} not shown here for length: see the full plan._`)
  } else {
    if (change.fields.length > 0) blocks.push(change.fields.map((f) => `- ${fieldText(f.text, [f.before, f.after], namesIn(f))}`).join('\n'))
    const diff = options.noDiff ? undefined : bodyDiff(change)
    if (diff) blocks.push(diff)
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

function details(change: Change, links?: SourceLinks): string {
  const parts = [change.source ? sourceText(change.source, links) : 'no definition file']
  parts.push(change.action === 'create' ? 'id known after apply' : `id ${unbroken(change.id)}`)
  if (change.action === 'delete' && change.reason === 'prune') parts.push('**prune**: no definition manages this segment')
  if (change.dependsOn.length > 0) parts.push(`after ${change.dependsOn.map(unbroken).join(', ')}`)
  return parts.join(' · ')
}

/** Segment names a field change holds: the name itself (named, renamed), or the segments it references. */
function namesIn(field: FieldChange): Set<string> {
  const names = new Set<string>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') {
      const ref = (value as {$segment?: unknown}).$segment
      if (typeof ref === 'string') names.add(ref)
      Object.values(value).forEach(visit)
    }
  }
  for (const value of [field.before, field.after]) {
    if (field.path === 'name' && typeof value === 'string') names.add(value)
    else visit(value)
  }
  return names
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
    const how = c.via.length > 0 ? `through ${c.via.map(unbroken).join(' → ')}` : 'directly'
    return `- ${c.kind} ${unbroken(c.name)} (${plainText(c.status)}), ${how}`
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
  const allow = risk.allowFlag ? `. Allow with ${unbroken(risk.allowFlag)}` : ''
  if (risk.level === 'block') return `⛔ **Blocked:** ${messageText(risk.message)}${allow}.`
  if (risk.level === 'warn') return `⚠️ **Warning:** ${messageText(risk.message)}.`
  return `ℹ️ ${messageText(risk.message)}.`
}

/**
 * The human plan, Terraform-like: `+ create`, `~ update` with the changed fields, `- delete`,
 * and under each change the active campaigns it touches and anything that blocks it.
 * A function of the plan document.
 */
import type {AffectedCampaign, Change, Drift, PlanDocument, Risk, WorkspacePlan} from '../generated/plan.js'
import {audienceText} from './audience.js'
import type {Colors} from './colors.js'

const SYMBOL = {create: '+', update: '~', delete: '-'} as const

export function renderPlanText(plan: PlanDocument, c: Colors): string {
  const blocks = plan.workspaces.map((ws) => renderWorkspace(ws, c))
  return [...blocks, summaryLine(plan, c)].join('\n\n') + '\n'
}

function renderWorkspace(ws: WorkspacePlan, c: Colors): string {
  const lines = [c.bold(`Workspace ${ws.name} (${ws.provider}, ${ws.endpoint})`)]
  if (!ws.usage.known) lines.push(c.yellow(`  ! campaign usage cannot be verified for ${ws.provider}${ws.usage.note ? `: ${ws.usage.note}` : ''}`))
  if (ws.changes.length === 0) lines.push(`  No changes. ${ws.unchanged.length} segment${ws.unchanged.length === 1 ? '' : 's'} up to date.`)
  for (const change of ws.changes) lines.push('', ...renderChange(change, ws.vendor, c))
  if (ws.readOnly.length > 0) {
    lines.push('', c.dim(`  ${ws.readOnly.length} read-only segment${ws.readOnly.length === 1 ? '' : 's'} listed, never modified: ${names(ws.readOnly.map((r) => r.name))}`))
  }
  if (ws.unmanaged.length > 0) {
    lines.push(
      '',
      c.dim(`  ${ws.unmanaged.length} unmanaged segment${ws.unmanaged.length === 1 ? '' : 's'} (no definition file; not touched): ${names(ws.unmanaged.map((r) => r.name))}`),
      c.dim('  Run `segsync import` to write definition files for them.'),
    )
  }
  return lines.join('\n')
}

function renderChange(change: Change, vendor: string, c: Colors): string[] {
  const color = change.action === 'create' ? c.green : change.action === 'update' ? c.yellow : c.red
  const id = c.dim(change.action === 'create' ? ' (id known after apply)' : ` (${change.id})`)
  const rename = change.action === 'update' && change.previousName ? ` ${c.dim(`renamed from ${JSON.stringify(change.previousName)}`)}` : ''
  const reason = change.action === 'delete' && change.reason === 'prune' ? c.red(' (prune: no definition manages it)') : ''
  const lines = [`  ${color(`${SYMBOL[change.action]} ${change.action}`)} ${c.bold(JSON.stringify(change.name))}${id}${rename}${reason}`]
  if (change.source) lines.push(c.dim(`      ${[change.source.file, change.source.line].filter(Boolean).join(':')}`))
  for (const f of change.fields) {
    const mark = f.kind === 'add' ? c.green('+') : f.kind === 'remove' ? c.red('-') : c.yellow('~')
    lines.push(`      ${mark} ${f.text}`)
  }
  if (change.action === 'update' && change.drift) lines.push(c.yellow(`      ! drift: ${driftText(change.drift)}`))
  if (change.action === 'delete' && change.manual) lines.push(c.yellow(`      manual step: ${change.manual}`))
  const audience = audienceText(change, vendor)
  if (audience) lines.push(c.cyan(`      ${audience}`))
  lines.push(...renderCampaigns(change.impact.campaigns, change.impact.audience, c))
  for (const risk of change.risks) if (risk.rule !== 'campaign-impact' || risk.level !== 'info') lines.push(renderRisk(risk, c))
  return lines
}

function renderCampaigns(campaigns: AffectedCampaign[], audience: boolean, c: Colors): string[] {
  const active = campaigns.filter((k) => k.active)
  const inactive = campaigns.filter((k) => !k.active)
  const line = (k: AffectedCampaign) => `          ${k.kind} ${JSON.stringify(k.name)} (${k.status})${k.via.length ? c.dim(` through ${k.via.map((v) => JSON.stringify(v)).join(' → ')}`) : c.dim(' directly')}`
  const out: string[] = []
  if (active.length > 0) {
    out.push(audience ? c.yellow(`      ! affects ${active.length} active campaign${active.length === 1 ? '' : 's'}:`) : c.dim(`      used by ${active.length} active campaign${active.length === 1 ? '' : 's'} (audience unchanged):`))
    out.push(...active.map(line))
  }
  if (inactive.length > 0) out.push(c.dim(`      also used by ${inactive.length} campaign${inactive.length === 1 ? '' : 's'} that ${inactive.length === 1 ? 'is' : 'are'} not active:`), ...inactive.map((k) => c.dim(line(k))))
  return out
}

/** The drift hint in words (also used by the Markdown plan). */
export function driftText(drift: Drift): string {
  const when = (iso: string) => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC')
  return `changed in the vendor at ${when(drift.remoteUpdatedAt)}, after this file's last commit (${when(drift.fileCommittedAt)}): this update would revert that edit; \`segsync pull\` writes it into the file instead`
}

function renderRisk(risk: Risk, c: Colors): string {
  if (risk.level === 'block') return c.red(`      ✖ blocked: ${risk.message}${risk.allowFlag ? ` (allow with ${risk.allowFlag})` : ''}`)
  if (risk.level === 'warn') return c.yellow(`      ! warning: ${risk.message}`)
  return c.dim(`      i ${risk.message}`)
}

function summaryLine(plan: PlanDocument, c: Colors): string {
  const s = plan.summary
  const total = s.create + s.update + s.delete + s.manual
  if (total === 0) return c.green('No changes. The vendors match the definitions.')
  const parts = [`${s.create} to create`, `${s.update} to update`, `${s.delete} to delete`]
  if (s.manual) parts.push(`${s.manual} manual step${s.manual === 1 ? '' : 's'}`)
  const extra = [
    s.affectedCampaigns ? `${s.affectedCampaigns} active campaign${s.affectedCampaigns === 1 ? '' : 's'} affected` : '',
    s.blocked ? c.red(`${s.blocked} blocked unless allowed`) : '',
  ].filter(Boolean)
  return `${c.bold('Plan:')} ${parts.join(', ')}.${extra.length ? ` ${extra.join('. ')}.` : ''}`
}

function names(list: string[], max = 10): string {
  const shown = list.slice(0, max).map((n) => JSON.stringify(n))
  return list.length > max ? `${shown.join(', ')}, … ${list.length - max} more` : shown.join(', ')
}

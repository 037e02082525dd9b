/**
 * Before the first write: every risk at level 'block' must be allowed by its flag, or the apply
 * refuses (exit 6) and names each change, why, and the flag that would allow it.
 */
import {PolicyBlockedError} from '../../errors.js'
import type {Change, Risk, WorkspacePlan} from '../../generated/plan.js'

export interface ApplyFlags {
  allowDelete: boolean
  allowCampaignImpact: boolean
  allowAudienceChange?: boolean
  /** The exact number of deletes confirmed with --confirm-delete (mass deletes). */
  confirmDelete?: number
}

export interface Blocked {
  workspace: string
  change: Change
  risk: Risk
}

export function blockedRisks(workspaces: WorkspacePlan[], flags: ApplyFlags): Blocked[] {
  const allowed = (risk: Risk) =>
    (risk.allowFlag === '--allow-delete' && flags.allowDelete) ||
    (risk.allowFlag === '--allow-campaign-impact' && flags.allowCampaignImpact) ||
    (risk.allowFlag === '--allow-audience-change' && flags.allowAudienceChange === true) ||
    (flags.confirmDelete !== undefined && risk.allowFlag === `--confirm-delete=${flags.confirmDelete}`)
  return workspaces.flatMap((ws) =>
    ws.changes.flatMap((change) => change.risks.filter((r) => r.level === 'block' && !allowed(r)).map((risk) => ({workspace: ws.name, change, risk}))),
  )
}

export function assertNotBlocked(workspaces: WorkspacePlan[], flags: ApplyFlags): void {
  const blocked = blockedRisks(workspaces, flags)
  if (blocked.length === 0) return
  const lines = blocked.map((b) => `  - ${b.workspace}: ${b.change.action} ${JSON.stringify(b.change.name)}: ${b.risk.message}${b.risk.allowFlag ? ` (allow with ${b.risk.allowFlag})` : ''}`)
  const flagsNeeded = [...new Set(blocked.map((b) => b.risk.allowFlag).filter(Boolean))]
  const unallowable = blocked.some((b) => !b.risk.allowFlag)
  throw new PolicyBlockedError(
    `apply refused before any write: ${blocked.length} blocked change${blocked.length === 1 ? '' : 's'}\n${lines.join('\n')}`,
    [
      flagsNeeded.length ? `Re-run with ${flagsNeeded.join(' ')} once the impact is accepted.` : '',
      unallowable ? 'Some changes no flag allows: change the definitions.' : '',
    ].filter(Boolean).join(' '),
  )
}

/**
 * What a reviewer must see first: blocked changes and deletes, then changes that move the
 * audience of an active campaign, then the rest. Annotations use the same order.
 */
import type {Change} from '../../generated/plan.js'

export function isBlocked(change: Change): boolean {
  return change.risks.some((r) => r.level === 'block')
}

export function isWarned(change: Change): boolean {
  return change.risks.some((r) => r.level === 'warn')
}

/** Active campaigns and sequences whose audience this change moves. */
export function activeAffected(change: Change): number {
  return change.impact.audience ? change.impact.campaigns.filter((c) => c.active).length : 0
}

function rank(change: Change): number {
  const blocked = isBlocked(change)
  if (blocked && change.action === 'delete') return 0
  if (blocked) return 1
  if (change.action === 'delete') return 2
  if (activeAffected(change) > 0) return 3
  if (isWarned(change)) return 4
  return change.action === 'update' ? 5 : 6
}

/** Most important first; within a rank, more affected campaigns first, then the plan's own order. */
export function byImportance(changes: Change[]): Change[] {
  return changes
    .map((change, index) => ({change, index}))
    .sort((a, b) => rank(a.change) - rank(b.change) || activeAffected(b.change) - activeAffected(a.change) || a.index - b.index)
    .map((e) => e.change)
}

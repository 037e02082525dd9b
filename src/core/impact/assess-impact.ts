/**
 * Impact stage: for each update and delete, the active campaigns and sequences it reaches,
 * directly or through segments that reference it. Pure.
 */
import type {AffectedCampaign, Change} from '../../generated/plan.js'
import type {CampaignUsage} from '../model.js'
import {dependentsOf, type ReferencedBy} from './reference-graph.js'

export interface ImpactContext {
  usage: CampaignUsage
  referencedBy: ReferencedBy
  /** Remote name of a remote id. */
  nameOf(id: string): string | undefined
  /** Top-level fields whose change leaves the audience as it is. */
  cosmeticFields: string[]
}

export function assessImpact(changes: Change[], ctx: ImpactContext): Change[] {
  return changes.map((change) => {
    if (change.action === 'create') return {...change, impact: {usage: 'none', audience: false, campaigns: []}}
    const audience = change.action === 'delete' || change.changed.some((field) => !ctx.cosmeticFields.includes(field))
    if (!ctx.usage.known) return {...change, impact: {usage: 'unknown', note: ctx.usage.reason, audience, campaigns: []}}
    return {...change, impact: {usage: 'known', audience, campaigns: affected(remoteName(change), ctx)}}
  })
}

/** The name the segment has at the vendor now (before a rename lands). */
function remoteName(change: Exclude<Change, {action: 'create'}>): string {
  return change.action === 'update' ? (change.previousName ?? change.name) : change.name
}

function affected(remoteName: string, ctx: ImpactContext): AffectedCampaign[] {
  if (!ctx.usage.known) return []
  const reach = dependentsOf(remoteName, ctx.referencedBy)
  const out: AffectedCampaign[] = []
  for (const user of ctx.usage.users) {
    let best: string[] | undefined
    for (const id of user.segmentIds) {
      const name = ctx.nameOf(id)
      const via = name === undefined ? undefined : reach.get(name)
      if (via && (!best || via.length < best.length)) best = via
    }
    if (best) out.push({kind: user.kind, id: user.id, name: user.name, status: user.status, active: user.active !== false, via: best})
  }
  return out.sort((a, b) => Number(b.active) - Number(a.active) || a.via.length - b.via.length || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name))
}

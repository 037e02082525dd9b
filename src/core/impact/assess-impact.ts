/**
 * Impact stage: for each update and delete, the active campaigns and sequences it reaches,
 * directly or through segments that reference it. Pure. The campaigns are indexed by the segments
 * they target once per plan, so a change reads only the campaigns of the segments it reaches
 * (before: every campaign's targets for every change, changes × campaigns).
 */
import type {AffectedCampaign, Change} from '../../generated/plan.js'
import type {CampaignUsage, CampaignUser} from '../model.js'
import {dependentsOf, type ReferencedBy} from './reference-graph.js'
import {byText} from '../../util/order.js'

export interface ImpactContext {
  usage: CampaignUsage
  referencedBy: ReferencedBy
  /** Remote name of a remote id. */
  nameOf(id: string): string | undefined
  /** Top-level fields whose change leaves the audience as it is. */
  cosmeticFields: string[]
}

export function assessImpact(changes: Change[], ctx: ImpactContext): Change[] {
  let users: UsersBySegment | undefined
  return changes.map((change) => {
    if (change.action === 'create') return {...change, impact: {usage: 'none', audience: false, campaigns: []}}
    const audience = change.action === 'delete' || change.changed.some((field) => !ctx.cosmeticFields.includes(field))
    if (!ctx.usage.known) return {...change, impact: {usage: 'unknown', note: ctx.usage.reason, audience, campaigns: []}}
    users ??= usersBySegment(ctx.usage.users, (id) => ctx.nameOf(id))
    return {...change, impact: {usage: 'known', audience, campaigns: affected(remoteName(change), users, ctx)}}
  })
}

/** The name the segment has at the vendor now (before a rename lands). */
function remoteName(change: Exclude<Change, {action: 'create'}>): string {
  return change.action === 'update' ? (change.previousName ?? change.name) : change.name
}

/** Each campaign and sequence (by its place in the usage) under every segment name it targets. */
type UsersBySegment = Map<string, number[]>

/** Built once per plan: a change then looks up the users of the segments it reaches instead of reading every campaign. */
function usersBySegment(users: CampaignUser[], nameOf: (id: string) => string | undefined): UsersBySegment {
  const index: UsersBySegment = new Map()
  users.forEach((user, i) => {
    for (const id of user.segmentIds) {
      const name = nameOf(id)
      if (name === undefined) continue
      const list = index.get(name)
      if (!list) index.set(name, [i])
      else if (list[list.length - 1] !== i) list.push(i)
    }
  })
  return index
}

function affected(remoteName: string, users: UsersBySegment, ctx: ImpactContext): AffectedCampaign[] {
  if (!ctx.usage.known) return []
  const reach = dependentsOf(remoteName, ctx.referencedBy)
  const reached = new Set<number>()
  for (const name of reach.keys()) for (const i of users.get(name) ?? []) reached.add(i)
  const out: AffectedCampaign[] = []
  // In the order campaigns were read, each by the first of its shortest chains, as its segment ids list them.
  for (const i of [...reached].sort((a, b) => a - b)) {
    const user = ctx.usage.users[i]!
    let best: string[] | undefined
    for (const id of user.segmentIds) {
      const name = ctx.nameOf(id)
      const via = name === undefined ? undefined : reach.get(name)
      if (via && (!best || via.length < best.length)) best = via
    }
    if (best) out.push({kind: user.kind, id: user.id, name: user.name, status: user.status, active: user.active !== false, via: best})
  }
  return out.sort((a, b) => Number(b.active) - Number(a.active) || a.via.length - b.via.length || byText(a.kind, b.kind) || byText(a.name, b.name))
}

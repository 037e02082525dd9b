/**
 * The impact picture when the whole one would be too big to read: the changed segments alone,
 * each with how many segments and active campaigns it reaches; when even those are too many, one
 * node per kind of change with the totals. Whole nodes and edges only: never cut mid-graph.
 */
import type {Change, WorkspacePlan} from '../../generated/plan.js'
import {byImportance, isBlocked} from '../markdown/order.js'
import {PictureBuilder, type Picture} from './picture.js'
import {changeNames, changeNode, count} from './plan-nodes.js'

export function summarisedPicture(ws: WorkspacePlan, maxNodes: number): Picture {
  const changes = byImportance(ws.changes)
  const reach = reached(ws)
  return changes.length <= maxNodes ? perChange(ws, changes, reach) : perKind(changes, reach)
}

interface Reach {
  /** Segments each change reaches through references (by change name). */
  segments: Map<string, Set<string>>
  /** Distinct active campaigns each change reaches. */
  campaigns: Map<string, Set<string>>
}

function perChange(ws: WorkspacePlan, changes: Change[], reach: Reach): Picture {
  const b = new PictureBuilder()
  for (const change of changes) {
    const segments = reach.segments.get(change.name)?.size ?? 0
    const campaigns = reach.campaigns.get(change.name)?.size ?? 0
    changeNode(b, change, [`reaches ${count(segments, 'segment')} · ${count(campaigns, 'active campaign')}`])
  }
  // References between changed segments stay: they are part of what the plan orders.
  const byName = changeNames(changes)
  for (const ref of ws.references ?? []) {
    const from = byName.get(ref.from)
    const to = byName.get(ref.to)
    if (from && to) b.edge(changeNode(b, to), changeNode(b, from))
  }
  return b.picture
}

const KINDS: Array<{key: string; noun: string; is: (c: Change) => boolean}> = [
  {key: 'blocked', noun: 'blocked change', is: isBlocked},
  {key: 'create', noun: 'create', is: (c) => !isBlocked(c) && c.action === 'create'},
  {key: 'update', noun: 'update', is: (c) => !isBlocked(c) && c.action === 'update'},
  {key: 'delete', noun: 'delete', is: (c) => !isBlocked(c) && c.action === 'delete'},
]

function perKind(changes: Change[], reach: Reach): Picture {
  const b = new PictureBuilder()
  const groups = KINDS.map((k) => ({...k, list: changes.filter(k.is)})).filter((g) => g.list.length > 0)
  const ids = groups.map((g) => b.node(`kind:${g.key}`, 'k', () => ({lines: [`${g.key === 'blocked' ? '⛔ ' : ''}${count(g.list.length, g.noun)}`], kind: g.key === 'blocked' ? 'blocked' : 'change'})))
  const segments = union(changes.map((c) => reach.segments.get(c.name)))
  const campaigns = union(changes.map((c) => reach.campaigns.get(c.name)))
  const segmentsNode = segments.size > 0 ? b.node('segments', 'n', () => ({lines: [`${count(segments.size, 'segment')} that reference them`], kind: 'segment'})) : undefined
  const campaignsNode = campaigns.size > 0 ? b.node('campaigns', 'n', () => ({lines: [count(campaigns.size, 'active campaign')], kind: 'campaign'})) : undefined
  groups.forEach((g, i) => {
    if (segmentsNode && g.list.some((c) => (reach.segments.get(c.name)?.size ?? 0) > 0)) b.edge(ids[i]!, segmentsNode)
    if (campaignsNode && g.list.some((c) => c.impact.campaigns.some((k) => k.active && k.via.length === 0))) b.edge(ids[i]!, campaignsNode)
  })
  if (segmentsNode && campaignsNode && changes.some((c) => c.impact.campaigns.some((k) => k.active && k.via.length > 0))) b.edge(segmentsNode, campaignsNode)
  return b.picture
}

/** Who each change reaches, from the plan's reference edges and each change's campaigns. */
function reached(ws: WorkspacePlan): Reach {
  const referencedBy = new Map<string, string[]>()
  for (const ref of ws.references ?? []) referencedBy.set(ref.to, [...(referencedBy.get(ref.to) ?? []), ref.from])
  const segments = new Map<string, Set<string>>()
  const campaigns = new Map<string, Set<string>>()
  for (const change of ws.changes) {
    const start = change.action === 'update' ? (change.previousName ?? change.name) : change.name
    const seen = new Set<string>([start])
    const queue = [start]
    while (queue.length > 0) {
      for (const from of referencedBy.get(queue.shift()!) ?? []) {
        if (seen.has(from)) continue
        seen.add(from)
        queue.push(from)
      }
    }
    seen.delete(start)
    for (const c of change.impact.campaigns) for (const name of c.via) seen.add(name)
    segments.set(change.name, seen)
    campaigns.set(change.name, new Set(change.impact.campaigns.filter((c) => c.active).map((c) => `${c.kind}:${c.id}`)))
  }
  return {segments, campaigns}
}

function union(sets: Array<Set<string> | undefined>): Set<string> {
  return new Set(sets.flatMap((s) => [...(s ?? [])]))
}

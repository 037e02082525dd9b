/**
 * The impact of one workspace's plan as a picture: each changed segment (blocked ones marked, with
 * its audience in people), the segments that reference it at any depth, and the active campaigns
 * reached. Past `maxNodes` it is summarised (plan-picture-summary.ts), never cut mid-graph.
 * A function of the plan document.
 */
import type {WorkspacePlan} from '../../generated/plan.js'
import {byImportance} from '../markdown/order.js'
import {PictureBuilder, shorten, type Picture} from './picture.js'
import {changeNames, changeNode, NAME_LENGTH} from './plan-nodes.js'
import {summarisedPicture} from './plan-picture-summary.js'

/** About what a reviewer can read in a comment; GitHub also refuses very large diagrams. */
export const MAX_NODES = 50

export interface PlanPicture {
  picture: Picture
  /** Nodes of the whole picture; more than the picture has when it is summarised. */
  total: number
  summarised: boolean
}

/** `summarise`: summarise even when the whole picture would fit (a comment short of room). */
export function planPicture(ws: WorkspacePlan, options: {maxNodes?: number; summarise?: boolean} = {}): PlanPicture {
  const maxNodes = options.maxNodes ?? MAX_NODES
  const {picture: whole, size: total} = fullPicture(ws, maxNodes)
  if (total <= maxNodes && !options.summarise) return {picture: whole, total, summarised: false}
  return {picture: summarisedPicture(ws, maxNodes), total, summarised: true}
}

/** The whole picture, drawn up to `limit` nodes and counted past it. */
function fullPicture(ws: WorkspacePlan, limit: number): PictureBuilder {
  const b = new PictureBuilder(limit)
  const changes = byImportance(ws.changes)
  const byRemoteName = changeNames(changes)
  const unmanaged = new Set(ws.unmanaged.map((r) => r.name))
  const segment = (remoteName: string): string => {
    const change = byRemoteName.get(remoteName)
    if (change) return changeNode(b, change)
    return b.node(`segment:${remoteName}`, 's', () => ({lines: [shorten(remoteName, NAME_LENGTH)], kind: unmanaged.has(remoteName) ? 'unmanaged' : 'segment'}))
  }
  for (const change of changes) changeNode(b, change)
  for (const ref of ws.references ?? []) b.edge(segment(ref.to), segment(ref.from))
  for (const change of changes) {
    for (const c of change.impact.campaigns.filter((k) => k.active)) {
      // The chain a campaign is reached through: the changed segment, then each referencing one.
      let at = changeNode(b, change)
      for (const name of c.via) {
        const next = segment(name)
        b.edge(at, next)
        at = next
      }
      b.edge(at, b.node(`campaign:${c.kind}:${c.id}`, 'c', () => ({lines: [shorten(c.name, NAME_LENGTH), `${c.kind} · ${c.status}`], kind: 'campaign'})))
    }
  }
  if (!ws.usage.known && changes.length > 0) b.node('note:usage', 'n', () => ({lines: [`campaign usage cannot be verified for ${ws.vendor}`], kind: 'note'}))
  return b
}

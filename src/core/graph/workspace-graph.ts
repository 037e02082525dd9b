/**
 * The workspace graph (`segsync graph`, schemas/graph.schema.json): every segment a definition
 * names and who uses whom, from the definitions alone; with what the vendor has (`remote`), also
 * the remote segments no file manages, their references, and the campaigns and the segments they
 * target. Pure: the pipeline reads the vendor.
 */
import type {GraphCampaign, GraphReference, GraphSegment, WorkspaceGraph} from '../../generated/graph.js'
import type {CampaignUsage, Definition, RemoteSegment} from '../model.js'
import type {Provider} from '../provider.js'
import {sourceOf} from '../diff/diff-workspace.js'
import {matchDefinitions} from '../diff/match.js'
import {findSegmentRefs} from './references.js'
import {byText} from '../../util/order.js'

export interface WorkspaceGraphInput {
  name: string
  provider: Provider
  definitions: Definition[]
  /** What the vendor has, with --remote. */
  remote?: {endpoint: string; remotes: RemoteSegment[]; usage: CampaignUsage}
}

export function workspaceGraph({name, provider, definitions, remote}: WorkspaceGraphInput): WorkspaceGraph {
  const segments: GraphSegment[] = definitions.map((d) => ({
    name: d.name,
    managed: true,
    source: sourceOf(d),
    ...(d.ensure === 'absent' ? {ensure: 'absent' as const} : {}),
    ...(d.protected ? {protected: true as const} : {}),
  }))
  const references = new Map<string, GraphReference>()
  const add = (ref: GraphReference) => {
    const key = JSON.stringify([ref.from, ref.to])
    // A segment both referenced and in dependsOn is a reference: that is what decides its audience.
    if (ref.from !== ref.to && (!references.has(key) || ref.kind === 'reference')) references.set(key, ref)
  }
  for (const d of definitions) {
    if (d.ensure === 'absent') continue
    for (const dep of d.dependsOn) add({from: d.name, to: dep, kind: 'dependsOn'})
    for (const ref of findSegmentRefs(d.body)) add({from: d.name, to: ref.name, kind: 'reference'})
  }
  const read: Partial<WorkspaceGraph> = remote ? withRemote(segments, remote, provider, definitions, add) : {}
  return {
    name,
    provider: provider.id,
    vendor: provider.label,
    ...read,
    segments: segments.sort((a, b) => byText(a.name, b.name)),
    references: [...references.values()].sort((a, b) => byText(a.to, b.to) || byText(a.from, b.from)),
    campaigns: read.campaigns ?? [],
  }
}

/**
 * Adds the remote ids to the managed segments and the unmanaged segments (with their references)
 * to `segments`; returns the endpoint, whether usage was read, and the campaigns.
 */
function withRemote(segments: GraphSegment[], remote: NonNullable<WorkspaceGraphInput['remote']>, provider: Provider, definitions: Definition[], add: (ref: GraphReference) => void): Pick<WorkspaceGraph, 'endpoint' | 'usage' | 'campaigns'> {
  const {pairs, unmatched} = matchDefinitions(definitions, remote.remotes, provider.label)
  // A remote segment is shown under the name its definition gives it (a rename included).
  const nameById = new Map(remote.remotes.map((r) => [r.id, r.name]))
  // One pair per definition, in order: segments[i] is pairs[i]'s definition.
  pairs.forEach(({definition, remote: r}, i) => {
    if (!r) return
    nameById.set(r.id, definition.name)
    segments[i]!.id = r.id
  })
  for (const r of unmatched) {
    segments.push({name: r.name, managed: false, id: r.id})
    for (const id of provider.remoteReferences(r)) {
      const to = nameById.get(id)
      if (to !== undefined) add({from: r.name, to, kind: 'reference'})
    }
  }
  const usage = remote.usage
  const campaigns: GraphCampaign[] = usage.known
    ? usage.users.map((u) => ({
        kind: u.kind,
        id: u.id,
        name: u.name,
        status: u.status,
        active: u.active !== false,
        segments: [...new Set(u.segmentIds.flatMap((id) => nameById.get(id) ?? []))].sort(),
      }))
    : []
  campaigns.sort((a, b) => Number(b.active) - Number(a.active) || byText(a.kind, b.kind) || byText(a.name, b.name))
  return {endpoint: remote.endpoint, usage: usage.known ? {known: true} : {known: false, note: usage.reason}, campaigns}
}

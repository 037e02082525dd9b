/**
 * Who references whom, across remote segments (as they are now) and definitions (as they will
 * be), keyed by remote name. A change to X reaches every segment that references X, transitively.
 */
import type {NameOf, Provider} from '../provider.js'
import type {Definition, RemoteSegment} from '../model.js'
import {definitionDeps} from '../graph/definition-graph.js'

export type ReferencedBy = Map<string, Set<string>>

export function referenceGraph(remotes: RemoteSegment[], definitions: Definition[], provider: Provider, nameOf: NameOf, remoteNameOf: (definitionName: string) => string): ReferencedBy {
  const referencedBy: ReferencedBy = new Map()
  const add = (from: string, to: string) => {
    if (from === to) return
    if (!referencedBy.has(to)) referencedBy.set(to, new Set())
    referencedBy.get(to)!.add(from)
  }
  for (const remote of remotes) {
    for (const id of provider.remoteReferences(remote)) {
      const name = nameOf(id)
      if (name !== undefined) add(remote.name, name)
    }
  }
  for (const def of definitions) {
    if (def.ensure === 'absent') continue
    for (const dep of definitionDeps(def)) add(remoteNameOf(def.name), remoteNameOf(dep))
  }
  return referencedBy
}

/**
 * Every segment that reaches `name` through references, with the shortest chain from `name`
 * (exclusive) to it (inclusive): [] for `name` itself, [B] when B references name, [B, C] when C
 * references B…
 */
export function dependentsOf(name: string, referencedBy: ReferencedBy): Map<string, string[]> {
  const via = new Map<string, string[]>([[name, []]])
  const queue = [name]
  while (queue.length > 0) {
    const current = queue.shift()!
    for (const dependent of [...(referencedBy.get(current) ?? [])].sort()) {
      if (via.has(dependent)) continue
      via.set(dependent, [...via.get(current)!, dependent])
      queue.push(dependent)
    }
  }
  return via
}

/**
 * The reference edges among the segments that reach any of `names` (`from` references `to`), for
 * the impact picture: every segment a change reaches through references, and how. Sorted.
 */
export function referenceEdges(names: string[], referencedBy: ReferencedBy): Array<{from: string; to: string}> {
  const seen = new Set<string>(names)
  const queue = [...names]
  const edges: Array<{from: string; to: string}> = []
  while (queue.length > 0) {
    const to = queue.shift()!
    for (const from of referencedBy.get(to) ?? []) {
      edges.push({from, to})
      if (seen.has(from)) continue
      seen.add(from)
      queue.push(from)
    }
  }
  return edges.sort((a, b) => a.to.localeCompare(b.to) || a.from.localeCompare(b.from))
}

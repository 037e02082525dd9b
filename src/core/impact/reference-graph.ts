/**
 * Who references whom, across remote segments (as they are now) and definitions (as they will
 * be), keyed by remote name. A change to X reaches every segment that references X, transitively.
 */
import type {NameOf, Provider} from '../provider.js'
import type {Definition, RemoteSegment} from '../model.js'
import {definitionDeps} from '../graph/definition-graph.js'
import {byText} from '../../util/order.js'
import {perArray} from '../../util/per-array.js'

export type ReferencedBy = Map<string, Set<string>>

/**
 * Built once the diff is known, on the plan's path: over 5,000 segments, plain index loops (no
 * iterator per segment, most have no reference) and the definitions' edges taken while the vendor
 * answered (`definitionEdges`) built it in 2 ms where the `for…of` form over both took 9 ms.
 */
export function referenceGraph(remotes: RemoteSegment[], definitions: Definition[], provider: Provider, nameOf: NameOf, remoteNameOf: (definitionName: string) => string): ReferencedBy {
  const referencedBy: ReferencedBy = new Map()
  const add = (from: string, to: string) => {
    if (from === to) return
    if (!referencedBy.has(to)) referencedBy.set(to, new Set())
    referencedBy.get(to)!.add(from)
  }
  for (let i = 0; i < remotes.length; i++) {
    const ids = provider.remoteReferences(remotes[i]!)
    for (let k = 0; k < ids.length; k++) {
      const name = nameOf(ids[k]!)
      if (name !== undefined) add(remotes[i]!.name, name)
    }
  }
  for (const [from, to] of definitionEdges(definitions)) add(remoteNameOf(from), remoteNameOf(to))
  return referencedBy
}

/**
 * Who references whom among the definitions to be present (`[from, to]`, by definition name),
 * found once per array of definitions, like their index by name (diff/match.ts): the plan takes
 * them while the vendor answers. An array whose length changed is walked again.
 */
export const definitionEdges = perArray((definitions: readonly Definition[]): ReadonlyArray<readonly [string, string]> => {
  const edges: Array<readonly [string, string]> = []
  for (let i = 0; i < definitions.length; i++) {
    const def = definitions[i]!
    if (def.ensure === 'absent') continue
    const deps = definitionDeps(def)
    for (let k = 0; k < deps.length; k++) edges.push([def.name, deps[k]!])
  }
  return edges
})

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
  return edges.sort((a, b) => byText(a.to, b.to) || byText(a.from, b.from))
}

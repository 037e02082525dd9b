/**
 * Graph stage: segments and what they depend on. Gives a deterministic topological order
 * (dependencies first) and every cycle, printed in full.
 */
import {byText} from '../../util/order.js'

export interface DependencyGraph {
  /** name → names it depends on, sorted. */
  edges: Map<string, string[]>
  /** Dependencies first; ties broken by name. Nodes on cycles are left out. */
  order: string[]
  /** One closed path per strongly connected component, e.g. [a, b, c, a]; sorted. */
  cycles: string[][]
}

export function buildGraph(nodes: Array<{name: string; deps: string[]}>): DependencyGraph {
  const edges = new Map<string, string[]>()
  // Two nodes with one name (a duplicate, reported elsewhere) share their edges: no cycle hides.
  for (const n of nodes) {
    const earlier = edges.get(n.name)
    // Most segments depend on nothing: no set, no sort (a plan graphs thousands).
    if (n.deps.length === 0) edges.set(n.name, earlier ?? [])
    else edges.set(n.name, [...new Set([...(earlier ?? []), ...n.deps])].sort())
  }
  // Dependencies that are not nodes themselves (e.g. unchanged segments) add no ordering.
  for (const [name, deps] of edges) if (deps.length > 0) edges.set(name, deps.filter((d) => edges.has(d)))
  const cycles = findCycles(edges)
  // The order only when asked for: validate needs the cycles alone.
  let order: string[] | undefined
  return {
    edges,
    cycles,
    get order() {
      return (order ??= topoOrder(edges, new Set(cycles.flat())))
    },
  }
}

function topoOrder(edges: Map<string, string[]>, skip: Set<string>): string[] {
  const remaining = new Map<string, number>()
  const dependents = new Map<string, string[]>()
  for (const [name, deps] of edges) {
    if (skip.has(name)) continue
    const live = skip.size === 0 ? deps : deps.filter((d) => !skip.has(d))
    remaining.set(name, live.length)
    for (const d of live) {
      const list = dependents.get(d)
      if (list) list.push(name)
      else dependents.set(d, [name])
    }
  }
  // Ready names, sorted, taken from `next` on; a name that becomes ready goes in at its place
  // (not a sort of thousands each time).
  const ready = [...remaining.entries()].filter(([, n]) => n === 0).map(([name]) => name).sort()
  let next = 0
  const order: string[] = []
  while (next < ready.length) {
    const name = ready[next++]!
    order.push(name)
    for (const dep of dependents.get(name) ?? []) {
      const left = remaining.get(dep)! - 1
      remaining.set(dep, left)
      if (left === 0) ready.splice(sortedIndex(ready, dep, next), 0, dep)
    }
  }
  // Anything left depends on a cycle: order it after, by name.
  const placed = new Set(order)
  return [...order, ...[...remaining.keys()].filter((n) => !placed.has(n)).sort()]
}

/** Where `name` goes in `sorted` at or after `from`, to keep it sorted (after equal names). */
function sortedIndex(sorted: string[], name: string, from: number): number {
  let lo = from
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! <= name) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Tarjan's strongly connected components (iterative: deep chains do not overflow the stack). */
function findCycles(edges: Map<string, string[]>): string[][] {
  let index = 0
  const indices = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  // A segment that depends on nothing is on no cycle; one that others depend on is reached from
  // them. Most depend on nothing, so they are left out before the sort.
  const starts: string[] = []
  for (const [name, deps] of edges) if (deps.length > 0) starts.push(name)
  for (const start of starts.sort()) {
    if (indices.has(start)) continue
    const work: Array<{node: string; next: number}> = [{node: start, next: 0}]
    indices.set(start, index)
    low.set(start, index++)
    stack.push(start)
    onStack.add(start)
    while (work.length > 0) {
      const frame = work[work.length - 1]!
      const deps = edges.get(frame.node) ?? []
      if (frame.next < deps.length) {
        const dep = deps[frame.next++]!
        if (!indices.has(dep)) {
          indices.set(dep, index)
          low.set(dep, index++)
          stack.push(dep)
          onStack.add(dep)
          work.push({node: dep, next: 0})
        } else if (onStack.has(dep)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, indices.get(dep)!))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!))
      if (low.get(frame.node) === indices.get(frame.node)) {
        const component: string[] = []
        let member: string
        do {
          member = stack.pop()!
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.node)
        const selfLoop = component.length === 1 && (edges.get(component[0]!) ?? []).includes(component[0]!)
        if (component.length > 1 || selfLoop) components.push(component)
      }
    }
  }
  return components.map((c) => cyclePath(c, edges)).sort((a, b) => byText(a[0]!, b[0]!))
}

/** The shortest closed path through a component, starting at its first name. */
function cyclePath(component: string[], edges: Map<string, string[]>): string[] {
  const members = new Set(component)
  const start = [...component].sort()[0]!
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const node = queue.shift()!
    for (const dep of edges.get(node) ?? []) {
      if (!members.has(dep)) continue
      if (dep === start) {
        const path = [node]
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!)
        return [...path, start]
      }
      if (!previous.has(dep)) {
        previous.set(dep, node)
        queue.push(dep)
      }
    }
  }
  return [start, start]
}

import type {Definition, Problem} from '../model.js'
import {problemAt, where} from '../validate/problem.js'
import {buildGraph, type DependencyGraph} from './graph.js'
import {definitionRefs} from './references.js'

/** Names a definition depends on: its `{ $segment }` references and its `dependsOn`. */
export function definitionDeps(d: Definition): string[] {
  const refs = definitionRefs(d)
  if (refs.length === 0 && d.dependsOn.length === 0) return []
  return [...new Set([...refs.map((r) => r.name), ...d.dependsOn])]
}

export function definitionGraph(definitions: Definition[]): DependencyGraph {
  return buildGraph(definitions.filter((d) => d.ensure === 'present').map((d) => ({name: d.name, deps: definitionDeps(d)})))
}

/** One problem per cycle, at the first segment of the cycle, naming every file on it. */
export function cycleProblems(graph: DependencyGraph, definitions: Definition[]): Problem[] {
  // Nearly every run has no cycle: no index of thousands of names for nothing.
  if (graph.cycles.length === 0) return []
  const byName = new Map<string, Definition>()
  for (const d of definitions) if (!byName.has(d.name)) byName.set(d.name, d)
  return graph.cycles.map((cycle) => {
    const first = byName.get(cycle[0]!)!
    const files = cycle.slice(0, -1).map((n) => `${n} (${where(byName.get(n)!.source)})`)
    return problemAt(first.source, ['name'], `dependency cycle: ${cycle.map((n) => JSON.stringify(n)).join(' → ')}`, {
      hint: `Segments on the cycle: ${files.join(', ')}. Remove one reference or dependsOn to break it.`,
    })
  })
}

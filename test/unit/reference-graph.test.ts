import {describe, expect, it} from 'vitest'
import type {RemoteSegment} from '../../src/core/model.js'
import {definitionEdges, referenceGraph} from '../../src/core/impact/reference-graph.js'
import {absent, definition} from '../helpers/builders.js'
import {fake, type FakeRaw} from '../helpers/fake-provider.js'

const remote = (id: string, name: string, uses: string[] = []): RemoteSegment => ({id, name, raw: {id, name, rules: ['r'], uses} satisfies FakeRaw})
const byId = (remotes: RemoteSegment[]) => (id: string) => remotes.find((r) => r.id === id)?.name
const asObject = (graph: Map<string, Set<string>>) => Object.fromEntries([...graph].map(([to, from]) => [to, [...from].sort()]))

describe('the reference graph', () => {
  it('joins the remote segments as they are and the definitions as they will be, keyed by remote name', () => {
    const remotes = [remote('1', 'Base'), remote('2', 'Buyers', ['1']), remote('3', 'Lost', ['9']), remote('4', 'Old name', ['1', '2'])]
    const definitions = [
      definition('VIP', {$segment: 'Buyers'}, {dependsOn: ['New name']}),
      definition('New name', {all: [{$segment: 'Base'}, {$segment: 'New name'}]}),
      absent('Gone', {dependsOn: ['Base']}),
    ]
    const renamed = (name: string) => (name === 'New name' ? 'Old name' : name)
    expect(asObject(referenceGraph(remotes, definitions, fake, byId(remotes), renamed))).toEqual({
      // An id no segment has ('9') and a self-reference add nothing; an absent definition references nothing.
      Base: ['Buyers', 'Old name'],
      Buyers: ['Old name', 'VIP'],
      'Old name': ['VIP'],
    })
  })

  it("finds the definitions' references once per array, and again when the array grew", () => {
    const definitions = [definition('A', {$segment: 'B'}), definition('B', {}), absent('C', {dependsOn: ['A']})]
    const edges = definitionEdges(definitions)
    expect(edges).toEqual([['A', 'B']])
    expect(definitionEdges(definitions)).toBe(edges)
    definitions.push(definition('D', {}, {dependsOn: ['A']}))
    expect(definitionEdges(definitions)).toEqual([
      ['A', 'B'],
      ['D', 'A'],
    ])
    // A graph built after that sees the new definition's edge.
    expect(asObject(referenceGraph([], definitions, fake, () => undefined, (n) => n))).toEqual({A: ['D'], B: ['A']})
  })
})

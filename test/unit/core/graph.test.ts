import {describe, expect, it} from 'vitest'
import {buildGraph} from '../../../src/core/graph/graph.js'

describe('dependency graph', () => {
  it('orders dependencies first: the smallest name that is ready goes next', () => {
    const g = buildGraph([
      {name: 'c', deps: ['a', 'b']},
      {name: 'b', deps: ['a']},
      {name: 'a', deps: []},
      {name: 'd', deps: []},
    ])
    expect(g.order).toEqual(['a', 'b', 'c', 'd'])
    expect(g.cycles).toEqual([])
  })

  it('reports every cycle in full, the same way every run', () => {
    const nodes = [
      {name: 'A', deps: ['B']},
      {name: 'B', deps: ['C']},
      {name: 'C', deps: ['A']},
      {name: 'X', deps: ['Y']},
      {name: 'Y', deps: ['X']},
      {name: 'Z', deps: ['A']},
    ]
    const first = buildGraph(nodes).cycles
    expect(first).toEqual([
      ['A', 'B', 'C', 'A'],
      ['X', 'Y', 'X'],
    ])
    for (let i = 0; i < 10; i++) expect(buildGraph([...nodes].reverse()).cycles).toEqual(first)
  })

  it('finds a self-reference', () => {
    expect(buildGraph([{name: 'A', deps: ['A']}]).cycles).toEqual([['A', 'A']])
  })

  it('ignores dependencies that are not nodes', () => {
    expect(buildGraph([{name: 'a', deps: ['elsewhere']}]).order).toEqual(['a'])
  })

  it('handles a chain of 5,000 without overflowing the stack', () => {
    const nodes = Array.from({length: 5000}, (_, i) => ({name: `s${String(i).padStart(5, '0')}`, deps: i === 0 ? [] : [`s${String(i - 1).padStart(5, '0')}`]}))
    const g = buildGraph(nodes)
    expect(g.order[0]).toBe('s00000')
    expect(g.order[4999]).toBe('s04999')
    const cyclic = buildGraph([...nodes.slice(1), {name: 's00000', deps: ['s04999']}])
    expect(cyclic.cycles).toHaveLength(1)
    expect(cyclic.cycles[0]).toHaveLength(5001)
  })
})

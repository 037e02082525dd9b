/**
 * The workspace graph behind `segsync graph`: from the definitions alone (references and
 * dependsOn), and with what the vendor has (ids, renames, unmanaged segments and what they
 * reference, campaigns by the names the graph shows); then drawn as Mermaid and DOT.
 */
import {describe, expect, it} from 'vitest'
import {workspaceGraph} from '../../src/core/graph/workspace-graph.js'
import {renderGraph} from '../../src/render/graph.js'
import {fake, fakeAbsent, fakeDefinition, fakeRemote} from '../helpers/fake-provider.js'
import {usage} from '../helpers/builders.js'
import {parseMermaid} from '../helpers/mermaid.js'

const definitions = [
  fakeDefinition('Base', ['status=active']),
  fakeDefinition('Mid', ['tag=x'], {uses: ['Base'], dependsOn: ['Base']}),
  fakeDefinition('Later', ['tag=y'], {dependsOn: ['Mid']}),
  fakeDefinition('Renamed', ['tag=z'], {renamedFrom: ['Old name'], protected: true}),
  fakeAbsent('Gone', {dependsOn: ['Base']}),
]

describe('workspaceGraph, offline', () => {
  const graph = workspaceGraph({name: 'main', provider: fake, definitions})

  it('lists every definition and who uses whom; a reference wins over a dependsOn on the same pair', () => {
    expect(graph.segments.map((s) => [s.name, s.managed, s.ensure, s.protected])).toEqual([
      ['Base', true, undefined, undefined],
      ['Gone', true, 'absent', undefined],
      ['Later', true, undefined, undefined],
      ['Mid', true, undefined, undefined],
      ['Renamed', true, undefined, true],
    ])
    expect(graph.references).toEqual([
      {from: 'Mid', to: 'Base', kind: 'reference'},
      {from: 'Later', to: 'Mid', kind: 'dependsOn'},
    ])
    expect(graph.campaigns).toEqual([])
    expect(graph).not.toHaveProperty('endpoint')
  })
})

describe('workspaceGraph, with the vendor', () => {
  const remotes = [
    fakeRemote('r1', 'Base', ['status=active']),
    fakeRemote('r2', 'Mid', ['tag=x'], {uses: ['r1']}),
    fakeRemote('r3', 'Old name', ['tag=z']),
    fakeRemote('r4', 'Hand made [beta] "x"', ['tag=h'], {uses: ['r3']}),
  ]
  const graph = workspaceGraph({
    name: 'main',
    provider: fake,
    definitions,
    remote: {endpoint: 'https://fake.invalid', remotes, usage: usage({id: 'c1', name: 'Spring', segmentIds: ['r1', 'r3']}, {id: 'c2', name: 'Draft', active: false, status: 'draft', segmentIds: ['r4']})},
  })

  it('adds ids, the unmanaged segments and their references under the names the definitions give', () => {
    expect(graph.segments.find((s) => s.name === 'Renamed')).toMatchObject({id: 'r3', managed: true})
    expect(graph.segments.find((s) => s.name === 'Later')!.id).toBeUndefined()
    expect(graph.segments.find((s) => s.name === 'Hand made [beta] "x"')).toEqual({name: 'Hand made [beta] "x"', managed: false, id: 'r4'})
    expect(graph.references).toContainEqual({from: 'Hand made [beta] "x"', to: 'Renamed', kind: 'reference'})
  })

  it('adds the campaigns, active first, with the segments they target', () => {
    expect(graph.usage).toEqual({known: true})
    expect(graph.campaigns.map((c) => [c.name, c.active, c.segments])).toEqual([
      ['Spring', true, ['Base', 'Renamed']],
      ['Draft', false, ['Hand made [beta] "x"']],
    ])
  })

  it('draws it as Mermaid that Mermaid parses and as DOT, campaigns linked from their segments', async () => {
    const doc = {formatVersion: 1 as const, segsyncVersion: '0', remote: true, workspaces: [graph]}
    const mermaid = renderGraph(doc, 'mermaid')
    expect(await parseMermaid(mermaid)).toBe('flowchart-v2')
    expect(mermaid).toMatch(/c\d+\(\["Draft<br\/>campaign · draft"\]\)/)
    expect(mermaid).toContain('Hand made [beta] #34;x#34;<br/>not managed by a file')
    expect(mermaid).toMatch(/^ +class c\d+ inactive$/m)
    const dot = renderGraph(doc, 'dot')
    expect(dot).toContain('label="Hand made [beta] \\"x\\"\\nnot managed by a file"')
    expect(dot.match(/ -> /g)).toHaveLength(mermaid.match(/ -\.?-> /g)!.length)
    expect(JSON.parse(renderGraph(doc, 'json'))).toEqual(doc)
  })

  it('says when the vendor hides campaign usage, in the picture too', async () => {
    const hidden = workspaceGraph({name: 'main', provider: fake, definitions, remote: {endpoint: 'e', remotes, usage: {known: false, reason: 'no campaign API'}}})
    expect(hidden.usage).toEqual({known: false, note: 'no campaign API'})
    const mermaid = renderGraph({formatVersion: 1, segsyncVersion: '0', remote: true, workspaces: [hidden]}, 'mermaid')
    expect(mermaid).toContain('campaigns not shown: no campaign API')
    expect(await parseMermaid(mermaid)).toBe('flowchart-v2')
  })
})

/**
 * The validate stage's checks across files, against the fake provider (its schema is
 * test/fixtures/fake-segment.schema.json): every problem in one run, with positions.
 */
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {loadDefinitions} from '../../../src/core/load/load-definitions.js'
import {validateDefinitions} from '../../../src/core/validate/validate-definitions.js'
import {sortProblems} from '../../../src/core/validate/problem.js'
import {cycleProblems, definitionDeps, definitionGraph} from '../../../src/core/graph/definition-graph.js'
import {fake} from '../../helpers/fake-provider.js'
import {tempRepo} from '../../helpers/temp-repo.js'

const SCHEMA = fileURLToPath(new URL('../../fixtures/fake-segment.schema.json', import.meta.url))
const uses = (name: string) => [{$segment: name}]

async function validate(files: Record<string, string | object>) {
  const repo = tempRepo(files)
  const loaded = await loadDefinitions(`${repo.dir}/segments`, {cwd: repo.dir})
  const result = validateDefinitions(loaded.files, fake, SCHEMA)
  const cycles = cycleProblems(definitionGraph(result.definitions), result.definitions)
  return {...result, problems: sortProblems([...loaded.problems, ...result.problems, ...cycles])}
}

describe('validate', () => {
  it('splits a valid file into common fields and the vendor body, and runs the provider check', async () => {
    const {definitions, problems} = await validate({'segments/a.json': {name: 'A', dependsOn: ['B'], rules: ['x'], note: 'n'}, 'segments/b.json': {name: 'B', rules: []}})
    expect(definitions.find((d) => d.name === 'A')).toMatchObject({dependsOn: ['B'], body: {rules: ['x'], note: 'n'}})
    expect(problems).toEqual([expect.objectContaining({file: 'segments/b.json', path: '/rules', message: 'a segment needs at least one rule'})])
  })

  it('finds references however the JSON spells them, and skips the walk only for text that cannot hold one', async () => {
    const {definitions, problems} = await validate({
      'segments/a.json': '{"name": "A", "rules": ["x"], "uses": [{"\\u0024segment": "Nobody"}]}\n',
      'segments/b.json': {name: 'B', rules: ['x'], uses: uses('Missing')},
      'segments/c.json': {name: 'C', rules: ['x'], uses: uses('B')},
      'segments/d.json': {name: 'D', rules: ['x']},
    })
    expect(problems.map((p) => `${p.file} ${p.message}`)).toEqual([
      'segments/a.json $segment references "Nobody", but no definition has that name',
      'segments/b.json $segment references "Missing", but no definition has that name',
    ])
    const deps = new Map(definitions.map((d) => [d.name, definitionDeps(d)]))
    expect(deps.get('C')).toEqual(['B'])
    expect(deps.get('D')).toEqual([])
  })

  it('counts a definition with schema mistakes by its name: no false "unknown reference" elsewhere, duplicates still found', async () => {
    const {problems} = await validate({
      'segments/a.json': {name: 'A', colour: 'red', rules: ['x']},
      'segments/b.json': {name: 'B', rules: ['x'], uses: uses('A')},
      'segments/c.json': {name: 'A', rules: ['x']},
      'segments/d.json': {name: 'D', renamedFrom: 'Old D', rules: ['x']},
    })
    expect(problems.map((p) => `${p.file} ${p.path} ${p.message}`)).toEqual([
      'segments/a.json /name duplicate segment name "A": also defined in segments/c.json:2:11',
      'segments/a.json /colour unknown property "colour"',
      'segments/c.json /name duplicate segment name "A": also defined in segments/a.json:2:11',
      'segments/d.json /renamedFrom renamedFrom must be an array',
    ])
  })

  it('reports malformed JSON with its position and keeps checking the other files', async () => {
    const {problems} = await validate({
      'segments/a.json': '{\n  "name": "A",\n  "rules": ["x" "y"]\n}\n',
      'segments/b.json': {name: 'B', rules: ['x'], uses: uses('Nope')},
    })
    expect(problems).toEqual([
      expect.objectContaining({file: 'segments/a.json', line: 3, column: 17, message: 'malformed JSON: expected "," between entries'}),
      expect.objectContaining({file: 'segments/b.json', path: '/uses/0/$segment', message: '$segment references "Nope", but no definition has that name'}),
    ])
  })

  it('reports a duplicate key with both positions', async () => {
    const {problems} = await validate({'segments/a.json': '{\n  "name": "A",\n  "name": "B",\n  "rules": ["x"]\n}\n'})
    expect(problems).toEqual([expect.objectContaining({line: 3, column: 3, message: 'duplicate key "name" (first at line 2, column 3)'})])
  })

  it('reports duplicate names at both places', async () => {
    const {problems} = await validate({'segments/a.json': {name: 'Same', rules: ['x']}, 'segments/nested/b.json': {name: 'Same', rules: ['x']}})
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual([
      'segments/a.json:2:11 duplicate segment name "Same": also defined in segments/nested/b.json:2:11',
      'segments/nested/b.json:2:11 duplicate segment name "Same": also defined in segments/a.json:2:11',
    ])
  })

  it('reports dependsOn naming nothing, with a suggestion, and a reference to a segment marked for deletion', async () => {
    const {problems} = await validate({
      'segments/a.json': {name: 'Alpha', rules: ['x']},
      'segments/b.json': {name: 'Beta', dependsOn: ['Alpah'], rules: ['x'], uses: uses('Gone')},
      'segments/c.json': {name: 'Gone', ensure: 'absent'},
    })
    expect(problems).toEqual([
      expect.objectContaining({file: 'segments/b.json', path: '/dependsOn/0', hint: 'did you mean "Alpha"?'}),
      expect.objectContaining({file: 'segments/b.json', path: '/uses/0/$segment', message: `$segment references "Gone", which is marked ensure: 'absent' (to be deleted)`}),
    ])
  })

  it('reports a cycle with its full path', async () => {
    const {problems} = await validate({
      'segments/a.json': {name: 'A', rules: ['x'], uses: uses('B')},
      'segments/b.json': {name: 'B', rules: ['x'], uses: uses('C')},
      'segments/c.json': {name: 'C', dependsOn: ['A'], rules: ['x']},
    })
    expect(problems).toEqual([expect.objectContaining({file: 'segments/a.json', message: 'dependency cycle: "A" → "B" → "C" → "A"'})])
  })
})

/** Sequenzy definitions through load and validate: the schema's messages, TS positions, --no-code. */
import {describe, expect, it} from 'vitest'
import {loadDefinitions} from '../../src/core/load/load-definitions.js'
import {validateDefinitions} from '../../src/core/validate/validate-definitions.js'
import {sortProblems} from '../../src/core/validate/problem.js'
import {cycleProblems, definitionGraph} from '../../src/core/graph/definition-graph.js'
import {sequenzy} from '../../src/providers/sequenzy/index.js'
import {schemaPath} from '../../src/util/package-root.js'
import {tempRepo} from '../helpers/temp-repo.js'

async function validate(files: Record<string, string | object>) {
  const repo = tempRepo(files)
  const loaded = await loadDefinitions(`${repo.dir}/segments`, {cwd: repo.dir})
  const result = validateDefinitions(loaded.files, sequenzy, schemaPath(sequenzy.schema))
  const cycles = cycleProblems(definitionGraph(result.definitions), result.definitions)
  return {...result, problems: sortProblems([...loaded.problems, ...result.problems, ...cycles])}
}

const SIX_ERRORS = `{
  "name": "Broken",
  "rooot": {},
  "root": {
    "kind": "group",
    "joinOperator": "andd",
    "children": [
      { "kind": "filter", "field": "status", "operator": "at_least", "value": "active" },
      { "kind": "filter", "field": "stauts", "operator": "is", "value": "active" },
      { "kind": "filter", "field": "tag", "operator": "contains", "value": 3 },
      { "kind": "filter", "field": "segment", "operator": "is", "value": { "$segment": "Nope" } }
    ]
  }
}
`

describe('validate', () => {
  it('reports all six mistakes of one definition in one run, each at its line and column', async () => {
    const {problems} = await validate({'segments/broken.json': SIX_ERRORS})
    const brief = problems.map((p) => `${p.line}:${p.column} ${p.path} ${p.message}${p.hint ? ` | ${p.hint}` : ''}`)
    expect(brief).toEqual([
      '3:3 /rooot unknown property "rooot" | did you mean "root"?',
      '6:21 /root/joinOperator joinOperator "andd" is not allowed here; expected one of: and, or | did you mean "and"?',
      '8:58 /root/children/0/operator operator "at_least" is not allowed here; expected one of: is, is_not',
      '9:36 /root/children/1/field unknown field "stauts"; expected one of: status, phone, smsStatus, tag, email, emailProvider, list, added, firstName, lastName, emailSent, emailDelivered, emailOpened, emailClicked, emailComplained, emailBounced, attribute, event, pollResponse, segment, stripeProduct, stripeCurrentProduct, stripeTrialProduct, commerceProduct, commerceCollection | did you mean "status"?',
      '10:76 /root/children/2/value value must be a string',
      // References are checked in a definition that fails the schema too.
      '11:88 /root/children/3/value/$segment $segment references "Nope", but no definition has that name | Reference segments by the name in their definition file.',
    ])
  })

  it('accepts a JSON $schema key and a TS definition using the typed helpers', async () => {
    const {problems, definitions} = await validate({
      'segments/a.json': {$schema: '../schemas/sequenzy/segment.schema.json', name: 'A', root: {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'phone', operator: 'is_empty'}]}},
      'segments/b.ts': `import {defineSegment, segment} from 'segsync/sequenzy'\nexport default defineSegment({name: 'B', root: {kind: 'group', joinOperator: 'or', children: [{kind: 'filter', field: 'segment', operator: 'is_not', value: segment('A')}]}})\n`,
    })
    expect(problems).toEqual([])
    expect(definitions.map((d) => d.name).sort()).toEqual(['A', 'B'])
    expect(definitions.find((d) => d.name === 'B')!.body).toEqual({root: {kind: 'group', joinOperator: 'or', children: [{kind: 'filter', field: 'segment', operator: 'is_not', value: {$segment: 'A'}}]}})
  })

  it('reports TS files at line and column with their JSON path, and a missing value the schema cannot see', async () => {
    const b = `export default {name: 'B', root: {kind: 'group', joinOperator: 'or', children: [{kind: 'filter', field: 'tag', operator: 'contains'}, {kind: 'filter', field: 'status', operator: 'is', value: 'x', extra: 1}]}}\n`
    const {problems} = await validate({'segments/b.ts': b})
    expect(problems).toEqual([
      expect.objectContaining({file: 'segments/b.ts', line: 1, column: b.indexOf('extra') + 1, path: '/root/children/1/extra', message: 'unknown property "extra"'}),
    ])
    const c = `import {defineSegment} from 'segsync/sequenzy'\n\nexport default defineSegment({\n  name: 'C',\n  root: {kind: 'group', joinOperator: 'or', children: [\n    {kind: 'filter', field: 'tag', operator: 'contains'},\n  ]},\n})\n`
    const second = await validate({'segments/c.ts': c})
    expect(second.problems).toEqual([expect.objectContaining({line: 6, column: 46, path: '/root/children/0/operator', message: 'value is required for tag filters with operator "contains"'})])
  })

  it('refuses TS definitions with --no-code and reports a TS syntax error with its position', async () => {
    const repo = tempRepo({'segments/a.ts': 'export default {name: "A"}\n', 'segments/bad.ts': 'export default {name: "A",, }\n'})
    const noCode = await loadDefinitions(`${repo.dir}/segments`, {cwd: repo.dir, noCode: true})
    expect(noCode.problems.map((p) => p.message)).toEqual([expect.stringContaining('--no-code'), expect.stringContaining('--no-code')])
    const loaded = await loadDefinitions(`${repo.dir}/segments`, {cwd: repo.dir})
    expect(loaded.problems).toEqual([expect.objectContaining({file: 'segments/bad.ts', line: 1, message: expect.stringContaining('cannot load TS definition')})])
  })
})

/**
 * Kibamail conditions have no tag property (a condition is told apart by its keys), so validation
 * must still point at the author's real mistakes: one problem per mistake, at its line.
 */
import {describe, expect, it} from 'vitest'
import {loadDefinitions} from '../../src/core/load/load-definitions.js'
import {validateDefinitions} from '../../src/core/validate/validate-definitions.js'
import {sortProblems} from '../../src/core/validate/problem.js'
import {kibamail} from '../../src/providers/kibamail/index.js'
import {schemaPath} from '../../src/util/package-root.js'
import {tempRepo} from '../helpers/temp-repo.js'

async function problemsOf(definition: object | string) {
  const repo = tempRepo({'segments/s.json': definition})
  const loaded = await loadDefinitions(`${repo.dir}/segments`, {cwd: repo.dir})
  const result = validateDefinitions(loaded.files, kibamail, schemaPath(kibamail.schema))
  return sortProblems([...loaded.problems, ...result.problems]).map((p) => `${p.line}:${p.column} ${p.path} ${p.message}${p.hint ? ` | ${p.hint}` : ''}`)
}

const MISTAKES = `{
  "$schema": "../../schemas/kibamail/segment.schema.json",
  "name": "Broken",
  "descripton": "typo",
  "conditions": {
    "$and": [
      { "field": "country", "operator": "equals", "value": "US" },
      { "field": "plan", "operator": "eq", "value": null },
      { "field": "country", "operator": "in", "value": "US" },
      { "field": "email", "operator": "exists", "value": "yes" },
      { "subscribedToTopic": [] },
      { "$or": [{ "field": "plan", "operator": "eq", "value": ["a", "b"] }] },
      { "$not": { "feild": "plan", "operator": "eq", "value": "x" } }
    ]
  }
}
`

describe('validate Kibamail definitions', () => {
  it('reports each mistake in a nested condition tree once, at its line, in words', async () => {
    expect(await problemsOf(MISTAKES)).toEqual([
      '4:3 /descripton unknown property "descripton" | did you mean "description"?',
      '7:41 /conditions/$and/0/operator operator "equals" is not allowed here; expected one of: eq, ne, gt, gte, lt, lte, contains, startsWith, endsWith',
      '8:53 /conditions/$and/1/value value must be a string or a number or true or false',
      '9:56 /conditions/$and/2/value value must be an array',
      '10:58 /conditions/$and/3/value value must be true or false or null',
      '11:30 /conditions/$and/4/subscribedToTopic subscribedToTopic must have at least 1 item',
      '12:63 /conditions/$and/5/$or/0/value value must be a string or a number or true or false',
      '13:17 /conditions/$and/6/$not missing required property "field"',
      '13:19 /conditions/$and/6/$not/feild unknown property "feild" | did you mean "field"?',
    ])
  })

  it('accepts every documented form, nested, with a description or null', async () => {
    expect(
      await problemsOf({
        name: 'Fine',
        description: null,
        conditions: {
          $and: [
            {field: 'lifetime_value', operator: 'gte', value: 100},
            {field: 'country', operator: 'nin', value: ['US', 'CA']},
            {field: 'company', operator: 'exists', value: null},
            {subscribedToTopic: ['topic_a'], notSubscribedToTopic: ['topic_b']},
            {$or: [{field: 'email', operator: 'endsWith', value: '@acme.com'}, {$not: {field: 'vip', operator: 'eq', value: true}}]},
          ],
        },
      }),
    ).toEqual([])
  })

  it('rejects an empty logical condition, a name over 100 characters and a missing conditions', async () => {
    expect(await problemsOf({name: 'x'.repeat(101), conditions: {}})).toEqual([
      '1:2 /name name must be at most 100 characters',
      '1:2 /conditions conditions must NOT have fewer than 1 properties',
    ].map((line) => expect.stringContaining(line.slice(4))))
    expect(await problemsOf({name: 'No conditions'})).toEqual([expect.stringContaining('missing required property "conditions"')])
  })
})

/** Push0 definitions are checked offline, every mistake at its line and column (schema, then check()). */
import {describe, expect, it} from 'vitest'
import {loadDefinitions} from '../../src/core/load/load-definitions.js'
import {validateDefinitions} from '../../src/core/validate/validate-definitions.js'
import {sortProblems} from '../../src/core/validate/problem.js'
import {push0} from '../../src/providers/push0/index.js'
import {schemaPath} from '../../src/util/package-root.js'
import {tempRepo} from '../helpers/temp-repo.js'

async function problems(files: Record<string, string | object>) {
  const repo = tempRepo(files)
  const loaded = await loadDefinitions(`${repo.dir}/segments`, {cwd: repo.dir})
  const result = validateDefinitions(loaded.files, push0, schemaPath(push0.schema))
  return sortProblems([...loaded.problems, ...result.problems]).map((p) => `${p.line}:${p.column} ${p.path} ${p.message}${p.hint ? ` | ${p.hint}` : ''}`)
}

const c = (field: string, relation: string, value: unknown) => JSON.stringify({field, relation, value})

describe('validate (Push0)', () => {
  it('rejects a group of 11 constraints at the group, and accepts 10', async () => {
    const constraints = (n: number) => Array.from({length: n}, (_, i) => `        ${c('sessionCount', '>', i)}`).join(',\n')
    const file = (n: number) => `{
  "name": "Too many",
  "constraints": [
    {
      "type": "AND",
      "constraints": [
${constraints(n)}
      ]
    }
  ]
}
`
    expect(await problems({'segments/ten.json': file(10)})).toEqual([])
    expect(await problems({'segments/eleven.json': file(11)})).toEqual(['6:22 /constraints/0/constraints constraints may have at most 10 items (has 11)'])
  })

  it('knows each field\'s type and the relations that type allows', async () => {
    const file = `{
  "name": "Typed",
  "constraints": [
    {"type": "AND", "constraints": [
      ${c('country', '>', 'PL')},
      ${c('sessionCount', '==', '5')},
      ${c('osVersion', '==', 13)},
      ${c('lastSession', 'starts_with', 1771924492768)},
      ${c('tags', '!=', 'beta')},
      ${c('contry', '==', 'PL')},
      ${c('email', 'EQUALS', 'a@b.c')}
    ]},
    {"type": "XOR", "constraints": [${c('type', '==', 'phone')}]}
  ]
}
`
    expect(await problems({'segments/typed.json': file})).toEqual([
      '5:37 /constraints/0/constraints/0/relation relation ">" is not allowed here; expected one of: exists, ==, !=, starts_with, ends_with, contains | did you mean "=="?',
      '6:55 /constraints/0/constraints/1/value value must be an integer',
      '7:52 /constraints/0/constraints/2/value value must be a string',
      '8:41 /constraints/0/constraints/3/relation relation "starts_with" is not allowed here; expected one of: ==, !=, >, >=, <, <=',
      '9:34 /constraints/0/constraints/4/relation relation "!=" is not allowed here; expected one of: ==, contains, exists | did you mean "=="?',
      '10:16 /constraints/0/constraints/5/field unknown field "contry"; expected one of: country, language, timezone, appVersion, appVersionCode, osApi, osVersion, customUserId, email, type, firstSession, lastSession, sessionCount, createdAt, id, pushToken, unRegisteredAt, deviceModel, deviceManufacturer, tags | did you mean "country"?',
      '11:35 /constraints/0/constraints/6/relation relation "EQUALS" is not allowed here; expected one of: exists, ==, !=, starts_with, ends_with, contains',
      '13:14 /constraints/1/type type "XOR" is not allowed here; expected one of: AND, OR | did you mean "OR"?',
    ])
  })

  it('checks documented value formats for exact comparisons (country, language, device type), not for partial ones', async () => {
    const file = `{
  "name": "Formats",
  "constraints": [
    {"type": "OR", "constraints": [
      ${c('country', '==', 'Poland')},
      ${c('language', '!=', 'en')},
      ${c('type', '==', 'phablet')},
      ${c('country', 'starts_with', 'P')},
      ${c('language', '==', 'pol')},
      ${c('type', '==', 'smartwatch')}
    ]}
  ]
}
`
    expect(await problems({'segments/formats.json': file})).toEqual([
      '5:50 /constraints/0/constraints/0/value country "Poland" is not a 2-letter ISO 3166-1 alpha-2 code | Push0 expects upper-case 2-letter country codes, e.g. "US", "PL".',
      '6:51 /constraints/0/constraints/1/value language "en" is not a 3-letter ISO 639-2 alpha-3 code | Push0 expects 3-letter language codes, e.g. "eng", "pol".',
      '7:47 /constraints/0/constraints/2/value device type "phablet" is not one Push0 knows | Accepted values: phone, tablet, smartwatch, desktop.',
    ])
  })

  it('needs constraints (an empty list targets all devices), and an absent segment needs only its name', async () => {
    expect(await problems({'segments/all.json': {name: 'All', constraints: []}, 'segments/gone.json': {name: 'Gone', ensure: 'absent'}})).toEqual([])
    expect(await problems({'segments/none.json': {name: 'None', description: 'x'}})).toEqual(['1:1 / missing required property "constraints"'])
  })
})

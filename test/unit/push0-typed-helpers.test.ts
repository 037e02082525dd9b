/**
 * TS definitions are typed from the Push0 schema: a relation a field's type does not allow, a
 * value of the wrong type, or an 11th constraint in a group is a type error in the editor.
 */
import {describe, expect, it} from 'vitest'
import {typeErrors} from '../helpers/type-check.js'

const header = `import {defineSegment} from 'segsync/push0'\n`
const c = (field: string, relation: string, value: string) => `{field: '${field}', relation: '${relation}', value: ${value}}`

describe('typed helpers (segsync/push0)', () => {
  it('accepts a correct definition with numeric and string fields', () => {
    expect(typeErrors(`${header}export default defineSegment({
  name: 'Lapsed Android users',
  description: 'No session for 30 days',
  constraints: [
    {type: 'AND', constraints: [${c('lastSession', '<', '1771924492768')}, ${c('sessionCount', '>=', '3')}]},
    {type: 'OR', constraints: [${c('deviceManufacturer', 'starts_with', "'Sams'")}, ${c('tags', 'contains', "'beta'")}]},
  ],
})\n`)).toEqual([])
  })

  it('makes a numeric relation on a String field a type error on its line', () => {
    const errors = typeErrors(`${header}export default defineSegment({
  name: 'X',
  constraints: [
    {type: 'AND', constraints: [
      ${c('country', '>', "'PL'")},
    ]},
  ],
})\n`)
    expect(errors.join('\n')).toMatch(/^6: .*Type '">"' is not assignable to type '"exists" \| "==" \| "!=" \| "starts_with" \| "ends_with" \| "contains"'/m)
  })

  it('makes a string value for an Int field a type error', () => {
    const errors = typeErrors(`${header}export default defineSegment({name: 'X', constraints: [{type: 'AND', constraints: [${c('sessionCount', '>', "'5'")}]}]})\n`)
    expect(errors.join('\n')).toMatch(/Types of property 'value' are incompatible.*Type 'string' is not assignable to type 'number'/)
  })

  it('makes an 11th constraint in a group a type error', () => {
    const ten = Array.from({length: 10}, (_, i) => c('sessionCount', '>', String(i))).join(', ')
    expect(typeErrors(`${header}export default defineSegment({name: 'X', constraints: [{type: 'AND', constraints: [${ten}]}]})\n`)).toEqual([])
    const eleven = Array.from({length: 11}, (_, i) => c('sessionCount', '>', String(i))).join(', ')
    expect(typeErrors(`${header}export default defineSegment({name: 'X', constraints: [{type: 'AND', constraints: [${eleven}]}]})\n`).join('\n')).toMatch(/Source has 11 element\(s\) but target allows only 10/)
  })

  it('makes an unknown key a type error', () => {
    expect(typeErrors(`${header}export default defineSegment({name: 'X', constraints: [], descripton: 'typo'})\n`).join('\n')).toMatch(/descripton/)
  })
})

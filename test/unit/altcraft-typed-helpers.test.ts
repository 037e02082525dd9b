/** TS definitions are typed from the schema: mistakes are type errors in the editor. */
import {describe, expect, it} from 'vitest'
import {typeErrors} from '../helpers/type-check.js'

const header = `import {defineSegment} from 'segsync/altcraft'\n`

describe('typed helpers (segsync/altcraft)', () => {
  it('accepts a correct definition with nested queries and dependsOn', () => {
    expect(typeErrors(`${header}export default defineSegment({
  name: 'EU women',
  dependsOn: ['Subscribers'],
  list_id: 5,
  is_static: true,
  is_refresh_daily: true,
  segment: [{condition: 'and', percent_to: 50, queries: [
    {compo: 'default', name: '_region', operator: 'equal', type: 'string', value: [{name: 'value', value: 'EU'}],
     child: [{compo: 'default', name: '_sex', operator: 'equal', type: 'string', value: [{name: 'value', value: 'f'}]}], condition: 'or'},
  ]}],
})\n`)).toEqual([])
  })

  it('makes a string list_id a type error on its line', () => {
    const errors = typeErrors(`${header}export default defineSegment({
  name: 'X',
  list_id: '5',
  segment: [{condition: 'and', queries: [{compo: 'default', name: 'a', operator: 'equal', type: 'string', value: []}]}],
})\n`)
    expect(errors.join('\n')).toMatch(/^4: .*'string'.*'number'/m)
  })

  it('makes a wrong block condition, an empty segment array and an unknown key type errors', () => {
    expect(typeErrors(`${header}export default defineSegment({name: 'X', list_id: 5, segment: [{condition: 'xor', queries: [{compo: 'd', name: 'a', operator: 'e', type: 's', value: []}]}]})\n`).join('\n')).toMatch(/xor/)
    expect(typeErrors(`${header}export default defineSegment({name: 'X', list_id: 5, segment: []})\n`).length).toBeGreaterThan(0)
    expect(typeErrors(`${header}export default defineSegment({name: 'X', list_id: 5, segmnet: []})\n`).join('\n')).toMatch(/segmnet/)
  })
})

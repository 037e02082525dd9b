/**
 * TS definitions are typed from the schema: a wrong operator for a field is a type error in the
 * editor, not only a validation error at run time.
 */
import {describe, expect, it} from 'vitest'
import {typeErrors} from '../helpers/type-check.js'

const header = `import {defineSegment, segment} from 'segsync/sequenzy'\n`

describe('typed helpers (segsync/sequenzy)', () => {
  it('accepts a correct definition with a typed segment reference', () => {
    expect(typeErrors(`${header}export default defineSegment({
  name: 'Trial',
  root: {kind: 'group', joinOperator: 'and', children: [
    {kind: 'filter', field: 'segment', operator: 'is_not', value: segment('Paying')},
    {kind: 'filter', field: 'event', operator: 'at_least', value: 'app.login:3:30d'},
  ]},
})\n`)).toEqual([])
  })

  it('makes a wrong operator for a field a type error on its line', () => {
    const errors = typeErrors(`${header}export default defineSegment({
  name: 'Trial',
  root: {kind: 'group', joinOperator: 'and', children: [
    {kind: 'filter', field: 'status', operator: 'at_least', value: 'active'},
  ]},
})\n`)
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.join('\n')).toMatch(/^5: .*at_least/m)
  })

  it('makes an unknown key a type error', () => {
    expect(typeErrors(`${header}export default defineSegment({name: 'X', rooot: {}})\n`).join('\n')).toMatch(/rooot/)
  })
})

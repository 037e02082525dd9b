/**
 * TS definitions are typed from the schema: an unknown operator, a time operator without its
 * unit, or a membership filter without a segment() reference is a type error in the editor.
 */
import {describe, expect, it} from 'vitest'
import {typeErrors} from '../helpers/type-check.js'

const header = `import {defineSegment, segment} from 'segsync/mailglyph'\n`

describe('typed helpers (segsync/mailglyph)', () => {
  it('accepts a correct definition with nested conditions and a typed segment reference', () => {
    expect(typeErrors(`${header}export default defineSegment({
  name: 'Engaged non-payers',
  description: 'For the upsell flow',
  trackMembership: true,
  condition: {logic: 'AND', groups: [
    {filters: [{field: segment('Paying'), operator: 'notMemberOfSegment'}, {field: 'email.opened', operator: 'triggeredWithin', value: 14, unit: 'days'}]},
    {filters: [], conditions: {logic: 'OR', groups: [{filters: [{field: 'data.plan', operator: 'equals', value: 'free'}, {field: 'data.vip', operator: 'exists'}]}]}},
  ]},
})\n`)).toEqual([])
  })

  it('makes a time operator without a unit a type error on its line', () => {
    const errors = typeErrors(`${header}export default defineSegment({
  name: 'Recent',
  condition: {logic: 'AND', groups: [{filters: [
    {field: 'createdAt', operator: 'within', value: 30},
  ]}]},
})\n`)
    expect(errors.join('\n')).toMatch(/^5: /m)
  })

  it('makes an unknown operator, a lower-case logic and a string segment id type errors', () => {
    expect(typeErrors(`${header}export default defineSegment({name: 'X', condition: {logic: 'AND', groups: [{filters: [{field: 'email', operator: 'startsWith', value: 'a'}]}]}})\n`).length).toBeGreaterThan(0)
    expect(typeErrors(`${header}export default defineSegment({name: 'X', condition: {logic: 'and', groups: [{filters: []}]}})\n`).join('\n')).toMatch(/"and"/)
    expect(typeErrors(`${header}export default defineSegment({name: 'X', condition: {logic: 'OR', groups: [{filters: [{field: 'seg_1', operator: 'memberOfSegment'}]}]}})\n`).length).toBeGreaterThan(0)
  })
})

/**
 * TS definitions are typed from the Kibamail schema: an unknown operator, a list without in/nin or
 * a null value without exists is a type error in the editor, on its line.
 */
import {describe, expect, it} from 'vitest'
import {typeErrors} from '../helpers/type-check.js'

const header = `import {defineSegment} from 'segsync/kibamail'\n`

const withCondition = (condition: string) => `${header}export default defineSegment({
  name: 'S',
  conditions: {$and: [
    ${condition},
  ]},
})\n`

describe('typed helpers (segsync/kibamail)', () => {
  it('accepts every condition kind, nested, with a nullable description', () => {
    expect(typeErrors(`${header}export default defineSegment({
  name: 'High-value US',
  description: null,
  conditions: {$and: [
    {field: 'country', operator: 'eq', value: 'US'},
    {field: 'plan', operator: 'in', value: ['pro', 'team']},
    {field: 'company', operator: 'exists', value: null},
    {subscribedToTopic: ['topic_news']},
    {$or: [{field: 'lifetime_value', operator: 'gte', value: 100}, {$not: {notSubscribedToTopic: ['topic_spam']}}]},
  ]},
})\n`)).toEqual([])
  })

  it.each([
    ["{field: 'country', operator: 'equals', value: 'US'}", /equals/],
    ["{field: 'country', operator: 'eq', value: null}", /null/],
    ["{field: 'country', operator: 'eq', value: ['US', 'CA']}", /string\[\]|not assignable/],
    ["{field: 'country', operator: 'in', value: 'US'}", /not assignable/],
  ])('makes %s a type error on its line', (condition, message) => {
    const errors = typeErrors(withCondition(condition))
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.join('\n')).toMatch(/^5: /m)
    expect(errors.join('\n')).toMatch(message)
  })

  it('makes an unknown key a type error, and has no segment() helper (Kibamail cannot reference segments)', () => {
    expect(typeErrors(`${header}export default defineSegment({name: 'X', condition: {field: 'a', operator: 'eq', value: 1}})\n`).join('\n')).toMatch(/condition/)
    expect(typeErrors(`import {segment} from 'segsync/kibamail'\nexport default segment\n`).join('\n')).toMatch(/segment/)
  })
})

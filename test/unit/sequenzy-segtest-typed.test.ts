/**
 * `defineSegmentTest` from segsync/sequenzy is typed by schemas/sequenzy/profile.schema.json: a
 * profile shaped unlike a Sequenzy subscriber is a type error in the editor, as it is a validation
 * error (exit 3) at run time.
 */
import {describe, expect, it} from 'vitest'
import {typeErrors} from '../helpers/type-check.js'

const test = (profile: string) => `import {defineSegmentTest} from 'segsync/sequenzy'
export default defineSegmentTest({
  now: '2026-11-30T12:00:00Z',
  profiles: [
    ${profile},
  ],
  expect: [{segment: 'VIP subscribers', members: ['alice']}],
})\n`

describe('typed segment tests (segsync/sequenzy)', () => {
  it('accepts a subscriber as Sequenzy filters read it', () => {
    expect(typeErrors(test(`{id: 'alice', status: 'active', tags: ['vip'], attributes: {plan: 'pro', mrr: 50}, lists: ['list_1'], events: [{name: 'saas.purchase', at: '2026-11-01T00:00:00Z'}], emails: [{type: 'bounced', at: '2026-11-02T00:00:00Z', campaignId: 'cmp_1', bounceType: 'temporary'}]}`))).toEqual([])
  })

  it('makes a profile unlike a subscriber a type error on its line: a status, an activity type, a field it has no place for', () => {
    const one = (profile: string) => `defineSegmentTest({profiles: [${profile}], expect: [{segment: 'S', members: ['a']}]})`
    const source = [`import {defineSegmentTest} from 'segsync/sequenzy'`, one(`{id: 'a', status: 'paused'}`), one(`{id: 'a', emails: [{type: 'read', at: '2026-11-02T00:00:00Z'}]}`), one(`{id: 'a', stripe: {product: 'prod_pro'}}`)].join('\n')
    const errors = typeErrors(source).join('\n')
    expect(errors).toMatch(/^2: .*paused/m)
    expect(errors).toMatch(/^3: .*read/m)
    expect(errors).toMatch(/^4: .*stripe/m)
  })
})

/**
 * MailGlyph's evaluator against its documented semantics (seed 000, OpenAPI `SegmentFilter`,
 * vendors.md §1.5) and the open points in semantics.ts: operator by operator on each kind of
 * field, time units and boundaries, groups and nested conditions, and segment references.
 */
import {describe, expect, it} from 'vitest'
import type {Definition} from '../../src/core/model.js'
import type {Explained} from '../../src/core/provider.js'
import {explain} from '../../src/core/segtest/explain.js'
import {runTests} from '../../src/core/segtest/run-tests.js'
import {evaluate} from '../../src/providers/mailglyph/evaluate.js'
import {mailglyph} from '../../src/providers/mailglyph/index.js'

const now = new Date('2026-11-30T12:00:00Z')
const ctx = {now, inSegment: () => undefined}
const contact = {
  id: 'ann',
  email: 'Ann@Example.com',
  subscribed: true,
  createdAt: '2026-11-01T09:00:00Z',
  // Exactly one day before `now`: the boundary of "within 1 day".
  updatedAt: '2026-11-29T12:00:00Z',
  data: {plan: 'pro', company_size: 12, signup: '2026-11-20', vip: true, note: null, 'a.b': 'dotted', renews: '2027-01-01T00:00:00Z'},
  events: [
    {name: 'purchase', at: '2026-11-25T12:00:00Z'},
    {name: 'purchase', at: '2026-10-01T00:00:00Z'},
  ],
  emails: [
    {type: 'opened', at: '2026-11-28T12:00:00Z'},
    {type: 'clicked', at: '2026-11-16T12:00:00Z'},
  ],
}
const f = (field: unknown, operator: string, value?: unknown, unit?: string) => ({field, operator, ...(value !== undefined ? {value} : {}), ...(unit ? {unit} : {})})
const one = (...filters: unknown[]) => ({condition: {logic: 'AND', groups: [{filters}]}})
const holds = (filter: unknown, profile: Record<string, unknown> = contact) => evaluate(one(filter), profile, ctx).value

describe('MailGlyph evaluator: contact fields', () => {
  it.each([
    ['email equals, case-insensitive', f('email', 'equals', 'ann@example.com'), true],
    ['email notEquals', f('email', 'notEquals', 'ANN@example.com'), false],
    ['email contains, case-insensitive', f('email', 'contains', '@EXAMPLE'), true],
    ['email notContains', f('email', 'notContains', 'example.org'), true],
    ['subscribed equals true', f('subscribed', 'equals', true), true],
    ['subscribed equals false', f('subscribed', 'equals', false), false],
    ['subscribed equals "true": only the boolean true means subscribed', f('subscribed', 'equals', 'true'), false],
    ['subscribed notEquals true', f('subscribed', 'notEquals', true), false],
    ['subscribed notEquals false', f('subscribed', 'notEquals', false), true],
    ['createdAt equals a day: the whole UTC day', f('createdAt', 'equals', '2026-11-01'), true],
    ['createdAt equals another day', f('createdAt', 'equals', '2026-11-02'), false],
    ['createdAt notEquals its day', f('createdAt', 'notEquals', '2026-11-01'), false],
    ['createdAt greaterThan', f('createdAt', 'greaterThan', '2026-10-31T23:59:59Z'), true],
    ['createdAt greaterThan itself', f('createdAt', 'greaterThan', '2026-11-01T09:00:00Z'), false],
    ['createdAt greaterThanOrEqual itself', f('createdAt', 'greaterThanOrEqual', '2026-11-01T09:00:00Z'), true],
    ['createdAt lessThan', f('createdAt', 'lessThan', '2026-11-01T09:00:00Z'), false],
    ['createdAt lessThanOrEqual itself', f('createdAt', 'lessThanOrEqual', '2026-11-01T09:00:00Z'), true],
    ['createdAt greaterThan epoch milliseconds', f('createdAt', 'greaterThan', Date.parse('2026-10-01T00:00:00Z')), true],
    ['createdAt within 30 days', f('createdAt', 'within', 30, 'days'), true],
    ['createdAt within 29 days', f('createdAt', 'within', 29, 'days'), false],
    ['createdAt olderThan 29 days', f('createdAt', 'olderThan', 29, 'days'), true],
    ['createdAt olderThan 30 days', f('createdAt', 'olderThan', 30, 'days'), false],
  ])('%s', (_, filter, expected) => {
    expect(holds(filter)).toBe(expected)
  })

  it('within counts its boundary in every unit (inclusive), olderThan is strictly before it', () => {
    expect([holds(f('updatedAt', 'within', 1, 'days')), holds(f('updatedAt', 'within', 24, 'hours')), holds(f('updatedAt', 'within', 1440, 'minutes'))]).toEqual([true, true, true])
    expect([holds(f('updatedAt', 'within', 23, 'hours')), holds(f('updatedAt', 'within', 1439, 'minutes'))]).toEqual([false, false])
    expect([holds(f('updatedAt', 'olderThan', 1, 'days')), holds(f('updatedAt', 'olderThan', 1439, 'minutes'))]).toEqual([false, true])
  })

  it('a missing subscribed is MailGlyph\'s default (true); a missing email or date is not evaluable, named', () => {
    expect(holds(f('subscribed', 'equals', true), {id: 'x'})).toBe(true)
    const verdict = evaluate(one(f('createdAt', 'within', 7, 'days')), {id: 'x'}, ctx)
    expect(verdict).toMatchObject({value: 'unknown', because: 'the profile has no createdAt (every MailGlyph contact has one)'})
    expect(holds(f('email', 'contains', 'a'), {id: 'x'})).toBe('unknown')
  })

  it('a field or operator MailGlyph does not evaluate is never guessed', () => {
    expect(evaluate(one(f('plan', 'equals', 'pro')), contact, ctx)).toMatchObject({value: 'unknown', because: expect.stringContaining('no field "plan"') as unknown})
    expect(holds(f('email', 'greaterThan', 'a'))).toBe('unknown')
    expect(holds(f('subscribed', 'exists'))).toBe('unknown')
  })
})

describe('MailGlyph evaluator: custom data fields', () => {
  it.each([
    ['equals', f('data.plan', 'equals', 'pro'), true],
    ['equals is case-sensitive', f('data.plan', 'equals', 'Pro'), false],
    ['equals a number', f('data.company_size', 'equals', 12), true],
    ['equals never converts types', f('data.company_size', 'equals', '12'), false],
    ['equals a boolean', f('data.vip', 'equals', true), true],
    ['equals a date: the whole UTC day', f('data.signup', 'equals', '2026-11-20'), true],
    ['notEquals', f('data.plan', 'notEquals', 'free'), true],
    ['notEquals its value', f('data.plan', 'notEquals', 'pro'), false],
    ['notEquals a missing field does not match', f('data.country', 'notEquals', 'US'), false],
    ['notEquals a null field does not match', f('data.note', 'notEquals', 'x'), false],
    ['contains', f('data.plan', 'contains', 'pr'), true],
    ['contains is case-sensitive', f('data.plan', 'contains', 'PR'), false],
    ['contains reads text only', f('data.company_size', 'contains', '1'), false],
    ['notContains', f('data.plan', 'notContains', 'team'), true],
    ['notContains on a number', f('data.company_size', 'notContains', '1'), true],
    ['notContains a missing field does not match', f('data.country', 'notContains', 'US'), false],
    ['greaterThan', f('data.company_size', 'greaterThan', 10), true],
    ['greaterThan never across types', f('data.company_size', 'greaterThan', '10'), false],
    ['greaterThan on ISO dates as text', f('data.signup', 'greaterThan', '2026-11-01'), true],
    ['lessThan', f('data.company_size', 'lessThan', 12), false],
    ['greaterThanOrEqual at the boundary', f('data.company_size', 'greaterThanOrEqual', 12), true],
    ['lessThanOrEqual at the boundary', f('data.company_size', 'lessThanOrEqual', 12), true],
    ['exists', f('data.plan', 'exists'), true],
    ['exists on a null value', f('data.note', 'exists'), false],
    ['notExists on a missing field', f('data.country', 'notExists'), true],
    ['notExists on a value', f('data.plan', 'notExists'), false],
    ['within a date string', f('data.signup', 'within', 14, 'days'), true],
    ['olderThan a date string', f('data.signup', 'olderThan', 14, 'days'), false],
    ['within has no upper bound: a future date is within', f('data.renews', 'within', 1, 'days'), true],
    ['within on a value that is no date', f('data.plan', 'within', 14, 'days'), false],
    ['a key with a dot is one key', f('data.a.b', 'equals', 'dotted'), true],
  ])('%s', (_, filter, expected) => {
    expect(holds(filter)).toBe(expected)
  })

  it('a profile without data has no custom field', () => {
    expect([holds(f('data.plan', 'exists'), {id: 'x'}), holds(f('data.plan', 'notExists'), {id: 'x'})]).toEqual([false, true])
  })
})

describe('MailGlyph evaluator: events and email activity', () => {
  it.each([
    ['triggered', f('event.purchase', 'triggered'), true],
    ['triggered reads the exact name', f('event.Purchase', 'triggered'), false],
    ['notTriggered', f('event.refund', 'notTriggered'), true],
    ['notTriggered after one', f('event.purchase', 'notTriggered'), false],
    ['triggeredWithin', f('event.purchase', 'triggeredWithin', 7, 'days'), true],
    ['triggeredWithin, too short', f('event.purchase', 'triggeredWithin', 3, 'days'), false],
    ['triggeredOlderThan: before, and not since', f('event.purchase', 'triggeredOlderThan', 3, 'days'), true],
    ['triggeredOlderThan: a recent one too', f('event.purchase', 'triggeredOlderThan', 7, 'days'), false],
    ['triggeredOlderThan: never', f('event.refund', 'triggeredOlderThan', 1, 'days'), false],
    ['email triggered', f('email.clicked', 'triggered'), true],
    ['email notTriggered', f('email.bounced', 'notTriggered'), true],
    ['email triggeredWithin its boundary (hours)', f('email.opened', 'triggeredWithin', 48, 'hours'), true],
    ['email triggeredWithin, too short (minutes)', f('email.opened', 'triggeredWithin', 2879, 'minutes'), false],
    ['email triggeredOlderThan at the boundary', f('email.clicked', 'triggeredOlderThan', 14, 'days'), false],
    ['email triggeredOlderThan past the boundary', f('email.clicked', 'triggeredOlderThan', 13, 'days'), true],
  ])('%s', (_, filter, expected) => {
    expect(holds(filter)).toBe(expected)
  })

  it('a profile without events or emails has none', () => {
    expect([holds(f('email.opened', 'triggered'), {id: 'x'}), holds(f('event.purchase', 'notTriggered'), {id: 'x'})]).toEqual([false, true])
  })

  it('an unknown email activity or a field operator on an event is not evaluable', () => {
    expect(holds(f('email.read', 'triggered'))).toBe('unknown')
    expect(holds(f('event.purchase', 'equals', 1))).toBe('unknown')
  })
})

describe('MailGlyph evaluator: groups and nesting', () => {
  it('ANDs the filters and the nested condition of a group; combines groups by logic; explains each value', () => {
    const body = {
      condition: {
        logic: 'AND',
        groups: [
          {
            filters: [f('event.purchase', 'triggeredWithin', 30, 'days'), f('event.refund', 'notTriggered')],
            conditions: {logic: 'OR', groups: [{filters: [f('data.company_size', 'greaterThanOrEqual', 50)]}, {filters: [f('email.clicked', 'triggered')]}]},
          },
        ],
      },
    }
    const verdict = evaluate(body, contact, ctx)
    expect(verdict.value).toBe(true)
    expect(explain(verdict)).toBe('AND(event.purchase triggeredWithin 30 days ✓, event.refund notTriggered ✓, OR(data.company_size greaterThanOrEqual 50 ✗, email.clicked triggered ✓))')
  })

  it('OR needs one group, AND every group', () => {
    const groups = [{filters: [f('data.plan', 'equals', 'team')]}, {filters: [f('data.plan', 'equals', 'pro')]}]
    expect(evaluate({condition: {logic: 'OR', groups}}, contact, ctx).value).toBe(true)
    expect(evaluate({condition: {logic: 'AND', groups}}, contact, ctx).value).toBe(false)
  })

  it('decides around what it cannot: false AND unknown is false, true OR unknown is true', () => {
    const unknown = f('createdAt', 'within', 7, 'days')
    expect(evaluate(one(unknown, f('data.plan', 'equals', 'free')), {id: 'x', data: {plan: 'pro'}}, ctx).value).toBe(false)
    const or = {condition: {logic: 'OR', groups: [{filters: [unknown]}, {filters: [f('data.plan', 'equals', 'pro')]}]}}
    expect(evaluate(or, {id: 'x', data: {plan: 'pro'}}, ctx).value).toBe(true)
    expect(evaluate(one(unknown, f('data.plan', 'equals', 'pro')), {id: 'x', data: {plan: 'pro'}}, ctx).value).toBe('unknown')
  })

  it('a segment without a condition (STATIC) is not evaluable', () => {
    expect(evaluate({condition: null}, contact, ctx).value).toBe('unknown')
  })
})

describe('MailGlyph evaluator: segment references', () => {
  const segments: Record<string, Explained> = {
    Paying: {text: 'data.plan equals "pro"', value: true},
    Lapsed: {text: 'event.purchase notTriggered', value: false},
    Unsure: {text: 'createdAt within 7 days', value: 'unknown', because: 'the profile has no createdAt'},
  }
  const refCtx = (seen: unknown[] = []) => ({now, inSegment: (ref: unknown) => (seen.push(ref), segments[typeof ref === 'string' ? ref : (ref as {$segment: string}).$segment])})

  it('memberOfSegment and notMemberOfSegment read the other segment, by { $segment } or by id', () => {
    const seen: unknown[] = []
    const member = (field: unknown, operator = 'memberOfSegment') => evaluate(one(f(field, operator)), contact, refCtx(seen)).value
    expect([member({$segment: 'Paying'}), member({$segment: 'Paying'}, 'notMemberOfSegment'), member('Lapsed'), member('segment.Lapsed', 'notMemberOfSegment')]).toEqual([true, false, false, true])
    // MailGlyph's `segment.<id>` form reaches the context as the bare id.
    expect(seen).toEqual([{$segment: 'Paying'}, {$segment: 'Paying'}, 'Lapsed', 'Lapsed'])
  })

  it('a reference it cannot follow, or a segment it cannot decide, is not evaluable and says why', () => {
    expect(evaluate(one(f({$segment: 'Gone'}, 'memberOfSegment')), contact, refCtx())).toMatchObject({value: 'unknown', because: 'no segment {"$segment":"Gone"} is known to evaluate'})
    expect(evaluate(one(f({$segment: 'Unsure'}, 'notMemberOfSegment')), contact, refCtx())).toMatchObject({value: 'unknown', because: 'createdAt within 7 days: the profile has no createdAt'})
    expect(explain(evaluate(one(f({$segment: 'Paying'}, 'memberOfSegment'), f('data.vip', 'equals', false)), contact, refCtx()))).toBe('AND(member of segment "Paying" ✓, data.vip equals false ✗)')
  })
})

describe('MailGlyph segment tests: references through the referenced definition', () => {
  const source = {file: 'segments/t.segtest.json', kind: 'json' as const, locate: () => ({line: 3, column: 1})}
  const definition = (name: string, body: Record<string, unknown>): Definition => ({name, renamedFrom: [], dependsOn: [], protected: false, ensure: 'present', body, source})
  const definitions = [
    definition('Paying', one(f('data.plan', 'equals', 'pro'))),
    definition('Trials to convert', one(f({$segment: 'Paying'}, 'notMemberOfSegment'), f('event.trial_started', 'triggeredWithin', 14, 'days'))),
  ]

  it('evaluates notMemberOfSegment through the other definition, with the file\'s now', () => {
    const profiles = [
      {id: 'trial', events: [{name: 'trial_started', at: '2026-11-20T00:00:00Z'}]},
      {id: 'paying-trial', data: {plan: 'pro'}, events: [{name: 'trial_started', at: '2026-11-20T00:00:00Z'}]},
    ]
    const results = runTests('w', mailglyph, definitions, [{source, now, profiles, expect: [{segment: 'Trials to convert', members: ['trial', 'paying-trial'], nonMembers: []}]}])
    expect(results.map((r) => [r.profile, r.actual, r.explanation])).toEqual([
      ['trial', 'member', 'AND(not member of segment "Paying" ✓, event.trial_started triggeredWithin 14 days ✓)'],
      ['paying-trial', 'nonMember', 'AND(not member of segment "Paying" ✗, event.trial_started triggeredWithin 14 days ✓)'],
    ])
  })
})

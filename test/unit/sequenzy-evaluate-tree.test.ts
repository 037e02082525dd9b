/**
 * Sequenzy's evaluator over whole bodies: nested v2 groups, the legacy `filters` form, Kleene's
 * three values, and `segment is/is_not` references (through ctx.inSegment, and through the
 * definitions when `segsync test` runs them).
 */
import {describe, expect, it} from 'vitest'
import type {EvaluationContext} from '../../src/core/provider.js'
import {explain, undecided} from '../../src/core/segtest/explain.js'
import {runTests} from '../../src/core/segtest/run-tests.js'
import {evaluate} from '../../src/providers/sequenzy/evaluate.js'
import {sequenzy} from '../../src/providers/sequenzy/index.js'
import {fakeDefinition} from '../helpers/fake-provider.js'

const now = new Date('2026-11-30T12:00:00Z')
const ctx: EvaluationContext = {now, inSegment: () => undefined}
const f = (field: string, operator: string, value?: unknown) => ({kind: 'filter', field, operator, ...(value !== undefined ? {value} : {})})
const and = (...children: unknown[]) => ({kind: 'group', joinOperator: 'and', children})
const or = (...children: unknown[]) => ({kind: 'group', joinOperator: 'or', children})
const bob = {id: 'bob', status: 'active', tags: ['trial'], events: [{name: 'saas.purchase', at: '2026-11-01T00:00:00Z'}], emails: []}

describe('Sequenzy evaluator: trees', () => {
  it('nests and/or groups to any depth, and explains each value', () => {
    const root = and(f('status', 'is', 'active'), or(f('tag', 'contains', 'vip'), and(f('tag', 'contains', 'trial'), f('event', 'is_not', 'saas.purchase:7d'))))
    const verdict = evaluate({root}, bob, ctx)
    expect(verdict.value).toBe(true)
    expect(explain(verdict)).toBe('AND(status is active ✓, OR(tag contains vip ✗, AND(tag contains trial ✓, event is_not saas.purchase:7d ✓)))')
    expect(evaluate({root: and(f('status', 'is', 'active'), f('tag', 'contains', 'vip'))}, bob, ctx).value).toBe(false)
  })

  it('reads the legacy filters with their filterJoinOperator (remote segments)', () => {
    const filters = [f('status', 'is', 'unsubscribed'), f('tag', 'contains', 'trial')].map(({kind: _k, ...leaf}) => leaf)
    expect(evaluate({filters, filterJoinOperator: 'or'}, bob, ctx).value).toBe(true)
    expect(evaluate({filters, filterJoinOperator: 'and'}, bob, ctx).value).toBe(false)
    expect(evaluate({filters}, bob, ctx).value).toBe(false)
  })

  it('decides around what it cannot read (Kleene): false AND unknown is false, true OR unknown is true', () => {
    const stripe = f('stripeCurrentProduct', 'is', 'prod_pro')
    expect(evaluate({root: and(stripe, f('status', 'is', 'unsubscribed'))}, bob, ctx).value).toBe(false)
    expect(evaluate({root: or(stripe, f('status', 'is', 'active'))}, bob, ctx).value).toBe(true)
    const open = evaluate({root: and(stripe, f('status', 'is', 'active'))}, bob, ctx)
    expect(open.value).toBe('unknown')
    expect(explain(open)).toBe('AND(stripeCurrentProduct is prod_pro ? (not evaluable: Stripe subscriptions are not part of a profile), status is active ✓)')
    // A skipped result names only what left it open: the trial filter inside a true OR does not.
    const trial = evaluate({root: and(stripe, or(f('stripeTrialProduct', 'is', 'prod_pro'), f('tag', 'contains', 'trial')))}, bob, ctx)
    expect(undecided(trial)).toEqual(['stripeCurrentProduct is prod_pro: Stripe subscriptions are not part of a profile'])
  })
})

describe('Sequenzy evaluator: segment references', () => {
  const base = {root: and(f('status', 'is', 'active'), f('event', 'is_not', 'saas.purchase:7d'))}
  const byId: EvaluationContext = {now, inSegment: (ref) => (ref === 'seg_base' ? evaluate(base, bob, {now, inSegment: () => undefined}) : undefined)}

  it('is / is_not: the other segment\'s verdict for the same profile, shown inside', () => {
    const is = evaluate({root: and(f('segment', 'is', 'seg_base'), f('tag', 'contains', 'trial'))}, bob, byId)
    expect(is.value).toBe(true)
    expect(explain(is)).toBe('AND(in segment "seg_base"(AND(status is active ✓, event is_not saas.purchase:7d ✓)), tag contains trial ✓)')
    const isNot = evaluate({root: and(f('segment', 'is_not', 'seg_base'))}, bob, byId)
    expect(isNot.value).toBe(false)
    expect(explain(isNot)).toBe('AND(NOT(in segment "seg_base"(AND(status is active ✓, event is_not saas.purchase:7d ✓))) ✗)')
  })

  it('a segment it does not know is not evaluable, naming it', () => {
    const verdict = evaluate({root: and(f('segment', 'is', 'seg_gone'))}, bob, byId)
    expect(verdict.value).toBe('unknown')
    expect(verdict.children![0]!.because).toBe('segment "seg_gone" is not known here')
  })

  it('segsync test follows { $segment } through the referenced definition, and an undecidable one through is_not', () => {
    const definitions = [
      fakeDefinition('Active', []),
      fakeDefinition('Paying', []),
      fakeDefinition('Nurture', []),
    ]
    definitions[0]!.body = {root: and(f('status', 'is', 'active'))}
    definitions[1]!.body = {root: and(f('stripeCurrentProduct', 'is', 'prod_pro'))}
    definitions[2]!.body = {root: and(f('segment', 'is', {$segment: 'Active'}), f('segment', 'is_not', {$segment: 'Paying'}))}
    const source = {file: 'segments/a.segtest.json', kind: 'json' as const, locate: () => undefined}
    const profiles = [bob, {id: 'gone', status: 'unsubscribed'}]
    const results = runTests('w', sequenzy, definitions, [{source, now, profiles, expect: [{segment: 'Nurture', members: ['bob'], nonMembers: ['gone']}]}])
    expect(results.map((r) => [r.profile, r.actual, r.explanation])).toEqual([
      ['bob', 'skipped', 'not evaluable offline: stripeCurrentProduct is prod_pro: Stripe subscriptions are not part of a profile'],
      ['gone', 'nonMember', 'AND(in segment "Active"(AND(status is active ✗)), NOT(in segment "Paying"(AND(stripeCurrentProduct is prod_pro ? (not evaluable: Stripe subscriptions are not part of a profile)))) ?)'],
    ])
  })
})

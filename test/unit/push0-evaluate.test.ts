/**
 * Push0's evaluator against its documented semantics (seed 003, vendors.md §4.4): every relation of
 * the table on String, Int and Long fields, the upper-case aliases, tags, groups ANDed with each
 * other and joined inside by their type, and the open points in semantics.ts.
 */
import {describe, expect, it} from 'vitest'
import {evaluate} from '../../src/providers/push0/evaluate.js'
import {explain} from '../../src/core/segtest/explain.js'

const ctx = {now: new Date('2026-11-30T12:00:00Z'), inSegment: () => undefined}
const device = {
  id: 'dev_1',
  country: 'PL',
  language: 'pol',
  deviceManufacturer: 'Samsung',
  deviceModel: 'Galaxy S26',
  email: '',
  appVersionCode: 120,
  sessionCount: 50,
  lastSession: 1767225600000,
  tags: ['vip', 'beta-tester'],
}
const c = (field: string, relation: string, value: unknown) => ({field, relation, value})
const verdict = (constraints: unknown[], profile: Record<string, unknown> = device) => evaluate({constraints}, profile, ctx)
const holds = (constraint: unknown, profile: Record<string, unknown> = device) => verdict([{type: 'AND', constraints: [constraint]}], profile).value

describe('Push0 evaluator: relations', () => {
  it.each([
    ['exists on a String field', c('country', 'exists', ''), true],
    ['exists ignores its value', c('country', 'exists', 'DE'), true],
    ['exists on a field absent from the profile', c('timezone', 'exists', ''), false],
    ['exists on an empty string: a value', c('email', 'exists', ''), true],
    ['== on a String field', c('country', '==', 'PL'), true],
    ['== another value', c('country', '==', 'DE'), false],
    ['== is case-sensitive', c('country', '==', 'pl'), false],
    ['!= another value', c('country', '!=', 'DE'), true],
    ['!= the same value', c('country', '!=', 'PL'), false],
    ['!= on an absent field', c('timezone', '!=', 'Europe/Warsaw'), false],
    ['== on an absent field', c('timezone', '==', 'Europe/Warsaw'), false],
    ['starts_with', c('deviceModel', 'starts_with', 'Galaxy'), true],
    ['starts_with elsewhere in the text', c('deviceModel', 'starts_with', 'S26'), false],
    ['starts_with is case-sensitive', c('deviceModel', 'starts_with', 'galaxy'), false],
    ['ends_with', c('deviceModel', 'ends_with', 'S26'), true],
    ['ends_with elsewhere in the text', c('deviceModel', 'ends_with', 'Galaxy'), false],
    ['contains', c('deviceManufacturer', 'contains', 'msun'), true],
    ['contains is case-sensitive', c('deviceManufacturer', 'contains', 'SUNG'), false],
    ['contains on an absent field', c('timezone', 'contains', 'Europe'), false],
    ['starts_with on an absent field', c('timezone', 'starts_with', 'Europe'), false],
    ['the device id is the profile id', c('id', '==', 'dev_1'), true],
  ])('%s', (_, constraint, expected) => {
    expect(holds(constraint)).toBe(expected)
  })

  it.each([
    ['== on an Int field', c('sessionCount', '==', 50), true],
    ['!= on an Int field', c('sessionCount', '!=', 50), false],
    ['> at the boundary', c('sessionCount', '>', 50), false],
    ['> below the value', c('sessionCount', '>', 49), true],
    ['>= at the boundary', c('sessionCount', '>=', 50), true],
    ['< at the boundary', c('appVersionCode', '<', 120), false],
    ['< above the value', c('appVersionCode', '<', 121), true],
    ['<= at the boundary', c('appVersionCode', '<=', 120), true],
    ['<= below the value', c('appVersionCode', '<=', 119), false],
    ['a Long compares epoch milliseconds: ==', c('lastSession', '==', 1767225600000), true],
    ['a Long, one millisecond earlier: <', c('lastSession', '<', 1767225600000), false],
    ['a Long, one millisecond later: >', c('lastSession', '>', 1767225599999), true],
    ['a Long: >=', c('lastSession', '>=', 1767225600001), false],
    ['a Long: <=', c('lastSession', '<=', 1767225600000), true],
    ['a Long: !=', c('lastSession', '!=', 1767225600001), true],
    ['a Long absent from the profile', c('unRegisteredAt', '<', 9e15), false],
    ['!= on an absent Long', c('unRegisteredAt', '!=', 0), false],
    ['a string value on an Int field is not coerced', c('sessionCount', '==', '50'), false],
    ['a number value on a String field is not coerced', c('appVersion', '==', 120), false],
  ])('%s', (_, constraint, expected) => {
    expect(holds(constraint)).toBe(expected)
  })

  it.each([
    ['EQUALS', '==', 'PL'],
    ['NOT_EQUALS', '!=', 'PL'],
    ['CONTAINS', 'contains', 'P'],
    ['STARTS_WITH', 'starts_with', 'P'],
    ['ENDS_WITH', 'ends_with', 'L'],
    ['EXISTS', 'exists', ''],
  ])('reads the alias %s as %s', (alias, symbol, value) => {
    for (const country of ['PL', 'DE']) {
      const profile = {id: 'd', country}
      expect(holds(c('country', alias, value), profile)).toBe(holds(c('country', symbol, value), profile))
    }
    expect(verdict([{type: 'AND', constraints: [c('country', alias, value)]}]).children![0]!.children![0]!.text).toContain(`country ${symbol}`)
  })

  it('EQUALS works on numbers too', () => {
    expect(holds(c('sessionCount', 'EQUALS', 50))).toBe(true)
    expect(holds(c('sessionCount', 'NOT_EQUALS', 50))).toBe(false)
  })
})

describe('Push0 evaluator: tags (a String Array, membership)', () => {
  it.each([
    ['contains a tag of the device', c('tags', 'contains', 'vip'), true],
    ['contains is membership, not a substring', c('tags', 'contains', 'beta'), false],
    ['== a tag of the device', c('tags', '==', 'beta-tester'), true],
    ['== a tag it lacks', c('tags', '==', 'churned'), false],
    ['exists a tag of the device', c('tags', 'exists', 'vip'), true],
    ['exists a tag it lacks', c('tags', 'exists', 'churned'), false],
    ['membership is case-sensitive', c('tags', 'contains', 'VIP'), false],
  ])('%s', (_, constraint, expected) => {
    expect(holds(constraint)).toBe(expected)
  })

  it('a device without tags, or with none, has no tag', () => {
    expect(holds(c('tags', 'contains', 'vip'), {id: 'x'})).toBe(false)
    expect(holds(c('tags', 'exists', 'vip'), {id: 'x', tags: []})).toBe(false)
  })
})

describe('Push0 evaluator: groups', () => {
  it('targets all devices with constraints: []', () => {
    const v = verdict([], {id: 'anything'})
    expect(v.value).toBe(true)
    expect(explain(v)).toBe('all devices (no constraints) ✓')
  })

  it('joins an AND group\'s constraints with AND and an OR group\'s with OR', () => {
    const constraints = [c('country', '==', 'PL'), c('sessionCount', '>', 100)]
    expect(verdict([{type: 'AND', constraints}]).value).toBe(false)
    expect(verdict([{type: 'OR', constraints}]).value).toBe(true)
    expect(verdict([{type: 'OR', constraints: [c('country', '==', 'DE'), c('sessionCount', '>', 100)]}]).value).toBe(false)
  })

  it('ANDs the groups with each other, whatever their type, and explains each value', () => {
    // The seed's example: (deviceManufacturer = Xiaomi AND deviceModel = Redmi Note) AND (osVersion = 13).
    const groups = [
      {type: 'OR', constraints: [c('deviceManufacturer', '==', 'Google'), c('deviceManufacturer', '==', 'Samsung')]},
      {type: 'OR', constraints: [c('tags', 'contains', 'churned'), c('appVersionCode', '>=', 120)]},
    ]
    expect(verdict(groups).value).toBe(true)
    expect(verdict([...groups, {type: 'OR', constraints: [c('country', '==', 'DE')]}]).value).toBe(false)
    expect(explain(verdict(groups))).toBe('AND(OR(deviceManufacturer == "Google" ✗, deviceManufacturer == "Samsung" ✓), OR(tags contains "churned" ✗, appVersionCode >= 120 ✓))')
  })

  it('says "not evaluable", naming the field, for a field no device carries; it never guesses', () => {
    const v = verdict([{type: 'AND', constraints: [c('city', '==', 'Warsaw')]}])
    expect(v.value).toBe('unknown')
    expect(explain(v)).toBe('AND(AND(city == "Warsaw" ? (not evaluable: city is not a Push0 device field (seed 003 field table), so no profile carries it)))')
    // Kleene: a false group decides the AND, a true constraint decides an OR.
    expect(verdict([{type: 'AND', constraints: [c('city', '==', 'Warsaw')]}, {type: 'AND', constraints: [c('country', '==', 'DE')]}]).value).toBe(false)
    expect(verdict([{type: 'OR', constraints: [c('city', '==', 'Warsaw'), c('country', '==', 'PL')]}]).value).toBe(true)
  })

  it('says "not evaluable" for a relation the field\'s type does not take, or a group type that is not AND/OR', () => {
    expect(verdict([{type: 'AND', constraints: [c('country', '>', 'A')]}]).children![0]!.children![0]).toMatchObject({value: 'unknown', because: 'Push0 documents no > on String fields such as country'})
    expect(verdict([{type: 'XOR', constraints: [c('country', '==', 'PL')]}]).value).toBe('unknown')
  })
})

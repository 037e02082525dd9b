/**
 * Kibamail's evaluator against its documented semantics (seed 001, vendors.md §2.5), operator by
 * operator, then topics, $and/$or/$not nesting, and the open points in semantics.ts.
 */
import {describe, expect, it} from 'vitest'
import {evaluate} from '../../src/providers/kibamail/evaluate.js'
import {explain} from '../../src/core/segtest/explain.js'

const ctx = {now: new Date('2026-11-30T12:00:00Z'), inSegment: () => undefined}
const contact = {id: 'c', email: 'Ann@Example.com', firstName: 'Ann', lastName: null, properties: {country: 'US', lifetime_value: 120, plan: 'pro', signup: '2026-01-15', vip: true}, topics: ['topic_news', 'topic_product']}
const holds = (conditions: unknown, profile: Record<string, unknown> = contact) => evaluate({conditions}, profile, ctx).value
const f = (field: string, operator: string, value?: unknown) => ({field, operator, value})

describe('Kibamail evaluator', () => {
  it.each([
    ['eq on a default field', f('firstName', 'eq', 'Ann'), true],
    ['eq is case-sensitive', f('email', 'eq', 'ann@example.com'), false],
    ['eq on a custom property', f('country', 'eq', 'US'), true],
    ['eq on a boolean property', f('vip', 'eq', true), true],
    ['ne on another value', f('country', 'ne', 'CA'), true],
    ['ne matches a missing property', f('company', 'ne', 'Acme'), true],
    ['gt', f('lifetime_value', 'gt', 100), true],
    ['gte at the boundary', f('lifetime_value', 'gte', 120), true],
    ['lt', f('lifetime_value', 'lt', 120), false],
    ['lte at the boundary', f('lifetime_value', 'lte', 120), true],
    ['gt compares ISO dates as strings', f('signup', 'gt', '2026-01-01'), true],
    ['gt never compares across types', f('lifetime_value', 'gt', '100'), false],
    ['in', f('plan', 'in', ['pro', 'team']), true],
    ['in without the value', f('plan', 'in', ['free']), false],
    ['nin', f('plan', 'nin', ['free']), true],
    ['nin matches a missing property', f('company', 'nin', ['Acme']), true],
    ['contains', f('email', 'contains', '@Example'), true],
    ['contains is case-sensitive', f('email', 'contains', '@example'), false],
    ['startsWith', f('email', 'startsWith', 'Ann'), true],
    ['endsWith', f('email', 'endsWith', '.com'), true],
    ['exists true', f('country', 'exists', true), true],
    ['exists false on a missing property', f('company', 'exists', false), true],
    ['exists null reads as true', f('country', 'exists', null), true],
    ['a null default field does not exist', f('lastName', 'exists', true), false],
  ])('%s', (_, condition, expected) => {
    expect(holds(condition)).toBe(expected)
  })

  it('topics: subscribedToTopic is any of the ids, notSubscribedToTopic none of them', () => {
    expect(holds({subscribedToTopic: ['topic_gone', 'topic_news']})).toBe(true)
    expect(holds({subscribedToTopic: ['topic_gone']})).toBe(false)
    expect(holds({notSubscribedToTopic: ['topic_gone']})).toBe(true)
    expect(holds({notSubscribedToTopic: ['topic_gone', 'topic_product']})).toBe(false)
    expect(holds({subscribedToTopic: ['topic_news']}, {id: 'x'})).toBe(false)
  })

  it('nests $and, $or and $not to any depth, and explains each value', () => {
    const conditions = {$and: [{subscribedToTopic: ['topic_news']}, {$not: f('last_purchase_date', 'exists', true)}, {$or: [f('country', 'in', ['CA']), f('plan', 'ne', 'free')]}]}
    const verdict = evaluate({conditions}, contact, ctx)
    expect(verdict.value).toBe(true)
    expect(explain(verdict)).toBe('AND(subscribedToTopic [topic_news] ✓, NOT(last_purchase_date exists true ✗) ✓, OR(country in ["CA"] ✗, plan ne "free" ✓))')
  })

  it('requires every key of one object: {$and, $or} together are both', () => {
    expect(holds({$and: [f('country', 'eq', 'US')], $or: [f('plan', 'eq', 'free')]})).toBe(false)
  })
})

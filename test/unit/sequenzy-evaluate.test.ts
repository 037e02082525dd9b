/**
 * Sequenzy's evaluator against its documented semantics (seed 002, vendors.md §3.5, Sequenzy/mcp
 * segment-validation.ts), every field and operator of the table with its value encodings, and the
 * open points of src/providers/sequenzy/semantics.ts. Nesting and references:
 * sequenzy-evaluate-tree.test.ts.
 */
import {describe, expect, it} from 'vitest'
import {evaluate} from '../../src/providers/sequenzy/evaluate.js'
import {explain} from '../../src/core/segtest/explain.js'

const now = new Date('2026-11-30T12:00:00Z')
const ctx = {now, inSegment: () => undefined}
const ago = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString()

const ann = {
  id: 'ann',
  email: 'Ann@Example.com',
  firstName: 'Ann',
  lastName: null,
  status: 'active',
  phone: '+15550100',
  smsStatus: 'subscribed',
  emailProvider: 'gmail',
  createdAt: ago(20),
  tags: ['VIP', 'beta-tester'],
  attributes: {plan: 'Pro', mrr: 50, seats: '75', renewal: '2027-01-15', vip: true, company: '', churned_at: null},
  lists: ['list_news'],
  events: [
    {name: 'saas.purchase', at: ago(10)},
    {name: 'saas.purchase', at: ago(90)},
    {name: 'saas.login', at: ago(0)},
    {name: 'saas.login', at: ago(30)},
    {name: 'saas.renewal', at: ago(-5)},
    {name: 'shop:order', at: ago(1)},
  ],
  emails: [
    {type: 'sent', at: ago(5), campaignId: 'cmp_spring'},
    {type: 'delivered', at: ago(5), campaignId: 'cmp_spring'},
    {type: 'opened', at: ago(4), campaignId: 'cmp_spring'},
    {type: 'opened', at: ago(20)},
    {type: 'opened', at: ago(40)},
    {type: 'clicked', at: ago(60), campaignId: 'cmp_old'},
    {type: 'bounced', at: ago(3), bounceType: 'temporary'},
  ],
}
const bare = {id: 'bare'}

const verdict = (field: string, operator: string, value?: unknown, profile: Record<string, unknown> = ann) =>
  evaluate({root: {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field, operator, ...(value !== undefined ? {value} : {})}]}}, profile, ctx).children![0]!

type Row = [string, string, string | undefined, boolean | 'unknown', Record<string, unknown>?]

function table(rows: Row[]) {
  it.each(rows)('%s %s %s → %s', (field, operator, value, expected, profile) => {
    expect(verdict(field, operator, value, profile).value).toBe(expected)
  })
}

describe('Sequenzy evaluator: subscriber fields', () => {
  table([
    ['status', 'is', 'active', true],
    ['status', 'is_not', 'active', false],
    ['status', 'is', 'unsubscribed', false],
    ['status', 'is', 'active', true, bare], // absent: Sequenzy's default, active
    ['phone', 'is_not_empty', undefined, true],
    ['phone', 'is_empty', undefined, false],
    ['phone', 'is_empty', undefined, true, bare],
    ['smsStatus', 'is', 'subscribed', true],
    ['smsStatus', 'is_not', 'subscribed', false],
    ['smsStatus', 'is', 'not_subscribed', true, bare],
    ['tag', 'contains', 'vip', true], // tags are lowercase-hyphenated on both sides
    ['tag', 'contains', 'Beta Tester', true],
    ['tag', 'contains', 'gold, beta-tester', true], // comma-separated: any of them
    ['tag', 'contains', 'gold,silver', false],
    ['tag', 'not_contains', 'gold,vip', false], // none of them
    ['tag', 'not_contains', 'gold', true],
    ['tag', 'is_empty', undefined, false],
    ['tag', 'is_not_empty', undefined, true],
    ['tag', 'is_empty', undefined, true, bare],
    ['email', 'contains', '@example.COM', true], // case-insensitive
    ['email', 'not_contains', 'acme', true],
    ['email', 'is', 'ann@example.com', true],
    ['email', 'is_not', 'ann@example.com', false],
    ['email', 'contains', '@', false, bare], // a phone-only contact has no address
    ['email', 'not_contains', '@', true, bare],
    ['emailProvider', 'is', 'Gmail', true],
    ['emailProvider', 'is_not', 'gmail', false],
    ['emailProvider', 'is_empty', undefined, false],
    ['emailProvider', 'is_empty', undefined, true, {id: 'x', emailProvider: null}],
    ['emailProvider', 'is', 'gmail', 'unknown', {id: 'x', email: 'x@gmail.com'}], // derived by Sequenzy: never guessed
    ['list', 'is', 'list_news', true],
    ['list', 'is_not', 'list_news', false],
    ['list', 'is', 'list_other', false],
    ['list', 'is_empty', undefined, false],
    ['list', 'is_not_empty', undefined, true],
    ['added', 'less_than', '30d', true], // added 20 days ago
    ['added', 'more_than', '30d', false],
    ['added', 'more_than', '7d', true],
    ['added', 'less_than', '20d', false], // exactly 20 days: neither less nor more
    ['added', 'more_than', '20d', false],
    ['added', 'less_than', '2026-01-01', 'unknown'], // undocumented format: not read
    ['added', 'less_than', '30d', 'unknown', bare], // no createdAt
    ['firstName', 'contains', 'AN', true],
    ['firstName', 'not_contains', 'bo', true],
    ['firstName', 'is_empty', undefined, false],
    ['lastName', 'is_empty', undefined, true], // null
    ['lastName', 'is_not_empty', undefined, false],
    ['lastName', 'contains', 'x', false],
  ])
})

describe('Sequenzy evaluator: engagement and events', () => {
  table([
    ['emailOpened', 'is', '30d', true],
    ['emailOpened', 'is', '7d', true],
    ['emailOpened', 'is_not', '30d', false],
    ['emailClicked', 'is', '30d', false],
    ['emailClicked', 'is', 'all', true],
    ['emailClicked', 'is_not', '30d', true],
    ['emailOpened', 'at_least', '2:30d', true],
    ['emailOpened', 'at_least', '3:30d', false],
    ['emailOpened', 'at_least', '3:all', true],
    ['emailOpened', 'less_than_count', '3:30d', true],
    ['emailOpened', 'less_than_count', '2:30d', false],
    ['emailOpened', 'is', 'campaign:cmp_spring', true],
    ['emailClicked', 'is', 'campaign:cmp_spring', false],
    ['emailClicked', 'is', 'campaign:cmp_old', true],
    ['emailOpened', 'is_not', 'campaign:cmp_other', true],
    ['emailSent', 'is', '7d', true],
    ['emailDelivered', 'is', '7d', true],
    ['emailComplained', 'is', 'all', false],
    ['emailComplained', 'is_not', 'all', true],
    ['emailDelivered', 'is', '30d', false, {id: 'x', emails: [{type: 'opened', at: ago(1)}]}], // an open is not also a delivery
    ['emailOpened', 'is', 'all', false, {id: 'x', emails: [{type: 'opened', at: ago(-1)}]}], // after now: not yet
    ['emailBounced', 'is', '7d', true],
    ['emailBounced', 'is_temporary_bounce', '7d', true],
    ['emailBounced', 'is_permanent_bounce', '7d', false],
    ['emailBounced', 'is_permanent_bounce', 'all', 'unknown', {id: 'x', emails: [{type: 'bounced', at: ago(1)}]}], // no bounceType
    ['emailOpened', 'is', 'marketing:all', 'unknown'], // delivery-policy scope: not on a profile
    ['emailOpened', 'at_least', '30d', 'unknown'],
    ['emailOpened', 'is', '2:30d', 'unknown'],
    ['event', 'is', 'saas.purchase:30d', true],
    ['event', 'is_not', 'saas.purchase:30d', false],
    ['event', 'is', 'saas.purchase:7d', false],
    ['event', 'is', 'saas.purchase:all', true],
    ['event', 'at_least', 'saas.purchase:2:all', true],
    ['event', 'at_least', 'saas.purchase:2:30d', false],
    ['event', 'less_than_count', 'saas.purchase:2:30d', true],
    ['event', 'at_least', 'saas.login:2:30d', true], // now and exactly 30 days before: both ends included
    ['event', 'is', 'saas.renewal:all', false], // after now
    ['event', 'is', 'SAAS.PURCHASE:all', false], // event names compare exactly
    ['event', 'is', 'shop:order:7d', true], // the name may hold colons
    ['event', 'is', 'saas.purchase', 'unknown'], // no range
    ['event', 'is', 'saas.purchase:30d', false, bare],
    ['event', 'is_not', 'saas.purchase:30d', true, bare],
  ])
})

describe('Sequenzy evaluator: attributes', () => {
  table([
    ['attribute', 'is', 'plan:pro', true],
    ['attribute', 'is_not', 'plan:pro', false],
    ['attribute', 'is', 'mrr:50.0', true], // numbers compare as numbers
    ['attribute', 'is', 'vip:true', true],
    ['attribute', 'gte', 'mrr:50', true],
    ['attribute', 'gt', 'mrr:50', false],
    ['attribute', 'lt', 'mrr:100', true],
    ['attribute', 'lte', 'mrr:49', false],
    ['attribute', 'gt', 'seats:70', true], // a numeric string
    ['attribute', 'gt', 'renewal:2026-12-31', true], // ISO dates compare as dates
    ['attribute', 'lt', 'renewal:2027-01-01', false],
    ['attribute', 'gt', 'plan:10', false], // text against a number: no order
    ['attribute', 'gt', 'missing:5', false],
    ['attribute', 'gt', 'mrr:soon', 'unknown'], // neither a number nor a date
    ['attribute', 'contains', 'plan:PR', true],
    ['attribute', 'not_contains', 'plan:free', true],
    ['attribute', 'is_empty', 'company:', true], // blank
    ['attribute', 'is_empty', 'churned_at:', true], // null
    ['attribute', 'is_empty', 'missing:', true],
    ['attribute', 'is_not_empty', 'plan:', true],
    ['attribute', 'is_not', 'missing:x', true], // a negative matches a subscriber without the attribute
    ['attribute', 'is', 'history_events[].venue_id:7', 'unknown'], // array paths match element by element
  ])
})

describe('Sequenzy evaluator: what a profile cannot carry', () => {
  it.each([
    ['pollResponse', 'is', '{"v":1,"campaignId":"c","blockId":"b","match":{"kind":"answer","value":"loved"}}', /poll/],
    ['stripeProduct', 'at_least', 'prod_1:3', /Stripe payments/],
    ['stripeCurrentProduct', 'is', 'prod_pro', /Stripe subscriptions/],
    ['stripeTrialProduct', 'gte', 'prod_pro:end_at:2026-05-26', /Stripe trials/],
    ['commerceProduct', 'is', 'shopify:42', /commerce orders/],
    ['commerceCollection', 'is', 'skincare', /collections/],
    ['shoeSize', 'is', '42', /not a field of Sequenzy's filter table/],
  ])('%s is not evaluable, and says why, naming the field', (field, operator, value, because) => {
    const node = verdict(field, operator, value)
    expect(node.value).toBe('unknown')
    expect(node.because).toMatch(because)
    expect(explain(node)).toContain(`${field} ${operator} `)
  })
})

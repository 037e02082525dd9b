/**
 * MailGlyph filters on contact fields (OpenAPI `SegmentFilter.field`: "email, subscribed,
 * data.plan"; vendors.md §1.5): `email` (text), `subscribed` (boolean), `createdAt`/`updatedAt`
 * (dates) and custom `data.<key>`, each with the operators upstream Plunk builds for it
 * (SegmentService.build*FieldCondition). Open points: semantics.ts.
 */
import type {MailGlyphProfile} from '../../generated/mailglyph-profile.js'
import type {Filter} from './conditions.js'
import {semantics} from './semantics.js'
import {cutoff, instant, since, utcDay, type Verdict} from './evaluate-time.js'

export function fieldMatches(filter: Filter & {field: string}, contact: MailGlyphProfile, now: Date): Verdict {
  const {field} = filter
  // "Contact data is a flat JSON object": `data.a.b` reads the key "a.b" (Plunk buildJsonFieldCondition).
  if (field.startsWith('data.')) return dataMatches(contact.data?.[field.slice('data.'.length)], filter, now)
  if ((semantics.requiredContactFields as readonly string[]).includes(field) && contact[field as 'email'] === undefined) {
    return {because: `the profile has no ${field} (every MailGlyph contact has one)`}
  }
  switch (field) {
    case 'email':
      return textMatches(contact.email!, filter)
    case 'subscribed':
      return booleanMatches(contact.subscribed ?? semantics.subscribedDefault, filter)
    case 'createdAt':
    case 'updatedAt':
      return dateMatches(instant(contact[field]), filter, now)
    default:
      return {because: `MailGlyph contacts have no field "${field}" (custom fields are "data.<key>")`}
  }
}

function unsupported(filter: Filter, kind: string): Verdict {
  return {because: `MailGlyph does not evaluate ${filter.operator} on ${kind}`}
}

function textMatches(email: string, filter: Filter): Verdict {
  const fold = (s: string) => (semantics.emailCaseInsensitive ? s.toLowerCase() : s)
  const [actual, value] = [fold(email), fold(String(filter.value))]
  const ops: Record<string, () => boolean> = {
    equals: () => actual === value,
    notEquals: () => actual !== value,
    contains: () => actual.includes(value),
    notContains: () => !actual.includes(value),
  }
  return ops[filter.operator]?.() ?? unsupported(filter, 'email')
}

function booleanMatches(subscribed: boolean, filter: Filter): Verdict {
  if (filter.operator === 'equals') return subscribed === (filter.value === true)
  if (filter.operator === 'notEquals') return subscribed === (filter.value !== true)
  return unsupported(filter, 'subscribed')
}

function dateMatches(t: number | undefined, filter: Filter, now: Date): Verdict {
  if (t === undefined) return {because: `the profile's ${String(filter.field)} is not a date`}
  const {operator, value} = filter
  if (operator === 'within' || operator === 'olderThan') {
    const cut = cutoff(now, value, filter.unit)
    return typeof cut === 'number' ? since(t, cut) === (operator === 'within') : cut
  }
  const day = utcDay(value)
  if (day && (operator === 'equals' || operator === 'notEquals')) return (t >= day.start && t < day.end) === (operator === 'equals')
  const v = instant(value, true)
  if (v === undefined) return {because: `${JSON.stringify(value)} is not a date MailGlyph can compare`}
  return compare(t, v, operator) ?? unsupported(filter, String(filter.field))
}

const ORDERED = ['greaterThan', 'lessThan', 'greaterThanOrEqual', 'lessThanOrEqual']
const DATA_OPERATORS = ['equals', 'notEquals', 'contains', 'notContains', ...ORDERED, 'exists', 'notExists', 'within', 'olderThan']

function dataMatches(actual: unknown, filter: Filter, now: Date): Verdict {
  const {operator, value} = filter
  if (!DATA_OPERATORS.includes(operator)) return unsupported(filter, 'custom fields')
  const present = actual !== undefined && actual !== null
  if (operator === 'exists' || operator === 'notExists') return present === (operator === 'exists')
  if (!present) return semantics.negativesMatchMissing && (operator === 'notEquals' || operator === 'notContains')
  switch (operator) {
    case 'equals':
    case 'notEquals': {
      const day = utcDay(value)
      const t = instant(actual)
      const same = day ? t !== undefined && t >= day.start && t < day.end : actual === value
      return same === (operator === 'equals')
    }
    case 'contains':
    case 'notContains':
      return (typeof actual === 'string' && actual.includes(String(value))) === (operator === 'contains')
    case 'within':
    case 'olderThan': {
      const cut = cutoff(now, value, filter.unit)
      if (typeof cut !== 'number') return cut
      const t = instant(actual)
      return t !== undefined && since(t, cut) === (operator === 'within')
    }
    default: {
      const sameType = typeof actual === typeof value && (typeof actual === 'number' || typeof actual === 'string')
      return sameType && compare(actual as number, value as number, operator) === true
    }
  }
}

/** The ordered comparisons, or undefined for any other operator. */
function compare<T extends number | string>(a: T, b: T, operator: string): boolean | undefined {
  const ops: Record<string, boolean> = {greaterThan: a > b, lessThan: a < b, greaterThanOrEqual: a >= b, lessThanOrEqual: a <= b, equals: a === b, notEquals: a !== b}
  return ops[operator]
}

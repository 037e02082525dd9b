/**
 * Who matches a condition (for POST /v1/contacts/search and GET /v1/segments/{id}/contacts).
 * Semantics follow the docs' MongoDB framing (vendors.md §2.5): `ne`/`nin` also match contacts
 * without the property, `subscribedToTopic` is "OR logic - any match", several keys in one
 * logical or topic object must all hold.
 */
import {assumptions} from './assumptions.js'
import type {StoredContact} from './state.js'

export function matches(contact: StoredContact, node: unknown): boolean {
  const o = node as Record<string, unknown>
  if ('field' in o) return fieldMatches(valueOf(contact, String(o.field)), String(o.operator), o.value)
  const topics = contact.topics ?? []
  const checks: boolean[] = []
  if (Array.isArray(o.subscribedToTopic)) checks.push(o.subscribedToTopic.some((id) => topics.includes(String(id))))
  if (Array.isArray(o.notSubscribedToTopic)) checks.push(!o.notSubscribedToTopic.some((id) => topics.includes(String(id))))
  if (Array.isArray(o.$and)) checks.push(o.$and.every((c) => matches(contact, c)))
  if (Array.isArray(o.$or)) checks.push(o.$or.some((c) => matches(contact, c)))
  if (o.$not !== undefined) checks.push(!matches(contact, o.$not))
  return checks.length > 0 && checks.every(Boolean)
}

function valueOf(contact: StoredContact, field: string): unknown {
  if ((assumptions.builtInFields as readonly string[]).includes(field)) return contact[field]
  return contact.properties?.[field]
}

function fieldMatches(actual: unknown, operator: string, expected: unknown): boolean {
  const present = actual !== undefined && actual !== null
  const text = (v: unknown) => (assumptions.caseSensitive ? String(v) : String(v).toLowerCase())
  switch (operator) {
    case 'eq':
      return actual === expected
    case 'ne':
      return actual !== expected
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (!present || typeof actual !== typeof expected) return false
      const a = actual as string | number
      const e = expected as string | number
      return operator === 'gt' ? a > e : operator === 'gte' ? a >= e : operator === 'lt' ? a < e : a <= e
    }
    case 'in':
      return present && (expected as unknown[]).includes(actual)
    case 'nin':
      return !present || !(expected as unknown[]).includes(actual)
    case 'contains':
      return present && text(actual).includes(text(expected))
    case 'startsWith':
      return present && text(actual).startsWith(text(expected))
    case 'endsWith':
      return present && text(actual).endsWith(text(expected))
    case 'exists':
      return expected === false ? !present : present
    default:
      return false
  }
}

/**
 * Who is in a Kibamail segment (seed 001, vendors.md §2.5): a FieldCondition compares a contact
 * field (email, firstName, lastName, else a custom property), a TopicCondition tests topic ids
 * ("must be subscribed to (OR logic - any match)"), and $and/$or/$not combine them. Several keys
 * in one logical or topic object must all hold. Open points: semantics.ts.
 */
import type {Explained, EvaluationContext, SegmentBody} from '../../core/provider.js'
import {group, leaf, negation} from '../kit/truth.js'
import {conditionText} from './conditions.js'
import {semantics} from './semantics.js'

/** A contact as `segsync test` profiles and the emulator describe it. */
export interface KibamailProfile {
  id: string
  email?: string
  firstName?: string | null
  lastName?: string | null
  properties?: Record<string, unknown>
  topics?: string[]
}

export function evaluate(body: SegmentBody, profile: Record<string, unknown>, _ctx: EvaluationContext): Explained {
  return node(body.conditions, profile as unknown as KibamailProfile)
}

function node(condition: unknown, contact: KibamailProfile): Explained {
  const o = (condition ?? {}) as Record<string, unknown>
  if (typeof o.field === 'string') return leaf(conditionText(o), fieldMatches(valueOf(contact, o.field), String(o.operator), o.value))
  const parts: Explained[] = []
  const topics = contact.topics ?? []
  if (Array.isArray(o.subscribedToTopic)) parts.push(leaf(conditionText({subscribedToTopic: o.subscribedToTopic}), o.subscribedToTopic.some((id) => topics.includes(String(id)))))
  if (Array.isArray(o.notSubscribedToTopic)) parts.push(leaf(conditionText({notSubscribedToTopic: o.notSubscribedToTopic}), !o.notSubscribedToTopic.some((id) => topics.includes(String(id)))))
  if (Array.isArray(o.$and)) parts.push(group('AND', o.$and.map((c) => node(c, contact))))
  if (Array.isArray(o.$or)) parts.push(group('OR', o.$or.map((c) => node(c, contact))))
  if (o.$not !== undefined) parts.push(negation(node(o.$not, contact)))
  if (parts.length === 0) return leaf(conditionText(o), false)
  return parts.length === 1 ? parts[0]! : group('AND', parts)
}

function valueOf(contact: KibamailProfile, field: string): unknown {
  if ((semantics.defaultFields as readonly string[]).includes(field)) return contact[field as 'email']
  return contact.properties?.[field]
}

function fieldMatches(actual: unknown, operator: string, expected: unknown): boolean {
  const present = actual !== undefined && actual !== null
  const text = (v: unknown) => (semantics.caseSensitive ? String(v) : String(v).toLowerCase())
  switch (operator) {
    case 'eq':
      return present && equal(actual, expected)
    case 'ne':
      return present ? !equal(actual, expected) : semantics.negativesMatchMissing
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (!present || typeof actual !== typeof expected || !['number', 'string'].includes(typeof actual)) return false
      const a = actual as string | number
      const e = expected as string | number
      return operator === 'gt' ? a > e : operator === 'gte' ? a >= e : operator === 'lt' ? a < e : a <= e
    }
    case 'in':
      return present && Array.isArray(expected) && expected.some((e) => equal(actual, e))
    case 'nin':
      return present ? Array.isArray(expected) && !expected.some((e) => equal(actual, e)) : semantics.negativesMatchMissing
    case 'contains':
      return present && text(actual).includes(text(expected))
    case 'startsWith':
      return present && text(actual).startsWith(text(expected))
    case 'endsWith':
      return present && text(actual).endsWith(text(expected))
    case 'exists':
      return expected === false || (expected === null && !semantics.existsNullMeansTrue) ? !present : present
    default:
      return false
  }
}

function equal(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string' && typeof expected === 'string' && !semantics.caseSensitive) return actual.toLowerCase() === expected.toLowerCase()
  return actual === expected
}

/**
 * Kibamail's server-side check of `conditions` (vendors.md §2.5; seed 001): `Condition = oneOf
 * FieldCondition | TopicCondition | LogicalOperatorCondition`, nested to any depth. Written from the
 * docs on its own, apart from segsync's schema: the emulator checks the adapter, it must not share
 * its assumptions.
 */
import {assumptions} from './assumptions.js'
import type {ValidationIssue} from './errors.js'

const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'contains', 'startsWith', 'endsWith', 'exists']
const FIELD_KEYS = ['field', 'operator', 'value']
const TOPIC_KEYS = ['subscribedToTopic', 'notSubscribedToTopic']
const LOGICAL_KEYS = ['$and', '$or', '$not']

export interface ConditionProblems {
  /** Not one of the three forms at all: "bad query syntax" (400). */
  syntax: ValidationIssue[]
  /** The right form with wrong content: unknown operator or property, bad value (422). */
  invalid: ValidationIssue[]
}

export interface Known {
  field(name: string): boolean
  topic(id: string): boolean
}

export function checkConditions(node: unknown, known: Known): ConditionProblems {
  const problems: ConditionProblems = {syntax: [], invalid: []}
  visit(node, 'conditions', known, problems)
  return problems
}

function visit(node: unknown, at: string, known: Known, p: ConditionProblems): void {
  const syntax = (message: string) => void p.syntax.push({field: at, code: 'INVALID_QUERY', message})
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return syntax('A condition must be an object')
  const keys = Object.keys(node)
  const o = node as Record<string, unknown>
  if (keys.length > 0 && keys.every((k) => FIELD_KEYS.includes(k))) return checkField(o, at, known, p)
  if (keys.length > 0 && keys.every((k) => TOPIC_KEYS.includes(k))) {
    for (const k of keys) checkTopicIds(o[k], `${at}.${k}`, known, p)
    return
  }
  if (keys.length > 0 && keys.every((k) => LOGICAL_KEYS.includes(k))) {
    for (const k of keys) {
      if (k === '$not') visit(o[k], `${at}.$not`, known, p)
      else if (!Array.isArray(o[k]) || (o[k] as unknown[]).length === 0) p.invalid.push({field: `${at}.${k}`, code: 'INVALID_VALUE', message: `${k} must be an array with at least one condition`})
      else (o[k] as unknown[]).forEach((child, i) => visit(child, `${at}.${k}[${i}]`, known, p))
    }
    return
  }
  syntax(
    keys.length === 0
      ? 'At least one operator ($and, $or, or $not) is required'
      : `Unrecognised condition with keys ${keys.join(', ')}: use {field, operator, value}, {subscribedToTopic} / {notSubscribedToTopic}, or {$and} / {$or} / {$not}`,
  )
}

function checkField(o: Record<string, unknown>, at: string, known: Known, p: ConditionProblems): void {
  const invalid = (field: string, code: string, message: string) => p.invalid.push({field: `${at}.${field}`, code, message})
  for (const key of FIELD_KEYS) if (!(key in o)) invalid(key, 'REQUIRED', `${key} is required`)
  if ('field' in o) {
    if (typeof o.field !== 'string' || o.field === '') invalid('field', 'INVALID_TYPE', 'field must be a non-empty string')
    else if (!known.field(o.field)) invalid('field', 'UNKNOWN_PROPERTY', `Unknown contact property "${o.field}"`)
  }
  if ('operator' in o && !OPERATORS.includes(String(o.operator))) {
    invalid('operator', 'UNKNOWN_OPERATOR', `Unknown operator "${String(o.operator)}". Supported: ${OPERATORS.join(', ')}`)
    return
  }
  if (!('value' in o) || !('operator' in o)) return
  const value = o.value
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number'
  if (value === null) {
    if (o.operator !== 'exists') invalid('value', 'INVALID_VALUE', "Null only valid with 'exists' operator")
  } else if (o.operator === 'exists') {
    if (typeof value !== 'boolean') invalid('value', 'INVALID_VALUE', 'exists takes true, false or null')
  } else if ((assumptions.listOperators as readonly string[]).includes(String(o.operator))) {
    if (!Array.isArray(value) || value.length === 0 || !value.every(scalar)) invalid('value', 'INVALID_VALUE', `${String(o.operator)} takes a non-empty array of strings or numbers`)
  } else if (!(scalar(value) || typeof value === 'boolean')) {
    invalid('value', 'INVALID_VALUE', `${String(o.operator)} takes a single string, number or boolean`)
  }
}

function checkTopicIds(ids: unknown, at: string, known: Known, p: ConditionProblems): void {
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id): id is string => typeof id === 'string' && id !== '')) {
    p.invalid.push({field: at, code: 'INVALID_VALUE', message: 'Topic ids must be a non-empty array of strings'})
    return
  }
  const unknown = assumptions.validateTopicIds ? ids.filter((id) => !known.topic(id)) : []
  if (unknown.length > 0) p.invalid.push({field: at, code: 'UNKNOWN_TOPIC', message: `Unknown topic ids: ${unknown.join(', ')}`})
}

/**
 * Who is in a Push0 segment (seed 003, vendors.md §4.4). A profile is one device, its fields at
 * top level as the field table names them. `constraints` lists groups `{type: AND|OR,
 * constraints}`: "each object in the array is combined with the others using a logical AND", a
 * group joins its own constraints by its `type`, and there is no deeper nesting; `constraints: []`
 * is "Targeting all devices". Push0 has no relative times and no segment references, so the
 * context's clock and `inSegment` are never read. Open points: semantics.ts.
 */
import {show} from '../../core/diff/keyed.js'
import type {Explained, EvaluationContext, SegmentBody} from '../../core/provider.js'
import {group, leaf, undecidable} from '../kit/truth.js'
import {RELATION_ALIASES} from './conditions.js'
import {FIELD_TYPES, RELATIONS_BY_TYPE, type FieldType} from './fields.js'
import {semantics} from './semantics.js'

interface Constraint {
  field?: unknown
  relation?: unknown
  value?: unknown
}

interface Group {
  type?: unknown
  constraints?: Constraint[]
}

export function evaluate(body: SegmentBody, profile: Record<string, unknown>, _ctx: EvaluationContext): Explained {
  const groups = Array.isArray(body.constraints) ? (body.constraints as Group[]) : []
  if (groups.length === 0) return leaf('all devices (no constraints)', true)
  return group('AND', groups.map((g) => groupNode(g, profile)))
}

function groupNode(g: Group, device: Record<string, unknown>): Explained {
  const children = (g.constraints ?? []).map((c) => constraintNode(c, device))
  if (g.type === 'AND' || g.type === 'OR') return group(g.type, children)
  return undecidable(`group ${show(g.type)}`, 'a group type is AND or OR (seed 003)')
}

function constraintNode(c: Constraint, device: Record<string, unknown>): Explained {
  const field = String(c.field)
  // Upper-case spellings (EQUALS, CONTAINS…) mean the table's symbols (conditions.ts).
  const relation = typeof c.relation === 'string' ? (RELATION_ALIASES[c.relation] ?? c.relation) : String(c.relation)
  const type = FIELD_TYPES[field]
  // `exists` on a String field ignores its value (semantics.existsIgnoresValue); on tags it is one tag.
  const text = relation === 'exists' && type === 'String' ? `${field} exists` : `${field} ${relation} ${show(c.value)}`
  if (!type) return undecidable(text, `${field} is not a Push0 device field (seed 003 field table), so no profile carries it`)
  if (!RELATIONS_BY_TYPE[type].includes(relation)) return undecidable(text, `Push0 documents no ${relation} on ${type} fields such as ${field}`)
  // `id` is the profile's own id (semantics.idIsProfileId): it is read like any other field.
  return leaf(text, holds(type, relation, device[field], c.value))
}

function holds(type: FieldType, relation: string, actual: unknown, expected: unknown): boolean {
  if (actual === undefined || actual === null) {
    if (relation === 'exists') return semantics.absentFieldExists
    return relation === '!=' ? semantics.notEqualsMatchesAbsent : false
  }
  if (type === 'String Array') return Array.isArray(actual) && typeof expected === 'string' && actual.some((tag) => typeof tag === 'string' && fold(tag) === fold(expected))
  if (relation === 'exists') return true
  if (type === 'String') return typeof actual === 'string' && typeof expected === 'string' && textHolds(relation, fold(actual), fold(expected))
  // Int and Long: numbers only, nothing coerced (semantics.numbersCompareNumerically).
  return typeof actual === 'number' && typeof expected === 'number' && numberHolds(relation, actual, expected)
}

function textHolds(relation: string, actual: string, expected: string): boolean {
  if (relation === '==') return actual === expected
  if (relation === '!=') return actual !== expected
  if (relation === 'starts_with') return actual.startsWith(expected)
  if (relation === 'ends_with') return actual.endsWith(expected)
  return relation === 'contains' && actual.includes(expected)
}

function numberHolds(relation: string, actual: number, expected: number): boolean {
  if (relation === '==') return actual === expected
  if (relation === '!=') return actual !== expected
  if (relation === '>') return actual > expected
  if (relation === '>=') return actual >= expected
  if (relation === '<') return actual < expected
  return relation === '<=' && actual <= expected
}

function fold(text: string): string {
  return semantics.caseSensitive ? text : text.toLowerCase()
}

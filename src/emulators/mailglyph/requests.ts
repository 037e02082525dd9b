/**
 * The request bodies of POST /segments and PATCH /segments/{id} as MailGlyph's OpenAPI spec
 * declares them (vendors.md §1.3, §1.5): `additionalProperties: false` on the body and on every
 * condition object, `name`+`condition` required on create, `logic`+`groups` (minItems 1) on a
 * condition, `filters` on a group, `field`+`operator` on a filter, the operator and unit enums.
 * The first violation becomes the 400 message. Kept apart from segsync's own schema on purpose:
 * the emulator checks the adapter and must not share its assumptions.
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import type {MailGlyphAssumptions} from './assumptions.js'
import {error} from './errors.js'

export const PUBLISHED_OPERATORS = [
  'equals', 'notEquals', 'contains', 'notContains', 'greaterThan', 'lessThan', 'greaterThanOrEqual', 'lessThanOrEqual',
  'exists', 'notExists', 'within', 'olderThan', 'triggered', 'triggeredWithin', 'triggeredOlderThan', 'notTriggered',
]
export const MEMBERSHIP_OPERATORS = ['memberOfSegment', 'notMemberOfSegment']
const UNITS = ['days', 'hours', 'minutes']

export interface BodyRules {
  /** Start of every message (assumptions.validationPrefix). */
  prefix: string
  operators: string[]
  nameMaxLength: number
  descriptionMaxLength: number
}

type Path = Array<string | number>

export function objectBody(req: EmulatorRequest, rules: MailGlyphAssumptions): {body: Record<string, unknown>} | {response: EmulatorResponse} {
  if (req.jsonError) return {response: error(rules, 400, 'Request body is not valid JSON')}
  if (!req.json || typeof req.json !== 'object' || Array.isArray(req.json)) return {response: error(rules, 400, `${rules.validationPrefix}/body must be object`)}
  return {body: req.json as Record<string, unknown>}
}

/** The schema as this emulator's assumptions shape it (membership operators, length limits, message prefix). */
export function bodyRules(rules: MailGlyphAssumptions): BodyRules {
  return {
    prefix: rules.validationPrefix,
    operators: rules.acceptMembershipOperators ? [...PUBLISHED_OPERATORS, ...MEMBERSHIP_OPERATORS] : PUBLISHED_OPERATORS,
    nameMaxLength: rules.nameMaxLength,
    descriptionMaxLength: rules.descriptionMaxLength,
  }
}

/** `request/body/condition/groups/0/logic must be …`. */
function at(rules: BodyRules, path: Path, message: string): string {
  return `${rules.prefix}/body${path.map((p) => `/${p}`).join('')} ${message}`
}

export function segmentBodyError(body: Record<string, unknown>, rules: BodyRules, mode: 'create' | 'update'): string | undefined {
  const allowed = ['name', 'description', 'condition', 'trackMembership']
  const unknown = Object.keys(body).find((k) => !allowed.includes(k))
  if (unknown) return at(rules, [], `must NOT have additional properties (${unknown})`)
  if (mode === 'create') {
    for (const key of ['name', 'condition']) if (body[key] === undefined) return at(rules, [], `must have required property '${key}'`)
  }
  if (body.name !== undefined) {
    if (typeof body.name !== 'string') return at(rules, ['name'], 'must be string')
    if (body.name.length < 1) return at(rules, ['name'], 'must NOT have fewer than 1 characters')
    if (body.name.length > rules.nameMaxLength) return at(rules, ['name'], `must NOT have more than ${rules.nameMaxLength} characters`)
  }
  if (body.description !== undefined) {
    if (typeof body.description !== 'string') return at(rules, ['description'], 'must be string')
    if (body.description.length > rules.descriptionMaxLength) return at(rules, ['description'], `must NOT have more than ${rules.descriptionMaxLength} characters`)
  }
  if (body.trackMembership !== undefined && typeof body.trackMembership !== 'boolean') return at(rules, ['trackMembership'], 'must be boolean')
  if (body.condition !== undefined) return conditionError(body.condition, ['condition'], rules)
  return undefined
}

function conditionError(value: unknown, path: Path, rules: BodyRules): string | undefined {
  const shape = objectError(rules, value, path, ['logic', 'groups'], ['logic', 'groups'])
  if (shape) return shape
  const c = value as Record<string, unknown>
  if (c.logic !== 'AND' && c.logic !== 'OR') return at(rules, [...path, 'logic'], 'must be equal to one of the allowed values: AND, OR')
  if (!Array.isArray(c.groups)) return at(rules, [...path, 'groups'], 'must be array')
  if (c.groups.length < 1) return at(rules, [...path, 'groups'], 'must NOT have fewer than 1 items')
  for (const [i, group] of c.groups.entries()) {
    const gPath = [...path, 'groups', i]
    const gShape = objectError(rules, group, gPath, ['filters', 'conditions'], ['filters'])
    if (gShape) return gShape
    const g = group as Record<string, unknown>
    if (!Array.isArray(g.filters)) return at(rules, [...gPath, 'filters'], 'must be array')
    for (const [j, filter] of g.filters.entries()) {
      const problem = filterError(filter, [...gPath, 'filters', j], rules)
      if (problem) return problem
    }
    if (g.conditions !== undefined) {
      const nested = conditionError(g.conditions, [...gPath, 'conditions'], rules)
      if (nested) return nested
    }
  }
  return undefined
}

function filterError(value: unknown, path: Path, rules: BodyRules): string | undefined {
  const shape = objectError(rules, value, path, ['field', 'operator', 'value', 'unit'], ['field', 'operator'])
  if (shape) return shape
  const f = value as Record<string, unknown>
  if (typeof f.field !== 'string') return at(rules, [...path, 'field'], 'must be string')
  if (typeof f.operator !== 'string' || !rules.operators.includes(f.operator)) {
    return at(rules, [...path, 'operator'], `must be equal to one of the allowed values: ${rules.operators.join(', ')}`)
  }
  if (f.unit !== undefined && !UNITS.includes(f.unit as string)) return at(rules, [...path, 'unit'], `must be equal to one of the allowed values: ${UNITS.join(', ')}`)
  return undefined
}

function objectError(rules: BodyRules, value: unknown, path: Path, allowed: string[], required: string[]): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return at(rules, path, 'must be object')
  const unknown = Object.keys(value).find((k) => !allowed.includes(k))
  if (unknown) return at(rules, path, `must NOT have additional properties (${unknown})`)
  const missing = required.find((k) => (value as Record<string, unknown>)[k] === undefined)
  return missing ? at(rules, path, `must have required property '${missing}'`) : undefined
}

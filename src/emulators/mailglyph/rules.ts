/**
 * What the server checks beyond the OpenAPI schema, as upstream Plunk's SegmentService does
 * (validateCondition / validateFilter, then buildFilterCondition when it counts members; vendors.md
 * §1.5 ASSUMPTION): a group needs a filter or a nested condition, value-taking operators need a
 * value, time operators need a unit, and each kind of field supports its own operators.
 */
import {MEMBERSHIP_OPERATORS} from './requests.js'
import type {Condition, Filter} from './state.js'

const NEEDS_VALUE = ['equals', 'notEquals', 'contains', 'notContains', 'greaterThan', 'lessThan', 'greaterThanOrEqual', 'lessThanOrEqual', 'within', 'olderThan', 'triggeredWithin', 'triggeredOlderThan']
const NEEDS_UNIT = ['within', 'triggeredWithin', 'olderThan', 'triggeredOlderThan']
const COMPARE = ['equals', 'notEquals', 'greaterThan', 'lessThan', 'greaterThanOrEqual', 'lessThanOrEqual']
const ACTIVITY = ['triggered', 'triggeredWithin', 'triggeredOlderThan', 'notTriggered']
const EMAIL_ACTIVITIES = ['opened', 'clicked', 'bounced', 'complained', 'sent', 'delivered']

/** Operators per kind of field, and the word Plunk uses for that kind in its messages. */
const FIELD_KINDS: Array<{matches: (field: string) => boolean; kind: string; operators: string[]}> = [
  {matches: (f) => f.startsWith('event.'), kind: 'event field', operators: ACTIVITY},
  {matches: (f) => f.startsWith('email.'), kind: 'email activity field', operators: ACTIVITY},
  {matches: (f) => f.startsWith('data.'), kind: 'JSON field', operators: [...COMPARE, 'contains', 'notContains', 'exists', 'notExists', 'within', 'olderThan']},
  {matches: (f) => f === 'email', kind: 'string field', operators: ['equals', 'notEquals', 'contains', 'notContains']},
  {matches: (f) => f === 'subscribed', kind: 'boolean field', operators: ['equals', 'notEquals']},
  {matches: (f) => f === 'createdAt' || f === 'updatedAt', kind: 'date field', operators: [...COMPARE, 'within', 'olderThan']},
]

export interface ConditionContext {
  checkFields: boolean
  segmentExists: (id: string) => boolean
}

/** The server's 400 message for a schema-valid condition, or undefined when it is accepted. */
export function conditionProblem(condition: Condition, ctx: ConditionContext): string | undefined {
  return structureProblem(condition) ?? (ctx.checkFields ? fieldProblem(condition, ctx) : undefined)
}

function structureProblem(condition: Condition): string | undefined {
  for (const group of condition.groups) {
    if (group.filters.length === 0 && group.conditions === undefined) return 'Group must have at least one filter or nested condition'
    for (const filter of group.filters) {
      if (NEEDS_VALUE.includes(filter.operator) && filter.value === undefined) return `Operator "${filter.operator}" requires a value`
      if (NEEDS_UNIT.includes(filter.operator) && !filter.unit) return `"${filter.operator}" operator requires a unit (days, hours, or minutes)`
    }
    const nested = group.conditions ? structureProblem(group.conditions) : undefined
    if (nested) return nested
  }
  return undefined
}

function fieldProblem(condition: Condition, ctx: ConditionContext): string | undefined {
  for (const group of condition.groups) {
    for (const filter of group.filters) {
      const problem = filterFieldProblem(filter, ctx)
      if (problem) return problem
    }
    const nested = group.conditions ? fieldProblem(group.conditions, ctx) : undefined
    if (nested) return nested
  }
  return undefined
}

function filterFieldProblem(filter: Filter, ctx: ConditionContext): string | undefined {
  if (MEMBERSHIP_OPERATORS.includes(filter.operator)) {
    const id = membershipTarget(filter.field)
    return ctx.segmentExists(id) ? undefined : `Segment not found: ${id}`
  }
  const kind = FIELD_KINDS.find((k) => k.matches(filter.field))
  if (!kind) return `Unsupported filter field: ${filter.field}`
  if (kind.kind === 'email activity field' && !EMAIL_ACTIVITIES.includes(filter.field.slice('email.'.length))) {
    return `Unsupported email activity: ${filter.field.slice('email.'.length)}`
  }
  if (!kind.operators.includes(filter.operator)) return `Unsupported operator for ${kind.kind}: ${filter.operator}`
  return undefined
}

/** Plunk keeps the referenced segment's id in `field`, bare or as `segment.<id>` (vendors.md §1.6). */
export function membershipTarget(field: string): string {
  return field.startsWith('segment.') ? field.slice('segment.'.length) : field
}

/**
 * MailGlyph's condition language (OpenAPI `FilterCondition` / `FilterGroup` / `SegmentFilter`,
 * vendors.md §1.5) and what each operator takes. Shared by mapping, checks and descriptions.
 */
import {show} from '../../core/diff/keyed.js'
import {isSegmentRef} from '../../core/graph/references.js'

export interface Filter {
  field: unknown
  operator: string
  value?: unknown
  unit?: string
}

export interface Group {
  filters: Filter[]
  conditions?: Condition | null
}

export interface Condition {
  logic: 'AND' | 'OR'
  groups: Group[]
}

/** OpenAPI `SegmentFilter.operator` enum (Mailrify/mailrify-node docs/openapi.json). */
export const PUBLISHED_OPERATORS = [
  'equals', 'notEquals', 'contains', 'notContains', 'greaterThan', 'lessThan', 'greaterThanOrEqual', 'lessThanOrEqual',
  'exists', 'notExists', 'within', 'olderThan', 'triggered', 'triggeredWithin', 'triggeredOlderThan', 'notTriggered',
]
/** "Unit is required for time-based operators such as within/olderThan/triggeredWithin/triggeredOlderThan". */
export const TIME_OPERATORS = ['within', 'olderThan', 'triggeredWithin', 'triggeredOlderThan']
/** Omit the value for these (Plunk MCP: "Omit for exists/notExists/triggered/notTriggered"). */
export const NO_VALUE_OPERATORS = ['exists', 'notExists', 'triggered', 'notTriggered']
/** Not in MailGlyph's published enum; upstream Plunk keeps the other segment's id in `field` (§1.6). */
export const MEMBERSHIP_OPERATORS = ['memberOfSegment', 'notMemberOfSegment']
export const ACTIVITY_OPERATORS = ['triggered', 'triggeredWithin', 'triggeredOlderThan', 'notTriggered']

export function isMembership(operator: string): boolean {
  return MEMBERSHIP_OPERATORS.includes(operator)
}

/** The segment id a membership filter's `field` holds: bare, or as `segment.<id>`. */
export function membershipId(field: string): string {
  return field.startsWith('segment.') ? field.slice('segment.'.length) : field
}

/**
 * Segment ids of the membership filters in every group and nested condition; nothing is copied.
 * Plain loops: a plan runs this over every remote segment (thousands) in a fresh process, where
 * `eachFilter`'s callback and `includes` took 9–21 ms for 5,000 segments against 3–5 ms.
 */
export function membershipIds(condition: Condition | null | undefined, ids: string[] = []): string[] {
  const groups = condition?.groups ?? []
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!
    const filters = group.filters ?? []
    for (let i = 0; i < filters.length; i++) {
      const {operator, field} = filters[i]!
      if ((operator === 'memberOfSegment' || operator === 'notMemberOfSegment') && typeof field === 'string') ids.push(membershipId(field))
    }
    if (group.conditions) membershipIds(group.conditions, ids)
  }
  return ids
}

/** Every filter of every group and nested condition, in place. */
export function eachFilter(condition: Condition | null | undefined, fn: (filter: Filter) => void): void {
  for (const group of condition?.groups ?? []) {
    for (const f of group.filters ?? []) fn(f)
    eachFilter(group.conditions, fn)
  }
}

/**
 * A filter with only what it means: membership filters keep `field` (the segment) alone, value-less
 * operators drop `value` and `unit`, and only time operators keep `unit`. The server stores
 * whatever a dashboard sent alongside; none of it changes who matches.
 */
export function meaningful(filter: Filter, field: unknown): Filter {
  const {operator} = filter
  if (isMembership(operator)) return {field, operator}
  if (NO_VALUE_OPERATORS.includes(operator)) return {field, operator}
  const out: Filter = {field, operator}
  if (filter.value !== undefined) out.value = filter.value
  if (TIME_OPERATORS.includes(operator) && filter.unit !== undefined) out.unit = filter.unit
  return out
}

/**
 * `data.plan equals "premium"`, `createdAt within 30 days`, `in segment "VIP"`, `not in segment "VIP"`
 * (a reference reads as every vendor's does: Sequenzy's conditions.ts, segment tests).
 */
export function filterText(filter: Filter): string {
  if (isMembership(filter.operator)) {
    const target = isSegmentRef(filter.field) ? JSON.stringify(filter.field.$segment) : String(filter.field)
    return `${filter.operator === 'memberOfSegment' ? 'in' : 'not in'} segment ${target}`
  }
  const value = filter.value === undefined ? '' : show(filter.value)
  return [String(filter.field), filter.operator, value, TIME_OPERATORS.includes(filter.operator) ? (filter.unit ?? '') : ''].filter((p) => p !== '').join(' ')
}

/**
 * Sequenzy's condition language (seed 002, vendors.md §3.5): the v2 tree of groups and filters,
 * the operators that take no value, and a filter in one line of text (its key in the normalised
 * body and the words reviewers read).
 */
import {isSegmentRef} from '../../core/graph/references.js'

export interface Group {
  kind: 'group'
  id?: string
  joinOperator: 'and' | 'or'
  children: Node[]
}
export interface Leaf {
  kind: 'filter'
  id?: string
  field: string
  operator: string
  value?: unknown
}
export type Node = Group | Leaf

export const EMPTY_CHECKS = new Set(['is_empty', 'is_not_empty'])

/**
 * `event is_not saas.purchase:30d`, `in segment "VIP"`, `not in segment "VIP"`: a reference reads
 * once, as every vendor's reference does (MailGlyph's conditions.ts, segment tests).
 */
export function leafText(leaf: {field: unknown; operator: unknown; value?: unknown}): string {
  if (isSegmentFilter(leaf)) return `${leaf.operator === 'is' ? 'in' : 'not in'} segment ${targetText(leaf.value)}`
  return [leaf.field, leaf.operator, valueText(leaf.value)].filter((p) => p !== '').join(' ')
}

/** `segment is/is_not <segment>`: membership of another segment, in words rather than as a filter. */
function isSegmentFilter(leaf: {field: unknown; operator: unknown}): boolean {
  return leaf.field === 'segment' && (leaf.operator === 'is' || leaf.operator === 'is_not')
}

/** A reference by name, quoted; an id no known segment has, as it is. */
function targetText(value: unknown): string {
  if (isSegmentRef(value)) return JSON.stringify(value.$segment)
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Values are strings (the schema); anything else a remote segment holds is shown as JSON, not `[object Object]`. */
function valueText(value: unknown): string {
  if (value === undefined) return ''
  if (isSegmentRef(value)) return `segment ${JSON.stringify(value.$segment)}`
  return typeof value === 'string' ? value : JSON.stringify(value)
}

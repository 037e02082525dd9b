/**
 * Sequenzy's server-side filter validation, as mirrored by its MCP server
 * (Sequenzy/mcp src/tools/segment-validation.ts `segmentOperatorsByField`; vendors.md §3.5).
 * This is the vendor's table, kept apart from our schema on purpose: the emulator checks the
 * adapter, it must not share its assumptions. A write carries its rules as legacy `filters` or as
 * a nested `root`, never both (rulesFrom).
 */
import {assumptions} from './assumptions.js'
import {error, Fail} from './errors.js'
import {legacyRoot, type SequenzyState, type StoredGroup} from './state.js'

const EMPTY = ['is_empty', 'is_not_empty']
const ENGAGEMENT = ['is', 'is_not', 'at_least', 'less_than_count']

export const operatorsByField: Record<string, string[]> = {
  status: ['is', 'is_not'],
  phone: ['is_not_empty', 'is_empty'],
  smsStatus: ['is', 'is_not'],
  tag: ['contains', 'not_contains', ...EMPTY],
  // Seed 002 lists only these for email; the MCP mirror also has is/is_not, which a write must not rely on.
  email: ['contains', 'not_contains'],
  emailProvider: ['is', 'is_not', ...EMPTY],
  list: ['is', 'is_not', ...EMPTY],
  added: ['less_than', 'more_than'],
  firstName: ['contains', 'not_contains', ...EMPTY],
  lastName: ['contains', 'not_contains', ...EMPTY],
  emailSent: ENGAGEMENT,
  emailDelivered: ENGAGEMENT,
  emailOpened: ENGAGEMENT,
  emailClicked: ENGAGEMENT,
  emailComplained: ENGAGEMENT,
  emailBounced: [...ENGAGEMENT, 'is_temporary_bounce', 'is_permanent_bounce'],
  attribute: ['is', 'is_not', ...EMPTY, 'gte', 'lte', 'gt', 'lt', 'contains', 'not_contains'],
  event: ENGAGEMENT,
  pollResponse: ['is'],
  segment: ['is', 'is_not'],
  stripeProduct: ENGAGEMENT,
  stripeCurrentProduct: ['is', 'is_not', 'gte', 'lte', 'gt', 'lt'],
  stripeTrialProduct: ['is', 'is_not', 'gte', 'lte', 'gt', 'lt'],
  commerceProduct: ENGAGEMENT,
  commerceCollection: ENGAGEMENT,
}

export interface Leaf {
  kind?: 'filter'
  id?: string
  field: string
  operator: string
  value?: unknown
}

/** The vendor's message for a bad leaf, or undefined when it is fine. */
export function leafError(leaf: Leaf, segmentExists: (id: string) => boolean): string | undefined {
  const ops = operatorsByField[leaf.field]
  if (!ops) return `Unsupported segment filter field: ${String(leaf.field)}`
  if (!ops.includes(leaf.operator)) return `Operator "${String(leaf.operator)}" is not supported for ${leaf.field} filters`
  const needsValue = !EMPTY.includes(leaf.operator) || leaf.field === 'attribute'
  if (leaf.value !== undefined && typeof leaf.value !== 'string') return `Filter value for ${leaf.field} must be a string`
  if (needsValue && (leaf.value === undefined || leaf.value === '')) return `A value is required for ${leaf.field} filters with operator "${leaf.operator}"`
  if (leaf.field === 'attribute' && !/^[^:]+:/.test(String(leaf.value))) return 'Attribute filters need an attribute name prefix: "attrName:value"'
  if (leaf.field === 'segment' && !segmentExists(String(leaf.value))) return `Segment filter references a segment that does not exist: ${String(leaf.value)}`
  return undefined
}

/** "You must provide exactly one of filters or root, and it must contain at least one filter." */
export function rulesFrom(state: SequenzyState, body: Record<string, unknown>, required: boolean): StoredGroup | Fail {
  const fail = (message: string) => new Fail(error(400, message))
  const hasFilters = body.filters !== undefined
  const hasRoot = body.root !== undefined
  if (hasFilters && hasRoot) return fail('You can send either legacy filters or a nested root, not both.')
  if (!hasFilters && !hasRoot) {
    return fail(required ? 'You must provide exactly one of filters or root, and it must contain at least one filter.' : 'Nothing to update.')
  }
  let root: StoredGroup
  if (hasFilters) {
    if (!Array.isArray(body.filters)) return fail('filters must be an array')
    if (body.filterJoinOperator !== undefined && body.filterJoinOperator !== 'and' && body.filterJoinOperator !== 'or') {
      return fail('filterJoinOperator must be "and" or "or"')
    }
    root = legacyRoot(body.filters, body.filterJoinOperator)
  } else {
    root = body.root as StoredGroup
  }
  const problem = checkGroup(root, '(root)', (id) => state.segments.some((s) => s.id === id))
  if (problem) return fail(problem)
  if (countLeaves(root) === 0) return fail('You must provide exactly one of filters or root, and it must contain at least one filter.')
  return root
}

function checkGroup(node: unknown, where: string, segmentExists: (id: string) => boolean): string | undefined {
  const g = node as Partial<StoredGroup>
  if (!g || typeof g !== 'object' || g.kind !== 'group') return `${where}: a group must have kind "group"`
  if (g.joinOperator !== 'and' && g.joinOperator !== 'or') return `${where}: joinOperator must be "and" or "or"`
  if (!Array.isArray(g.children) || g.children.length === 0) return `${where}: a group needs at least one child`
  for (const child of g.children) {
    if ((child as {kind?: string}).kind === 'group') {
      const inner = checkGroup(child, `${where} > group`, segmentExists)
      if (inner) return inner
    } else if ((child as {kind?: string}).kind === 'filter') {
      const leafProblem = leafError(child as Leaf, assumptions.rejectUnknownSegmentReference ? segmentExists : () => true)
      if (leafProblem) return leafProblem
    } else {
      return `${where}: each child must have kind "group" or "filter"`
    }
  }
  return undefined
}

function countLeaves(g: StoredGroup): number {
  return g.children.reduce((n, c) => n + (c.kind === 'group' ? countLeaves(c) : 1), 0)
}

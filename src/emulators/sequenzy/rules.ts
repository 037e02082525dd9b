/**
 * Sequenzy's server-side filter validation, as mirrored by its MCP server
 * (Sequenzy/mcp src/tools/segment-validation.ts `segmentOperatorsByField`; vendors.md §3.5).
 * This is the vendor's table, kept apart from our schema on purpose: the emulator checks the
 * adapter, it must not share its assumptions.
 */
const EMPTY = ['is_empty', 'is_not_empty']
const ENGAGEMENT = ['is', 'is_not', 'at_least', 'less_than_count']

export const operatorsByField: Record<string, string[]> = {
  status: ['is', 'is_not'],
  phone: ['is_not_empty', 'is_empty'],
  smsStatus: ['is', 'is_not'],
  tag: ['contains', 'not_contains', ...EMPTY],
  email: ['contains', 'not_contains', 'is', 'is_not'],
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

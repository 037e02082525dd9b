/* Generated from schemas/sequenzy/segment.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A Sequenzy segment definition for segsync. https://docs.sequenzy.com/api-reference/segments/update
 */
export type SequenzySegment = SequenzySegmentDefinition | AbsentSegment
/**
 * A nested group or a filter. Each field allows its own operators (Sequenzy validates them server-side).
 */
export type FilterNode =
  | FilterGroup
  | StatusFilter
  | PhoneFilter
  | SmsStatusFilter
  | TagFilter
  | EmailFilter
  | EmailProviderFilter
  | ListFilter
  | AddedFilter
  | FirstNameFilter
  | LastNameFilter
  | EmailSentFilter
  | EmailDeliveredFilter
  | EmailOpenedFilter
  | EmailClickedFilter
  | EmailComplainedFilter
  | EmailBouncedFilter
  | AttributeFilter
  | EventFilter
  | PollResponseFilter
  | SegmentFilter
  | StripeProductFilter
  | StripeCurrentProductFilter
  | StripeTrialProductFilter
  | CommerceProductFilter
  | CommerceCollectionFilter

/**
 * A Sequenzy segment, as the API names it (PATCH /api/v1/segments/{id}).
 */
export interface SequenzySegmentDefinition {
  /**
   * Path or URL of this schema, for editor completion. Ignored by segsync.
   */
  $schema?: string
  /**
   * The segment name: its identity, unique per workspace. Remote segments are matched by name.
   */
  name: string
  /**
   * Earlier names of this segment: a rename is an update, not a delete and a create.
   */
  renamedFrom?: string[]
  /**
   * Names of segments this one needs first, beyond the { "$segment" } references segsync finds itself.
   */
  dependsOn?: string[]
  /**
   * Never delete this segment.
   */
  protected?: boolean
  /**
   * 'present' (default) keeps the segment; 'absent' deletes it.
   */
  ensure?: 'present'
  root: FilterGroup
}
/**
 * A v2 filter group: children joined by `joinOperator`, nested to any depth.
 */
export interface FilterGroup {
  kind: 'group'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  joinOperator: 'and' | 'or'
  /**
   * @minItems 1
   */
  children: [FilterNode, ...FilterNode[]]
}
export interface StatusFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'status'
  operator: 'is' | 'is_not'
  /**
   * Subscriber status, e.g. "active" or "unsubscribed".
   */
  value: string
}
export interface PhoneFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'phone'
  operator: 'is_not_empty' | 'is_empty'
  /**
   * No value: the phone number is present or absent.
   */
  value?: string
}
export interface SmsStatusFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'smsStatus'
  operator: 'is' | 'is_not'
  /**
   * SMS subscription status.
   */
  value: 'subscribed' | 'unsubscribed' | 'not_subscribed'
}
export interface TagFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'tag'
  operator: 'contains' | 'not_contains' | 'is_empty' | 'is_not_empty'
  /**
   * Comma-separated tag names.
   */
  value?: string
}
export interface EmailFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'email'
  /**
   * Seed 002 (the update page) lists only contains and not_contains for email. The MCP server also accepts is/is_not, which segsync still reads from remote segments but never writes: the API may refuse them.
   */
  operator: 'contains' | 'not_contains'
  /**
   * An address or a substring of one.
   */
  value: string
}
export interface EmailProviderFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'emailProvider'
  operator: 'is' | 'is_not' | 'is_empty' | 'is_not_empty'
  /**
   * Mailbox provider.
   */
  value?: string
}
export interface ListFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'list'
  operator: 'is' | 'is_not' | 'is_empty' | 'is_not_empty'
  /**
   * A list id.
   */
  value?: string
}
export interface AddedFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'added'
  operator: 'less_than' | 'more_than'
  /**
   * When the subscriber was added (a time value such as "30d").
   */
  value: string
}
export interface FirstNameFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'firstName'
  operator: 'contains' | 'not_contains' | 'is_empty' | 'is_not_empty'
  /**
   * Text.
   */
  value?: string
}
export interface LastNameFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'lastName'
  operator: 'contains' | 'not_contains' | 'is_empty' | 'is_not_empty'
  /**
   * Text.
   */
  value?: string
}
export interface EmailSentFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'emailSent'
  operator: 'is' | 'is_not' | 'at_least' | 'less_than_count'
  /**
   * A time range ("7d", "30d", "all"), "campaign:<id>", or "count:range" such as "10:30d".
   */
  value: string
}
export interface EmailDeliveredFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'emailDelivered'
  operator: 'is' | 'is_not' | 'at_least' | 'less_than_count'
  /**
   * A time range ("7d", "30d", "all"), "campaign:<id>", or "count:range" such as "10:30d".
   */
  value: string
}
export interface EmailOpenedFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'emailOpened'
  operator: 'is' | 'is_not' | 'at_least' | 'less_than_count'
  /**
   * A time range ("7d", "30d", "all"), "campaign:<id>", or "count:range" such as "10:30d".
   */
  value: string
}
export interface EmailClickedFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'emailClicked'
  operator: 'is' | 'is_not' | 'at_least' | 'less_than_count'
  /**
   * A time range ("7d", "30d", "all"), "campaign:<id>", or "count:range" such as "10:30d".
   */
  value: string
}
export interface EmailComplainedFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'emailComplained'
  operator: 'is' | 'is_not' | 'at_least' | 'less_than_count'
  /**
   * A time range ("7d", "30d", "all"), "campaign:<id>", or "count:range" such as "10:30d".
   */
  value: string
}
export interface EmailBouncedFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'emailBounced'
  operator: 'is' | 'is_not' | 'at_least' | 'less_than_count' | 'is_temporary_bounce' | 'is_permanent_bounce'
  /**
   * A time range ("7d", "30d", "all"), "campaign:<id>", or "count:range" such as "10:30d".
   */
  value: string
}
export interface AttributeFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'attribute'
  operator:
    'is' | 'is_not' | 'is_empty' | 'is_not_empty' | 'gte' | 'lte' | 'gt' | 'lt' | 'contains' | 'not_contains'
  /**
   * "attrName:value", or "attrName:" for empty checks.
   */
  value: string
}
export interface EventFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'event'
  operator: 'is' | 'is_not' | 'at_least' | 'less_than_count'
  /**
   * "event.name:30d", "event.name:all" or "event.name:5:30d" (a time range of "all" or "<n>d").
   */
  value: string
}
export interface PollResponseFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'pollResponse'
  operator: 'is'
  /**
   * JSON: {"v":1,"campaignId":…,"blockId":…,"match":{"kind":"answer","value":…} | {"kind":"npsBucket","bucket":…}}.
   */
  value: string
}
export interface SegmentFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'segment'
  operator: 'is' | 'is_not'
  /**
   * The segment: { "$segment": "<name>" } (resolved to its id at apply time), or a raw segment id.
   */
  value: SegmentRef | string
}
/**
 * A reference to another segment of this workspace by name; resolved to its id at apply time.
 */
export interface SegmentRef {
  $segment: string
}
export interface StripeProductFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'stripeProduct'
  operator: 'is' | 'is_not' | 'at_least' | 'less_than_count'
  /**
   * "prod_123" or "prod_123:3".
   */
  value: string
}
export interface StripeCurrentProductFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'stripeCurrentProduct'
  operator: 'is' | 'is_not' | 'gte' | 'lte' | 'gt' | 'lt'
  /**
   * "prod_123", "prod_123:is_canceled", "prod_123:end_at:2026-05-26" or "prod_123:start_at:7 days ago".
   */
  value: string
}
export interface StripeTrialProductFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'stripeTrialProduct'
  operator: 'is' | 'is_not' | 'gte' | 'lte' | 'gt' | 'lt'
  /**
   * "prod_123", "prod_123:is_canceled", "prod_123:end_at:2026-05-26" or "prod_123:start_at:7 days ago".
   */
  value: string
}
export interface CommerceProductFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'commerceProduct'
  operator: 'is' | 'is_not' | 'at_least' | 'less_than_count'
  /**
   * "[shopify|woocommerce|api:]id[:count]".
   */
  value: string
}
export interface CommerceCollectionFilter {
  kind: 'filter'
  /**
   * Optional; Sequenzy generates one. Ignored when diffing.
   */
  id?: string
  field: 'commerceCollection'
  operator: 'is' | 'is_not' | 'at_least' | 'less_than_count'
  /**
   * "[shopify|woocommerce|api:]id[:count]".
   */
  value: string
}
/**
 * A segment that must not exist: apply deletes it (with --allow-delete), or shows the manual step where the vendor has no delete API.
 */
export interface AbsentSegment {
  /**
   * Path or URL of this schema, for editor completion. Ignored by segsync.
   */
  $schema?: string
  /**
   * The segment name: its identity, unique per workspace. Remote segments are matched by name.
   */
  name: string
  /**
   * Earlier names of this segment: a rename is an update, not a delete and a create.
   */
  renamedFrom?: string[]
  /**
   * Names of segments this one uses; ignored for a segment to delete.
   */
  dependsOn?: string[]
  /**
   * Never delete this segment.
   */
  protected?: boolean
  ensure: 'absent'
}

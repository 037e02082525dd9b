/* Generated from schemas/mailglyph/segment.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A MailGlyph segment definition for segsync. https://docs.mailglyph.com/api-reference/segments/updateSegment
 */
export type MailGlyphSegment = MailGlyphSegmentDefinition | AbsentSegment
/**
 * One filter. The operator decides which of `value` and `unit` it takes (MailGlyph OpenAPI `SegmentFilter`).
 */
export type SegmentFilter =
  | EqualsFilter
  | NotEqualsFilter
  | ContainsFilter
  | NotContainsFilter
  | GreaterThanFilter
  | LessThanFilter
  | GreaterThanOrEqualFilter
  | LessThanOrEqualFilter
  | ExistsFilter
  | NotExistsFilter
  | WithinFilter
  | OlderThanFilter
  | TriggeredFilter
  | TriggeredWithinFilter
  | TriggeredOlderThanFilter
  | NotTriggeredFilter
  | MemberOfSegmentFilter
  | NotMemberOfSegmentFilter
/**
 * Field path to evaluate: "email", "subscribed", "createdAt", "updatedAt", a custom field "data.<name>" (e.g. "data.plan").
 */
export type Field = string
/**
 * Comparison value: text, a number, true/false (for "subscribed"), or a date as YYYY-MM-DD.
 */
export type ComparisonValue = string | number | boolean | null
/**
 * A number, or a date as an ISO 8601 string.
 */
export type OrderedValue = number | string
/**
 * Required for within/olderThan/triggeredWithin/triggeredOlderThan.
 */
export type TimeUnit = 'days' | 'hours' | 'minutes'
/**
 * An event "event.<name>" (e.g. "event.purchase") or an email activity "email.sent|delivered|opened|clicked|bounced|complained".
 */
export type ActivityField = string

/**
 * A DYNAMIC MailGlyph segment, as the API names it (POST /segments, PATCH /segments/{id}). STATIC segments are listed, never managed.
 */
export interface MailGlyphSegmentDefinition {
  /**
   * Path or URL of this schema, for editor completion. Ignored by segsync.
   */
  $schema?: string
  /**
   * The segment name: its identity, unique per workspace. Remote segments are matched by name. At most 100 characters (upstream Plunk limit, vendors.md §1.3).
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
  /**
   * Free text for people. Absent means none (MailGlyph stores null). At most 500 characters (upstream Plunk limit, vendors.md §1.3). Never changes the audience.
   */
  description?: string
  condition: FilterCondition
  /**
   * Track segment membership changes over time. Absent means false (the server default). Never changes the audience.
   */
  trackMembership?: boolean
}
/**
 * Root segment condition structure using logical groups: the groups are combined by `logic`.
 */
export interface FilterCondition {
  /**
   * How the groups combine.
   */
  logic: 'AND' | 'OR'
  /**
   * @minItems 1
   */
  groups: [FilterGroup, ...FilterGroup[]]
}
/**
 * A group of filters that are combined with AND, with optional nested conditions. A group needs at least one filter or a nested condition.
 */
export interface FilterGroup {
  filters: SegmentFilter[]
  conditions?: FilterCondition
}
/**
 * Field equals the value (dates: the same day).
 */
export interface EqualsFilter {
  field: Field
  operator: 'equals'
  value: ComparisonValue
}
/**
 * Field differs from the value.
 */
export interface NotEqualsFilter {
  field: Field
  operator: 'notEquals'
  value: ComparisonValue
}
/**
 * Field contains the text (case-insensitive for email).
 */
export interface ContainsFilter {
  field: Field
  operator: 'contains'
  value: string
}
/**
 * Field does not contain the text.
 */
export interface NotContainsFilter {
  field: Field
  operator: 'notContains'
  value: string
}
/**
 * Field is greater than the value (numbers, or dates as ISO 8601 strings).
 */
export interface GreaterThanFilter {
  field: Field
  operator: 'greaterThan'
  value: OrderedValue
}
/**
 * Field is less than the value.
 */
export interface LessThanFilter {
  field: Field
  operator: 'lessThan'
  value: OrderedValue
}
/**
 * Field is greater than or equal to the value.
 */
export interface GreaterThanOrEqualFilter {
  field: Field
  operator: 'greaterThanOrEqual'
  value: OrderedValue
}
/**
 * Field is less than or equal to the value.
 */
export interface LessThanOrEqualFilter {
  field: Field
  operator: 'lessThanOrEqual'
  value: OrderedValue
}
/**
 * Field is set. Takes no value.
 */
export interface ExistsFilter {
  field: Field
  operator: 'exists'
}
/**
 * Field is not set. Takes no value.
 */
export interface NotExistsFilter {
  field: Field
  operator: 'notExists'
}
/**
 * Date field is within the last `value` `unit`s.
 */
export interface WithinFilter {
  field: Field
  operator: 'within'
  /**
   * How many `unit`s.
   */
  value: number
  unit: TimeUnit
}
/**
 * Date field is more than `value` `unit`s ago.
 */
export interface OlderThanFilter {
  field: Field
  operator: 'olderThan'
  /**
   * How many `unit`s.
   */
  value: number
  unit: TimeUnit
}
/**
 * The event or email activity happened at least once. Takes no value.
 */
export interface TriggeredFilter {
  field: ActivityField
  operator: 'triggered'
}
/**
 * The event or email activity happened within the last `value` `unit`s.
 */
export interface TriggeredWithinFilter {
  field: ActivityField
  operator: 'triggeredWithin'
  /**
   * How many `unit`s.
   */
  value: number
  unit: TimeUnit
}
/**
 * The event or email activity happened, but not within the last `value` `unit`s.
 */
export interface TriggeredOlderThanFilter {
  field: ActivityField
  operator: 'triggeredOlderThan'
  /**
   * How many `unit`s.
   */
  value: number
  unit: TimeUnit
}
/**
 * The event or email activity never happened. Takes no value.
 */
export interface NotTriggeredFilter {
  field: ActivityField
  operator: 'notTriggered'
}
/**
 * The contact is a member of another segment. Not in MailGlyph's published operator enum (upstream Plunk has it, vendors.md §1.6): segsync reads it from remote data and sends it only when a definition holds it.
 */
export interface MemberOfSegmentFilter {
  field: SegmentRef
  operator: 'memberOfSegment'
}
/**
 * The segment, as { "$segment": "<name>" }; MailGlyph holds its id in `field`.
 */
export interface SegmentRef {
  $segment: string
}
/**
 * The contact is not a member of another segment. Same caveat as memberOfSegment (vendors.md §1.6).
 */
export interface NotMemberOfSegmentFilter {
  field: SegmentRef1
  operator: 'notMemberOfSegment'
}
/**
 * The segment, as { "$segment": "<name>" }; MailGlyph holds its id in `field`.
 */
export interface SegmentRef1 {
  $segment: string
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

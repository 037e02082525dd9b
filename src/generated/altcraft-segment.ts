/* Generated from schemas/altcraft/segment.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * An Altcraft Platform segment definition for segsync: the body of POST /api/v1.1/segments/update/. https://guides.altcraft.com/en/developer-guide/segments/2195596
 */
export type AltcraftSegment = AltcraftSegmentDefinition | AbsentSegment

/**
 * A dynamic (is_static false) or updatable (is_static true, with rules) Altcraft segment. Static segments (no rules) are listed by segsync but never modified.
 */
export interface AltcraftSegmentDefinition {
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
   * Names of segments this one uses (an "in segment" rule): they are created first, and a change to them reaches the campaigns of this one. Altcraft's API does not document how such a rule names a segment, so declare it here.
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
   * The profile database the segment selects from. Altcraft cannot move a segment to another database ("the specified profile database cannot be changed"): a plan that changes it is blocked; create a segment with a new name instead.
   */
  list_id: number
  /**
   * false (default): a dynamic segment, evaluated when used. true: an updatable segment, whose members are stored and recomputed from the rules (daily with is_refresh_daily).
   */
  is_static?: boolean
  /**
   * Updatable segments only (is_static: true): recompute the members every day. Default false.
   */
  is_refresh_daily?: boolean
  /**
   * The segmentation rules: blocks of queries, as Altcraft names them.
   *
   * @minItems 1
   */
  segment: [SegmentBlock, ...SegmentBlock[]]
}
/**
 * A block of the segment array: queries joined by `condition`, with optional sampling and limit (segments/add parameters of the segment array).
 */
export interface SegmentBlock {
  /**
   * Logical condition for combining the queries.
   */
  condition: 'and' | 'or'
  /**
   * Database id of this block. Optional here: segsync sends the segment's list_id, and a block may not name another database.
   */
  list_id?: number
  /**
   * Limit the number of profiles in the segment (0, the default: no limit).
   */
  limit?: number
  /**
   * Start of the sample percentage range (0-99). Default 0.
   */
  percent_from?: number
  /**
   * End of the sample percentage range (1-100). Default 100: the whole database.
   */
  percent_to?: number
  /**
   * Filter conditions. Their order carries no meaning: segsync compares them by content.
   *
   * @minItems 1
   */
  queries: [Query, ...Query[]]
}
/**
 * One filter condition, kept verbatim: Altcraft does not publish the full list of compo, operator and type values, so segsync checks only the shape. Build it in the Altcraft UI and copy it (or `segsync import` it).
 */
export interface Query {
  /**
   * Source of the value for comparison, e.g. "default", "domaingroup".
   */
  compo: string
  /**
   * The field, e.g. "email", "_sex", "_region".
   */
  name: string
  /**
   * The comparison, e.g. "equal", "in_data".
   */
  operator: string
  /**
   * The field type, e.g. "email", "subscription_email".
   */
  type: string
  /**
   * Named values of the comparison, e.g. [{"name": "domaingroup", "value": "Yahoo! (US)"}].
   */
  value: QueryValue[]
  /**
   * Nested queries, joined by `condition`. Altcraft answers [] when there are none; segsync treats [] and absent alike.
   */
  child?: Query[]
  /**
   * How the nested queries (child) combine. Altcraft answers "" when there are none; segsync treats "" and absent alike.
   */
  condition?: '' | 'and' | 'or'
  /**
   * Object path of object-based queries. "" (Altcraft's default) and absent are alike.
   */
  object_path?: string
  /**
   * Object type of object-based queries. "" (Altcraft's default) and absent are alike.
   */
  object_type?: string
}
/**
 * A named value of a query.
 */
export interface QueryValue {
  /**
   * What the value is, e.g. "domaingroup", "field", "resource_id".
   */
  name: string
  /**
   * The value itself.
   */
  value: string | number | boolean
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

/* Generated from schemas/altcraft/responses.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * The envelope's error code on success: 0 ("0 Operation is successful", API interaction).
 *
 * This interface was referenced by `AltcraftResponses`'s JSON-Schema
 * via the `definition` "Success".
 */
export type Success = 0

/**
 * What segsync relies on in Altcraft's answers (seed 004, vendors.md §5, guides.altcraft.com developer guide v74/v75): one $defs entry per answer. Every method answers the envelope {data, error: 0, error_text}; an envelope with error ≠ 0 is a refusal, handled before the contract (providers/altcraft/api.ts). Extra fields are allowed: vendors add fields.
 */
export interface AltcraftResponses {
  [k: string]: unknown
}
/**
 * segments/list: {data: [{id, name, ui_tags, Groups}], next_from_id, total_count} (developer guide 2195600). Ids are JSON integers.
 *
 * This interface was referenced by `AltcraftResponses`'s JSON-Schema
 * via the `definition` "SegmentList".
 */
export interface SegmentList {
  data: ListedItem[]
  error: Success
  error_text?: string
  next_from_id?: number
  total_count?: number
  [k: string]: unknown
}
/**
 * An item of a list method: an integer id and a name.
 *
 * This interface was referenced by `AltcraftResponses`'s JSON-Schema
 * via the `definition` "ListedItem".
 */
export interface ListedItem {
  id: number
  name: string
  [k: string]: unknown
}
/**
 * segments/get: {data: {count, id, name, segment}} (developer guide 2195598). The documented example carries no is_static, is_refresh_daily or top-level list_id: they are optional here, and a segment with rules but no is_static is of unknown type (read-only).
 *
 * This interface was referenced by `AltcraftResponses`'s JSON-Schema
 * via the `definition` "SegmentDetail".
 */
export interface SegmentDetail {
  data: Segment
  error: Success
  error_text?: string
  [k: string]: unknown
}
/**
 * A segment as segments/get answers it. Static segments have no rules.
 *
 * This interface was referenced by `AltcraftResponses`'s JSON-Schema
 * via the `definition` "Segment".
 */
export interface Segment {
  id: number
  name: string
  count?: number
  list_id?: number
  is_static?: boolean
  is_refresh_daily?: boolean
  segment?: Block[] | null
  [k: string]: unknown
}
/**
 * A segment block: {condition, limit, list_id, percent_from, percent_to, queries} (create page, "Parameters of the segment array").
 *
 * This interface was referenced by `AltcraftResponses`'s JSON-Schema
 * via the `definition` "Block".
 */
export interface Block {
  condition: 'and' | 'or'
  limit?: number
  list_id?: number
  percent_from?: number
  percent_to?: number
  queries: Query[]
  [k: string]: unknown
}
/**
 * A query: its vocabulary is not published (vendors.md §5.4), so only the documented skeleton is relied on; every other key is kept verbatim.
 *
 * This interface was referenced by `AltcraftResponses`'s JSON-Schema
 * via the `definition` "Query".
 */
export interface Query {
  compo: string
  name: string
  operator: string
  type: string
  value: QueryValue[]
  child?: Query[]
  condition?: string
  [k: string]: unknown
}
/**
 * One value of a query: {name, value}.
 *
 * This interface was referenced by `AltcraftResponses`'s JSON-Schema
 * via the `definition` "QueryValue".
 */
export interface QueryValue {
  name: string
  value: unknown
  [k: string]: unknown
}
/**
 * segments/add and segments/update: {data: {saved_id}} (seed 004, the update page; vendors.md §5.3 ASSUMPTION: add answers the same).
 *
 * This interface was referenced by `AltcraftResponses`'s JSON-Schema
 * via the `definition` "SegmentSaved".
 */
export interface SegmentSaved {
  data: {
    saved_id: number
    [k: string]: unknown
  }
  error: Success
  error_text?: string
  [k: string]: unknown
}
/**
 * segments/delete: {error: 0, error_text} (vendors.md §5.3 ASSUMPTION: the page's content was not found; add or remove profile answers this way).
 *
 * This interface was referenced by `AltcraftResponses`'s JSON-Schema
 * via the `definition` "SegmentDeleted".
 */
export interface SegmentDeleted {
  error: Success
  error_text?: string
  [k: string]: unknown
}
/**
 * campaigns/list: {data: [{id, name, type, is_active, …}], next_from_id, total_count} (developer guide campaigns/2195648). List items carry no audience.
 *
 * This interface was referenced by `AltcraftResponses`'s JSON-Schema
 * via the `definition` "MailingList".
 */
export interface MailingList {
  data: ListedItem[]
  error: Success
  error_text?: string
  next_from_id?: number
  total_count?: number
  [k: string]: unknown
}
/**
 * campaigns/get: data with data_type ("Audience source type": "list" or "segment"), data_id ("Audience source ID"), is_active, is_completed and status (developer guide campaigns/2195650, vendors.md §5.6). Without them segsync cannot tell which segment a mailing sends to, or whether it still sends.
 *
 * This interface was referenced by `AltcraftResponses`'s JSON-Schema
 * via the `definition` "MailingDetail".
 */
export interface MailingDetail {
  data: {
    id?: number
    name?: string
    data_type: string
    data_id: number
    is_active: boolean
    is_completed: boolean
    status?: string
    [k: string]: unknown
  }
  error: Success
  error_text?: string
  [k: string]: unknown
}

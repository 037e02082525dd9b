/* Generated from schemas/push0/responses.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * GET /v1/segments?page&limit (a page) and GET /v1/segments?id= ("If provided - returns single list element"): a bare JSON array of segments (list page, vendors.md §4.3).
 *
 * This interface was referenced by `Push0Responses`'s JSON-Schema
 * via the `definition` "SegmentList".
 */
export type SegmentList = Segment[]
/**
 * A segment id as the documents show them (`seg_jfeZ4NrGegjV9` on the update page, `sg_wsviVjvLoorS5GKOZpznH` on the list page): a lower-case prefix, an underscore, then url-safe characters. ASSUMPTION (providers/push0/assumptions.ts ID_SHAPE): the docs call ids strings and nothing more; this shape is what tells an id from a word such as "Forbidden" or "No message".
 *
 * This interface was referenced by `Push0Responses`'s JSON-Schema
 * via the `definition` "SegmentId".
 */
export type SegmentId = string
/**
 * POST and PATCH /v1/segments: "Returns segment id or error message" (update page; create is undocumented, vendors.md §4.3 ASSUMPTION: the same). The id arrives as plain text or a JSON string, or as an object with `id` (vendors.md §4.3 ASSUMPTION), which may be the whole segment. One schema for both forms (pattern applies to the string, required to the object), so what is wrong is named at its place: `/id` for an object, the text itself for a word.
 *
 * This interface was referenced by `Push0Responses`'s JSON-Schema
 * via the `definition` "WrittenId".
 */
export type WrittenId =
  | string
  | {
      id: SegmentId
      [k: string]: unknown
    }

/**
 * What segsync relies on in Push0's answers (seed 003, vendors.md §4, https://docs.push0.com/rest-api/v1/segments/): one $defs entry per answer. Extra fields are allowed: vendors add fields.
 */
export interface Push0Responses {
  [k: string]: unknown
}
/**
 * A segment as the list shows it: {id, name, description, constraints, updatedAt, createdAt}. segsync relies on id, name and constraints (a missing constraints array must not read as "targets all devices"); description, updatedAt and createdAt are typed when present.
 *
 * This interface was referenced by `Push0Responses`'s JSON-Schema
 * via the `definition` "Segment".
 */
export interface Segment {
  id: string
  name: string
  description?: string | null
  constraints: ConstraintGroup[]
  /**
   * Epoch ms; null until the first update.
   */
  updatedAt?: number | null
  /**
   * Epoch ms.
   */
  createdAt?: number
  [k: string]: unknown
}
/**
 * {type: AND|OR, constraints: [{field, relation, value}]} (update page). The type, field and relation are read as given (upper-case relation aliases included, see conditions.ts), so they are typed as strings here.
 *
 * This interface was referenced by `Push0Responses`'s JSON-Schema
 * via the `definition` "ConstraintGroup".
 */
export interface ConstraintGroup {
  type: string
  constraints: Constraint[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `Push0Responses`'s JSON-Schema
 * via the `definition` "Constraint".
 */
export interface Constraint {
  field: string
  relation: string
  /**
   * Typed by field: a number for Int and Long fields, a string otherwise (seed 003). `tags` is a String Array on the device, so an array of tags is read too.
   */
  value?: string | number | boolean | null | string[]
  [k: string]: unknown
}

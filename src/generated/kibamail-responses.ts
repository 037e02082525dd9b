/* Generated from schemas/kibamail/responses.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * What segsync relies on in Kibamail's answers (seed 001; vendors.md §2.3, the schemas of Kibamail's OpenAPI generator source): one $defs entry per answer. Extra fields are allowed: vendors add fields (the prose promises memberCount, createdAt, updatedAt, hasPrevious).
 */
export interface KibamailResponses {
  [k: string]: unknown
}
/**
 * GET /v1/segments?limit&after: SegmentListResponse {object: "segment_list", hasMore, data: SegmentListItem[]} (vendors.md §2.3). `object` tells this list from another one; `hasMore` and the id of the last item say where the next page starts.
 *
 * This interface was referenced by `KibamailResponses`'s JSON-Schema
 * via the `definition` "SegmentList".
 */
export interface SegmentList {
  object: 'segment_list'
  hasMore: boolean
  data: SegmentListItem[]
  [k: string]: unknown
}
/**
 * A listed segment: {id, name, description, conditions} (vendors.md §2.3). Ids are opaque strings (§2.3 ASSUMPTION).
 *
 * This interface was referenced by `KibamailResponses`'s JSON-Schema
 * via the `definition` "SegmentListItem".
 */
export interface SegmentListItem {
  id: string
  name: string
  description?: string | null
  conditions: Conditions
  [k: string]: unknown
}
/**
 * FieldCondition | TopicCondition | LogicalOperatorCondition (seed 001), or raw MongoDB syntax made in the Kibamail app (vendors.md §2.5): an object either way. Which form it is, segsync decides after the contract (mapping.ts: another form is listed read-only).
 *
 * This interface was referenced by `KibamailResponses`'s JSON-Schema
 * via the `definition` "Conditions".
 */
export interface Conditions {
  [k: string]: unknown
}
/**
 * POST /v1/segments (201) and PUT /v1/segments/{segmentId} (200): SegmentResponse, required [object, id, name, conditions] (seed 001 "Response"; vendors.md §2.3).
 *
 * This interface was referenced by `KibamailResponses`'s JSON-Schema
 * via the `definition` "Segment".
 */
export interface Segment {
  object: 'segment'
  id: string
  name: string
  description?: string | null
  conditions: Conditions
  [k: string]: unknown
}
/**
 * DELETE /v1/segments/{segmentId} (200): {object: "segment", id} (vendors.md §2.3, the delete example).
 *
 * This interface was referenced by `KibamailResponses`'s JSON-Schema
 * via the `definition` "DeletedSegment".
 */
export interface DeletedSegment {
  object: 'segment'
  id: string
  [k: string]: unknown
}
/**
 * GET /v1/topics?limit&after (https://kibamail.com/docs/api/topics/get-topics): a cursor page {hasMore, data} like every Kibamail list (vendors.md §2.4). segsync reads only the topic ids. The `object` name ("topic_list") is the emulator's guess by analogy, so it is not part of the contract.
 *
 * This interface was referenced by `KibamailResponses`'s JSON-Schema
 * via the `definition` "TopicList".
 */
export interface TopicList {
  hasMore: boolean
  data: Topic[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `KibamailResponses`'s JSON-Schema
 * via the `definition` "Topic".
 */
export interface Topic {
  id: string
  name?: string
  [k: string]: unknown
}
/**
 * POST /v1/contacts/search?limit&after with {conditions} (seed 001: "Test new conditions with /v1/contacts/search before updating"; vendors.md §2.3 "200 contact list"): a cursor page {hasMore, data} like every Kibamail list (§2.4). segsync counts the contact ids, page by page, for the member counts of a plan (information only: a page outside this contract makes the count unknown, never a failed plan). The `object` name is not documented, so it is not part of the contract.
 *
 * This interface was referenced by `KibamailResponses`'s JSON-Schema
 * via the `definition` "ContactList".
 */
export interface ContactList {
  hasMore: boolean
  data: Contact[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `KibamailResponses`'s JSON-Schema
 * via the `definition` "Contact".
 */
export interface Contact {
  id: string
  [k: string]: unknown
}

/* Generated from schemas/mailglyph/responses.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * GET /segments: 200 with a bare array of Segment, no pagination (OpenAPI listSegments).
 *
 * This interface was referenced by `MailGlyphResponses`'s JSON-Schema
 * via the `definition` "SegmentList".
 */
export type SegmentList = Segment[]
/**
 * OpenAPI `Campaign`, the fields segsync reads: who it targets depends on `audienceType` (enum ALL, SEGMENT, FILTERED). A campaign whose audience segsync cannot tell is outside the contract: an unreadable campaign never means "uses no segment".
 *
 * This interface was referenced by `MailGlyphResponses`'s JSON-Schema
 * via the `definition` "Campaign".
 */
export type Campaign = SegmentCampaign | FilteredCampaign | AllCampaign

/**
 * What segsync relies on in MailGlyph's answers: one $defs entry per answer. From MailGlyph's published OpenAPI (docs/openapi.json of the official Node SDK, Mailrify/mailrify-node@cb4457648bcfae4eac6a9e30329c05e70fc05b27, MIT; vendors.md §1) and seed 000. The OpenAPI marks no response field required; the ones required here are those segsync cannot do without. Extra fields are allowed: vendors add fields. Remote data is read leniently where stored data is known to differ from the request schema (`conditions: null`, operators outside the published enum such as upstream Plunk's memberOfSegment, vendors.md §1.6).
 */
export interface MailGlyphResponses {
  [k: string]: unknown
}
/**
 * OpenAPI `Segment`: the answer of GET /segments/{id}, POST /segments (201) and PATCH /segments/{id} (200), and each item of the list. segsync needs the id, the name and the condition (null for a STATIC segment) to diff; `type` says whether it may manage the segment (absent: read-only, see providers/mailglyph/assumptions.ts).
 *
 * This interface was referenced by `MailGlyphResponses`'s JSON-Schema
 * via the `definition` "Segment".
 */
export interface Segment {
  id: string
  name: string
  description?: string | null
  type?: 'DYNAMIC' | 'STATIC'
  /**
   * OpenAPI: allOf FilterCondition, nullable.
   */
  condition: FilterCondition | null
  trackMembership?: boolean
  memberCount?: number
  [k: string]: unknown
}
/**
 * OpenAPI `FilterCondition`: `logic` and `groups` are required there too.
 *
 * This interface was referenced by `MailGlyphResponses`'s JSON-Schema
 * via the `definition` "FilterCondition".
 */
export interface FilterCondition {
  logic: 'AND' | 'OR'
  groups: FilterGroup[]
  [k: string]: unknown
}
/**
 * OpenAPI `FilterGroup`: `filters` required; `conditions` nests a FilterCondition (a dashboard may store null).
 *
 * This interface was referenced by `MailGlyphResponses`'s JSON-Schema
 * via the `definition` "FilterGroup".
 */
export interface FilterGroup {
  filters: SegmentFilter[]
  conditions?: FilterCondition | null
  [k: string]: unknown
}
/**
 * OpenAPI `SegmentFilter`: `field` and `operator` required. The operator is read as any string: stored segments may carry operators the published enum lacks (upstream Plunk's memberOfSegment, vendors.md §1.6); `segsync doctor` reports them.
 *
 * This interface was referenced by `MailGlyphResponses`'s JSON-Schema
 * via the `definition` "SegmentFilter".
 */
export interface SegmentFilter {
  field: string
  operator: string
  value?: unknown
  unit?: string
  [k: string]: unknown
}
/**
 * GET /campaigns?status&page&pageSize: {data, page, pageSize, total, totalPages} (OpenAPI listCampaigns). segsync pages to `totalPages`.
 *
 * This interface was referenced by `MailGlyphResponses`'s JSON-Schema
 * via the `definition` "CampaignPage".
 */
export interface CampaignPage {
  data: Campaign[]
  page?: number
  pageSize?: number
  total?: number
  totalPages: number
  [k: string]: unknown
}
/**
 * audienceType SEGMENT: `segmentId` ("Segment ID (required if audienceType is SEGMENT)"; null while a draft has none).
 *
 * This interface was referenced by `MailGlyphResponses`'s JSON-Schema
 * via the `definition` "SegmentCampaign".
 */
export interface SegmentCampaign {
  id: string
  name: string
  status: string
  audienceType: 'SEGMENT'
  segmentId: string | null
  [k: string]: unknown
}
/**
 * audienceType FILTERED: the campaign's own `audienceCondition` (a FilterCondition).
 *
 * This interface was referenced by `MailGlyphResponses`'s JSON-Schema
 * via the `definition` "FilteredCampaign".
 */
export interface FilteredCampaign {
  id: string
  name: string
  status: string
  audienceType: 'FILTERED'
  audienceCondition: FilterCondition
  [k: string]: unknown
}
/**
 * audienceType ALL: every subscribed contact, no segment.
 *
 * This interface was referenced by `MailGlyphResponses`'s JSON-Schema
 * via the `definition` "AllCampaign".
 */
export interface AllCampaign {
  id: string
  name: string
  status: string
  audienceType: 'ALL'
  [k: string]: unknown
}
/**
 * DELETE /segments/{id}: 204 with no body (OpenAPI deleteSegment). An empty body is not checked against this entry; a JSON object is tolerated, anything else (an HTML page with 200) leaves the delete uncertain.
 *
 * This interface was referenced by `MailGlyphResponses`'s JSON-Schema
 * via the `definition` "Deleted".
 */
export interface Deleted {
  [k: string]: unknown
}
/**
 * OpenAPI `Error`: {code, error, message, time}. Answered with a 2xx status it is a refusal all the same (client.ts bodyError).
 *
 * This interface was referenced by `MailGlyphResponses`'s JSON-Schema
 * via the `definition` "ErrorBody".
 */
export interface ErrorBody {
  code: number
  error: string
  message: string
  time?: number
  [k: string]: unknown
}

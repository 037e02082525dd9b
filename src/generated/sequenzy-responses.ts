/* Generated from schemas/sequenzy/responses.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * This interface was referenced by `SequenzyResponses`'s JSON-Schema
 * via the `definition` "FilterNode".
 */
export type FilterNode = FilterGroup | Filter

/**
 * What segsync relies on in Sequenzy's answers (seed 002, vendors.md §3, the official MCP server Sequenzy/mcp): one $defs entry per answer. Extra fields are allowed: vendors add fields.
 */
export interface SequenzyResponses {
  [k: string]: unknown
}
/**
 * GET /api/v1/segments: {segments} (MCP output schema list_segments).
 *
 * This interface was referenced by `SequenzyResponses`'s JSON-Schema
 * via the `definition` "SegmentList".
 */
export interface SegmentList {
  success?: true
  segments: Segment[]
  [k: string]: unknown
}
/**
 * A segment: both the legacy `filters` and the v2 `root` (seed 002 response example).
 *
 * This interface was referenced by `SequenzyResponses`'s JSON-Schema
 * via the `definition` "Segment".
 */
export interface Segment {
  id: string
  name: string
  filters?: LegacyFilter[]
  filterJoinOperator?: 'and' | 'or'
  root?: FilterGroup
  [k: string]: unknown
}
/**
 * This interface was referenced by `SequenzyResponses`'s JSON-Schema
 * via the `definition` "LegacyFilter".
 */
export interface LegacyFilter {
  id?: string
  field: string
  operator: string
  value?: string | null
  [k: string]: unknown
}
/**
 * This interface was referenced by `SequenzyResponses`'s JSON-Schema
 * via the `definition` "FilterGroup".
 */
export interface FilterGroup {
  kind: 'group'
  id?: string
  joinOperator: 'and' | 'or'
  children: FilterNode[]
  [k: string]: unknown
}
/**
 * This interface was referenced by `SequenzyResponses`'s JSON-Schema
 * via the `definition` "Filter".
 */
export interface Filter {
  kind: 'filter'
  id?: string
  field: string
  operator: string
  value?: string | null
  [k: string]: unknown
}
/**
 * POST /api/v1/segments and PATCH /api/v1/segments/{id}: {success: true, segment} (seed 002).
 *
 * This interface was referenced by `SequenzyResponses`'s JSON-Schema
 * via the `definition` "WrittenSegment".
 */
export interface WrittenSegment {
  success?: true
  segment: Segment
  [k: string]: unknown
}
/**
 * GET /api/v1/segments/{id}/count: {count, segmentId} (vendors.md §3.3).
 *
 * This interface was referenced by `SequenzyResponses`'s JSON-Schema
 * via the `definition` "SegmentCount".
 */
export interface SegmentCount {
  count: number
  segmentId?: string
  [k: string]: unknown
}
/**
 * GET /api/v1/campaigns?status&limit&offset: {success, campaigns, pagination: {limit, offset, count, total, hasMore}} (campaigns/list).
 *
 * This interface was referenced by `SequenzyResponses`'s JSON-Schema
 * via the `definition` "CampaignList".
 */
export interface CampaignList {
  success?: true
  campaigns: {
    id: string
    name: string
    status: string
    [k: string]: unknown
  }[]
  pagination: {
    hasMore: boolean
    [k: string]: unknown
  }
  [k: string]: unknown
}
/**
 * GET /api/v1/campaigns/{id}: {campaign} whose targetLists holds the raw audience targeting, null when unset (MCP definitions/campaigns.ts). Without targetLists segsync cannot tell which segments a campaign uses.
 *
 * This interface was referenced by `SequenzyResponses`'s JSON-Schema
 * via the `definition` "CampaignDetail".
 */
export interface CampaignDetail {
  success?: true
  campaign: {
    targetLists:
      | {
          [k: string]: unknown
        }
      | unknown[]
      | null
    [k: string]: unknown
  }
  [k: string]: unknown
}
/**
 * GET /api/v1/sequences: {sequences}; effectiveStatus says whether a sequence runs (MCP sequences-basic).
 *
 * This interface was referenced by `SequenzyResponses`'s JSON-Schema
 * via the `definition` "SequenceList".
 */
export interface SequenceList {
  success?: true
  sequences: {
    id: string
    name: string
    effectiveStatus: string
    [k: string]: unknown
  }[]
  [k: string]: unknown
}
/**
 * GET /api/v1/sequences/{id}: {sequence}, whose trigger and stop condition may name segments.
 *
 * This interface was referenced by `SequenzyResponses`'s JSON-Schema
 * via the `definition` "SequenceDetail".
 */
export interface SequenceDetail {
  success?: true
  sequence: {
    [k: string]: unknown
  }
  [k: string]: unknown
}

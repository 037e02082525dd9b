/**
 * Where MailGlyph's OpenAPI spec (the one shipped with its SDKs, vendors.md §1) is silent, the
 * emulator follows the ASSUMPTIONs in vendors.md §1 and upstream Plunk's server code (MailGlyph
 * looks derived from it, §1.1). Every such choice lives here so it is easy to change.
 */
export interface MailGlyphAssumptions {
  /**
   * §1.6: the published operator enum has no `memberOfSegment`/`notMemberOfSegment`, so a write
   * holding them is a 400 like any unknown operator. Upstream Plunk accepts them (segment id in
   * `field`, bare or as `segment.<id>`); set true to emulate that, in which case the referenced
   * segment must exist (400 `Segment not found: <id>`, wording ours). Stored segments may hold them
   * either way (seeds model data written by a newer dashboard), and reads return them as stored.
   */
  acceptMembershipOperators: boolean
  /** §1.3: Plunk's `z.string().min(1).max(100)` for names and `.max(500)` for descriptions. */
  nameMaxLength: number
  descriptionMaxLength: number
  /**
   * §1.5: fields the server can evaluate (Plunk SegmentService.buildFilterCondition): the
   * standard fields, `data.*`, `event.*` and `email.<activity>`, each with its own operators.
   * Anything else is 400 "Unsupported filter field".
   */
  checkFieldOperators: boolean
  /**
   * The OpenAPI documents no 409 on create: two segments may share a name (segsync detects that).
   * When true, a taken name is a 409 (wording ours).
   */
  uniqueNames: boolean
  /**
   * Plunk SegmentService.delete: 409 while a DRAFT, SCHEDULED or SENDING campaign targets the
   * segment. MailGlyph documents only 404 for DELETE; the upstream guard is kept.
   */
  deleteBlockedByCampaignStatuses: string[]
  /** Plunk SegmentService.update ignores `condition` for STATIC segments (their members are a list). */
  staticIgnoresCondition: boolean
  /** §1.7: `pageSize` is 1–100 (default 20) and `page` ≥ 1 (default 1); out of range is a 400. */
  campaignPageSizeMax: number
  campaignPageSizeDefault: number
  /** Plunk SegmentService.list orders by `createdAt` descending. */
  listNewestFirst: boolean
  /**
   * 400 wording for a body or query the OpenAPI schema rejects is not documented: the emulator
   * words it as OpenAPI request validators do, `request/body/<path> must …`, from this prefix.
   */
  validationPrefix: string
  /**
   * §1.7: the OpenAPI types a Campaign's `audienceCondition` as a FilterCondition, not nullable, and
   * says nothing of campaigns without one (ALL and SEGMENT audiences). 'omit' leaves it out, which
   * keeps to the document; 'null' answers null, as upstream Plunk's nullable column would.
   */
  unsetAudienceCondition: 'omit' | 'null'
  /** §1.4: the `error` member of the error body is the HTTP reason phrase; `time` is epoch ms. */
  errorType: (status: number) => string
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

export const assumptions: MailGlyphAssumptions = {
  acceptMembershipOperators: false,
  nameMaxLength: 100,
  descriptionMaxLength: 500,
  checkFieldOperators: true,
  uniqueNames: false,
  deleteBlockedByCampaignStatuses: ['DRAFT', 'SCHEDULED', 'SENDING'],
  staticIgnoresCondition: true,
  campaignPageSizeMax: 100,
  campaignPageSizeDefault: 20,
  listNewestFirst: true,
  validationPrefix: 'request',
  unsetAudienceCondition: 'omit',
  errorType: (status) => REASONS[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error'),
}

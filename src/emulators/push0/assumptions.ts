/**
 * Where Push0's docs are silent or contradict themselves, the emulator follows vendors.md §4, and
 * every such choice lives here so it is easy to change when we learn more.
 */
export const assumptions = {
  /** §4.3: create/update say `/v1/segments`, the list page `/api/v1/segments`: serve both. */
  paths: ['/v1/segments', '/api/v1/segments'],
  /** §4.2: the Content-Type check comes before the key check (the docs list 400 first). */
  contentTypeBeforeAuth: true,
  /**
   * §4.2: the error body is not documented ("Returns segment id or error message"): we answer
   * `{"error": "<message>"}` with the documented statuses (400, 401, 403, 408, 429, 500); 429
   * carries Retry-After (from the shared server).
   */
  errorBody: (message: string) => ({error: message}),
  /**
   * §4.3: create's response is not documented; update "Returns segment id". Both answer 200 with
   * the bare id as text/plain by default. A state may choose 'json-string' (`"sg_…"`) or 'object'
   * (the segment as listed) so adapters are tested against every form the docs allow.
   */
  defaultWriteResponse: 'text' as 'text' | 'json-string' | 'object',
  /** §4.3: ids are opaque; we generate `sg_` plus 21 url-safe characters like the list example. */
  idPrefix: 'sg_',
  idLength: 21,
  /**
   * No 404 or 409 is documented: a PATCH for an unknown id is a 400, and duplicate names are
   * allowed (nothing in the docs says names are unique; the id is the identity).
   */
  unknownIdStatus: 400,
  allowDuplicateNames: true,
  /** A route the docs do not describe (any DELETE: there is no delete endpoint) answers 404. */
  unknownRouteStatus: 404,
  /**
   * §4.3 list: `page` starts at 1; `page` < 1 or `limit` outside 1..100 is a 400 rather than
   * clamped. `name` filters by exact name, `?id=` of an unknown id is `[]`, and segments are listed
   * in creation order so pages are stable (segments.ts).
   */
  firstPage: 1,
  defaultLimit: 50,
  maxLimit: 100,
  /** §4.3: created without a description, a segment lists `description: null`; new segments list `updatedAt: null`. */
  missingDescription: null,
  /** "Only fields sent with values will be updated": `null` counts as not sent; `""` is a value (it clears a description). */
  nullMeansNotSent: true,
  /**
   * §4.4: the number of groups is not limited (NOT FOUND); a group needs at least one constraint.
   * Every constraint carries a value, `exists` included ("each object must contain fields: field,
   * value, relation"). Values are checked by type only, not by format (country codes, languages
   * and device types describe device data); unknown keys in a constraint are dropped.
   */
  minConstraintsPerGroup: 1,
  /**
   * §4.4: upper-case aliases (EQUALS, NOT_EQUALS, CONTAINS, STARTS_WITH, ENDS_WITH, EXISTS) are
   * accepted and stored as given; they follow the relation table's type rules like their symbol.
   */
  relationAliases: {EQUALS: '==', NOT_EQUALS: '!=', CONTAINS: 'contains', STARTS_WITH: 'starts_with', ENDS_WITH: 'ends_with', EXISTS: 'exists'} as Record<string, string>,
  /**
   * §4.4: `tags` is a String Array on the device; a constraint's value is one tag (a string) and
   * only `==`, `contains` and `exists` (membership) apply.
   */
  tagRelations: ['==', 'contains', 'exists'],
  /**
   * §4.2 documents 403 without saying when: keys listed in the state's `readOnlyKeys` may read but
   * get 403 on writes. No rate limit is documented either, so the registry has no profile for Push0.
   */
  readOnlyKeyWriteStatus: 403,
} as const

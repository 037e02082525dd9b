/**
 * The adapter's docs-silent choices about what a Kibamail answer means (vendors.md §2), in one
 * place. The shapes it relies on are schemas/kibamail/responses.schema.json; the emulator's own
 * choices are src/emulators/kibamail/assumptions.ts.
 */
export const assumptions = {
  /**
   * §2.2: a key without a scope gets 401 INSUFFICIENT_SCOPE. Only that refusal of GET /v1/topics
   * makes topic ids "unverifiable"; anything else (403 included, undocumented here) stops the plan.
   */
  topicsRefusedWith: 401,
  /**
   * §2.4 shows the error envelope `{error: {type, code, message, requestId}}` only with 4xx/5xx
   * statuses. Inside a 2xx it is a refusal (client.ts bodyError): reported failed, not uncertain.
   */
  errorEnvelopeInside2xx: 'refusal',
  /** §2.3: PUT and DELETE answer the segment they wrote; an answer for another id leaves the write uncertain (answers.ts). */
  writeAnswerCarriesTheWrittenId: true,
  /** §2.4: `after` is the id of the last item, so `hasMore: true` on an empty page cannot go on: a contract breach (pages.ts), not the end. */
  hasMoreNeedsAnItem: true,
  /**
   * Member counts: Kibamail exposes no count (the prose's "estimated member count" is in no
   * schema, §2.3), so segsync counts the contacts `POST /v1/contacts/search` answers for the
   * conditions, in pages of 100 (the documented maximum, §2.4) followed through `after`, and stops
   * after this many pages: 500 contacts. Past that the count is a lower bound ("≥ 500", `capped:
   * true`). The cap keeps counting inside Kibamail's budget (1000 requests/minute, 100/second):
   * 50 changed segments, each counted before and after, read at most 500 pages.
   */
  contactSearchPages: 5,
  /** §2.4 "Rate limit headers are included in all responses", names not documented: doctor looks for RateLimit-*, X-RateLimit-*, Retry-After. */
  rateLimitHeaderNames: 'unknown',
} as const

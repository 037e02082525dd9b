/**
 * Where Sequenzy's docs are silent, the emulator follows vendors.md §3, and every such choice
 * lives here so it is easy to change when we learn more.
 */
export const assumptions = {
  /** vendors.md §3.3: create's status code is not documented. */
  createStatus: 201,
  /** §3.3 "get one: NOT FOUND". We serve it anyway; the adapter never needs it. */
  serveGetOne: true,
  /** §3.7: sequence list items carry no trigger; details come from GET /sequences/{id}. */
  sequenceListHasTrigger: false,
  /** §3.3: delete answers {success, segmentId}. */
  deleteBody: (segmentId: string) => ({success: true, segmentId}),
  /** A segment filter must name an existing segment (the API resolves ids; an unknown one is rejected). */
  rejectUnknownSegmentReference: true,
  /** Unknown top-level keys in a write are ignored, as most JSON APIs do. */
  ignoreUnknownKeys: true,
  /** Legacy `filters` in responses: the top-level leaf filters of `root`. */
  legacyFiltersAreTopLevelLeaves: true,
  /** §3.4: 429 carries Retry-After (the docs only say "wait briefly"). */
  retryAfterOn429: true,
  /**
   * /count counts a subscriber only when segsync's evaluator decides it is a member: a filter the
   * seeded subscribers cannot answer (Stripe, commerce, poll answers) leaves them out, never in.
   */
  undecidableCountsAsMember: false,
} as const

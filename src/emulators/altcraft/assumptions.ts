/**
 * Where Altcraft's docs are silent or contradict themselves, the emulator follows vendors.md §5,
 * and every such choice lives here so it is easy to change when we learn more.
 */
export const assumptions = {
  /**
   * §5.2: API errors are HTTP 200 with `error ≠ 0` and `error_text`; a real HTTP 401 comes only
   * when the request carries no token at all ("401 API token required").
   */
  missingTokenHttpStatus: 401,
  /** §5.2: newer docs also allow `Authorization: Bearer <token>`; segsync sends it in the body. */
  acceptBearerHeader: true,
  /**
   * Error codes. 400/401/402/403 are in the docs' response-code table (the rest of it is cut off
   * in the archived copy); a wrong token answers 401 like a missing one, and "not found" is 404.
   */
  codes: {badRequest: 400, unauthorized: 401, tariffLimit: 402, forbidden: 403, notFound: 404},
  /** Requests are "sent by POST method"; anything else is refused at the HTTP level (405). */
  nonPostHttpStatus: 405,
  /** An unknown method path is an HTTP 404 (no route), not an envelope error. */
  unknownMethodHttpStatus: 404,
  /** §5.2: `format` is optional ("By default – json"); the emulator serves JSON only. */
  formats: ['json'],
  /**
   * §5.3 paging: `from_id` is inclusive ("The first ID in the list", default 1) and
   * `next_from_id` is the id after the last one returned, as in the mailing list example (ids 5
   * and 7 → next_from_id 8). The segment list example (next_from_id 2 after ids 1 and 2) would
   * repeat the last segment; the adapter copes with both. An empty page answers `from_id` again.
   */
  nextFromId: (lastId: number) => lastId + 1,
  defaultFromId: 1,
  /** "Segments list limit. By default – 1000"; no maximum is documented. */
  defaultLimit: 1000,
  // §5.3: create answers like update, `{data: {saved_id}}` (segments.ts).
  /**
   * §5.3: the "Delete segment" page exists but its content was not found: delete follows the
   * naming of add/update/get/list, `/segments/delete/` with `{id}`, answering `{error: 0,
   * error_text}` without data.
   */
  deleteMethod: 'segments/delete',
  deleteAnswersData: false,
  /**
   * §5.3 ASSUMPTION: `segments/get` also carries `list_id`, `is_static` and `is_refresh_daily`.
   * Its documented example does not (developer guide 2195598), but that example is not the whole
   * answer either: the XML example of the same page carries a `description` the JSON one lacks,
   * and the type flags are the segment's own fields on every write page (seed 004). Without them
   * segsync lists every segment with rules as read-only (providers/altcraft/segment-type.ts), so
   * the demo and the embedded endpoint would manage nothing. This is the default; a seed or state
   * with `getIncludesTypeFlags: false` serves the documented example exactly, and the tests run
   * both (`segsync doctor` tells which one a real account is).
   */
  getIncludesTypeFlags: true,
  /** Block fields left out on write: no limit, the whole percentage range. */
  blockDefaults: {limit: 0, percent_from: 0, percent_to: 100},
  /** `percent_from` must be below `percent_to` (an empty sample makes no sense). */
  percentFromBelowTo: true,
  /**
   * §5.4: queries are opaque; only the skeleton is checked (compo, name, operator, type: strings;
   * value: an array). They are stored verbatim, with `child: []` and `condition: ""` added when
   * missing, as the `segments/get` example shows.
   */
  queryDefaults: {condition: ''},
  /** §5.4: a block's `queries` must not be empty (a block without conditions selects nothing useful). */
  requireQueries: true,
  /**
   * One database per segment: every block must use the same `list_id` (and the top-level one,
   * when sent). "The dynamic segment for selection must be configured for the same database".
   */
  oneDatabasePerSegment: true,
  /** `is_refresh_daily` is "used only for updatable segments": it is stored false otherwise. */
  refreshOnlyForStatic: true,
  /**
   * Update without `segment` of a segment that has rules is refused (the seed requires rules for
   * dynamic segments; we read it the same way for updatable ones), so updates carry everything.
   */
  updateNeedsRulesWhenSegmentHasThem: true,
  /** `is_static`/`is_refresh_daily` left out of an update keep their stored value. */
  updateKeepsOmittedFlags: true,
  /** Names need not be unique (nothing documents a uniqueness check); true refuses a taken name. */
  uniqueNames: false,
  /** Ids are server-assigned integers, counting up from the highest ever used; never reused. */
  firstId: 1,
  /** Segments a new segment is stored with: no tags, the "main" access group (list example). */
  defaultGroups: [{id: 0, name: 'main'}],
  /** List filters: a segment matches `ui_tags`/`groups`/`groups_id` when it has any of them. */
  filterMatchesAny: true,
  /** §5.6: mailing status strings are undocumented beyond "Inactive"; derived from the flags. */
  mailingStatus: (m: {is_active: boolean; is_completed: boolean}) => (m.is_completed ? 'Completed' : m.is_active ? 'Active' : 'Inactive'),
  /**
   * The `count` of segments/get (profiles.ts), from the seeded `profiles`. The query vocabulary
   * is not published (§5.4), so queries cannot be evaluated: every query is taken to select every
   * profile of its database (`list_id`). A block then keeps its sample, the profiles in id order
   * from `percent_from`% to `percent_to`% of the database (both rounded down: 0–50 of 9 profiles
   * is the first 4), and of those the first `limit` (0: no limit). A profile any block keeps is
   * a member (blocks add up). A static segment without rules counts the profiles whose
   * `segments` name it (members added by hand). The count is fresh on every read; Altcraft's may
   * lag ("Update statistics on segment" exists), which nothing segsync reads depends on.
   */
  count: {
    sample: (size: number, percentFrom: number, percentTo: number) => ({start: Math.floor((size * percentFrom) / 100), end: Math.floor((size * percentTo) / 100)}),
  },
  /** Deleting a segment an active mailing uses is allowed (nothing documents a refusal); the mailing keeps the id. */
  deleteUsedSegment: true,
} as const

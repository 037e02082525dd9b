/**
 * Where MailGlyph's documents (seed 000, the OpenAPI `SegmentFilter`, vendors.md §1.5) leave a
 * point of condition semantics open, the evaluator (and so the emulator's member counts and
 * `segsync test`) follows one choice per point, here. Most come from upstream Plunk's
 * SegmentService (MailGlyph looks derived from it, vendors.md §1.1), which builds one database
 * query per filter; where that query's outcome hangs on database details, the choice says so.
 * Listed in the README (MailGlyph section).
 */
export const semantics = {
  /**
   * Case: `email` compares case-insensitively (Plunk queries it with `mode: 'insensitive'`);
   * custom `data.*` values and event names compare exactly, case included (JSON equality and
   * `string_contains`, `name: eventName`).
   */
  emailCaseInsensitive: true,
  /**
   * A missing standard field: a contact created without `subscribed` is subscribed (OpenAPI
   * POST /contacts `subscribed` default true). Every MailGlyph contact has an email and both
   * dates, so a profile without the one a filter reads cannot be decided: 'unknown', naming it.
   */
  subscribedDefault: true,
  requiredContactFields: ['email', 'createdAt', 'updatedAt'],
  /**
   * A missing custom field: a `data` key that is absent or null has no value: `exists` is false,
   * `notExists` true, and every other operator, `notEquals` and `notContains` included, does not
   * match (Plunk's JSON-path filter reads a missing key as SQL NULL, and NOT of NULL selects no
   * row). Absent `events`/`emails` mean none happened.
   */
  negativesMatchMissing: false,
  /**
   * Types: `equals`/`notEquals` on `data.*` are strict JSON equality (10 ≠ "10", true ≠ "true").
   * `greaterThan`, `lessThan`, `…OrEqual` on `data.*` compare numbers with numbers and strings
   * with strings (text order, which is date order for ISO dates); any other pair does not match.
   * On `createdAt`/`updatedAt` the value is read as a date (ISO string or epoch milliseconds).
   * `subscribed equals V` holds when `subscribed === (V === true)`, as Plunk builds it, so only
   * the boolean true means subscribed.
   */
  orderedSameTypeOnly: true,
  /**
   * Dates in `equals`/`notEquals`: a value starting YYYY-MM-DD means that whole UTC day (Plunk
   * `isDateString`/`getDateRange`); the contact's value is read as a date, not as text.
   */
  dateEqualsWholeUtcDay: true,
  /**
   * Boundaries: `within N unit` holds from exactly N units before `now` (inclusive, Plunk `gte`)
   * with no upper bound, so a future date is within; `olderThan N unit` is strictly before that
   * instant (`lt`). A day is 24 hours (no calendar or daylight-saving arithmetic). On `data.*`,
   * `within`/`olderThan` need a date string; any other value does not match.
   */
  withinInclusive: true,
  unitMs: {days: 86_400_000, hours: 3_600_000, minutes: 60_000},
  /**
   * What `triggered*` count: each entry of `events` with exactly that name (`event.<name>`), or of
   * `emails` with that type (`email.<type>`), is one occurrence at its `at`. `triggered`: at least
   * one; `notTriggered`: none; `triggeredWithin`: one at or after the cutoff; `triggeredOlderThan`:
   * at least one and none at or after the cutoff ("has happened before, but not in the last X").
   */
  olderThanMeansNoneSince: true,
  /**
   * `contains`/`notContains` read text only: a number or boolean contains nothing, so
   * `notContains` matches it (a missing or null value matches neither, as above).
   */
  containsTextOnly: true,
} as const

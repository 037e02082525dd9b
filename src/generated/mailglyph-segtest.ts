/* Generated from schemas/mailglyph/segtest.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A segment test file for MailGlyph (*.segtest.json under a workspace's segments folder): fixture profiles and who should be in which segment. `segsync test` evaluates them offline.
 */
export interface MailGlyphSegmentTest {
  /**
   * Path or URL of this schema, for editor completion. Ignored by segsync.
   */
  $schema?: string
  /**
   * The clock for relative times ("within 30 days") in this file's expectations, e.g. 2026-11-30T12:00:00Z. Without it the test uses the real time.
   */
  now?: string
  /**
   * @minItems 1
   */
  profiles: [Profile, ...Profile[]]
  /**
   * @minItems 1
   */
  expect: [Expectation, ...Expectation[]]
}
/**
 * This interface was referenced by `MailGlyphSegmentTest`'s JSON-Schema
 * via the `definition` "Profile".
 */
export interface Profile {
  /**
   * The profile's id in this test file.
   */
  id: string
  /**
   * The contact's email address (`email` conditions compare it case-insensitively).
   */
  email?: string
  /**
   * Subscription status. Absent means true, MailGlyph's default for a new contact (POST /contacts).
   */
  subscribed?: boolean
  /**
   * When the contact was created, e.g. 2026-11-02T09:00:00Z (`createdAt` conditions, `within`/`olderThan` against the test's `now`).
   */
  createdAt?: string
  /**
   * When the contact was last updated (`updatedAt` conditions).
   */
  updatedAt?: string
  /**
   * Custom fields by key, e.g. {"plan": "pro", "company_size": 12}. `data.plan` reads `plan`; a key absent here, or null, has no value.
   */
  data?: {
    /**
     * A custom field's value. Dates are ISO 8601 strings (2026-11-02 or 2026-11-02T09:00:00Z).
     */
    [k: string]: string | number | boolean | null
  }
  /**
   * Events the contact triggered, one entry per occurrence (`event.<name>` with triggered, triggeredWithin, triggeredOlderThan, notTriggered). Absent means none.
   */
  events?: Event[]
  /**
   * Email activity, one entry per occurrence (`email.<type>` with the triggered* operators). Absent means none.
   */
  emails?: EmailActivity[]
}
/**
 * This interface was referenced by `MailGlyphSegmentTest`'s JSON-Schema
 * via the `definition` "Event".
 */
export interface Event {
  /**
   * The event name without the "event." prefix, e.g. "purchase" for `event.purchase`.
   */
  name: string
  /**
   * When it happened.
   */
  at: string
}
/**
 * This interface was referenced by `MailGlyphSegmentTest`'s JSON-Schema
 * via the `definition` "EmailActivity".
 */
export interface EmailActivity {
  /**
   * What happened to an email sent to the contact: `email.opened` reads "opened".
   */
  type: 'sent' | 'delivered' | 'opened' | 'clicked' | 'bounced' | 'complained'
  /**
   * When it happened.
   */
  at: string
}
/**
 * Who is in a segment and who is not: profile ids of this file.
 *
 * This interface was referenced by `MailGlyphSegmentTest`'s JSON-Schema
 * via the `definition` "Expectation".
 */
export interface Expectation {
  /**
   * The name of a definition of the same workspace.
   */
  segment: string
  /**
   * Profile ids expected in the segment.
   */
  members?: string[]
  /**
   * Profile ids expected outside it.
   */
  nonMembers?: string[]
}

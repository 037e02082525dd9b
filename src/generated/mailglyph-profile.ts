/* Generated from schemas/mailglyph/profile.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A custom field's value. Dates are ISO 8601 strings (2026-11-02 or 2026-11-02T09:00:00Z).
 *
 * This interface was referenced by `MailGlyphProfile`'s JSON-Schema
 * via the `definition` "DataValue".
 */
export type DataValue = string | number | boolean | null

/**
 * A MailGlyph contact as a segment condition reads it (OpenAPI `Contact`, vendors.md §1.5): `email`, `subscribed`, `createdAt` and `updatedAt`; custom fields in `data` (read by `data.<key>`); the events it triggered (`event.<name>`) and its email activity (`email.<type>`), read by the `triggered*` operators.
 */
export interface MailGlyphProfile {
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
    [k: string]: DataValue
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
 * This interface was referenced by `MailGlyphProfile`'s JSON-Schema
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
 * This interface was referenced by `MailGlyphProfile`'s JSON-Schema
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
 * This interface was referenced by `MailGlyphProfile`'s JSON-Schema
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
    [k: string]: DataValue
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

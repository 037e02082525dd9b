/* Generated from schemas/sequenzy/profile.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A Sequenzy subscriber as a segment filter reads it (seed 002, vendors.md §3.5; field names as the Sequenzy API's add_subscriber takes them). Stripe, commerce orders and poll answers have no place here: filters on them are reported as not evaluable.
 */
export interface SequenzyProfile {
  /**
   * The profile's id in this test file.
   */
  id: string
  /**
   * The address (`email` filters). A phone-only contact has none.
   */
  email?: string
  /**
   * `firstName` filters.
   */
  firstName?: string | null
  /**
   * `lastName` filters.
   */
  lastName?: string | null
  /**
   * Subscriber status (`status` filters). Absent means active, Sequenzy's default for a new subscriber.
   */
  status?: 'active' | 'unsubscribed' | 'bounced'
  /**
   * Phone number (`phone is_empty/is_not_empty`). Absent, null or empty: no phone.
   */
  phone?: string | null
  /**
   * SMS marketing consent (`smsStatus` filters). Absent means not_subscribed.
   */
  smsStatus?: 'subscribed' | 'unsubscribed' | 'not_subscribed'
  /**
   * Mailbox provider as Sequenzy names it, e.g. "gmail" (`emailProvider` filters); null: none. Sequenzy derives it from the address by rules it does not publish, so without this field an emailProvider filter is not evaluable.
   */
  emailProvider?: string | null
  /**
   * When the subscriber was added (`added less_than/more_than`), e.g. 2026-10-01T09:00:00Z. Without it an added filter is not evaluable.
   */
  createdAt?: string
  /**
   * Tag names (`tag` filters). Absent: no tags.
   */
  tags?: string[]
  /**
   * Custom attributes by name, e.g. {"plan": "pro", "mrr": 50} (`attribute` filters read `name:value`).
   */
  attributes?: {
    [k: string]: string | number | boolean | null
  }
  /**
   * Ids of the lists the subscriber is in (`list` filters). Absent: none.
   */
  lists?: string[]
  /**
   * Custom events the subscriber triggered (`event` filters read `name:30d`, `name:all` or `name:N:30d`). Absent: none.
   */
  events?: Event[]
  /**
   * Email activity (`emailSent` … `emailComplained`, `emailBounced`), one entry per sent, delivered, opened, clicked, bounced or complained. Absent: none.
   */
  emails?: EmailActivity[]
}
/**
 * This interface was referenced by `SequenzyProfile`'s JSON-Schema
 * via the `definition` "Event".
 */
export interface Event {
  /**
   * Event name, e.g. saas.purchase.
   */
  name: string
  /**
   * When it happened.
   */
  at: string
}
/**
 * This interface was referenced by `SequenzyProfile`'s JSON-Schema
 * via the `definition` "EmailActivity".
 */
export interface EmailActivity {
  /**
   * What happened to an email: each entry counts for its own type only (an open is not also a delivery).
   */
  type: 'sent' | 'delivered' | 'opened' | 'clicked' | 'bounced' | 'complained'
  /**
   * When it happened.
   */
  at: string
  /**
   * The campaign the email belongs to (`campaign:<id>` values). Absent: not a campaign email (a sequence or transactional one).
   */
  campaignId?: string
  /**
   * For a bounce: is_temporary_bounce / is_permanent_bounce read it.
   */
  bounceType?: 'temporary' | 'permanent'
}
/**
 * This interface was referenced by `SequenzyProfile`'s JSON-Schema
 * via the `definition` "Profile".
 */
export interface Profile {
  /**
   * The profile's id in this test file.
   */
  id: string
  /**
   * The address (`email` filters). A phone-only contact has none.
   */
  email?: string
  /**
   * `firstName` filters.
   */
  firstName?: string | null
  /**
   * `lastName` filters.
   */
  lastName?: string | null
  /**
   * Subscriber status (`status` filters). Absent means active, Sequenzy's default for a new subscriber.
   */
  status?: 'active' | 'unsubscribed' | 'bounced'
  /**
   * Phone number (`phone is_empty/is_not_empty`). Absent, null or empty: no phone.
   */
  phone?: string | null
  /**
   * SMS marketing consent (`smsStatus` filters). Absent means not_subscribed.
   */
  smsStatus?: 'subscribed' | 'unsubscribed' | 'not_subscribed'
  /**
   * Mailbox provider as Sequenzy names it, e.g. "gmail" (`emailProvider` filters); null: none. Sequenzy derives it from the address by rules it does not publish, so without this field an emailProvider filter is not evaluable.
   */
  emailProvider?: string | null
  /**
   * When the subscriber was added (`added less_than/more_than`), e.g. 2026-10-01T09:00:00Z. Without it an added filter is not evaluable.
   */
  createdAt?: string
  /**
   * Tag names (`tag` filters). Absent: no tags.
   */
  tags?: string[]
  /**
   * Custom attributes by name, e.g. {"plan": "pro", "mrr": 50} (`attribute` filters read `name:value`).
   */
  attributes?: {
    [k: string]: string | number | boolean | null
  }
  /**
   * Ids of the lists the subscriber is in (`list` filters). Absent: none.
   */
  lists?: string[]
  /**
   * Custom events the subscriber triggered (`event` filters read `name:30d`, `name:all` or `name:N:30d`). Absent: none.
   */
  events?: Event[]
  /**
   * Email activity (`emailSent` … `emailComplained`, `emailBounced`), one entry per sent, delivered, opened, clicked, bounced or complained. Absent: none.
   */
  emails?: EmailActivity[]
}

/* Generated from schemas/push0/segtest.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A segment test file for Push0 (*.segtest.json under a workspace's segments folder): fixture profiles and who should be in which segment. `segsync test` evaluates them offline.
 */
export interface Push0SegmentTest {
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
 * This interface was referenced by `Push0SegmentTest`'s JSON-Schema
 * via the `definition` "Profile".
 */
export interface Profile {
  /**
   * The profile's id in this test file. It is also the device's `id` ("Device Id"), which a constraint on `id` reads.
   */
  id: string
  /**
   * String: 2-letter country code, ISO 3166-1 alpha-2. Example: US, PL.
   */
  country?: string
  /**
   * String: ISO 639-2 alpha-3 language code. Example: eng, pol.
   */
  language?: string
  /**
   * String: IANA time zone, Area/Location. Example: Europe/Warsaw.
   */
  timezone?: string
  /**
   * String: app version. Example: 1.3.54.
   */
  appVersion?: string
  /**
   * Int: app version code. Example: 5.
   */
  appVersionCode?: number
  /**
   * String: operating system API version. Example: "35".
   */
  osApi?: string
  /**
   * String: operating system version. Example: "1.0.1".
   */
  osVersion?: string
  /**
   * String: custom user id from your backend.
   */
  customUserId?: string
  /**
   * String: email.
   */
  email?: string
  /**
   * String: type of device. Accepted values: phone, tablet, smartwatch, desktop.
   */
  type?: 'phone' | 'tablet' | 'smartwatch' | 'desktop'
  /**
   * Long: first ever user session, Unix timestamp in milliseconds.
   */
  firstSession?: number
  /**
   * Long: last user session, Unix timestamp in milliseconds.
   */
  lastSession?: number
  /**
   * Int: total number of device sessions.
   */
  sessionCount?: number
  /**
   * Long: when the device was created, Unix timestamp in milliseconds.
   */
  createdAt?: number
  /**
   * String: device APN or FCM push token.
   */
  pushToken?: string
  /**
   * Long: when the device was unregistered, Unix timestamp in milliseconds.
   */
  unRegisteredAt?: number
  /**
   * String: device model. Example: Galaxy S26.
   */
  deviceModel?: string
  /**
   * String: device manufacturer. Example: Samsung.
   */
  deviceManufacturer?: string
  /**
   * String Array: applied device tags. `==`, `contains` and `exists` test that one tag is among them.
   */
  tags?: string[]
}
/**
 * Who is in a segment and who is not: profile ids of this file.
 *
 * This interface was referenced by `Push0SegmentTest`'s JSON-Schema
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

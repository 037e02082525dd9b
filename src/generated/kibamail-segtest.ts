/* Generated from schemas/kibamail/segtest.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A segment test file for Kibamail (*.segtest.json under a workspace's segments folder): fixture profiles and who should be in which segment. `segsync test` evaluates them offline.
 */
export interface KibamailSegmentTest {
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
 * This interface was referenced by `KibamailSegmentTest`'s JSON-Schema
 * via the `definition` "Profile".
 */
export interface Profile {
  /**
   * The profile's id in this test file.
   */
  id: string
  email?: string
  firstName?: string | null
  lastName?: string | null
  /**
   * Custom properties by name (snake_case), e.g. {"country": "US", "lifetime_value": 120}. A condition on any field but email, firstName and lastName reads these.
   */
  properties?: {
    [k: string]: string | number | boolean | null
  }
  /**
   * Ids of the topics the contact is subscribed to.
   */
  topics?: string[]
}
/**
 * Who is in a segment and who is not: profile ids of this file.
 *
 * This interface was referenced by `KibamailSegmentTest`'s JSON-Schema
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

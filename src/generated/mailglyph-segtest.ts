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

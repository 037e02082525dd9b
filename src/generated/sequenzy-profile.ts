/* Generated from schemas/sequenzy/profile.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A Sequenzy profile for segment tests. Its typed shape comes with the evaluator (issue 16).
 */
export interface SequenzyProfile {
  /**
   * The profile's id in this test file.
   */
  id: string
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
}

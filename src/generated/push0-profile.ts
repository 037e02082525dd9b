/* Generated from schemas/push0/profile.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A Push0 profile for segment tests. Its typed shape comes with the evaluator (issue 16).
 */
export interface Push0Profile {
  /**
   * The profile's id in this test file.
   */
  id: string
}
/**
 * This interface was referenced by `Push0Profile`'s JSON-Schema
 * via the `definition` "Profile".
 */
export interface Profile {
  /**
   * The profile's id in this test file.
   */
  id: string
}

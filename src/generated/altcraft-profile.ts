/* Generated from schemas/altcraft/profile.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A Altcraft profile for segment tests. Altcraft does not publish its query vocabulary, so its segments are not evaluated: a profile is an id and whatever fields you keep with it.
 */
export interface AltcraftProfile {
  /**
   * The profile's id in this test file.
   */
  id: string
}
/**
 * This interface was referenced by `AltcraftProfile`'s JSON-Schema
 * via the `definition` "Profile".
 */
export interface Profile {
  /**
   * The profile's id in this test file.
   */
  id: string
}

/* Generated from schemas/kibamail/profile.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A Kibamail contact as a segment condition reads it (seed 001, vendors.md §2.5): email, firstName and lastName, custom properties, and the ids of the topics it is subscribed to.
 */
export interface KibamailProfile {
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
 * This interface was referenced by `KibamailProfile`'s JSON-Schema
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

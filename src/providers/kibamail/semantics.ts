/**
 * Where Kibamail's documents leave a point of condition semantics open, the evaluator (and so the
 * emulator and `segsync test`) follows these, each from vendors.md §2.5's MongoDB framing
 * ("raw MongoDB queries", `$eq`, `$regex`). Listed in the README.
 */
export const semantics = {
  /** String comparisons (eq, ne, contains, startsWith, endsWith) are case-sensitive, as MongoDB's are. */
  caseSensitive: true,
  /** `ne` and `nin` also match a contact without the property (MongoDB `$ne`/`$nin`). */
  negativesMatchMissing: true,
  /** `gt`/`gte`/`lt`/`lte` compare values of the same type only (numbers, or strings such as ISO dates); anything else does not match. */
  orderedSameTypeOnly: true,
  /** `exists: null` reads as `exists: true` ("Null only valid with 'exists'" gives it no other meaning). */
  existsNullMeansTrue: true,
  /** The documented default properties; any other field is a custom property (vendors.md §2.5 "Field namespace"). */
  defaultFields: ['email', 'firstName', 'lastName'],
} as const

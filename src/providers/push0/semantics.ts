/**
 * Where Push0's segment documents (seed 003, vendors.md §4.4) leave a point of constraint semantics
 * open, the evaluator (and so `segsync test`) follows these, one choice per point. Listed in the
 * README's Push0 section: change a choice here and there together.
 */
export const semantics = {
  /**
   * String relations (`==`, `!=`, `starts_with`, `ends_with`, `contains`) and tag membership are
   * case-sensitive. The docs fix exact formats for the values ("US", "eng", "phone"), and check.ts
   * refuses a wrong-case code before apply, so an exact comparison is what a segment means.
   */
  caseSensitive: true,
  /**
   * "A field absent from the profile does not exist" (issue 16): `exists` is false for it, and it
   * holds no value, so every relation that compares a value is false on it.
   */
  absentFieldExists: false,
  /**
   * `!=` on an absent field is false too: there is no value to differ (SQL `NULL <> 'PL'`). A
   * device without a country is in neither `country == "PL"` nor `country != "PL"`.
   */
  notEqualsMatchesAbsent: false,
  /**
   * Int and Long fields compare as numbers: a Long is epoch milliseconds, and every value the
   * schemas allow (±2^53 − 1) is exact in a JS number. A value of another type (the string "5"
   * for sessionCount, which Push0 refuses on write) never matches: nothing is coerced.
   */
  numbersCompareNumerically: true,
  /**
   * `exists` on a String field ignores its value (the docs require every constraint to carry one,
   * "each object must contain fields: field, value, relation"; definitions send `""`). An empty
   * string is a value, so a field holding `""` exists.
   */
  existsIgnoresValue: true,
  /**
   * `tags` is a String Array and its relations are not documented: `==`, `contains` and `exists`
   * each test that the value is one of the device's tags (vendors.md §4.4 ASSUMPTION), never a
   * substring of a tag.
   */
  tagRelationsTestMembership: true,
  /** The device field `id` ("Device Id") is the profile's `id`: a test profile stands for one device. */
  idIsProfileId: true,
} as const

/**
 * Where Sequenzy's documents (seed 002, vendors.md §3.5, the official MCP server's descriptions in
 * Sequenzy/mcp src/tools/segment-validation.ts and definitions/) leave a point of filter semantics
 * open, the evaluator (and so the emulator's /count and `segsync test`) follows these. One choice
 * per open point, listed in the README's Sequenzy section.
 */
export const semantics = {
  /**
   * Text comparisons ignore case: email, firstName, lastName, emailProvider and attribute text.
   * The MCP documents `email is/is_not` as "exact, case-insensitive"; the rest follow it.
   */
  caseInsensitiveText: true,
  /**
   * Tag names compare as Sequenzy stores them: "normalized to lowercase with hyphens" (MCP
   * create_tag), so `VIP Customer` in a filter or a profile is `vip-customer`.
   */
  normalizeTag: (tag: string) => tag.trim().toLowerCase().replace(/\s+/g, '-'),
  /** A comma-separated tag value (`vip,beta`): `contains` holds with ANY of the tags, `not_contains` with none of them. */
  tagValuesMatchAny: true,
  /**
   * Every negative operator is the complement of its positive one, so a subscriber without the
   * field matches it: is_not = NOT is, not_contains = NOT contains, is_not_empty = NOT is_empty,
   * less_than_count = NOT at_least. (An undecidable positive stays undecidable.)
   */
  negativesAreComplements: true,
  /** A profile without `status` is active: "Defaults to active" (MCP add_subscriber). */
  defaultStatus: 'active',
  /** A profile without `smsStatus` has not given SMS consent: not_subscribed ("Never inferred from phone presence"). */
  defaultSmsStatus: 'not_subscribed',
  /**
   * A time range `<n>d` is the n×24 hours before `now`, both ends included; `all` is everything up
   * to `now`. Activity dated after `now` has not happened yet and never counts.
   */
  windowIncludesBothEnds: true,
  /**
   * `added`'s value format is NOT FOUND in the docs: segsync reads `<n>d`, as the engagement
   * ranges are written. `less_than 30d` = added less than 30 days before now (strictly),
   * `more_than 30d` = more than 30 days before now (strictly); another format is not evaluable.
   */
  addedValue: /^(\d+)d$/,
  /** Event names compare exactly (case-sensitive): they are identifiers such as `saas.purchase`. */
  eventNamesExact: true,
  /** An email activity entry without `campaignId` belongs to no campaign (a sequence or transactional email). */
  campaignlessEmailsMatchNoCampaign: true,
  /**
   * An attribute compares as a number when both sides read as numbers (`mrr:50` against 50 or
   * "50"), else as a date when both are ISO 8601 dates, else as text. gt/gte/lt/lte on anything
   * else does not match; a comparison value that is neither a number nor a date is not evaluable.
   */
  attributeOrder: ['number', 'date'] as const,
  /** An attribute is empty when absent, null, or a blank string. */
  blankIsEmpty: true,
} as const

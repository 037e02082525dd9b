/**
 * Where Kibamail's docs are silent, the emulator follows vendors.md §2, and every such choice lives
 * here so it is easy to change when we learn more. Documented behaviour is cited where it is used.
 *
 * Choices that are not switches:
 * - "Conditions are validated against property schemas": a property must exist (built-in or in
 *   `properties`); the value's type is not checked against the property's type.
 * - Unknown top-level keys in a segment body are ignored (stripped), as generated validators do.
 * - A PUT with no fields answers 200 with the segment unchanged.
 * - GET /v1/topics items are `{object: "topic", id, name, slug, description, visibility,
 *   defaultOptIn}` (the create-topic response fields).
 */
export const assumptions = {
  /** §2.2 "Bearer kb_your_api_key_here": a token without the prefix is refused (INVALID_API_KEY). */
  keyPrefix: 'kb_',
  /** §2.2 names only INVALID_API_KEY and INSUFFICIENT_SCOPE: a missing key answers INVALID_API_KEY too. */
  invalidKeyCode: 'INVALID_API_KEY',
  /** Scopes are independent: write:segments does not include read:segments. */
  writeImpliesRead: false,
  /** With no keys configured in the state, any `kb_` key holds every scope (the embedded endpoint invents one). */
  allScopes: ['read:segments', 'write:segments', 'read:contacts', 'write:contacts', 'read:topics', 'write:topics', 'broadcasts:write', 'read:automations'],
  /** §2.3: ids are opaque; the delete example shows `segment_abc123xyz789`. */
  idPrefix: {segment: 'segment', topic: 'topic', contact: 'contact'},
  /** §2.3: responses carry exactly the schema fields (no memberCount/createdAt/updatedAt, despite the prose). */
  segmentFields: ['object', 'id', 'name', 'description', 'conditions'] as const,
  /** §2.4: `segment_list` is documented; topics and contacts lists are named by analogy. The prose's `hasPrevious` is not in the schema. */
  listObject: {segments: 'segment_list', topics: 'topic_list', contacts: 'contact_list'},
  /** §2.4 "limit: 1-100, default 20": anything else (0, 101, "abc") is a 400 validation_error, not clamped. */
  limitErrorStatus: 400,
  /** §2.4: an `after`/`before` id that is not in the list, or both at once, is a 400 INVALID_CURSOR. */
  cursorErrorStatus: 400,
  /**
   * §2.5 "400 (bad query syntax)": conditions that are not one of the three documented forms (raw
   * MongoDB such as `{"country": {"$eq": "US"}}` included) answer 400 invalid_request_error INVALID_QUERY.
   */
  syntaxErrorStatus: 400,
  /** §2.3 "422 (unknown property / operator)": every other validation problem (name, description, values) is a 422 too. */
  validationStatus: 422,
  /**
   * §2.5 types `value` only as string|number|boolean|null|array ("Null only valid with 'exists'").
   * We read it as: in/nin take a non-empty array of strings/numbers, exists takes true/false/null
   * (null = true), every other operator takes one string/number/boolean.
   */
  listOperators: ['in', 'nin'],
  /** Built-in contact fields (https://kibamail.com/docs/contacts "Built-in fields"); custom ones come from `properties`. */
  builtInFields: ['email', 'firstName', 'lastName', 'phone', 'country', 'city', 'timezone', 'status', 'subscribedAt', 'unsubscribedAt'],
  /** Topic ids are not checked: deleting a topic leaves "Segments referencing this topic may need updates" (§2.5). */
  validateTopicIds: false,
  /** No uniqueness rule for segment names is documented. */
  uniqueNames: false,
  /** §2.4: 429 is `rate_limit_error` / RATE_LIMIT_EXCEEDED; Retry-After (seconds) comes from the shared server. */
  rateLimitCode: 'RATE_LIMIT_EXCEEDED',
  /** Not-found codes follow the documented pattern `FORM_NOT_FOUND`. */
  notFoundCode: (resource: string) => `${resource.toUpperCase()}_NOT_FOUND`,
} as const

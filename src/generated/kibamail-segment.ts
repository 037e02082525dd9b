/* Generated from schemas/kibamail/segment.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A Kibamail segment definition for segsync. https://kibamail.com/docs/api/segments/put-segments-by-id
 */
export type KibamailSegment = KibamailSegmentDefinition | AbsentSegment
/**
 * A filter condition: a field comparison, a topic subscription check, or logical operators combining conditions, nested to any depth.
 */
export type Condition =
  | FieldInCondition
  | FieldNotInCondition
  | FieldExistsCondition
  | FieldCondition
  | TopicCondition
  | LogicalOperatorCondition
/**
 * The values to match (strings or numbers).
 *
 * @minItems 1
 */
export type ValueList = [string | number, ...(string | number)[]]
/**
 * Topic ids (GET /v1/topics).
 *
 * @minItems 1
 */
export type TopicIds = [string, ...string[]]

/**
 * A Kibamail segment, as the API names it (POST /v1/segments, PUT /v1/segments/{segmentId}).
 */
export interface KibamailSegmentDefinition {
  /**
   * Path or URL of this schema, for editor completion. Ignored by segsync.
   */
  $schema?: string
  /**
   * The segment name (Kibamail: 1-100 characters): its identity, unique per workspace. Remote segments are matched by name.
   */
  name: string
  /**
   * Earlier names of this segment: a rename is an update, not a delete and a create.
   */
  renamedFrom?: string[]
  /**
   * Names of segments this one needs first. Kibamail conditions cannot reference segments, so this is the only way to order them.
   */
  dependsOn?: string[]
  /**
   * Never delete this segment.
   */
  protected?: boolean
  /**
   * 'present' (default) keeps the segment; 'absent' deletes it.
   */
  ensure?: 'present'
  /**
   * What the segment is for (at most 500 characters). Leaving it out, or null, means no description.
   */
  description?: string | null
  conditions: Condition
}
/**
 * The property equals one of the values.
 */
export interface FieldInCondition {
  /**
   * Contact property: a built-in one (email, firstName, lastName, country, ...) or a custom property name (snake_case). Kibamail rejects unknown properties (422).
   */
  field: string
  operator: 'in'
  value: ValueList
}
/**
 * The property equals none of the values.
 */
export interface FieldNotInCondition {
  /**
   * Contact property: a built-in one (email, firstName, lastName, country, ...) or a custom property name (snake_case). Kibamail rejects unknown properties (422).
   */
  field: string
  operator: 'nin'
  value: ValueList
}
/**
 * Whether the contact property is set. The only operator that accepts a null value.
 */
export interface FieldExistsCondition {
  /**
   * Contact property: a built-in one (email, firstName, lastName, country, ...) or a custom property name (snake_case). Kibamail rejects unknown properties (422).
   */
  field: string
  operator: 'exists'
  /**
   * true (or null): the property is set; false: it is not.
   */
  value: boolean | null
}
/**
 * Compares a contact property with one value.
 */
export interface FieldCondition {
  /**
   * Contact property: a built-in one (email, firstName, lastName, country, ...) or a custom property name (snake_case). Kibamail rejects unknown properties (422).
   */
  field: string
  operator: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'startsWith' | 'endsWith'
  /**
   * One value. null is valid only with operator exists; a list of values needs in or nin.
   */
  value: string | number | boolean
}
/**
 * Topic subscriptions, by topic id: subscribedToTopic holds when the contact is subscribed to at least one of the topics (OR), notSubscribedToTopic when it is subscribed to none. Both in one object must both hold. segsync checks before apply that the ids exist (GET /v1/topics).
 */
export interface TopicCondition {
  subscribedToTopic?: TopicIds
  notSubscribedToTopic?: TopicIds
}
/**
 * At least one of $and (every condition holds), $or (at least one holds) and $not (the condition does not hold); several in one object must all hold. Order inside $and and $or carries no meaning.
 */
export interface LogicalOperatorCondition {
  /**
   * Every condition holds.
   *
   * @minItems 1
   */
  $and?: [Condition, ...Condition[]]
  /**
   * At least one condition holds.
   *
   * @minItems 1
   */
  $or?: [Condition, ...Condition[]]
  $not?: Condition
}
/**
 * A segment that must not exist: apply deletes it (with --allow-delete), or shows the manual step where the vendor has no delete API.
 */
export interface AbsentSegment {
  /**
   * Path or URL of this schema, for editor completion. Ignored by segsync.
   */
  $schema?: string
  /**
   * The segment name: its identity, unique per workspace. Remote segments are matched by name.
   */
  name: string
  /**
   * Earlier names of this segment: a rename is an update, not a delete and a create.
   */
  renamedFrom?: string[]
  /**
   * Names of segments this one uses; ignored for a segment to delete.
   */
  dependsOn?: string[]
  /**
   * Never delete this segment.
   */
  protected?: boolean
  ensure: 'absent'
}

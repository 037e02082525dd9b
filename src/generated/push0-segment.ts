/* Generated from schemas/push0/segment.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A Push0 segment definition for segsync. https://docs.push0.com/rest-api/v1/segments/update.html
 */
export type Push0Segment = Push0SegmentDefinition | AbsentSegment
/**
 * One rule: a device field, a relation its type allows, and a value of the field's type (Int/Long: a number; String: a string).
 */
export type Constraint =
  | CountryConstraint
  | LanguageConstraint
  | TimezoneConstraint
  | AppVersionConstraint
  | AppVersionCodeConstraint
  | OsApiConstraint
  | OsVersionConstraint
  | CustomUserIdConstraint
  | EmailConstraint
  | TypeConstraint
  | FirstSessionConstraint
  | LastSessionConstraint
  | SessionCountConstraint
  | CreatedAtConstraint
  | IdConstraint
  | PushTokenConstraint
  | UnRegisteredAtConstraint
  | DeviceModelConstraint
  | DeviceManufacturerConstraint
  | TagsConstraint

/**
 * A Push0 segment, as the API names it (POST/PATCH /v1/segments). https://docs.push0.com/rest-api/v1/segments/update.html
 */
export interface Push0SegmentDefinition {
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
   * Names of segments this one needs first (Push0 segments cannot reference each other, so this only orders the apply).
   */
  dependsOn?: string[]
  /**
   * Never delete this segment.
   */
  protected?: boolean
  /**
   * 'present' (default) keeps the segment; 'absent' deletes it (by hand: Push0 has no delete API).
   */
  ensure?: 'present'
  /**
   * Description of your segment.
   */
  description?: string
  /**
   * Groups of constraints, combined with AND. An empty array targets all devices.
   */
  constraints: ConstraintGroup[]
}
/**
 * A block of constraints joined by `type`. Blocks are ANDed with each other; no deeper nesting.
 */
export interface ConstraintGroup {
  /**
   * AND: every constraint must hold; OR: at least one.
   */
  type: 'AND' | 'OR'
  /**
   * At most 10 constraints per group (Push0: "max size: 10").
   *
   * @minItems 1
   * @maxItems 10
   */
  constraints:
    | [Constraint]
    | [Constraint, Constraint]
    | [Constraint, Constraint, Constraint]
    | [Constraint, Constraint, Constraint, Constraint]
    | [Constraint, Constraint, Constraint, Constraint, Constraint]
    | [Constraint, Constraint, Constraint, Constraint, Constraint, Constraint]
    | [Constraint, Constraint, Constraint, Constraint, Constraint, Constraint, Constraint]
    | [Constraint, Constraint, Constraint, Constraint, Constraint, Constraint, Constraint, Constraint]
    | [
        Constraint,
        Constraint,
        Constraint,
        Constraint,
        Constraint,
        Constraint,
        Constraint,
        Constraint,
        Constraint
      ]
    | [
        Constraint,
        Constraint,
        Constraint,
        Constraint,
        Constraint,
        Constraint,
        Constraint,
        Constraint,
        Constraint,
        Constraint
      ]
}
/**
 * `country` (String): 2-letter country codes defined by ISO 3166-1 alpha-2. Example: US, PL.
 */
export interface CountryConstraint {
  field: 'country'
  relation: 'exists' | '==' | '!=' | 'starts_with' | 'ends_with' | 'contains'
  value: string
}
/**
 * `language` (String): Languages must be provided using the ISO 639-2 alpha-3 format. Example: eng, pol.
 */
export interface LanguageConstraint {
  field: 'language'
  relation: 'exists' | '==' | '!=' | 'starts_with' | 'ends_with' | 'contains'
  value: string
}
/**
 * `timezone` (String): Time zones in the Area/Location format (IANA Time Zone Database). Example: Europe/Warsaw.
 */
export interface TimezoneConstraint {
  field: 'timezone'
  relation: 'exists' | '==' | '!=' | 'starts_with' | 'ends_with' | 'contains'
  value: string
}
/**
 * `appVersion` (String): App version. Example: 1.3.54.
 */
export interface AppVersionConstraint {
  field: 'appVersion'
  relation: 'exists' | '==' | '!=' | 'starts_with' | 'ends_with' | 'contains'
  value: string
}
/**
 * `appVersionCode` (Int): App version code. Example: 5.
 */
export interface AppVersionCodeConstraint {
  field: 'appVersionCode'
  relation: '==' | '!=' | '>' | '>=' | '<' | '<='
  value: number
}
/**
 * `osApi` (String): Operating system API version. Example: "35".
 */
export interface OsApiConstraint {
  field: 'osApi'
  relation: 'exists' | '==' | '!=' | 'starts_with' | 'ends_with' | 'contains'
  value: string
}
/**
 * `osVersion` (String): Operating system version. Example: "1.0.1".
 */
export interface OsVersionConstraint {
  field: 'osVersion'
  relation: 'exists' | '==' | '!=' | 'starts_with' | 'ends_with' | 'contains'
  value: string
}
/**
 * `customUserId` (String): Custom user id from your backend.
 */
export interface CustomUserIdConstraint {
  field: 'customUserId'
  relation: 'exists' | '==' | '!=' | 'starts_with' | 'ends_with' | 'contains'
  value: string
}
/**
 * `email` (String): Email.
 */
export interface EmailConstraint {
  field: 'email'
  relation: 'exists' | '==' | '!=' | 'starts_with' | 'ends_with' | 'contains'
  value: string
}
/**
 * `type` (String): Type of device. Accepted values: phone, tablet, smartwatch, desktop.
 */
export interface TypeConstraint {
  field: 'type'
  relation: 'exists' | '==' | '!=' | 'starts_with' | 'ends_with' | 'contains'
  value: string
}
/**
 * `firstSession` (Long): First ever user session: Unix timestamp in milliseconds.
 */
export interface FirstSessionConstraint {
  field: 'firstSession'
  relation: '==' | '!=' | '>' | '>=' | '<' | '<='
  value: number
}
/**
 * `lastSession` (Long): Last user session: Unix timestamp in milliseconds.
 */
export interface LastSessionConstraint {
  field: 'lastSession'
  relation: '==' | '!=' | '>' | '>=' | '<' | '<='
  value: number
}
/**
 * `sessionCount` (Int): Total number of device sessions.
 */
export interface SessionCountConstraint {
  field: 'sessionCount'
  relation: '==' | '!=' | '>' | '>=' | '<' | '<='
  value: number
}
/**
 * `createdAt` (Long): When a device was created: Unix timestamp in milliseconds.
 */
export interface CreatedAtConstraint {
  field: 'createdAt'
  relation: '==' | '!=' | '>' | '>=' | '<' | '<='
  value: number
}
/**
 * `id` (String): Device id.
 */
export interface IdConstraint {
  field: 'id'
  relation: 'exists' | '==' | '!=' | 'starts_with' | 'ends_with' | 'contains'
  value: string
}
/**
 * `pushToken` (String): Device APN or FCM push token.
 */
export interface PushTokenConstraint {
  field: 'pushToken'
  relation: 'exists' | '==' | '!=' | 'starts_with' | 'ends_with' | 'contains'
  value: string
}
/**
 * `unRegisteredAt` (Long): When a device was unregistered: Unix timestamp in milliseconds.
 */
export interface UnRegisteredAtConstraint {
  field: 'unRegisteredAt'
  relation: '==' | '!=' | '>' | '>=' | '<' | '<='
  value: number
}
/**
 * `deviceModel` (String): Device model. Example: Galaxy S26.
 */
export interface DeviceModelConstraint {
  field: 'deviceModel'
  relation: 'exists' | '==' | '!=' | 'starts_with' | 'ends_with' | 'contains'
  value: string
}
/**
 * `deviceManufacturer` (String): Device manufacturer. Example: Samsung.
 */
export interface DeviceManufacturerConstraint {
  field: 'deviceManufacturer'
  relation: 'exists' | '==' | '!=' | 'starts_with' | 'ends_with' | 'contains'
  value: string
}
/**
 * `tags` (String Array (tested for membership)): Applied device tags (a String Array on the device): the value is one tag.
 */
export interface TagsConstraint {
  field: 'tags'
  relation: '==' | 'contains' | 'exists'
  value: string
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

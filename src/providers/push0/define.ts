/**
 * Typed helper for Push0 definitions in TS: `import {defineSegment} from 'segsync/push0'`.
 * Types are generated from schemas/push0/segment.schema.json, so a relation a field's type does
 * not allow (`>` on `country`), a string for a numeric field, or an 11th constraint in a group is
 * a type error in the editor. Push0 segments cannot reference other segments, so there is no
 * `segment()` helper here.
 */
import type {Push0Segment} from '../../generated/push0-segment.js'

export type * from '../../generated/push0-segment.js'

export function defineSegment(definition: Push0Segment): Push0Segment {
  return definition
}

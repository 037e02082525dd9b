/**
 * Typed helper for Push0 definitions in TS: `import {defineSegment} from 'segsync/push0'`.
 * Types are generated from schemas/push0/segment.schema.json, so a relation a field's type does
 * not allow (`>` on `country`), a string for a numeric field, or an 11th constraint in a group is
 * a type error in the editor. Push0 segments cannot reference other segments, so there is no
 * `segment()` helper here.
 */
import type {Push0Segment} from '../../generated/push0-segment.js'
import type {Push0SegmentTest} from '../../generated/push0-segtest.js'

export type * from '../../generated/push0-segment.js'

export function defineSegment(definition: Push0Segment): Push0Segment {
  return definition
}

/** A segment test (`*.segtest.ts`): fixture profiles, typed as Push0's conditions read them, and who should be in which segment. */
export function defineSegmentTest(test: Push0SegmentTest): Push0SegmentTest {
  return test
}

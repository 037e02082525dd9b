/**
 * Typed helpers for Sequenzy definitions in TS: `import {defineSegment, segment} from 'segsync/sequenzy'`.
 * Types are generated from schemas/sequenzy/segment.schema.json, so a wrong operator for a field
 * is a type error in the editor.
 */
import type {SegmentRef, SequenzySegment} from '../../generated/sequenzy-segment.js'
import type {SequenzySegmentTest} from '../../generated/sequenzy-segtest.js'

export type * from '../../generated/sequenzy-segment.js'

export function defineSegment(definition: SequenzySegment): SequenzySegment {
  return definition
}

/** A typed `{ "$segment": "<name>" }`: another segment of this workspace, by name. */
export function segment(name: string): SegmentRef {
  return {$segment: name}
}

/** A segment test (`*.segtest.ts`): fixture profiles, typed as Sequenzy's conditions read them, and who should be in which segment. */
export function defineSegmentTest(test: SequenzySegmentTest): SequenzySegmentTest {
  return test
}

/**
 * Typed helpers for Kibamail definitions in TS: `import {defineSegment} from 'segsync/kibamail'`.
 * Types are generated from schemas/kibamail/segment.schema.json, so an unknown operator, a list
 * value without `in`/`nin` or a null value without `exists` is a type error in the editor.
 *
 * There is no `segment()` helper: Kibamail conditions cannot reference other segments
 * (vendors.md §2.5). Use `dependsOn` to order segments by hand.
 */
import type {KibamailSegment} from '../../generated/kibamail-segment.js'
import type {KibamailSegmentTest} from '../../generated/kibamail-segtest.js'

export type * from '../../generated/kibamail-segment.js'

export function defineSegment(definition: KibamailSegment): KibamailSegment {
  return definition
}

/** A segment test (`*.segtest.ts`): fixture profiles, typed as Kibamail's conditions read them, and who should be in which segment. */
export function defineSegmentTest(test: KibamailSegmentTest): KibamailSegmentTest {
  return test
}

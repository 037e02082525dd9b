/**
 * Typed helper for Altcraft definitions in TS: `import {defineSegment} from 'segsync/altcraft'`.
 * Types are generated from schemas/altcraft/segment.schema.json, so an unknown key or a wrong
 * type is an error in the editor.
 *
 * Altcraft's API documents no field that holds a segment id (its "in segment" rule has no
 * published encoding), so there is no `segment()` reference helper: declare segment-to-segment use
 * with `dependsOn: ['<name>']`.
 */
import type {AltcraftSegment} from '../../generated/altcraft-segment.js'
import type {AltcraftSegmentTest} from '../../generated/altcraft-segtest.js'

export type * from '../../generated/altcraft-segment.js'

export function defineSegment(definition: AltcraftSegment): AltcraftSegment {
  return definition
}

/** A segment test (`*.segtest.ts`): fixture profiles, typed as Altcraft's conditions read them, and who should be in which segment. */
export function defineSegmentTest(test: AltcraftSegmentTest): AltcraftSegmentTest {
  return test
}

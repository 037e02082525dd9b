/**
 * Typed helpers for MailGlyph definitions in TS: `import {defineSegment, segment} from 'segsync/mailglyph'`.
 * Types are generated from schemas/mailglyph/segment.schema.json, so an unknown operator, or a
 * time operator without its unit, is a type error in the editor.
 */
import type {MailGlyphSegment, SegmentRef} from '../../generated/mailglyph-segment.js'
import type {MailGlyphSegmentTest} from '../../generated/mailglyph-segtest.js'

export type * from '../../generated/mailglyph-segment.js'

export function defineSegment(definition: MailGlyphSegment): MailGlyphSegment {
  return definition
}

/** A typed `{ "$segment": "<name>" }`: another segment of this workspace, by name (membership filters). */
export function segment(name: string): SegmentRef {
  return {$segment: name}
}

/** A segment test (`*.segtest.ts`): fixture profiles, typed as MailGlyph's conditions read them, and who should be in which segment. */
export function defineSegmentTest(test: MailGlyphSegmentTest): MailGlyphSegmentTest {
  return test
}

/** Segment tests (`*.segtest.json|ts`), as the validate stage hands them to the runner. */
import type {DefinitionSource} from '../model.js'

export interface SegmentTestFile {
  source: DefinitionSource
  /** The clock for relative times; the real time when the file gives none. */
  now?: Date
  profiles: Array<Record<string, unknown> & {id: string}>
  expect: Array<{segment: string; members: string[]; nonMembers: string[]}>
}

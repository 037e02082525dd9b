/**
 * Which of Altcraft's three segment types a remote segment is (v74 create page): dynamic
 * (`is_static: false`), updatable (`is_static: true` with rules) or static (no rules). Only
 * segments/get could say, and its documented example carries no `is_static` (developer guide
 * 2195598; vendors.md §5.3): no other documented read has it either. So a segment with rules whose
 * answer has no `is_static` is of unknown type, and segsync never writes it: an update states the
 * type, and guessing it would turn a dynamic segment updatable (or back) without the plan showing it.
 */
import type {Segment} from '../../generated/altcraft-responses.js'

export type SegmentType = 'dynamic' | 'updatable' | 'static' | 'unknown'

export function segmentType(raw: Pick<Segment, 'is_static' | 'segment'>): SegmentType {
  if (!raw.segment?.length) return 'static'
  if (typeof raw.is_static !== 'boolean') return 'unknown'
  return raw.is_static ? 'updatable' : 'dynamic'
}

export const STATIC_NOTE = 'a static segment (no rules: its members are added by hand, import or API); segsync lists it but never changes it'

export const UNKNOWN_TYPE_NOTE =
  "Altcraft's segments/get did not say whether it is dynamic or updatable (no is_static), and no other documented read does; " +
  'segsync lists it but never changes or deletes it, because a write states the type and a guess could change it unseen. ' +
  'Make this change in the Altcraft UI; `segsync doctor` shows what this account answers (send us its report)'

/** Why segsync only lists a segment of this type, or undefined when it manages it. */
export function readOnlyNote(type: SegmentType): string | undefined {
  return type === 'static' ? STATIC_NOTE : type === 'unknown' ? UNKNOWN_TYPE_NOTE : undefined
}

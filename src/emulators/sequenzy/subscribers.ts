/**
 * Who is in a segment, for `GET /api/v1/segments/{id}/count` ("Number of subscribers matching the
 * segment", vendors.md §3.3): segsync's own Sequenzy evaluator (src/providers/sequenzy/evaluate.ts)
 * over the seeded subscribers, one reading of the documents shared with `segsync test`.
 * `segment is/is_not` filters name other segments of the state by id.
 */
import type {EvaluationContext, Explained} from '../../core/provider.js'
import {evaluate} from '../../providers/sequenzy/evaluate.js'
import type {SequenzyProfile} from '../../generated/sequenzy-profile.js'
import {assumptions} from './assumptions.js'
import type {SequenzyState, StoredSegment} from './state.js'

export function memberCount(state: SequenzyState, segment: StoredSegment): number {
  const now = state.now !== undefined ? new Date(state.now) : new Date()
  return state.subscribers.filter((s) => isMember(verdict(state, segment, s, now, new Set()).value)).length
}

function isMember(value: Explained['value']): boolean {
  return value === true || (value === 'unknown' && assumptions.undecidableCountsAsMember)
}

function verdict(state: SequenzyState, segment: StoredSegment, subscriber: SequenzyProfile, now: Date, outer: Set<string>): Explained {
  const path = new Set([...outer, segment.id])
  const ctx: EvaluationContext = {
    now,
    inSegment: (ref) => {
      const other = state.segments.find((s) => s.id === ref)
      // Writes refuse unknown ids (rules.ts); a cycle could only come from a hand-written seed: not evaluable.
      return other && !path.has(other.id) ? verdict(state, other, subscriber, now, path) : undefined
    },
  }
  return evaluate({root: segment.root}, {...subscriber}, ctx)
}

/**
 * Who is in a MailGlyph segment (seed 000, OpenAPI `FilterCondition`/`FilterGroup`/`SegmentFilter`,
 * vendors.md §1.5): "a group of filters that are combined with AND, with optional nested
 * conditions", and the groups of a condition combined by its `logic`. A filter reads a contact
 * field (evaluate-fields.ts) or its activity (evaluate-activity.ts); upstream Plunk's
 * memberOfSegment/notMemberOfSegment (§1.6) read the other segment through `ctx.inSegment`.
 * Open points: semantics.ts.
 */
import type {Explained, EvaluationContext, SegmentBody} from '../../core/provider.js'
import {undecided} from '../../core/segtest/explain.js'
import type {MailGlyphProfile} from '../../generated/mailglyph-profile.js'
import {group, leaf, undecidable} from '../kit/truth.js'
import {filterText, isMembership, membershipId, type Condition, type Filter, type Group} from './conditions.js'
import {activityMatches} from './evaluate-activity.js'
import {fieldMatches} from './evaluate-fields.js'

export type {MailGlyphProfile}

export function evaluate(body: SegmentBody, profile: Record<string, unknown>, ctx: EvaluationContext): Explained {
  const condition = body.condition as Condition | null | undefined
  // A STATIC segment has no condition: its members are a list, not a rule (vendors.md §1.3).
  if (!condition) return undecidable('no condition', 'a segment without a condition is a list of members (STATIC), not a rule')
  return conditionNode(condition, profile as unknown as MailGlyphProfile, ctx)
}

/** One group stands alone; several combine by `logic`. */
function conditionNode(condition: Condition, contact: MailGlyphProfile, ctx: EvaluationContext): Explained {
  const groups = condition.groups.map((g) => groupNode(g, contact, ctx))
  return groups.length === 1 ? groups[0]! : group(condition.logic, groups)
}

/** The filters of a group and its nested condition are ANDed (Plunk buildGroupClause). */
function groupNode(g: Group, contact: MailGlyphProfile, ctx: EvaluationContext): Explained {
  const parts = g.filters.map((f) => filterNode(f, contact, ctx))
  if (g.conditions) parts.push(conditionNode(g.conditions, contact, ctx))
  return parts.length === 1 ? parts[0]! : group('AND', parts)
}

function filterNode(filter: Filter, contact: MailGlyphProfile, ctx: EvaluationContext): Explained {
  const text = filterText(filter)
  if (isMembership(filter.operator)) return membership(filter, text, ctx)
  if (typeof filter.field !== 'string') return undecidable(text, 'its field is not a field name')
  const withField = filter as Filter & {field: string}
  const activity = withField.field.startsWith('event.') || withField.field.startsWith('email.')
  const verdict = activity ? activityMatches(withField, contact, ctx.now) : fieldMatches(withField, contact, ctx.now)
  return typeof verdict === 'boolean' ? leaf(text, verdict) : undecidable(text, verdict.because)
}

/** The same contact in the other segment: `{ $segment }` in a definition, its id (or `segment.<id>`) in a MailGlyph body. */
function membership(filter: Filter, text: string, ctx: EvaluationContext): Explained {
  const ref = typeof filter.field === 'string' ? membershipId(filter.field) : filter.field
  const other = ctx.inSegment(ref)
  if (!other) return undecidable(text, `no segment ${JSON.stringify(ref)} is known to evaluate`)
  if (other.value === 'unknown') return undecidable(text, undecided(other).join('; '))
  return leaf(text, (filter.operator === 'memberOfSegment') === other.value)
}

/**
 * MailGlyph ↔ definitions. Definitions hold MailGlyph's own body (`description`, `condition`,
 * `trackMembership`; seed 000). Reading drops what the server adds (id, type, memberCount,
 * projectId, timestamps) and its defaults (`description: null`, `trackMembership: false`), and
 * turns the segment id of a membership filter into `{ $segment: name }` (vendors.md §1.6).
 */
import {keyed} from '../../core/diff/keyed.js'
import type {NameOf, SegmentBody} from '../../core/provider.js'
import type {FilterCondition, Segment} from '../../generated/mailglyph-responses.js'
import {filterText, isMembership, meaningful, membershipId, membershipIds, type Condition, type Filter, type Group} from './conditions.js'

/**
 * The remote segment as a user would write it. `raw` is the Segment the client read through
 * its contract (schemas/mailglyph/responses.schema.json), so its shape is known here.
 */
export function toDefinitionBody(raw: unknown, nameOf: NameOf): SegmentBody {
  const r = raw as Segment
  return {
    ...(r.description ? {description: r.description} : {}),
    ...(r.condition ? {condition: plainCondition(r.condition, nameOf)} : {}),
    ...(r.trackMembership === true ? {trackMembership: true} : {}),
  }
}

function plainCondition(condition: FilterCondition, nameOf: NameOf): Condition {
  return {
    logic: condition.logic,
    groups: condition.groups.map((g) => ({
      filters: g.filters.map((f) => meaningful(f, fieldOf(f, nameOf))),
      ...(g.conditions ? {conditions: plainCondition(g.conditions, nameOf)} : {}),
    })),
  }
}

/** A membership filter's segment id as `{ $segment }` when the segment is known; any other field (or a reference already) as is. */
function fieldOf(filter: Filter, nameOf: NameOf): unknown {
  if (!isMembership(filter.operator) || typeof filter.field !== 'string') return filter.field
  const name = nameOf(membershipId(filter.field))
  return name === undefined ? filter.field : {$segment: name}
}

/** Segment ids of the remote segment's membership filters. */
export function remoteReferences(raw: unknown): string[] {
  return membershipIds((raw as Segment).condition)
}

/**
 * Comparable form: server defaults dropped as in `toDefinitionBody`, groups keyed by position
 * (`group #1`) and their filters keyed by content (`data.plan equals "premium"`), so filter order
 * carries no meaning and a removed filter is one removal.
 */
export function normalizeBody(body: SegmentBody, nameOf: NameOf): SegmentBody {
  const condition = body.condition as Condition | undefined
  return {
    ...(typeof body.description === 'string' && body.description !== '' ? {description: body.description} : {}),
    ...(condition ? {condition: normalizeCondition(condition, nameOf)} : {}),
    ...(body.trackMembership === true ? {trackMembership: true} : {}),
  }
}

/** With a single group, AND and OR select the same contacts: `logic` is compared only when it matters. */
function normalizeCondition(condition: Condition, nameOf: NameOf): Record<string, unknown> {
  return {
    ...(condition.groups.length > 1 ? {logic: condition.logic} : {}),
    groups: keyed(condition.groups.map((g) => normalizeGroup(g, nameOf)), (_, i) => `group #${i + 1}`),
  }
}

function normalizeGroup(group: Group, nameOf: NameOf): Record<string, unknown> {
  const filters = group.filters.map((f) => meaningful(f, fieldOf(f, nameOf)))
  return {
    filters: keyed(filters, filterText),
    ...(group.conditions ? {conditions: normalizeCondition(group.conditions, nameOf)} : {}),
  }
}

/** The segment's `updatedAt` (OpenAPI `Segment`: date-time), as ISO 8601. */
export function updatedAt(raw: unknown): string | undefined {
  const value = (raw as {updatedAt?: unknown} | undefined)?.updatedAt
  const time = typeof value === 'string' ? Date.parse(value) : NaN
  return Number.isNaN(time) ? undefined : new Date(time).toISOString()
}

/**
 * Push0 ↔ definitions. A definition holds Push0's own body (seed 003): `description` and
 * `constraints`, a list of groups `{type: AND|OR, constraints: [{field, relation, value}]}`.
 * Remote segments are read as the contract types them (schemas/push0/responses.schema.json): the
 * list adds `id`, `updatedAt` and `createdAt` (dropped here), may carry `description: null` for a
 * segment created without one, and may spell relations in upper case (read as the table's
 * symbols, see conditions.ts).
 */
import {keyed, show} from '../../core/diff/keyed.js'
import type {SegmentBody} from '../../core/provider.js'
import type {Constraint, ConstraintGroup, Segment} from '../../generated/push0-responses.js'
import {canonicalRelation} from './conditions.js'

/** What normalisation reads: a definition's body, a remote segment, or what an update sent. */
export interface Push0Body {
  description?: unknown
  constraints?: ConstraintGroup[]
}

/** The remote segment's body as a user would write it (`raw` kept to the Segment contract on the way in). */
export function toDefinitionBody(raw: Segment): SegmentBody {
  return {
    ...describedAs(raw.description),
    constraints: raw.constraints.map((g) => ({type: g.type, constraints: g.constraints.map(constraintOf)})),
  }
}

/**
 * Comparable form. Push0 ANDs the groups and gives order no meaning inside a group either
 * ("each object in the array is combined with the others using a logical AND"), so both levels
 * are keyed by content: `AND(country == "PL", sessionCount > 5)`. An empty description is the
 * same as none.
 */
export function normalizeBody(body: Push0Body): SegmentBody {
  const groups = (body.constraints ?? []).map((g) => ({type: g.type, constraints: keyed(g.constraints.map(constraintOf), constraintText)}))
  return {...describedAs(body.description), constraints: keyed(groups, groupText)}
}

/** `sessionCount > 5`, `country == "PL"`: the value as JSON, so 5 and "5" differ. */
export function constraintText(c: Constraint): string {
  return `${c.field} ${c.relation} ${show(c.value)}`
}

function groupText(g: {type: string; constraints: Record<string, Constraint>}): string {
  return `${g.type}(${Object.keys(g.constraints).join(', ')})`
}

function constraintOf(c: Constraint): Constraint {
  return {field: c.field, relation: canonicalRelation(c.relation), ...(c.value !== undefined ? {value: c.value} : {})}
}

function describedAs(description: unknown): {description?: string} {
  return typeof description === 'string' && description !== '' ? {description} : {}
}

/** The list's `updatedAt` (epoch milliseconds; null until the segment is first updated), as ISO 8601. */
export function updatedAt(raw: unknown): string | undefined {
  const value = (raw as {updatedAt?: unknown} | undefined)?.updatedAt
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : undefined
}

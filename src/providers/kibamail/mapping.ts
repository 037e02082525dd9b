/**
 * Kibamail ↔ definitions. A definition holds the body exactly as the API names it (seed 001):
 * `description` and `conditions`. The API adds `object` and `id` and answers `description: null`
 * when there is none; those never reach a definition. Kibamail conditions cannot reference other
 * segments (vendors.md §2.5), so no id ever becomes a `{ $segment }` reference here.
 */
import {formatPath} from '../../core/diff/field-diff.js'
import {keyed} from '../../core/diff/keyed.js'
import type {RemoteSegment} from '../../core/model.js'
import type {SegmentBody} from '../../core/provider.js'
import type {SegmentListItem} from '../../generated/kibamail-responses.js'
import {schemaValidator} from '../../core/validate/schema.js'
import {schemaPath} from '../../util/package-root.js'
import {conditionText, isObject, kindOf, LOGICAL_KEYS, setValue, TOPIC_KEYS} from './conditions.js'

/**
 * A segment as segsync sees it. The docs describe two condition syntaxes (vendors.md §2.5): the
 * documented `{field, operator, value}` schema, which segsync writes, and raw MongoDB queries
 * (`{"country": {"$eq": "US"}}`, `$regex`) that the prose mentions. A segment whose conditions are
 * not in the schema form cannot be written as a definition or diffed faithfully, so it is listed
 * read-only: shown in the plan, never changed.
 */
export const SCHEMA = 'kibamail/segment.schema.json'

/** A segment as GET /v1/segments lists it or POST/PUT answer it, already checked against its contract (answers.ts). */
export function toRemote(api: SegmentListItem): RemoteSegment {
  const issues = schemaValidator(schemaPath(SCHEMA))
    .validate({name: api.name, ...toDefinitionBody(api)})
    .filter((issue) => issue.path[0] === 'conditions')
  if (issues.length === 0) return {id: api.id, name: api.name, raw: api}
  const first = issues[0]!
  return {
    id: api.id,
    name: api.name,
    raw: api,
    readOnly: `its conditions are not in the documented {field, operator, value} form (see ${formatPath(first.path)}; raw MongoDB syntax?), which segsync never writes: edit it in Kibamail`,
  }
}

/** The remote segment as a user would write it: no `object`/`id`, no `description: null`. `raw` is what toRemote kept. */
export function toDefinitionBody(raw: unknown): SegmentBody {
  const r = raw as SegmentListItem
  return {
    ...(typeof r.description === 'string' ? {description: r.description} : {}),
    conditions: structuredClone(r.conditions),
  }
}

/**
 * Comparable form: `description` only when there is one (absent and null are the same), and
 * `conditions` as the set of conditions that must all hold, keyed by their text: the children of
 * a top-level `$and` (a lone condition is a set of one; a top-level `$or`/`$not` is one member).
 * Nested `$and`/`$or` children, topic ids and `in`/`nin` values are keyed or sorted too, since
 * their order carries no meaning. An added condition then reads as one addition, a changed one as
 * one removal and one addition, whatever moved around it.
 */
export function normalizeBody(body: SegmentBody): SegmentBody {
  return {
    ...(typeof body.description === 'string' ? {description: body.description} : {}),
    ...(body.conditions !== undefined ? {conditions: mapValues(keyed(allOf(body.conditions), conditionText), normalizeCondition)} : {}),
  }
}

/** The conditions a node requires together: `{$and: [a, b], $or: [c, d]}` is a, b and $or(c, d). */
function allOf(node: unknown): unknown[] {
  if (kindOf(node) !== 'logical') return [node]
  const l = node as Record<string, unknown>
  if (l.$and !== undefined && !Array.isArray(l.$and)) return [node]
  return [...((l.$and as unknown[] | undefined) ?? []), ...(l.$or !== undefined ? [{$or: l.$or}] : []), ...(l.$not !== undefined ? [{$not: l.$not}] : [])]
}

export function normalizeCondition(node: unknown): unknown {
  const kind = kindOf(node)
  if (kind === 'field') {
    const f = node as {field: string; operator: string; value?: unknown}
    return {field: f.field, operator: f.operator, value: setValue(f.operator, f.value)}
  }
  if (kind === 'topic') {
    const t = node as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const k of TOPIC_KEYS) if (Array.isArray(t[k])) out[k] = keyed((t[k] as unknown[]).map(String), (id) => id)
    return out
  }
  if (kind === 'logical') {
    const l = node as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const k of LOGICAL_KEYS) {
      if (l[k] === undefined) continue
      if (k === '$not') out[k] = normalizeCondition(l[k])
      else if (Array.isArray(l[k])) out[k] = mapValues(keyed(l[k] as unknown[], conditionText), normalizeCondition)
      else out[k] = l[k]
    }
    return out
  }
  // Not the documented form (e.g. raw MongoDB syntax made in the Kibamail app): compared as is.
  return isObject(node) ? structuredClone(node) : node
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]))
}

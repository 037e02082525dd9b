/**
 * /v1/segments (vendors.md §2.3; seed 001): list newest first with cursor pages, get, create (201),
 * PUT as a partial update where `conditions` is a full replacement, DELETE answering
 * `{object: "segment", id}`, and the members of a segment.
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {apiError, notFound, ok, type ValidationIssue} from './errors.js'
import {matches} from './evaluate.js'
import {isPage, paginate} from './paging.js'
import {checkConditions} from './rules.js'
import {known, newId, type KibamailState, type StoredSegment} from './state.js'

/** SegmentResponse: exactly the schema's fields (vendors.md §2.3). */
export function present(s: StoredSegment) {
  return {object: 'segment' as const, id: s.id, name: s.name, description: s.description, conditions: s.conditions}
}

export function listSegments(state: KibamailState, req: EmulatorRequest): EmulatorResponse {
  // "Returns all segments in reverse chronological order (newest first)".
  const page = paginate([...state.segments].reverse(), req.query)
  if (!isPage(page)) return page
  return ok({object: assumptions.listObject.segments, hasMore: page.hasMore, data: page.data.map(present)})
}

export function getSegment(state: KibamailState, id: string): EmulatorResponse {
  const segment = state.segments.find((s) => s.id === id)
  return segment ? ok(present(segment)) : notFound('segment', id)
}

export function createSegment(state: KibamailState, req: EmulatorRequest): EmulatorResponse {
  const body = checkBody(state, req)
  if (!('fields' in body)) return body
  const now = new Date().toISOString()
  const segment: StoredSegment = {
    id: newId(assumptions.idPrefix.segment),
    name: body.fields.name as string,
    description: (body.fields.description as string | null | undefined) ?? null,
    conditions: body.fields.conditions,
    createdAt: now,
    updatedAt: now,
  }
  state.segments.push(segment)
  return ok(present(segment), 201)
}

export function updateSegment(state: KibamailState, id: string, req: EmulatorRequest): EmulatorResponse {
  const segment = state.segments.find((s) => s.id === id)
  if (!segment) return notFound('segment', id)
  const body = checkBody(state, req, id)
  if (!('fields' in body)) return body
  // "Only provided fields are updated"; "Updating conditions replaces ALL existing conditions".
  const f = body.fields
  if (f.name !== undefined) segment.name = f.name as string
  if (f.description !== undefined) segment.description = f.description as string | null
  if (f.conditions !== undefined) segment.conditions = f.conditions
  segment.updatedAt = new Date().toISOString()
  return ok(present(segment))
}

export function deleteSegment(state: KibamailState, id: string): EmulatorResponse {
  const segment = state.segments.find((s) => s.id === id)
  if (!segment) return notFound('segment', id)
  state.segments = state.segments.filter((s) => s !== segment)
  return ok({object: 'segment', id})
}

export function segmentContacts(state: KibamailState, id: string, req: EmulatorRequest): EmulatorResponse {
  const segment = state.segments.find((s) => s.id === id)
  if (!segment) return notFound('segment', id)
  return contactPage(state, segment.conditions, req.query)
}

/** Contacts matching `conditions`, newest first ("Sorted by contact creation date (newest first)"). */
export function contactPage(state: KibamailState, conditions: unknown, query: URLSearchParams): EmulatorResponse {
  const page = paginate([...state.contacts].reverse().filter((c) => matches(c, conditions)), query)
  if (!isPage(page)) return page
  return ok({object: assumptions.listObject.contacts, hasMore: page.hasMore, data: page.data.map((c) => ({object: 'contact', ...c}))})
}

/**
 * The fields of a create (everything required) or an update (everything optional), or the error:
 * 400 for a body that is not JSON or conditions in no known syntax, 422 for the rest. `id` is the
 * segment being updated (undefined on create).
 */
function checkBody(state: KibamailState, req: EmulatorRequest, id?: string): {fields: Record<string, unknown>} | EmulatorResponse {
  const create = id === undefined
  if (req.jsonError) return apiError(400, 'invalid_request_error', 'INVALID_JSON', 'Request body must be valid JSON')
  const raw = req.json
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return apiError(400, 'invalid_request_error', 'INVALID_REQUEST', 'Request body must be a JSON object')
  const b = raw as Record<string, unknown>
  const issues: ValidationIssue[] = []
  if (b.name !== undefined || create) {
    if (typeof b.name !== 'string') issues.push({field: 'name', code: b.name === undefined ? 'REQUIRED' : 'INVALID_TYPE', message: 'name must be a string of 1-100 characters'})
    else if (b.name.length < 1 || b.name.length > 100) issues.push({field: 'name', code: 'INVALID_LENGTH', message: 'name must be 1-100 characters'})
  }
  if (b.description !== undefined && b.description !== null) {
    if (typeof b.description !== 'string') issues.push({field: 'description', code: 'INVALID_TYPE', message: 'description must be a string or null'})
    else if (b.description.length > 500) issues.push({field: 'description', code: 'INVALID_LENGTH', message: 'description must be at most 500 characters'})
  }
  if (b.conditions === undefined && create) issues.push({field: 'conditions', code: 'REQUIRED', message: 'conditions is required'})
  if (b.conditions !== undefined) {
    const problems = checkConditions(b.conditions, known(state))
    if (problems.syntax.length > 0) return apiError(assumptions.syntaxErrorStatus, 'invalid_request_error', 'INVALID_QUERY', 'Invalid query syntax in conditions', problems.syntax)
    issues.push(...problems.invalid)
  }
  if (assumptions.uniqueNames && typeof b.name === 'string' && state.segments.some((s) => s.name === b.name && s.id !== id)) {
    issues.push({field: 'name', code: 'ALREADY_EXISTS', message: `A segment named "${b.name}" already exists`})
  }
  if (issues.length > 0) return apiError(assumptions.validationStatus, 'validation_error', 'VALIDATION_ERROR', 'Validation failed', issues)
  const fields: Record<string, unknown> = {}
  for (const key of ['name', 'description', 'conditions']) if (b[key] !== undefined) fields[key] = b[key]
  return {fields}
}

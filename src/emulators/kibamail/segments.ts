/**
 * /v1/segments (vendors.md §2.3; seed 001): list newest first with cursor pages, get, create (201),
 * PUT as a partial update where `conditions` is a full replacement, DELETE answering
 * `{object: "segment", id}`, and the members of a segment.
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {contactPage} from './contacts.js'
import {notFound, ok} from './errors.js'
import {isPage, paginate} from './paging.js'
import {checkBody} from './requests.js'
import {newId, type KibamailState, type StoredSegment} from './state.js'

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

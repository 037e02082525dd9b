/**
 * /api/v1/segments (vendors.md §3.3): list, get one, create (409 on a taken name), PATCH where
 * `filters` or `root` replaces the rules, delete, and `/count` (subscribers.ts).
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {error, Fail, nameTaken, ok} from './errors.js'
import {objectBody} from './requests.js'
import {rulesFrom} from './rules.js'
import {memberCount} from './subscribers.js'
import {newId, withIds, type SequenzyState, type StoredGroup, type StoredLeaf, type StoredSegment} from './state.js'

export function listSegments(state: SequenzyState): EmulatorResponse {
  return ok({success: true, segments: state.segments.map(present)})
}

export function getSegment(state: SequenzyState, id: string): EmulatorResponse {
  return withSegment(state, id, (s) => ok({success: true, segment: present(s)}))
}

export function createSegment(state: SequenzyState, req: EmulatorRequest): EmulatorResponse {
  const body = objectBody(req)
  if (body instanceof Fail) return body.response
  if (typeof body.name !== 'string' || body.name.trim() === '') return error(400, 'name is required')
  const root = rulesFrom(state, body, true)
  if (root instanceof Fail) return root.response
  if (state.segments.some((s) => s.name === body.name)) return nameTaken(body.name)
  const now = new Date().toISOString()
  const segment: StoredSegment = {id: newId('seg'), name: body.name, root: withIds(root, 'root'), createdAt: now, updatedAt: now}
  state.segments.push(segment)
  return {status: assumptions.createStatus, body: {success: true, segment: present(segment)}}
}

export function updateSegment(state: SequenzyState, id: string, req: EmulatorRequest): EmulatorResponse {
  const body = objectBody(req)
  if (body instanceof Fail) return body.response
  return withSegment(state, id, (segment) => {
    if (body.name !== undefined) {
      if (typeof body.name !== 'string' || body.name.trim() === '') return error(400, 'name must be a non-empty string')
      if (state.segments.some((s) => s.name === body.name && s.id !== id)) return nameTaken(body.name)
    }
    let root: StoredGroup | undefined
    if (body.filters !== undefined || body.root !== undefined) {
      const parsed = rulesFrom(state, body, false)
      if (parsed instanceof Fail) return parsed.response
      root = parsed
    }
    if (typeof body.name === 'string') segment.name = body.name
    // "providing filters or root replaces the segment's existing rules" (Sequenzy MCP).
    if (root) segment.root = withIds(root, 'root')
    segment.updatedAt = new Date().toISOString()
    return ok({success: true, segment: present(segment)})
  })
}

export function deleteSegment(state: SequenzyState, id: string): EmulatorResponse {
  return withSegment(state, id, (segment) => {
    state.segments = state.segments.filter((s) => s !== segment)
    return ok(assumptions.deleteBody(id))
  })
}

export function countSegment(state: SequenzyState, id: string): EmulatorResponse {
  return withSegment(state, id, (s) => ok({count: memberCount(state, s), segmentId: s.id}))
}

/** The response shape: both the legacy `filters` and the v2 `root` (seed 002 response). */
function present(s: StoredSegment) {
  const leaves = s.root.children.filter((c): c is StoredLeaf => c.kind === 'filter')
  return {
    id: s.id,
    name: s.name,
    filters: leaves.map(({kind: _kind, ...leaf}) => leaf),
    filterJoinOperator: s.root.joinOperator,
    format: 'v2',
    root: s.root,
  }
}

function withSegment(state: SequenzyState, id: string, fn: (s: StoredSegment) => EmulatorResponse): EmulatorResponse {
  const segment = state.segments.find((s) => s.id === id)
  return segment ? fn(segment) : error(404, 'Segment not found')
}

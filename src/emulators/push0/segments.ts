/**
 * `/v1/segments` (vendors.md §4.3). `GET`: query `id?` ("If provided - returns single list
 * element"), `name?`, `page` (positive int), `limit` ("Default: 50. Max: 100"); answers a bare JSON
 * array of `{id, name, description, constraints, updatedAt, createdAt}`. `POST` creates, `PATCH`
 * updates with the id in the body; both answer the segment id.
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {error} from './errors.js'
import {paginate} from './paging.js'
import {objectBody} from './requests.js'
import {parseConstraints} from './rules.js'
import {newId, type Push0State, type StoredSegment} from './state.js'

export function listSegments(state: Push0State, query: URLSearchParams): EmulatorResponse {
  const id = query.get('id')
  if (id !== null) {
    const one = state.segments.find((s) => s.id === id)
    return {status: 200, body: one ? [present(one)] : []}
  }
  const name = query.get('name')
  const matching = name === null ? state.segments : state.segments.filter((s) => s.name === name)
  const page = paginate(matching, query)
  if (!Array.isArray(page)) return page
  return {status: 200, body: page.map(present)}
}

/** POST: `{name*, description?, constraints*}` (create marks constraints required). */
export function createSegment(state: Push0State, req: EmulatorRequest): EmulatorResponse {
  const body = objectBody(req)
  if (typeof body === 'string') return error(400, body)
  if (typeof body.name !== 'string' || body.name.trim() === '') return error(400, 'name is required')
  if (body.description !== undefined && body.description !== null && typeof body.description !== 'string') return error(400, 'description must be a string')
  if (body.constraints === undefined || body.constraints === null) return error(400, 'constraints is required')
  const parsed = parseConstraints(body.constraints)
  if ('error' in parsed) return error(400, parsed.error)
  if (!assumptions.allowDuplicateNames && state.segments.some((s) => s.name === body.name)) return error(400, 'A segment with this name already exists')
  const segment: StoredSegment = {
    id: newId(),
    name: body.name,
    description: typeof body.description === 'string' ? body.description : assumptions.missingDescription,
    constraints: parsed.groups,
    updatedAt: null,
    createdAt: Date.now(),
  }
  state.segments.push(segment)
  return written(state, segment)
}

/** PATCH: `{id*, name?, description?, constraints?}`. "Only fields sent with values will be updated." */
export function updateSegment(state: Push0State, req: EmulatorRequest): EmulatorResponse {
  const body = objectBody(req)
  if (typeof body === 'string') return error(400, body)
  if (typeof body.id !== 'string' || body.id === '') return error(400, 'id is required')
  const segment = state.segments.find((s) => s.id === body.id)
  if (!segment) return error(assumptions.unknownIdStatus, `Segment ${body.id} not found`)
  const sent = (key: string) => body[key] !== undefined && !(assumptions.nullMeansNotSent && body[key] === null)
  if (sent('name') && (typeof body.name !== 'string' || body.name.trim() === '')) return error(400, 'name must be a non-empty string')
  if (sent('description') && typeof body.description !== 'string') return error(400, 'description must be a string')
  let groups: StoredSegment['constraints'] | undefined
  if (sent('constraints')) {
    const parsed = parseConstraints(body.constraints)
    if ('error' in parsed) return error(400, parsed.error)
    groups = parsed.groups
  }
  if (sent('name')) segment.name = body.name as string
  if (sent('description')) segment.description = body.description as string
  // The constraints array is replaced as a whole (vendors.md §6: only changed top-level fields are sent).
  if (groups) segment.constraints = groups
  segment.updatedAt = Date.now()
  return written(state, segment)
}

/** The segment as the list shows it. */
export function present(s: StoredSegment) {
  return {id: s.id, name: s.name, description: s.description, constraints: s.constraints, updatedAt: s.updatedAt, createdAt: s.createdAt}
}

/** "Returns segment id or error message", in the form the state asks for (assumptions.defaultWriteResponse). */
function written(state: Push0State, segment: StoredSegment): EmulatorResponse {
  if (state.writeResponse === 'json-string') return {status: 200, body: segment.id}
  if (state.writeResponse === 'object') return {status: 200, body: present(segment)}
  return {status: 200, text: segment.id}
}

/**
 * Push0 API emulator (vendors.md §4; seed 003). `/v1/segments` and its `/api/v1/segments` alias:
 * list (GET, paged, `?id=` for one), create (POST), update (PATCH, id in the body). Bearer auth,
 * `Content-Type: application/json` required on every request, the field and relation tables, at
 * most 10 constraints per group, typed values, epoch-ms timestamps. No delete and no campaigns:
 * Push0 documents neither.
 */
import type {EmulatorApp, EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {parseConstraints} from './rules.js'
import {listSegments, present} from './segments.js'
import {emptyState, loadState, newId, type Push0State, type StoredSegment} from './state.js'

/** The documented status titles (vendors.md §4.2), used when a fault or the rate limiter answers. */
const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  408: 'Timeout',
  429: 'Too many requests in given period of time',
  500: 'Internal Server Error',
}

export function createPush0App(seed?: unknown): EmulatorApp {
  const state: Push0State = seed === undefined ? emptyState() : loadState(seed)
  return {
    vendor: 'push0',
    state,
    snapshot: () => structuredClone(state),
    errorResponse: (status, message) => error(status, status === 429 ? TITLES[429]! : message || TITLES[status] || 'Error'),
    handle: (req) => route(state, req),
  }
}

function route(state: Push0State, req: EmulatorRequest): EmulatorResponse {
  const refused = assumptions.contentTypeBeforeAuth ? (contentTypeError(req) ?? authError(state, req)) : (authError(state, req) ?? contentTypeError(req))
  if (refused) return refused
  const path = req.path.replace(/\/+$/, '')
  if (!(assumptions.paths as readonly string[]).includes(path)) return error(assumptions.unknownRouteStatus, `No route for ${req.method} ${req.path}`)
  if (req.method === 'GET') return listSegments(state, req.query)
  if (req.method !== 'POST' && req.method !== 'PATCH') return error(assumptions.unknownRouteStatus, `No route for ${req.method} ${req.path}`)
  if (state.readOnlyKeys.includes(tokenOf(req) ?? '')) return error(assumptions.readOnlyKeyWriteStatus, 'Forbidden: this API key may not modify segments')
  const body = objectBody(req)
  if (typeof body === 'string') return error(400, body)
  return req.method === 'POST' ? createSegment(state, body) : updateSegment(state, body)
}

/** "400 Bad request Missing Content-Typ[e]: application/json" — on every request, GETs included. */
function contentTypeError(req: EmulatorRequest): EmulatorResponse | undefined {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  return type === 'application/json' ? undefined : error(400, 'Missing Content-Type: application/json')
}

function authError(state: Push0State, req: EmulatorRequest): EmulatorResponse | undefined {
  const token = tokenOf(req)
  const known = token !== undefined && (state.apiKeys.length === 0 || state.apiKeys.includes(token) || state.readOnlyKeys.includes(token))
  return known ? undefined : error(401, 'Unauthorized: incorrect or not found API key. Send Authorization: Bearer YOUR_API_KEY.')
}

function tokenOf(req: EmulatorRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1]
}

/** POST: `{name*, description?, constraints*}` (create marks constraints required). */
function createSegment(state: Push0State, body: Record<string, unknown>): EmulatorResponse {
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
function updateSegment(state: Push0State, body: Record<string, unknown>): EmulatorResponse {
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

/** "Returns segment id or error message", in the form the state asks for (assumptions.defaultWriteResponse). */
function written(state: Push0State, segment: StoredSegment): EmulatorResponse {
  if (state.writeResponse === 'json-string') return {status: 200, body: segment.id}
  if (state.writeResponse === 'object') return {status: 200, body: present(segment)}
  return {status: 200, text: segment.id}
}

function objectBody(req: EmulatorRequest): Record<string, unknown> | string {
  if (req.jsonError) return 'Request body must be valid JSON'
  if (!req.json || typeof req.json !== 'object' || Array.isArray(req.json)) return 'Request body must be a JSON object'
  return req.json as Record<string, unknown>
}

function error(status: number, message: string): EmulatorResponse {
  return {status, body: assumptions.errorBody(message)}
}

/**
 * Push0 API emulator (vendors.md §4; seed 003). `/v1/segments` and its `/api/v1/segments` alias:
 * list (GET, paged, `?id=` for one), create (POST), update (PATCH, id in the body). Bearer auth,
 * `Content-Type: application/json` required on every request, the field and relation tables, at
 * most 10 constraints per group, typed values, epoch-ms timestamps. No delete and no campaigns:
 * Push0 documents neither.
 */
import type {EmulatorApp, EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {authError, writeError} from './auth.js'
import {error, errorResponse} from './errors.js'
import {contentTypeError} from './requests.js'
import {createSegment, listSegments, updateSegment} from './segments.js'
import {emptyState, loadState, type Push0State} from './state.js'

export function createPush0App(seed?: unknown): EmulatorApp {
  const state: Push0State = seed === undefined ? emptyState() : loadState(seed)
  return {
    vendor: 'push0',
    state,
    snapshot: () => structuredClone(state),
    errorResponse,
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
  const readOnly = writeError(state, req)
  if (readOnly) return readOnly
  return req.method === 'POST' ? createSegment(state, req) : updateSegment(state, req)
}

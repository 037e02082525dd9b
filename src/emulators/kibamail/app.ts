/**
 * Kibamail API emulator (vendors.md §2; seed 001). Paths under /v1, Bearer `kb_…` keys with
 * scopes, the `{error: {type, code, message, requestId, validationErrors}}` envelope, cursor pages,
 * segments newest first, 400 for bad query syntax and 422 for unknown operators and properties.
 * Docs-silent choices live in assumptions.ts.
 */
import type {EmulatorApp, EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {authenticate, requireScopes} from './auth.js'
import {searchContacts} from './contacts.js'
import {apiError, errorForStatus} from './errors.js'
import {createSegment, deleteSegment, getSegment, listSegments, segmentContacts, updateSegment} from './segments.js'
import {emptyState, loadState, type KibamailState} from './state.js'
import {listTopics} from './topics.js'

export function createKibamailApp(seed?: unknown): EmulatorApp {
  const state: KibamailState = seed === undefined ? emptyState() : loadState(seed)
  return {
    vendor: 'kibamail',
    state,
    snapshot: () => structuredClone(state),
    errorResponse: errorForStatus,
    handle: (req) => route(state, req),
  }
}

/** Each route with the scopes its docs page names ("Required Scope: …"). */
function route(state: KibamailState, req: EmulatorRequest): EmulatorResponse {
  const scopes = authenticate(state, req.headers)
  if (!Array.isArray(scopes)) return scopes
  const parts = req.path.replace(/\/+$/, '').split('/').filter(Boolean)
  const m = req.method
  const guard = (needed: string[], handler: () => EmulatorResponse) => requireScopes(scopes, needed) ?? handler()
  if (parts[0] === 'v1' && parts[1] === 'segments') {
    const [id, sub] = parts.slice(2).map(decodeURIComponent)
    if (!id && m === 'GET') return guard(['read:segments'], () => listSegments(state, req))
    if (!id && m === 'POST') return guard(['write:segments'], () => createSegment(state, req))
    if (id && !sub && m === 'GET') return guard(['read:segments'], () => getSegment(state, id))
    if (id && !sub && m === 'PUT') return guard(['write:segments'], () => updateSegment(state, id, req))
    if (id && !sub && m === 'DELETE') return guard(['write:segments'], () => deleteSegment(state, id))
    if (id && sub === 'contacts' && m === 'GET') return guard(['read:contacts', 'read:segments'], () => segmentContacts(state, id, req))
  }
  if (parts[0] === 'v1' && parts[1] === 'contacts' && parts[2] === 'search' && parts.length === 3 && m === 'POST') {
    return guard(['read:contacts'], () => searchContacts(state, req))
  }
  if (parts[0] === 'v1' && parts[1] === 'topics' && parts.length === 2 && m === 'GET') return guard(['read:topics'], () => listTopics(state, req))
  return apiError(404, 'invalid_request_error', 'ROUTE_NOT_FOUND', `No route for ${m} ${req.path}`)
}

/**
 * Kibamail API emulator (vendors.md §2; seed 001). Paths under /v1, Bearer `kb_…` keys with
 * scopes, the `{error: {type, code, message, requestId, validationErrors}}` envelope, cursor pages,
 * segments newest first, 400 for bad query syntax and 422 for unknown operators and properties.
 * Docs-silent choices live in assumptions.ts.
 */
import type {EmulatorApp, EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {authenticate, requireScopes} from './auth.js'
import {apiError, errorForStatus, ok} from './errors.js'
import {isPage, paginate} from './paging.js'
import {checkConditions} from './rules.js'
import {contactPage, createSegment, deleteSegment, getSegment, listSegments, segmentContacts, updateSegment} from './segments.js'
import {emptyState, known, loadState, type KibamailState} from './state.js'

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

/** POST /v1/contacts/search `{conditions}`: "Test new conditions with /v1/contacts/search before updating". */
function searchContacts(state: KibamailState, req: EmulatorRequest): EmulatorResponse {
  if (req.jsonError) return apiError(400, 'invalid_request_error', 'INVALID_JSON', 'Request body must be valid JSON')
  const conditions = (req.json as {conditions?: unknown} | undefined)?.conditions
  if (conditions === undefined) {
    return apiError(assumptions.validationStatus, 'validation_error', 'VALIDATION_ERROR', 'Validation failed', [{field: 'conditions', code: 'REQUIRED', message: 'conditions is required'}])
  }
  const problems = checkConditions(conditions, known(state))
  if (problems.syntax.length > 0) return apiError(assumptions.syntaxErrorStatus, 'invalid_request_error', 'INVALID_QUERY', 'Invalid query syntax in conditions', problems.syntax)
  if (problems.invalid.length > 0) return apiError(assumptions.validationStatus, 'validation_error', 'VALIDATION_ERROR', 'Validation failed', problems.invalid)
  return contactPage(state, conditions, req.query)
}

/** GET /v1/topics: "Returns all topics in alphabetical order by name", active and archived. */
function listTopics(state: KibamailState, req: EmulatorRequest): EmulatorResponse {
  const sorted = [...state.topics].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  const page = paginate(sorted, req.query)
  if (!isPage(page)) return page
  return ok({object: assumptions.listObject.topics, hasMore: page.hasMore, data: page.data.map((t) => ({object: 'topic', ...t}))})
}

/**
 * Altcraft Platform API emulator (vendors.md §5; seed 004). Every call is
 * `POST /api/v1.1/<method>/` with `token` (and optionally `format: "json"`) in the JSON body;
 * errors are HTTP 200 with `error ≠ 0`, except a request without any token (HTTP 401). Segments
 * and mailings have integer ids and keyset paging (`from_id` / `next_from_id`).
 */
import type {EmulatorApp, EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {getMailing, getMailingStatus, listMailings} from './campaigns.js'
import {ApiError, failure, success} from './errors.js'
import type {Params} from './params.js'
import {addSegment, deleteSegment, getSegment, listSegments, updateSegment, type Answer} from './segments.js'
import {emptyState, loadState, type AltcraftState} from './state.js'

const methods: Record<string, (state: AltcraftState, params: Params) => Answer> = {
  'segments/list': listSegments,
  'segments/get': getSegment,
  'segments/add': addSegment,
  'segments/update': updateSegment,
  [assumptions.deleteMethod]: deleteSegment,
  'campaigns/list': listMailings,
  'campaigns/get': getMailing,
  'campaigns/get_status': getMailingStatus,
}

const WRITES = new Set(['segments/add', 'segments/update', assumptions.deleteMethod])

function apiMethod(path: string): string | undefined {
  // The docs show both `/segments/list/` and `/campaigns/list`: the trailing slash is optional.
  return /^\/api\/v1\.1\/([a-z_]+\/[a-z_]+)\/?$/.exec(path)?.[1]
}

export function createAltcraftApp(seed?: unknown): EmulatorApp {
  const state: AltcraftState = seed === undefined ? emptyState() : loadState(seed)
  return {
    vendor: 'altcraft',
    state,
    snapshot: () => structuredClone(state),
    // Injected statuses and 429s keep the envelope, with the HTTP status as the code.
    errorResponse: (status, message) => failure(status, message, status),
    handle: (req) => route(state, req),
    // Every call is a POST: only the segment writes change state (reads must not rewrite .segsync/).
    mutates: (req) => WRITES.has(apiMethod(req.path) ?? ''),
  }
}

function route(state: AltcraftState, req: EmulatorRequest): EmulatorResponse {
  const c = assumptions.codes
  const method = apiMethod(req.path)
  const handler = method ? methods[method] : undefined
  if (!handler) return failure(assumptions.unknownMethodHttpStatus, `Unknown API method ${req.path}`, assumptions.unknownMethodHttpStatus)
  if (req.method !== 'POST') return failure(assumptions.nonPostHttpStatus, 'Requests are sent by POST method', assumptions.nonPostHttpStatus)
  if (req.jsonError) return failure(c.badRequest, 'Incorrect request: the body is not valid JSON')
  const params = (req.json ?? {}) as Params
  if (typeof params !== 'object' || Array.isArray(params)) return failure(c.badRequest, 'Incorrect request: the body must be a JSON object')
  const token = tokenOf(params, req)
  if (!token) return failure(c.unauthorized, 'API token required', assumptions.missingTokenHttpStatus)
  if (state.apiKeys.length > 0 && !state.apiKeys.includes(token)) return failure(c.unauthorized, 'Invalid API token')
  if (params.format !== undefined && !(assumptions.formats as readonly unknown[]).includes(params.format)) {
    return failure(c.badRequest, `format ${JSON.stringify(params.format)} is not served by this emulator; use "json"`)
  }
  try {
    const answer = handler(state, params)
    return success(answer.data, answer.extra)
  } catch (error) {
    if (error instanceof ApiError) return failure(error.code, error.message)
    throw error
  }
}

function tokenOf(params: Params, req: EmulatorRequest): string | undefined {
  if (typeof params.token === 'string' && params.token !== '') return params.token
  if (!assumptions.acceptBearerHeader) return undefined
  return /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1]
}

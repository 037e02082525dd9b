/**
 * Altcraft Platform API emulator (vendors.md §5; seed 004). Every call is
 * `POST /api/v1.1/<method>/` with `token` (and optionally `format: "json"`) in the JSON body;
 * errors are HTTP 200 with `error ≠ 0`, except a request without any token (HTTP 401). Segments
 * and mailings have integer ids and keyset paging (`from_id` / `next_from_id`).
 */
import type {EmulatorApp, EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {authError} from './auth.js'
import {getMailing, getMailingStatus, listMailings} from './campaigns.js'
import {ApiError, failure, success} from './errors.js'
import type {Params} from './params.js'
import {formatError, readParams} from './requests.js'
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
  const method = apiMethod(req.path)
  const handler = method ? methods[method] : undefined
  if (!handler) return failure(assumptions.unknownMethodHttpStatus, `Unknown API method ${req.path}`, assumptions.unknownMethodHttpStatus)
  if (req.method !== 'POST') return failure(assumptions.nonPostHttpStatus, 'Requests are sent by POST method', assumptions.nonPostHttpStatus)
  const read = readParams(req)
  if ('response' in read) return read.response
  const refused = authError(state, read.params, req) ?? formatError(read.params)
  if (refused) return refused
  try {
    const answer = handler(state, read.params)
    return success(answer.data, answer.extra)
  } catch (error) {
    if (error instanceof ApiError) return failure(error.code, error.message)
    throw error
  }
}

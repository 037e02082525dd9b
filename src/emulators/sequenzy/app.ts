/**
 * Sequenzy API emulator (vendors.md §3; seed 002). Paths under /api/v1, Bearer auth, the
 * per-field operator table, 409 SEGMENT_NAME_ALREADY_EXISTS, both `filters` and `root` in
 * responses, exactly one of them on write, campaigns (offset pages) and sequences.
 */
import type {EmulatorApp, EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {authError} from './auth.js'
import {getCampaign, getSequence, listCampaigns, listSequences} from './campaigns.js'
import {error} from './errors.js'
import {countSegment, createSegment, deleteSegment, getSegment, listSegments, updateSegment} from './segments.js'
import {emptyState, loadState, type SequenzyState} from './state.js'

export function createSequenzyApp(seed?: unknown): EmulatorApp {
  const state: SequenzyState = seed === undefined ? emptyState() : loadState(seed)
  const app: EmulatorApp = {
    vendor: 'sequenzy',
    state,
    snapshot: () => structuredClone(state),
    errorResponse: error,
    handle: (req) => route(state, req),
  }
  return app
}

function route(state: SequenzyState, req: EmulatorRequest): EmulatorResponse {
  const refused = authError(state, req)
  if (refused) return refused
  const parts = req.path.replace(/\/+$/, '').split('/').filter(Boolean)
  if (parts[0] !== 'api' || parts[1] !== 'v1') return error(404, `No route for ${req.method} ${req.path}`)
  const [resource, id, sub] = parts.slice(2)
  const m = req.method
  if (resource === 'segments') {
    if (!id && m === 'GET') return listSegments(state)
    if (!id && m === 'POST') return createSegment(state, req)
    if (id && sub === 'count' && m === 'GET') return countSegment(state, id)
    if (id && !sub && m === 'GET' && assumptions.serveGetOne) return getSegment(state, id)
    if (id && !sub && m === 'PATCH') return updateSegment(state, id, req)
    if (id && !sub && m === 'DELETE') return deleteSegment(state, id)
  }
  if (resource === 'campaigns' && m === 'GET') return id ? getCampaign(state, id) : listCampaigns(state, req)
  if (resource === 'sequences' && m === 'GET') return id ? getSequence(state, id) : listSequences(state)
  return error(404, `No route for ${m} ${req.path}`)
}

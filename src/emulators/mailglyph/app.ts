/**
 * MailGlyph API emulator (vendors.md §1; seed 000). Segment and campaign paths have no `/v1`
 * prefix; `Authorization: Bearer sk_…`; segments come back as raw objects (the list as a bare
 * array), create answers 201 and delete 204; errors are `{code, error, message, time}`.
 */
import type {EmulatorApp, EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions as defaults, type MailGlyphAssumptions} from './assumptions.js'
import {authProblem} from './auth.js'
import {getCampaign, listCampaigns} from './campaigns.js'
import {error} from './errors.js'
import {createSegment, deleteSegment, getSegment, listSegments, present, updateSegment} from './segments.js'
import {emptyState, loadState, type MailGlyphState} from './state.js'

export function createMailGlyphApp(seed?: unknown, overrides: Partial<MailGlyphAssumptions> = {}): EmulatorApp {
  const state: MailGlyphState = seed === undefined ? emptyState() : loadState(seed)
  const rules: MailGlyphAssumptions = {...defaults, ...overrides}
  return {
    vendor: 'mailglyph',
    state,
    snapshot: () => structuredClone(state),
    errorResponse: (status, message) => error(rules, status, message),
    handle: (req) => route(state, rules, req),
  }
}

function route(state: MailGlyphState, rules: MailGlyphAssumptions, req: EmulatorRequest): EmulatorResponse {
  const fail = (status: number, message: string) => error(rules, status, message)
  const denied = authProblem(state, String(req.headers.authorization ?? ''))
  if (denied) return fail(401, denied)
  const [resource, id, ...rest] = req.path.replace(/\/+$/, '').split('/').filter(Boolean)
  const m = req.method
  if (resource === 'segments' && rest.length === 0) {
    if (!id && m === 'GET') return listSegments(state, rules)
    if (!id && m === 'POST') return createSegment(state, rules, req)
    if (id && m === 'GET') return getSegment(state, id, fail)
    if (id && m === 'PATCH') return updateSegment(state, rules, id, req)
    if (id && m === 'DELETE') return deleteSegment(state, rules, id)
  }
  if (resource === 'campaigns' && rest.length === 0 && m === 'GET') {
    return id ? getCampaign(state, rules, id, fail, present) : listCampaigns(state, req, rules, fail)
  }
  return fail(404, `Cannot ${m} ${req.path}`)
}

/**
 * MailGlyph API emulator (vendors.md §1; seed 000). Segment and campaign paths have no `/v1`
 * prefix; `Authorization: Bearer sk_…`; segments come back as raw objects (the list as a bare
 * array), create answers 201 and delete 204; errors are `{code, error, message, time}`.
 */
import {randomUUID} from 'node:crypto'
import type {EmulatorApp, EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions as defaults, type MailGlyphAssumptions} from './assumptions.js'
import {campaignsUsing, getCampaign, listCampaigns} from './campaigns.js'
import {MEMBERSHIP_OPERATORS, PUBLISHED_OPERATORS, segmentBodyError, type BodyRules} from './requests.js'
import {conditionProblem} from './rules.js'
import {emptyState, loadState, type Condition, type MailGlyphState, type StoredSegment} from './state.js'

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
    if (!id && m === 'GET') return ok(ordered(state, rules).map(present))
    if (!id && m === 'POST') return createSegment(state, rules, req)
    if (id && m === 'GET') return withSegment(state, id, fail, (s) => ok(present(s)))
    if (id && m === 'PATCH') return updateSegment(state, rules, id, req)
    if (id && m === 'DELETE') return deleteSegment(state, rules, id)
  }
  if (resource === 'campaigns' && rest.length === 0 && m === 'GET') {
    return id ? getCampaign(state, id, fail, present) : listCampaigns(state, req, rules, fail)
  }
  return fail(404, `Cannot ${m} ${req.path}`)
}

/** "Secret keys (sk_*) are required for all endpoints except /v1/track" (OpenAPI securitySchemes). */
function authProblem(state: MailGlyphState, header: string): string | undefined {
  const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
  if (!key) return 'Missing API key: send Authorization: Bearer sk_…'
  if (key.startsWith('pk_')) return 'Public keys (pk_*) only work with /v1/track; use a secret key (sk_*)'
  if (!key.startsWith('sk_') || (state.apiKeys.length > 0 && !state.apiKeys.includes(key))) return 'Invalid API key'
  return undefined
}

function createSegment(state: MailGlyphState, rules: MailGlyphAssumptions, req: EmulatorRequest): EmulatorResponse {
  const parsed = objectBody(req, rules)
  if ('response' in parsed) return parsed.response
  const body = parsed.body
  const problem = segmentBodyError(body, bodyRules(rules), 'create') ?? semanticProblem(state, rules, body.condition as Condition, undefined)
  if (problem) return error(rules, 400, problem)
  if (rules.uniqueNames && state.segments.some((s) => s.name === body.name)) return error(rules, 409, `A segment named "${String(body.name)}" already exists`)
  const now = new Date().toISOString()
  const segment: StoredSegment = {
    id: randomUUID(),
    name: body.name as string,
    description: (body.description as string | undefined) ?? null,
    type: 'DYNAMIC',
    condition: body.condition as Condition,
    trackMembership: (body.trackMembership as boolean | undefined) ?? false,
    memberCount: rules.newMemberCount,
    projectId: state.projectId,
    createdAt: now,
    updatedAt: now,
  }
  state.segments.push(segment)
  return {status: 201, body: present(segment)}
}

function updateSegment(state: MailGlyphState, rules: MailGlyphAssumptions, id: string, req: EmulatorRequest): EmulatorResponse {
  const parsed = objectBody(req, rules)
  if ('response' in parsed) return parsed.response
  const body = parsed.body
  return withSegment(state, id, (status, message) => error(rules, status, message), (segment) => {
    const takesCondition = body.condition !== undefined && !(segment.type === 'STATIC' && rules.staticIgnoresCondition)
    const problem = segmentBodyError(body, bodyRules(rules), 'update') ?? (takesCondition ? semanticProblem(state, rules, body.condition as Condition, id) : undefined)
    if (problem) return error(rules, 400, problem)
    if (rules.uniqueNames && typeof body.name === 'string' && state.segments.some((s) => s.name === body.name && s.id !== id)) {
      return error(rules, 409, `A segment named "${body.name}" already exists`)
    }
    if (body.name !== undefined) segment.name = body.name as string
    if (body.description !== undefined) segment.description = body.description as string
    if (takesCondition) segment.condition = body.condition as Condition
    if (body.trackMembership !== undefined) segment.trackMembership = body.trackMembership as boolean
    segment.updatedAt = new Date().toISOString()
    return ok(present(segment))
  })
}

function deleteSegment(state: MailGlyphState, rules: MailGlyphAssumptions, id: string): EmulatorResponse {
  return withSegment(state, id, (status, message) => error(rules, status, message), (segment) => {
    const users = campaignsUsing(state, segment.id, rules.deleteBlockedByCampaignStatuses)
    if (users.length > 0) {
      return error(rules, 409, `Cannot delete segment: it is currently used in ${users.length} active campaign(s). Remove it from campaigns first or wait for them to complete.`)
    }
    state.segments = state.segments.filter((s) => s !== segment)
    return {status: 204}
  })
}

function semanticProblem(state: MailGlyphState, rules: MailGlyphAssumptions, condition: Condition, self: string | undefined): string | undefined {
  return conditionProblem(condition, {checkFields: rules.checkFieldOperators, segmentExists: (ref) => ref !== self && state.segments.some((s) => s.id === ref)})
}

function bodyRules(rules: MailGlyphAssumptions): BodyRules {
  return {
    prefix: rules.validationPrefix,
    operators: rules.acceptMembershipOperators ? [...PUBLISHED_OPERATORS, ...MEMBERSHIP_OPERATORS] : PUBLISHED_OPERATORS,
    nameMaxLength: rules.nameMaxLength,
    descriptionMaxLength: rules.descriptionMaxLength,
  }
}

function ordered(state: MailGlyphState, rules: MailGlyphAssumptions): StoredSegment[] {
  if (!rules.listNewestFirst) return state.segments
  // Newest first; among equal timestamps the later-stored one is newer.
  return state.segments.map((s, i) => ({s, i})).sort((a, b) => b.s.createdAt.localeCompare(a.s.createdAt) || b.i - a.i).map(({s}) => s)
}

/** The OpenAPI `Segment` object. */
function present(s: StoredSegment) {
  return {...s}
}

function withSegment(state: MailGlyphState, id: string, fail: (status: number, message: string) => EmulatorResponse, fn: (s: StoredSegment) => EmulatorResponse): EmulatorResponse {
  const segment = state.segments.find((s) => s.id === id)
  return segment ? fn(segment) : fail(404, 'Segment not found')
}

function objectBody(req: EmulatorRequest, rules: MailGlyphAssumptions): {body: Record<string, unknown>} | {response: EmulatorResponse} {
  if (req.jsonError) return {response: error(rules, 400, 'Request body is not valid JSON')}
  if (!req.json || typeof req.json !== 'object' || Array.isArray(req.json)) return {response: error(rules, 400, `${rules.validationPrefix}/body must be object`)}
  return {body: req.json as Record<string, unknown>}
}

function ok(body: unknown): EmulatorResponse {
  return {status: 200, body}
}

/** OpenAPI `Error`: `{code, error, message, time}` (vendors.md §1.4). */
function error(rules: MailGlyphAssumptions, status: number, message: string): EmulatorResponse {
  return {status, body: {code: status, error: rules.errorType(status), message, time: Date.now()}}
}

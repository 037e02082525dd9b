/**
 * /segments (vendors.md §1.3): list (a bare array, newest first), get, create (201), PATCH (a
 * STATIC segment ignores `condition`), delete (204; 409 while a campaign in
 * assumptions.deleteBlockedByCampaignStatuses targets the segment). Every answer carries the
 * `memberCount` contacts.ts counts over the emulator's contacts.
 */
import {randomUUID} from 'node:crypto'
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import type {MailGlyphAssumptions} from './assumptions.js'
import {campaignsUsing} from './campaigns.js'
import {refreshCounts} from './contacts.js'
import {error, ok} from './errors.js'
import {bodyRules, objectBody, segmentBodyError} from './requests.js'
import {conditionProblem} from './rules.js'
import type {Condition, MailGlyphState, StoredSegment} from './state.js'

type Fail = (status: number, message: string) => EmulatorResponse

export function listSegments(state: MailGlyphState, rules: MailGlyphAssumptions): EmulatorResponse {
  refreshCounts(state)
  return ok(ordered(state, rules).map(present))
}

export function getSegment(state: MailGlyphState, id: string, fail: Fail): EmulatorResponse {
  return withSegment(state, id, fail, (s) => {
    refreshCounts(state, new Date(), [s])
    return ok(present(s))
  })
}

export function createSegment(state: MailGlyphState, rules: MailGlyphAssumptions, req: EmulatorRequest): EmulatorResponse {
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
    memberCount: 0,
    projectId: state.projectId,
    createdAt: now,
    updatedAt: now,
  }
  state.segments.push(segment)
  refreshCounts(state, new Date(), [segment])
  return {status: 201, body: present(segment)}
}

export function updateSegment(state: MailGlyphState, rules: MailGlyphAssumptions, id: string, req: EmulatorRequest): EmulatorResponse {
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
    refreshCounts(state, new Date(), [segment])
    return ok(present(segment))
  })
}

export function deleteSegment(state: MailGlyphState, rules: MailGlyphAssumptions, id: string): EmulatorResponse {
  return withSegment(state, id, (status, message) => error(rules, status, message), (segment) => {
    const users = campaignsUsing(state, segment.id, rules.deleteBlockedByCampaignStatuses)
    if (users.length > 0) {
      return error(rules, 409, `Cannot delete segment: it is currently used in ${users.length} active campaign(s). Remove it from campaigns first or wait for them to complete.`)
    }
    state.segments = state.segments.filter((s) => s !== segment)
    return {status: 204}
  })
}

/** The OpenAPI `Segment` object (a STATIC segment's member list stays inside the emulator). */
export function present(s: StoredSegment) {
  const {members: _members, ...segment} = s
  return segment
}

function semanticProblem(state: MailGlyphState, rules: MailGlyphAssumptions, condition: Condition, self: string | undefined): string | undefined {
  return conditionProblem(condition, {checkFields: rules.checkFieldOperators, segmentExists: (ref) => ref !== self && state.segments.some((s) => s.id === ref)})
}

function ordered(state: MailGlyphState, rules: MailGlyphAssumptions): StoredSegment[] {
  if (!rules.listNewestFirst) return state.segments
  // Newest first; among equal timestamps the later-stored one is newer.
  return state.segments.map((s, i) => ({s, i})).sort((a, b) => b.s.createdAt.localeCompare(a.s.createdAt) || b.i - a.i).map(({s}) => s)
}

function withSegment(state: MailGlyphState, id: string, fail: Fail, fn: (s: StoredSegment) => EmulatorResponse): EmulatorResponse {
  const segment = state.segments.find((s) => s.id === id)
  return segment ? fn(segment) : fail(404, 'Segment not found')
}

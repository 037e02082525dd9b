/**
 * Sequenzy API emulator (vendors.md §3; seed 002). Paths under /api/v1, Bearer auth, the
 * per-field operator table, 409 SEGMENT_NAME_ALREADY_EXISTS, both `filters` and `root` in
 * responses, exactly one of them on write, campaigns (offset pages) and sequences.
 */
import type {EmulatorApp, EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {leafError, type Leaf} from './filter-rules.js'
import {emptyState, legacyRoot, loadState, newId, withIds, type SequenzyState, type StoredGroup, type StoredLeaf, type StoredSegment} from './state.js'

const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sent', 'sending', 'cancelled', 'paused', 'waiting_approval', 'rejected']
const DOCS = 'https://docs.sequenzy.com/api-reference/segments/create'

export function createSequenzyApp(seed?: unknown): EmulatorApp {
  const state: SequenzyState = seed === undefined ? emptyState() : loadState(seed)
  const app: EmulatorApp = {
    vendor: 'sequenzy',
    state,
    snapshot: () => structuredClone(state),
    errorResponse: (status, message) => ({status, body: {success: false, error: message}}),
    handle: (req) => route(state, req),
  }
  return app
}

function route(state: SequenzyState, req: EmulatorRequest): EmulatorResponse {
  const auth = String(req.headers.authorization ?? '')
  const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1]
  if (!token || (state.apiKeys.length > 0 && !state.apiKeys.includes(token))) {
    return error(401, 'Invalid or missing API key. Send Authorization: Bearer YOUR_API_KEY.')
  }
  const parts = req.path.replace(/\/+$/, '').split('/').filter(Boolean)
  if (parts[0] !== 'api' || parts[1] !== 'v1') return error(404, `No route for ${req.method} ${req.path}`)
  const [resource, id, sub] = parts.slice(2)
  const m = req.method
  if (resource === 'segments') {
    if (!id && m === 'GET') return ok({success: true, segments: state.segments.map(present)})
    if (!id && m === 'POST') return createSegment(state, req)
    if (id && sub === 'count' && m === 'GET') return countSegment(state, id)
    if (id && !sub && m === 'GET' && assumptions.serveGetOne) return withSegment(state, id, (s) => ok({success: true, segment: present(s)}))
    if (id && !sub && m === 'PATCH') return updateSegment(state, id, req)
    if (id && !sub && m === 'DELETE') return deleteSegment(state, id)
  }
  if (resource === 'campaigns' && m === 'GET') return id ? getCampaign(state, id) : listCampaigns(state, req)
  if (resource === 'sequences' && m === 'GET') return id ? getSequence(state, id) : listSequences(state)
  return error(404, `No route for ${m} ${req.path}`)
}

function createSegment(state: SequenzyState, req: EmulatorRequest): EmulatorResponse {
  const body = objectBody(req)
  if (body instanceof Fail) return body.response
  if (typeof body.name !== 'string' || body.name.trim() === '') return error(400, 'name is required')
  const root = rulesFrom(state, body, true)
  if (root instanceof Fail) return root.response
  if (state.segments.some((s) => s.name === body.name)) return nameTaken(body.name)
  const now = new Date().toISOString()
  const segment: StoredSegment = {id: newId('seg'), name: body.name, root: withIds(root, 'root'), createdAt: now, updatedAt: now}
  state.segments.push(segment)
  return {status: assumptions.createStatus, body: {success: true, segment: present(segment)}}
}

function updateSegment(state: SequenzyState, id: string, req: EmulatorRequest): EmulatorResponse {
  const body = objectBody(req)
  if (body instanceof Fail) return body.response
  return withSegment(state, id, (segment) => {
    if (body.name !== undefined) {
      if (typeof body.name !== 'string' || body.name.trim() === '') return error(400, 'name must be a non-empty string')
      if (state.segments.some((s) => s.name === body.name && s.id !== id)) return nameTaken(body.name)
    }
    let root: StoredGroup | undefined
    if (body.filters !== undefined || body.root !== undefined) {
      const parsed = rulesFrom(state, body, false)
      if (parsed instanceof Fail) return parsed.response
      root = parsed
    }
    if (typeof body.name === 'string') segment.name = body.name
    // "providing filters or root replaces the segment's existing rules" (Sequenzy MCP).
    if (root) segment.root = withIds(root, 'root')
    segment.updatedAt = new Date().toISOString()
    return ok({success: true, segment: present(segment)})
  })
}

function deleteSegment(state: SequenzyState, id: string): EmulatorResponse {
  return withSegment(state, id, (segment) => {
    state.segments = state.segments.filter((s) => s !== segment)
    return ok(assumptions.deleteBody(id))
  })
}

function countSegment(state: SequenzyState, id: string): EmulatorResponse {
  return withSegment(state, id, (s) => ok({count: state.counts[s.id] ?? 0, segmentId: s.id}))
}

/** "You must provide exactly one of filters or root, and it must contain at least one filter." */
function rulesFrom(state: SequenzyState, body: Record<string, unknown>, required: boolean): StoredGroup | Fail {
  const fail = (message: string) => new Fail(error(400, message))
  const hasFilters = body.filters !== undefined
  const hasRoot = body.root !== undefined
  if (hasFilters && hasRoot) return fail('You can send either legacy filters or a nested root, not both.')
  if (!hasFilters && !hasRoot) {
    return fail(required ? 'You must provide exactly one of filters or root, and it must contain at least one filter.' : 'Nothing to update.')
  }
  let root: StoredGroup
  if (hasFilters) {
    if (!Array.isArray(body.filters)) return fail('filters must be an array')
    if (body.filterJoinOperator !== undefined && body.filterJoinOperator !== 'and' && body.filterJoinOperator !== 'or') {
      return fail('filterJoinOperator must be "and" or "or"')
    }
    root = legacyRoot(body.filters, body.filterJoinOperator)
  } else {
    root = body.root as StoredGroup
  }
  const problem = checkGroup(root, '(root)', (id) => state.segments.some((s) => s.id === id))
  if (problem) return fail(problem)
  if (countLeaves(root) === 0) return fail('You must provide exactly one of filters or root, and it must contain at least one filter.')
  return root
}

function checkGroup(node: unknown, where: string, segmentExists: (id: string) => boolean): string | undefined {
  const g = node as Partial<StoredGroup>
  if (!g || typeof g !== 'object' || g.kind !== 'group') return `${where}: a group must have kind "group"`
  if (g.joinOperator !== 'and' && g.joinOperator !== 'or') return `${where}: joinOperator must be "and" or "or"`
  if (!Array.isArray(g.children) || g.children.length === 0) return `${where}: a group needs at least one child`
  for (const child of g.children) {
    if ((child as {kind?: string}).kind === 'group') {
      const inner = checkGroup(child, `${where} > group`, segmentExists)
      if (inner) return inner
    } else if ((child as {kind?: string}).kind === 'filter') {
      const leafProblem = leafError(child as Leaf, assumptions.rejectUnknownSegmentReference ? segmentExists : () => true)
      if (leafProblem) return leafProblem
    } else {
      return `${where}: each child must have kind "group" or "filter"`
    }
  }
  return undefined
}

function countLeaves(g: StoredGroup): number {
  return g.children.reduce((n, c) => n + (c.kind === 'group' ? countLeaves(c) : 1), 0)
}

/** The response shape: both the legacy `filters` and the v2 `root` (seed 002 response). */
function present(s: StoredSegment) {
  const leaves = s.root.children.filter((c): c is StoredLeaf => c.kind === 'filter')
  return {
    id: s.id,
    name: s.name,
    filters: leaves.map(({kind: _kind, ...leaf}) => leaf),
    filterJoinOperator: s.root.joinOperator,
    format: 'v2',
    root: s.root,
  }
}

function listCampaigns(state: SequenzyState, req: EmulatorRequest): EmulatorResponse {
  const status = req.query.get('status')
  if (status !== null && !CAMPAIGN_STATUSES.includes(status)) {
    return error(400, `Invalid status filter. Valid values: ${CAMPAIGN_STATUSES.join(', ')}`)
  }
  const label = req.query.get('label')
  // "The default page size is 50, and limit is capped at 100."
  const limit = Math.min(100, Math.max(1, Number(req.query.get('limit') ?? 50) || 50))
  const offset = Math.max(0, Number(req.query.get('offset') ?? 0) || 0)
  const matching = state.campaigns.filter((c) => (status === null || c.status === status) && (label === null || (c.labels ?? []).includes(label)))
  const page = matching.slice(offset, offset + limit)
  return ok({
    success: true,
    // List items do not include targeting (vendors.md §3.7).
    campaigns: page.map(({targetLists: _t, ...c}) => ({labels: [], scheduledAt: null, sentAt: null, ...c, url: `https://app.sequenzy.com/campaigns/${c.id}`})),
    pagination: {limit, offset, count: page.length, total: matching.length, hasMore: offset + page.length < matching.length},
  })
}

function getCampaign(state: SequenzyState, id: string): EmulatorResponse {
  const c = state.campaigns.find((x) => x.id === id)
  return c ? ok({success: true, campaign: {targetLists: null, ...c}}) : error(404, 'Campaign not found')
}

function listSequences(state: SequenzyState): EmulatorResponse {
  return ok({
    success: true,
    sequences: state.sequences.map((s) => (assumptions.sequenceListHasTrigger ? s : {id: s.id, name: s.name, status: s.status, effectiveStatus: s.effectiveStatus})),
  })
}

function getSequence(state: SequenzyState, id: string): EmulatorResponse {
  const s = state.sequences.find((x) => x.id === id)
  return s ? ok({success: true, sequence: s}) : error(404, 'Sequence not found')
}

function withSegment(state: SequenzyState, id: string, fn: (s: StoredSegment) => EmulatorResponse): EmulatorResponse {
  const segment = state.segments.find((s) => s.id === id)
  return segment ? fn(segment) : error(404, 'Segment not found')
}

/** A request that already failed, carrying the response to send. */
class Fail {
  constructor(readonly response: EmulatorResponse) {}
}

function objectBody(req: EmulatorRequest): Record<string, unknown> | Fail {
  if (req.jsonError) return new Fail(error(400, 'Request body must be valid JSON'))
  if (!req.json || typeof req.json !== 'object' || Array.isArray(req.json)) return new Fail(error(400, 'Request body must be a JSON object'))
  return req.json as Record<string, unknown>
}

function nameTaken(name: string): EmulatorResponse {
  return {
    status: 409,
    body: {success: false, error: `A saved segment named "${name}" already exists in this company.`, code: 'SEGMENT_NAME_ALREADY_EXISTS', docsUrl: DOCS},
  }
}

function ok(body: unknown): EmulatorResponse {
  return {status: 200, body}
}

function error(status: number, message: string): EmulatorResponse {
  return {status, body: {success: false, error: message}}
}

/**
 * `GET /v1/segments` (vendors.md §4.3): query `id?` ("If provided - returns single list element"),
 * `name?`, `page` (positive int), `limit` ("Default: 50. Max: 100"). Answers a bare JSON array of
 * `{id, name, description, constraints, updatedAt, createdAt}`.
 */
import type {EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import type {Push0State, StoredSegment} from './state.js'

export function listSegments(state: Push0State, query: URLSearchParams): EmulatorResponse {
  const id = query.get('id')
  if (id !== null) {
    const one = state.segments.find((s) => s.id === id)
    return {status: 200, body: one ? [present(one)] : []}
  }
  const page = positiveInt(query.get('page'), assumptions.firstPage)
  if (page === undefined) return {status: 400, body: assumptions.errorBody('page must be a positive integer')}
  const limit = positiveInt(query.get('limit'), assumptions.defaultLimit)
  if (limit === undefined || limit > assumptions.maxLimit) return {status: 400, body: assumptions.errorBody(`limit must be between 1 and ${assumptions.maxLimit}`)}
  const name = query.get('name')
  const matching = name === null ? state.segments : state.segments.filter((s) => s.name === name)
  const start = (page - assumptions.firstPage) * limit
  return {status: 200, body: matching.slice(start, start + limit).map(present)}
}

/** The segment as the list shows it. */
export function present(s: StoredSegment) {
  return {id: s.id, name: s.name, description: s.description, constraints: s.constraints, updatedAt: s.updatedAt, createdAt: s.createdAt}
}

function positiveInt(raw: string | null, fallback: number): number | undefined {
  if (raw === null) return fallback
  return /^[1-9]\d*$/.test(raw) ? Number(raw) : undefined
}

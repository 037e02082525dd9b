/**
 * Page-number pages, as Push0's segment list takes them (vendors.md §4.3): `page` (positive int,
 * from assumptions.firstPage) and `limit` ("Default: 50. Max: 100"). Out of range is a 400, not
 * clamped (assumptions).
 */
import type {EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'

/** One page of `items` (already filtered, in list order), or the 400 to answer. */
export function paginate<T>(items: T[], query: URLSearchParams): T[] | EmulatorResponse {
  const page = positiveInt(query.get('page'), assumptions.firstPage)
  if (page === undefined) return {status: 400, body: assumptions.errorBody('page must be a positive integer')}
  const limit = positiveInt(query.get('limit'), assumptions.defaultLimit)
  if (limit === undefined || limit > assumptions.maxLimit) return {status: 400, body: assumptions.errorBody(`limit must be between 1 and ${assumptions.maxLimit}`)}
  const start = (page - assumptions.firstPage) * limit
  return items.slice(start, start + limit)
}

function positiveInt(raw: string | null, fallback: number): number | undefined {
  if (raw === null) return fallback
  return /^[1-9]\d*$/.test(raw) ? Number(raw) : undefined
}

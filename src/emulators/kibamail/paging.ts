/**
 * Cursor pagination as Kibamail documents it (vendors.md §2.4): "`limit`: Number of items (1-100,
 * default 20)", "`after`: Cursor for next page (ID of last item)", "`before`: Cursor for previous
 * page", and `hasMore` in the body.
 */
import type {EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {apiError} from './errors.js'

export interface Page<T> {
  data: T[]
  hasMore: boolean
}

/** One page of `items` (already in the list's order), or the error to answer. */
export function paginate<T extends {id: string}>(items: T[], query: URLSearchParams): Page<T> | EmulatorResponse {
  const rawLimit = query.get('limit')
  const limit = rawLimit === null ? 20 : Number(rawLimit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return apiError(assumptions.limitErrorStatus, 'validation_error', 'VALIDATION_ERROR', 'Invalid query parameters', [{field: 'limit', code: 'OUT_OF_RANGE', message: 'limit must be an integer from 1 to 100'}])
  }
  const after = query.get('after')
  const before = query.get('before')
  if (after !== null && before !== null) return cursorError('Use either after or before, not both')
  if (after !== null) {
    const at = items.findIndex((item) => item.id === after)
    if (at < 0) return cursorError(`Unknown cursor: ${after}`)
    return {data: items.slice(at + 1, at + 1 + limit), hasMore: at + 1 + limit < items.length}
  }
  if (before !== null) {
    const at = items.findIndex((item) => item.id === before)
    if (at < 0) return cursorError(`Unknown cursor: ${before}`)
    return {data: items.slice(Math.max(0, at - limit), at), hasMore: at - limit > 0}
  }
  return {data: items.slice(0, limit), hasMore: limit < items.length}
}

export function isPage<T>(value: Page<T> | EmulatorResponse): value is Page<T> {
  return 'data' in value && 'hasMore' in value
}

function cursorError(message: string): EmulatorResponse {
  return apiError(assumptions.cursorErrorStatus, 'invalid_request_error', 'INVALID_CURSOR', message)
}

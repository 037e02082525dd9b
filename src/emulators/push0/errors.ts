/**
 * Push0's error answers (vendors.md §4.2): the documented statuses, with the body
 * assumptions.errorBody chooses (no body shape is documented).
 */
import type {EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'

/** The documented status titles (vendors.md §4.2), used when a fault or the rate limiter answers. */
const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  408: 'Timeout',
  429: 'Too many requests in given period of time',
  500: 'Internal Server Error',
}

/** EmulatorApp.errorResponse: a bare status from the shared server (faults, rate limiting). */
export function errorResponse(status: number, message: string): EmulatorResponse {
  return error(status, status === 429 ? TITLES[429]! : message || TITLES[status] || 'Error')
}

export function error(status: number, message: string): EmulatorResponse {
  return {status, body: assumptions.errorBody(message)}
}

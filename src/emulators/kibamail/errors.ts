/**
 * Kibamail's error envelope (vendors.md §2.4): `{error: {type, code, message, requestId: "req_…",
 * validationErrors?: [{field, code, message}]}}`, with CAPITAL_CASE codes.
 */
import {randomBytes} from 'node:crypto'
import type {EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'

export type ErrorType = 'authentication_error' | 'invalid_request_error' | 'validation_error' | 'rate_limit_error' | 'api_error'

export interface ValidationIssue {
  field: string
  code: string
  message: string
}

export function apiError(status: number, type: ErrorType, code: string, message: string, validationErrors?: ValidationIssue[]): EmulatorResponse {
  return {
    status,
    body: {error: {type, code, message, requestId: `req_${randomBytes(9).toString('hex')}`, ...(validationErrors ? {validationErrors} : {})}},
  }
}

/** The envelope for a bare status (rate limiting and injected faults in the shared server). */
export function errorForStatus(status: number, message: string): EmulatorResponse {
  if (status === 429) return apiError(status, 'rate_limit_error', assumptions.rateLimitCode, message)
  if (status === 401 || status === 403) return apiError(status, 'authentication_error', assumptions.invalidKeyCode, message)
  if (status === 404) return apiError(status, 'invalid_request_error', 'NOT_FOUND', message)
  if (status === 422) return apiError(status, 'validation_error', 'VALIDATION_ERROR', message)
  if (status >= 400 && status < 500) return apiError(status, 'invalid_request_error', 'BAD_REQUEST', message)
  return apiError(status, 'api_error', 'INTERNAL_ERROR', message)
}

export function notFound(resource: string, id: string): EmulatorResponse {
  return apiError(404, 'invalid_request_error', assumptions.notFoundCode(resource), `${resource[0]!.toUpperCase()}${resource.slice(1)} ${id} not found`)
}

export function ok(body: unknown, status = 200): EmulatorResponse {
  return {status, body}
}

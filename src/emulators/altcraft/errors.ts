/**
 * Altcraft's response envelope (vendors.md §5.2): `{data, error: 0, error_text: "Successful
 * operation"}` on success, `{error: <code>, error_text}` on failure, both with HTTP 200.
 */
import type {EmulatorResponse} from '../shared/server.js'

/** An API error: answered as HTTP 200 with `error: code`. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}

export function success(data: unknown, extra: Record<string, unknown> = {}): EmulatorResponse {
  return {status: 200, body: {...(data !== undefined ? {data} : {}), error: 0, error_text: 'Successful operation', ...extra}}
}

export function failure(code: number, message: string, httpStatus = 200): EmulatorResponse {
  return {status: httpStatus, body: {error: code, error_text: message}}
}

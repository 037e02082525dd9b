/**
 * MailGlyph's answers: errors are the OpenAPI `Error` object `{code, error, message, time}`
 * (vendors.md §1.4), with `error` worded by assumptions.errorType.
 */
import type {EmulatorResponse} from '../shared/server.js'
import type {MailGlyphAssumptions} from './assumptions.js'

export function ok(body: unknown): EmulatorResponse {
  return {status: 200, body}
}

/** OpenAPI `Error`: `{code, error, message, time}` (vendors.md §1.4). */
export function error(rules: MailGlyphAssumptions, status: number, message: string): EmulatorResponse {
  return {status, body: {code: status, error: rules.errorType(status), message, time: Date.now()}}
}

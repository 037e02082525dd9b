/**
 * What Push0 requires of a request before reading it (vendors.md §4.2, §4.3): the
 * `Content-Type: application/json` header on every request, and a JSON object as a write's body.
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {error} from './errors.js'

/** "400 Bad request Missing Content-Typ[e]: application/json" — on every request, GETs included. */
export function contentTypeError(req: EmulatorRequest): EmulatorResponse | undefined {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  return type === 'application/json' ? undefined : error(400, 'Missing Content-Type: application/json')
}

export function objectBody(req: EmulatorRequest): Record<string, unknown> | string {
  if (req.jsonError) return 'Request body must be valid JSON'
  if (!req.json || typeof req.json !== 'object' || Array.isArray(req.json)) return 'Request body must be a JSON object'
  return req.json as Record<string, unknown>
}

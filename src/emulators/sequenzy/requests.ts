/**
 * What every Sequenzy write body must be before its fields are read: valid JSON, and an object.
 */
import type {EmulatorRequest} from '../shared/server.js'
import {error, Fail} from './errors.js'

export function objectBody(req: EmulatorRequest): Record<string, unknown> | Fail {
  if (req.jsonError) return new Fail(error(400, 'Request body must be valid JSON'))
  if (!req.json || typeof req.json !== 'object' || Array.isArray(req.json)) return new Fail(error(400, 'Request body must be a JSON object'))
  return req.json as Record<string, unknown>
}

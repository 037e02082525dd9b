/**
 * The bodies of POST and PUT /v1/segments (vendors.md §2.3): `CreateSegmentRequest` (`name` 1–100
 * characters and `conditions` required, `description` string|null up to 500) and
 * `UpdateSegmentRequest` (the same fields, all optional). `conditions` is checked by rules.ts.
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {apiError, type ValidationIssue} from './errors.js'
import {checkConditions} from './rules.js'
import {known, type KibamailState} from './state.js'

/**
 * The fields of a create (everything required) or an update (everything optional), or the error:
 * 400 for a body that is not JSON or conditions in no known syntax, 422 for the rest. `id` is the
 * segment being updated (undefined on create).
 */
export function checkBody(state: KibamailState, req: EmulatorRequest, id?: string): {fields: Record<string, unknown>} | EmulatorResponse {
  const create = id === undefined
  if (req.jsonError) return apiError(400, 'invalid_request_error', 'INVALID_JSON', 'Request body must be valid JSON')
  const raw = req.json
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return apiError(400, 'invalid_request_error', 'INVALID_REQUEST', 'Request body must be a JSON object')
  const b = raw as Record<string, unknown>
  const issues: ValidationIssue[] = []
  if (b.name !== undefined || create) {
    if (typeof b.name !== 'string') issues.push({field: 'name', code: b.name === undefined ? 'REQUIRED' : 'INVALID_TYPE', message: 'name must be a string of 1-100 characters'})
    else if (b.name.length < 1 || b.name.length > 100) issues.push({field: 'name', code: 'INVALID_LENGTH', message: 'name must be 1-100 characters'})
  }
  if (b.description !== undefined && b.description !== null) {
    if (typeof b.description !== 'string') issues.push({field: 'description', code: 'INVALID_TYPE', message: 'description must be a string or null'})
    else if (b.description.length > 500) issues.push({field: 'description', code: 'INVALID_LENGTH', message: 'description must be at most 500 characters'})
  }
  if (b.conditions === undefined && create) issues.push({field: 'conditions', code: 'REQUIRED', message: 'conditions is required'})
  if (b.conditions !== undefined) {
    const problems = checkConditions(b.conditions, known(state))
    if (problems.syntax.length > 0) return apiError(assumptions.syntaxErrorStatus, 'invalid_request_error', 'INVALID_QUERY', 'Invalid query syntax in conditions', problems.syntax)
    issues.push(...problems.invalid)
  }
  if (assumptions.uniqueNames && typeof b.name === 'string' && state.segments.some((s) => s.name === b.name && s.id !== id)) {
    issues.push({field: 'name', code: 'ALREADY_EXISTS', message: `A segment named "${b.name}" already exists`})
  }
  if (issues.length > 0) return apiError(assumptions.validationStatus, 'validation_error', 'VALIDATION_ERROR', 'Validation failed', issues)
  const fields: Record<string, unknown> = {}
  for (const key of ['name', 'description', 'conditions']) if (b[key] !== undefined) fields[key] = b[key]
  return {fields}
}

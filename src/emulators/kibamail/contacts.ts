/**
 * Contacts, read side (vendors.md §2.3): `POST /v1/contacts/search` with `{conditions}` ("Test new
 * conditions with /v1/contacts/search before updating") and the contact pages that it and
 * `GET /v1/segments/{id}/contacts` answer. Who matches is segsync's own Kibamail evaluator
 * (src/providers/kibamail/evaluate.ts): one reading of the documents, shared by `segsync test`.
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {apiError, ok} from './errors.js'
import {evaluate} from '../../providers/kibamail/evaluate.js'
import {isPage, paginate} from './paging.js'
import {checkConditions} from './rules.js'
import {known, type KibamailState, type StoredContact} from './state.js'

/** POST /v1/contacts/search `{conditions}`: "Test new conditions with /v1/contacts/search before updating". */
export function searchContacts(state: KibamailState, req: EmulatorRequest): EmulatorResponse {
  if (req.jsonError) return apiError(400, 'invalid_request_error', 'INVALID_JSON', 'Request body must be valid JSON')
  const conditions = (req.json as {conditions?: unknown} | undefined)?.conditions
  if (conditions === undefined) {
    return apiError(assumptions.validationStatus, 'validation_error', 'VALIDATION_ERROR', 'Validation failed', [{field: 'conditions', code: 'REQUIRED', message: 'conditions is required'}])
  }
  const problems = checkConditions(conditions, known(state))
  if (problems.syntax.length > 0) return apiError(assumptions.syntaxErrorStatus, 'invalid_request_error', 'INVALID_QUERY', 'Invalid query syntax in conditions', problems.syntax)
  if (problems.invalid.length > 0) return apiError(assumptions.validationStatus, 'validation_error', 'VALIDATION_ERROR', 'Validation failed', problems.invalid)
  return contactPage(state, conditions, req.query)
}

/** Contacts matching `conditions`, newest first ("Sorted by contact creation date (newest first)"). */
export function contactPage(state: KibamailState, conditions: unknown, query: URLSearchParams): EmulatorResponse {
  const page = paginate([...state.contacts].reverse().filter((c) => isMember(c, conditions)), query)
  if (!isPage(page)) return page
  return ok({object: assumptions.listObject.contacts, hasMore: page.hasMore, data: page.data.map((c) => ({object: 'contact', ...c}))})
}

/** Whether a stored contact matches `conditions`: its fields other than email and names are properties to a condition. */
export function isMember(contact: StoredContact, conditions: unknown): boolean {
  const {id, email, firstName, lastName, properties, topics, createdAt: _createdAt, ...builtIn} = contact
  const profile = {id, email, firstName, lastName, topics, properties: {...builtIn, ...properties}}
  return evaluate({conditions}, profile, {now: new Date(), inSegment: () => undefined}).value === true
}

/**
 * MailGlyph REST client (HTTP only). https://docs.mailglyph.com/api-reference — vendors.md §1.
 * Segment paths have no `/v1` prefix and answer raw objects: the list is a bare array with no
 * pagination, create is 201, delete is 204 with no body. Every answer is read through its
 * contract (answers.ts, schemas/mailglyph/responses.schema.json).
 */
import {AuthError, SegsyncError, VendorError} from '../../errors.js'
import type {RemoteSegment} from '../../core/model.js'
import type {ConnectOptions, ProviderClient} from '../../core/provider.js'
import type {ErrorBody, Segment} from '../../generated/mailglyph-responses.js'
import {lifecycle, vendorHttp} from '../kit/http.js'
import {partialUpdate} from '../kit/write.js'
import {answers, readSegmentList} from './answers.js'
import {mailglyphAudience} from './audience.js'
import {readOnlyReason, REFUSAL_CODES_KEPT} from './assumptions.js'
import {readUsage} from './campaigns.js'

/**
 * A field removed from a definition goes back to the server default. The PATCH body types
 * `description` as a string (no null), so clearing it sends ""; `trackMembership` goes to false.
 * Omitting them would leave the old values in place and the plan would never converge.
 */
const CLEARED_AS = {description: '', trackMembership: false}

export async function connectMailGlyph(options: ConnectOptions): Promise<ProviderClient> {
  // "Secret keys (sk_*) are required for all endpoints except /v1/track" (OpenAPI securitySchemes);
  // the official SDK refuses other keys before sending (mailglyph-go http.go validateAPIKey).
  if (!options.apiKey.startsWith('sk_')) {
    throw new AuthError('MailGlyph needs a secret API key (sk_…) for segments and campaigns', 'Public keys (pk_…) only work for event tracking. Create a secret key in MailGlyph\'s project settings.')
  }
  const http = await vendorHttp(options, {vendor: 'MailGlyph', headers: {authorization: `Bearer ${options.apiKey}`}, errorMessage, bodyError})
  const path = (remote: RemoteSegment) => `/segments/${encodeURIComponent(remote.id)}`
  const listSegments = async () => readSegmentList(await http.request({method: 'GET', path: '/segments'})).map(toRemote)

  return {
    listSegments,
    campaignUsage: () => readUsage(http),
    async create(name, body) {
      const res = await http.request({method: 'POST', path: '/segments', body: {name, ...body}})
      return toRemote(answers.written<Segment>('Segment', res, 'POST /segments'))
    },
    async update(remote, write) {
      // PATCH takes only the changed top-level fields; a `condition` replaces the old one.
      const res = await http.request({method: 'PATCH', path: path(remote), body: partialUpdate(write, CLEARED_AS, 'MailGlyph')})
      return toRemote(answers.written<Segment>('Segment', res, 'PATCH /segments/{id}'))
    },
    async delete(remote) {
      const res = await http.request({method: 'DELETE', path: path(remote)}).catch((error: unknown) => deleteFailed(error, remote, listSegments))
      // 204 with no body; a JSON body is tolerated, an HTML page with 200 is not an answer to a delete.
      if (res.body !== undefined) answers.written('Deleted', res, 'DELETE /segments/{id}')
    },
    audience: (queries) => Promise.resolve(mailglyphAudience(queries)),
    // Loaded only by `segsync doctor`: it is not read before a plan's first request.
    doctor: async () => (await import('./doctor.js')).mailglyphDoctor(http),
    ...lifecycle(http),
  }
}

export function toRemote(s: Segment): RemoteSegment {
  const readOnly = readOnlyReason(s)
  return {id: s.id, name: s.name, raw: s, ...(readOnly ? {readOnly} : {})}
}

/**
 * 409: MailGlyph keeps segments that campaigns target (Plunk SegmentService.delete). 404 is
 * documented ("Segment not found"), and apply takes it as "already gone"; a 404 from something
 * other than MailGlyph's segment route (a proxy, a wrong base path) must not, so the list confirms it.
 */
async function deleteFailed(error: unknown, remote: RemoteSegment, list: () => Promise<RemoteSegment[]>): Promise<never> {
  if (error instanceof VendorError && error.status === 409) {
    throw new VendorError(error.message, 409, error.body, 'MailGlyph keeps segments that DRAFT, SCHEDULED or SENDING campaigns target: point those campaigns elsewhere first.')
  }
  if (error instanceof VendorError && error.status === 404 && (await list()).some((r) => r.id === remote.id)) {
    throw new SegsyncError(`MailGlyph answered DELETE /segments/${remote.id} with 404, but GET /segments still lists the segment: it was not deleted`, 'Check the workspace endpoint (segsync doctor), then run apply again.')
  }
  throw error
}

/** The OpenAPI `Error` object answered with a 2xx status: a refusal all the same (assumptions.ts). */
function bodyError(body: unknown): {message: string; status?: number} | undefined {
  if (!isErrorBody(body)) return undefined
  const b = body
  const status = REFUSAL_CODES_KEPT.includes(b.code) ? b.code : undefined
  return {message: `${errorMessage(b)} (MailGlyph's error object, code ${b.code}, inside a 2xx answer)`, ...(status ? {status} : {})}
}

/**
 * The shape of responses.schema.json `ErrorBody`, checked by hand: this runs on every 2xx answer,
 * and a schema check of all the answers that are not errors would load ajv each time.
 */
function isErrorBody(body: unknown): body is ErrorBody {
  const b = body as Partial<ErrorBody> | null
  return typeof b === 'object' && b !== null && !Array.isArray(b) && Number.isInteger(b.code) && typeof b.error === 'string' && typeof b.message === 'string'
}

/** OpenAPI `Error`: `{code, error, message, time}`. */
function errorMessage(body: unknown): string | undefined {
  const b = body as {error?: unknown; message?: unknown} | undefined
  if (!b || typeof b !== 'object') return undefined
  const message = typeof b.message === 'string' ? b.message : undefined
  const type = typeof b.error === 'string' ? b.error : undefined
  if (!message) return type
  return type ? `${type}: ${message}` : message
}

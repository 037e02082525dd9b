/**
 * Kibamail REST client (HTTP only). https://kibamail.com/docs/api — vendors.md §2.
 * Bearer `kb_…` keys with scopes; cursor pagination (pages.ts); errors in
 * `{error: {type, code, message, requestId, validationErrors?}}`. Every answer is read through
 * its contract (answers.ts): a read outside it stops the run before any write, a write answered
 * outside it is uncertain.
 */
import type {ConnectOptions, ProviderClient} from '../../core/provider.js'
import type {DeletedSegment, Segment, SegmentListItem, Topic} from '../../generated/kibamail-responses.js'
import {lifecycle, vendorHttp} from '../kit/http.js'
import {partialUpdate} from '../kit/write.js'
import {answers, sameSegment} from './answers.js'
import {kibamailAudience} from './audience.js'
import {readUsage} from './campaigns.js'
import {toRemote} from './mapping.js'
import {listAll} from './pages.js'
import {verifyTopics} from './topics.js'

/** `conditions` is required; a description the definition dropped is cleared with null (leaving it out would keep it). */
const CLEARED_AS = {description: null}

export async function connectKibamail(options: ConnectOptions): Promise<ProviderClient> {
  const http = await vendorHttp(options, {
    vendor: 'Kibamail',
    headers: {authorization: `Bearer ${options.apiKey}`},
    errorMessage,
    bodyError,
  })
  const path = (id: string) => `/v1/segments/${encodeURIComponent(id)}`
  const client: ProviderClient = {
    listSegments: async () => (await listAll<SegmentListItem>(http, '/v1/segments', 'SegmentList')).map(toRemote),
    campaignUsage: readUsage,
    async create(name, body) {
      const res = await http.request({method: 'POST', path: '/v1/segments', body: {name, ...body}})
      return toRemote(answers.written<Segment>('Segment', res, 'POST /v1/segments'))
    },
    async update(remote, write) {
      // PUT is partial ("Only provided fields are updated"); `conditions` replaces all conditions.
      const route = 'PUT /v1/segments/{segmentId}'
      const res = await http.request({method: 'PUT', path: path(remote.id), body: partialUpdate(write, CLEARED_AS, 'Kibamail')})
      return toRemote(sameSegment(answers.written<Segment>('Segment', res, route), remote.id, route))
    },
    async delete(remote) {
      const route = 'DELETE /v1/segments/{segmentId}'
      const res = await http.request({method: 'DELETE', path: path(remote.id)})
      sameSegment(answers.written<DeletedSegment>('DeletedSegment', res, route), remote.id, route)
    },
    verify: (definitions) => verifyTopics(definitions, () => listAll<Topic>(http, '/v1/topics', 'TopicList')),
    audience: (queries) => kibamailAudience(http, queries),
    // Loaded only by `segsync doctor`: it is not read before a plan's first request.
    doctor: async () => (await import('./doctor.js')).kibamailDoctor(http),
    ...lifecycle(http),
  }
  return client
}

interface KibamailError {
  type?: string
  code?: string
  message?: string
  requestId?: string
  validationErrors?: Array<{field?: string; code?: string; message?: string}>
}

/**
 * Kibamail's error envelope answered with a 2xx status is a refusal all the same: `{error: {…}}`
 * is the shape of every documented error (vendors.md §2.4), never of a success.
 */
export function bodyError(body: unknown): {message: string} | undefined {
  const e = (body as {error?: unknown} | null | undefined)?.error
  if (!e || typeof e !== 'object' || Array.isArray(e)) return undefined
  return {message: `its error envelope inside a 2xx answer: ${errorMessage(body) ?? 'no message'}`}
}

/** `CODE: message (field: problem; …) [request req_…]`, plus what a scope refusal means for segsync. */
export function errorMessage(body: unknown): string | undefined {
  const e = (body as {error?: KibamailError} | undefined)?.error
  if (!e || typeof e !== 'object' || !e.message) return undefined
  const fields = (Array.isArray(e.validationErrors) ? e.validationErrors : []).map((v) => `${v?.field ?? '?'}: ${v?.message ?? v?.code ?? 'invalid'}`)
  const scope =
    e.code === 'INSUFFICIENT_SCOPE'
      ? '. segsync needs a Kibamail API key with read:segments to plan, write:segments to apply, and read:topics to check topic ids'
      : ''
  return [`${e.code ? `${e.code}: ` : ''}${e.message}${fields.length ? ` (${fields.join('; ')})` : ''}${scope}`, e.requestId ? `[request ${e.requestId}]` : '']
    .filter(Boolean)
    .join(' ')
}

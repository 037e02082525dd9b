/**
 * Push0 REST client (HTTP only). https://docs.push0.com/rest-api/v1/ — vendors.md §4.
 *
 * Quirks kept here: every request carries `Content-Type: application/json`, GETs included
 * ("Headers are required on all requests"); update is `PATCH /v1/segments` with the id in the
 * body; create and update answer "segment id or error message", as plain text, a JSON string or an
 * object with `id`. Every answer is read through its contract (answers.ts); an update answered
 * with anything but its id is confirmed by re-reading (confirm.ts). Push0 documents no delete
 * endpoint and no campaign API.
 */
import {SegsyncError} from '../../errors.js'
import type {RemoteSegment} from '../../core/model.js'
import type {ConnectOptions, ProviderClient, SegmentBody} from '../../core/provider.js'
import type {Segment, WrittenId} from '../../generated/push0-responses.js'
import {lifecycle, vendorHttp} from '../kit/http.js'
import {partialUpdate} from '../kit/write.js'
import {answers} from './answers.js'
import {SEGMENTS} from './assumptions.js'
import {readUsage} from './campaigns.js'
import {confirmUpdate} from './confirm.js'
import {listAll} from './reads.js'

/**
 * "Only fields sent with values will be updated": a field removed from a definition would stay
 * as it was if we left it out. An empty description clears it (an empty description and none
 * read the same way, see mapping.ts); `constraints` is required.
 */
const CLEARED_AS = {description: ''}

export async function connectPush0(options: ConnectOptions): Promise<ProviderClient> {
  const http = await vendorHttp(options, {
    vendor: 'Push0',
    // Push0 answers 400 "Missing Content-Type: application/json" to any request without it, GETs too.
    headers: {authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json'},
    errorMessage,
  })
  const toRemote = (s: Segment): RemoteSegment => ({id: s.id, name: s.name, raw: s})

  return {
    listSegments: async () => (await listAll(http)).map(toRemote),
    campaignUsage: readUsage,
    async create(name, body) {
      const sent: SegmentBody = {name, ...body}
      const res = await http.request({method: 'POST', path: SEGMENTS, body: sent})
      // Anything but an id ("Forbidden", a page of HTML, nothing) may or may not have landed:
      // UncertainWriteError, and apply re-reads by name.
      const answer = answers.written<WrittenId>('WrittenId', res, `POST ${SEGMENTS}`)
      const id = typeof answer === 'string' ? answer : answer.id
      const listed = typeof answer === 'object' && !answers.breach('Segment', {body: answer}, `POST ${SEGMENTS}`)
      return {id, name, raw: listed ? answer : {...sent, id, description: sent.description ?? null}}
    },
    async update(remote, write) {
      const sent = {id: remote.id, ...partialUpdate(write, CLEARED_AS, 'Push0')}
      const res = await http.request({method: 'PATCH', path: SEGMENTS, body: sent})
      const answer = answers.breach('WrittenId', res, `PATCH ${SEGMENTS}`) ? undefined : (res.body as WrittenId)
      const id = typeof answer === 'string' ? answer : answer?.id
      if (id !== remote.id) return confirmUpdate(http, remote, sent, res)
      const listed = typeof answer === 'object' && !answers.breach('Segment', {body: answer}, `PATCH ${SEGMENTS}`)
      return {id, name: write.desired.name, raw: listed ? answer : {...(remote.raw as object), ...sent}}
    },
    async delete(remote) {
      // Never reached through apply: the provider declares deletes unsupported, so a planned
      // delete is a manual step. Kept explicit so a direct call cannot pretend to succeed.
      throw new SegsyncError(`Push0 has no delete endpoint: delete ${JSON.stringify(remote.name)} (${remote.id}) in the Push0 dashboard`)
    },
    // Loaded only by `segsync doctor`: it is not read before a plan's first request.
    doctor: async () => (await import('./doctor.js')).push0Doctor(http),
    ...lifecycle(http),
  }
}

/** The error body is not documented: `{"error": "…"}` (vendors.md §4.2 ASSUMPTION), `{message}`, or plain text. */
function errorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body
  const b = body as {error?: unknown; message?: unknown} | undefined
  if (typeof b?.error === 'string') return b.error
  if (typeof b?.message === 'string') return b.message
  return undefined
}

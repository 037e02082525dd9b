/**
 * Push0 REST client (HTTP only). https://docs.push0.com/rest-api/v1/ — vendors.md §4.
 *
 * Quirks kept here: every request carries `Content-Type: application/json`, GETs included
 * ("Headers are required on all requests"); update is `PATCH /v1/segments` with the id in the
 * body; create and update answer "segment id or error message", which arrives as plain text, a
 * JSON string or an object; the list is paged with `page`/`limit` (max 100) and ends on a short
 * page. Push0 documents no delete endpoint and no campaign API.
 */
import {AmbiguousWriteError, SegsyncError, VendorError} from '../../errors.js'
import type {HttpClient} from '../../http/client.js'
import type {RemoteSegment} from '../../core/model.js'
import type {ConnectOptions, ProviderClient, SegmentBody} from '../../core/provider.js'
import {readChecks} from '../kit/probe.js'
import {lifecycle, vendorHttp} from '../kit/http.js'
import {paginate} from '../kit/paginate.js'
import {partialUpdate} from '../kit/write.js'
import {readUsage} from './campaigns.js'

/** "limit … Default: 50. Max: 100" (list page, vendors.md §4.3). */
export const PAGE_SIZE = 100
/** Create and update say `/v1/segments` under base https://api.push0.com; the list page's `/api/v1/segments` is an alias (vendors.md §4.3). */
const SEGMENTS = '/v1/segments'
/** Ids are opaque (`seg_jfeZ4NrGegjV9`, `sg_wsviVjvLoorS5GKOZpznH`): one token, no spaces. */
const ID = /^[A-Za-z0-9_-]+$/

interface ApiSegment {
  id: string
  name: string
  [key: string]: unknown
}

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

  const client: ProviderClient = {
    listSegments: () => listAll(http),
    campaignUsage: readUsage,
    async create(name, body) {
      const sent: SegmentBody = {name, ...body}
      const res = await http.request({method: 'POST', path: SEGMENTS, body: sent})
      const id = writtenId(res.body)
      // No id means we cannot tell whether it landed: segsync then lists by name and adopts it.
      if (!id) throw new AmbiguousWriteError(`Push0 answered POST ${SEGMENTS} without a segment id: ${answered(res.body, res.text)}`)
      const raw = isSegment(res.body) ? res.body : {...sent, id, description: sent.description ?? null}
      return {id, name, raw}
    },
    async update(remote, write) {
      const sent = {id: remote.id, ...partialUpdate(write, CLEARED_AS, 'Push0')}
      const res = await http.request({method: 'PATCH', path: SEGMENTS, body: sent})
      const id = writtenId(res.body)
      if (id !== remote.id) {
        throw new VendorError(`Push0 did not confirm the update of ${JSON.stringify(remote.name)} (${remote.id}): ${answered(res.body, res.text)}`, res.status, res.body)
      }
      const raw = isSegment(res.body) ? res.body : {...(remote.raw as object), ...sent}
      return {id, name: write.desired.name, raw}
    },
    async delete(remote) {
      // Never reached through apply: the provider declares deletes unsupported, so a planned
      // delete is a manual step. Kept explicit so a direct call cannot pretend to succeed.
      throw new SegsyncError(`Push0 has no delete endpoint: delete ${JSON.stringify(remote.name)} (${remote.id}) in the Push0 dashboard`)
    },
    doctor: () =>
      readChecks(client, {segments: 'GET /v1/segments?page&limit → a bare array (seed 003 list page; vendors.md §4.3)', campaigns: 'no campaign API (vendors.md §4.5)'}),
    ...lifecycle(http),
  }
  return client
}

/** Every page, `page` from 1, until a page shorter than the limit. */
async function listAll(http: HttpClient): Promise<RemoteSegment[]> {
  const segments = await paginate(
    1,
    async (page) => {
      const res = await http.request<unknown>({method: 'GET', path: SEGMENTS, query: {page, limit: PAGE_SIZE}})
      if (!Array.isArray(res.body)) throw new SegsyncError(`Push0 answered GET ${SEGMENTS} (page ${page}) with something other than a list of segments`)
      const items = res.body as ApiSegment[]
      return {items, next: items.length < PAGE_SIZE ? undefined : page + 1}
    },
    {vendor: 'Push0', route: `GET ${SEGMENTS}`, idOf: (s) => s.id},
  )
  return segments.map((s) => ({id: s.id, name: s.name, raw: s}))
}

/** The id from "Returns segment id or error message": plain text or a JSON string (both arrive as a string), or an object with `id`. */
function writtenId(body: unknown): string | undefined {
  const candidate = typeof body === 'string' ? body.trim() : isSegmentLike(body) ? body.id : undefined
  return candidate !== undefined && ID.test(candidate) ? candidate : undefined
}

/** What a write answered instead of an id, for the message: the text itself when it is one. */
function answered(body: unknown, text: string): string {
  return JSON.stringify(typeof body === 'string' ? body : text).slice(0, 200)
}

function isSegmentLike(body: unknown): body is {id: string} {
  return typeof body === 'object' && body !== null && typeof (body as {id?: unknown}).id === 'string'
}

function isSegment(body: unknown): body is ApiSegment {
  return isSegmentLike(body) && typeof (body as {name?: unknown}).name === 'string'
}

/** The error body is not documented: `{"error": "…"}` (vendors.md §4.2 ASSUMPTION), `{message}`, or plain text. */
function errorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body
  const b = body as {error?: unknown; message?: unknown} | undefined
  if (typeof b?.error === 'string') return b.error
  if (typeof b?.message === 'string') return b.message
  return undefined
}

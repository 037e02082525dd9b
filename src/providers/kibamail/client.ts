/**
 * Kibamail REST client (HTTP only). https://kibamail.com/docs/api — vendors.md §2.
 * Bearer `kb_…` keys with scopes; cursor pagination (`limit` ≤ 100, `after` = id of the last item,
 * `hasMore`); errors in `{error: {type, code, message, requestId, validationErrors?}}`.
 */
import {SegsyncError} from '../../errors.js'
import type {HttpClient} from '../../http/client.js'
import {vendorHttp} from '../vendor-http.js'
import type {ConnectOptions, ProviderClient, SegmentBody} from '../provider.js'
import type {ApiSegment} from './mapping.js'
import {toRemote} from './remote.js'
import {verifyTopics} from './verify-topics.js'

/** "Maximum 100 segments per request" (GET /v1/segments). */
export const PAGE_SIZE = 100

/** Kibamail has no endpoint that lists broadcasts or automations (vendors.md §2.6). */
export const NO_USAGE_API = 'Kibamail has no API to list broadcasts or automations'

export async function connectKibamail(options: ConnectOptions): Promise<ProviderClient> {
  const http = await vendorHttp(options, {
    vendor: 'Kibamail',
    headers: {authorization: `Bearer ${options.apiKey}`},
    errorMessage,
  })
  const path = (id: string) => `/v1/segments/${encodeURIComponent(id)}`

  return {
    listSegments: async () => (await listAll<ApiSegment>(http, '/v1/segments')).map(toRemote),
    campaignUsage: async () => ({known: false, reason: NO_USAGE_API}),
    async create(name, body) {
      const res = await http.request<ApiSegment>({method: 'POST', path: '/v1/segments', body: {name, ...body}})
      return toRemote(segmentOf(res.body))
    },
    async update(remote, changes) {
      // PUT is partial ("Only provided fields are updated"); `conditions` replaces all conditions.
      // A description the definition dropped is cleared with null: leaving it out would keep it.
      const payload: SegmentBody = {}
      for (const [key, value] of Object.entries(changes)) payload[key] = value === undefined ? null : value
      const res = await http.request<ApiSegment>({method: 'PUT', path: path(remote.id), body: payload})
      return toRemote(segmentOf(res.body))
    },
    async delete(remote) {
      await http.request({method: 'DELETE', path: path(remote.id)})
    },
    verify: (definitions) => verifyTopics(definitions, () => listAll<{id: string}>(http, '/v1/topics')),
    stats: () => ({...http.stats}),
    close: () => http.close(),
  }
}

/** Every item of a cursor-paginated list, following `after` until `hasMore` is false. */
export async function listAll<T extends {id: string}>(http: HttpClient, path: string): Promise<T[]> {
  const out: T[] = []
  let after: string | undefined
  for (;;) {
    const res = await http.request<{hasMore?: boolean; data?: T[]}>({method: 'GET', path, query: {limit: PAGE_SIZE, after}})
    const page = res.body?.data ?? []
    out.push(...page)
    const last = page[page.length - 1]?.id
    if (!res.body?.hasMore || last === undefined) return out
    if (last === after) throw new SegsyncError(`Kibamail returned the same page twice for GET ${path} (after=${after}); stopping instead of looping`)
    after = last
  }
}

function segmentOf(body: ApiSegment | undefined): ApiSegment {
  if (!body?.id) throw new SegsyncError('Kibamail answered without the segment it wrote')
  return body
}

interface KibamailError {
  type?: string
  code?: string
  message?: string
  requestId?: string
  validationErrors?: Array<{field?: string; code?: string; message?: string}>
}

/** `CODE: message (field: problem; …) [request req_…]`, plus what a scope refusal means for segsync. */
export function errorMessage(body: unknown): string | undefined {
  const e = (body as {error?: KibamailError} | undefined)?.error
  if (!e || typeof e !== 'object' || !e.message) return undefined
  const fields = (e.validationErrors ?? []).map((v) => `${v.field ?? '?'}: ${v.message ?? v.code ?? 'invalid'}`)
  const scope =
    e.code === 'INSUFFICIENT_SCOPE'
      ? '. segsync needs a Kibamail API key with read:segments to plan, write:segments to apply, and read:topics to check topic ids'
      : ''
  return [`${e.code ? `${e.code}: ` : ''}${e.message}${fields.length ? ` (${fields.join('; ')})` : ''}${scope}`, e.requestId ? `[request ${e.requestId}]` : '']
    .filter(Boolean)
    .join(' ')
}

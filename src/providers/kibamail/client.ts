/**
 * Kibamail REST client (HTTP only). https://kibamail.com/docs/api — vendors.md §2.
 * Bearer `kb_…` keys with scopes; cursor pagination (`limit` ≤ 100, `after` = id of the last item,
 * `hasMore`); errors in `{error: {type, code, message, requestId, validationErrors?}}`.
 */
import type {HttpClient} from '../../http/client.js'
import type {ConnectOptions, ProviderClient} from '../../core/provider.js'
import {readChecks} from '../kit/probe.js'
import {lifecycle, vendorHttp} from '../kit/http.js'
import {paginate} from '../kit/paginate.js'
import {partialUpdate, written} from '../kit/write.js'
import {readUsage} from './campaigns.js'
import {toRemote, type ApiSegment} from './mapping.js'
import {verifyTopics} from './topics.js'

/** "Maximum 100 segments per request" (GET /v1/segments). */
export const PAGE_SIZE = 100

/** `conditions` is required; a description the definition dropped is cleared with null (leaving it out would keep it). */
const CLEARED_AS = {description: null}

export async function connectKibamail(options: ConnectOptions): Promise<ProviderClient> {
  const http = await vendorHttp(options, {
    vendor: 'Kibamail',
    headers: {authorization: `Bearer ${options.apiKey}`},
    errorMessage,
  })
  const path = (id: string) => `/v1/segments/${encodeURIComponent(id)}`

  const client: ProviderClient = {
    listSegments: async () => (await listAll<ApiSegment>(http, '/v1/segments')).map(toRemote),
    campaignUsage: readUsage,
    async create(name, body) {
      const res = await http.request<ApiSegment>({method: 'POST', path: '/v1/segments', body: {name, ...body}})
      return toRemote(written(res.body, (s) => Boolean(s.id), 'Kibamail', 'POST /v1/segments'))
    },
    async update(remote, write) {
      // PUT is partial ("Only provided fields are updated"); `conditions` replaces all conditions.
      const res = await http.request<ApiSegment>({method: 'PUT', path: path(remote.id), body: partialUpdate(write, CLEARED_AS, 'Kibamail')})
      return toRemote(written(res.body, (s) => Boolean(s.id), 'Kibamail', 'PUT /v1/segments/{id}'))
    },
    async delete(remote) {
      await http.request({method: 'DELETE', path: path(remote.id)})
    },
    verify: (definitions) => verifyTopics(definitions, () => listAll<{id: string}>(http, '/v1/topics')),
    doctor: () =>
      readChecks(client, {segments: 'GET /v1/segments?limit&after → {object: segment_list, hasMore, data} (vendors.md §2.3)', campaigns: 'no broadcast or automation list API (vendors.md §2.6)'}),
    ...lifecycle(http),
  }
  return client
}

/** Every item of a cursor-paginated list, following `after` (the id of the last item) until `hasMore` is false. */
export function listAll<T extends {id: string}>(http: HttpClient, path: string): Promise<T[]> {
  return paginate<T, string | undefined>(
    undefined,
    async (after) => {
      const res = await http.request<{hasMore?: boolean; data?: T[]}>({method: 'GET', path, query: {limit: PAGE_SIZE, after}})
      const items = res.body?.data ?? []
      const last = items[items.length - 1]?.id
      return {items, next: res.body?.hasMore && last !== undefined ? last : undefined}
    },
    {vendor: 'Kibamail', route: `GET ${path}`, idOf: (item) => item.id},
  )
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

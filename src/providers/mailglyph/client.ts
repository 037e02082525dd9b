/**
 * MailGlyph REST client (HTTP only). https://docs.mailglyph.com/api-reference — vendors.md §1.
 * Segment paths have no `/v1` prefix and answer raw objects: the list is a bare array with no
 * pagination, create is 201, delete is 204 with no body.
 */
import {AuthError, SegsyncError, VendorError} from '../../errors.js'
import type {RemoteSegment} from '../../core/model.js'
import type {ConnectOptions, ProviderClient} from '../../core/provider.js'
import {readChecks} from '../kit/probe.js'
import {lifecycle, vendorHttp} from '../kit/http.js'
import {partialUpdate, written} from '../kit/write.js'
import {readUsage} from './campaigns.js'

interface ApiSegment {
  id: string
  name: string
  type?: 'DYNAMIC' | 'STATIC'
}

/**
 * A field removed from a definition goes back to the server default. The PATCH body types
 * `description` as a string (no null), so clearing it sends ""; `trackMembership` goes to false.
 * Omitting them would leave the old values in place and the plan would never converge.
 */
const CLEARED_AS = {description: '', trackMembership: false}

export const STATIC_REASON = 'a STATIC segment (its members are a list, not a condition); segsync manages DYNAMIC segments only'

export async function connectMailGlyph(options: ConnectOptions): Promise<ProviderClient> {
  // "Secret keys (sk_*) are required for all endpoints except /v1/track" (OpenAPI securitySchemes);
  // the official SDK refuses other keys before sending (mailglyph-go http.go validateAPIKey).
  if (!options.apiKey.startsWith('sk_')) {
    throw new AuthError('MailGlyph needs a secret API key (sk_…) for segments and campaigns', 'Public keys (pk_…) only work for event tracking. Create a secret key in MailGlyph\'s project settings.')
  }
  const http = await vendorHttp(options, {
    vendor: 'MailGlyph',
    headers: {authorization: `Bearer ${options.apiKey}`},
    errorMessage,
  })
  const path = (remote: RemoteSegment) => `/segments/${encodeURIComponent(remote.id)}`

  const client: ProviderClient = {
    async listSegments() {
      const res = await http.request<ApiSegment[]>({method: 'GET', path: '/segments'})
      if (!Array.isArray(res.body)) throw new SegsyncError('MailGlyph answered GET /segments without the list of segments')
      return res.body.map(toRemote)
    },
    campaignUsage: () => readUsage(http),
    async create(name, body) {
      const res = await http.request<ApiSegment>({method: 'POST', path: '/segments', body: {name, ...body}})
      return toRemote(written(res.body, (s) => Boolean(s.id), 'MailGlyph', 'POST /segments'))
    },
    async update(remote, write) {
      // PATCH takes only the changed top-level fields; a `condition` replaces the old one.
      const res = await http.request<ApiSegment>({method: 'PATCH', path: path(remote), body: partialUpdate(write, CLEARED_AS, 'MailGlyph')})
      return toRemote(written(res.body, (s) => Boolean(s.id), 'MailGlyph', 'PATCH /segments/{id}'))
    },
    async delete(remote) {
      try {
        await http.request({method: 'DELETE', path: path(remote)})
      } catch (error) {
        if (error instanceof VendorError && error.status === 409) {
          throw new VendorError(error.message, 409, error.body, 'MailGlyph keeps segments that DRAFT, SCHEDULED or SENDING campaigns target: point those campaigns elsewhere first.')
        }
        throw error
      }
    },
    doctor: () =>
      readChecks(client, {segments: 'GET /segments → Segment[] (MailGlyph OpenAPI, Mailrify/mailrify-node docs/openapi.json)', campaigns: 'GET /campaigns?status&page&pageSize → {data, totalPages} (OpenAPI)'}),
    ...lifecycle(http),
  }
  return client
}

export function toRemote(s: ApiSegment): RemoteSegment {
  return {id: s.id, name: s.name, raw: s, ...(s.type === 'STATIC' ? {readOnly: STATIC_REASON} : {})}
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

/**
 * Sequenzy REST client (HTTP only). https://docs.sequenzy.com/api-reference — vendors.md §3.
 */
import type {RemoteSegment} from '../../core/model.js'
import type {ConnectOptions, ProviderClient} from '../../core/provider.js'
import type {Segment, SegmentList, WrittenSegment} from '../../generated/sequenzy-responses.js'
import {lifecycle, vendorHttp} from '../kit/http.js'
import {partialUpdate} from '../kit/write.js'
import {answers} from './answers.js'
import {sequenzyAudience} from './audience.js'
import {readUsage} from './campaigns.js'

/** Every body field a definition must have (`root`): an update never clears one. */
const CLEARED_AS = {}

export async function connectSequenzy(options: ConnectOptions): Promise<ProviderClient> {
  const http = await vendorHttp(options, {
    vendor: 'Sequenzy',
    headers: {authorization: `Bearer ${options.apiKey}`},
    errorMessage,
    bodyError,
  })
  const toRemote = (s: Segment): RemoteSegment => ({id: s.id, name: s.name, raw: s})

  return {
    async listSegments() {
      const res = await http.request({method: 'GET', path: '/api/v1/segments'})
      return answers.read<SegmentList>('SegmentList', res, 'GET /api/v1/segments').segments.map(toRemote)
    },
    campaignUsage: () => readUsage(http),
    async create(name, body) {
      const res = await http.request({method: 'POST', path: '/api/v1/segments', body: {name, ...body}})
      return toRemote(answers.written<WrittenSegment>('WrittenSegment', res, 'POST /api/v1/segments').segment)
    },
    async update(remote, write) {
      // PATCH takes any of name/filters/root; `root` replaces the rules wholesale.
      const path = `/api/v1/segments/${encodeURIComponent(remote.id)}`
      const res = await http.request({method: 'PATCH', path, body: partialUpdate(write, CLEARED_AS, 'Sequenzy')})
      return toRemote(answers.written<WrittenSegment>('WrittenSegment', res, 'PATCH /api/v1/segments/{id}').segment)
    },
    async delete(remote) {
      await http.request({method: 'DELETE', path: `/api/v1/segments/${encodeURIComponent(remote.id)}`})
    },
    audience: (queries) => sequenzyAudience(http, queries),
    // Loaded only by `segsync doctor`: it is not read before a plan's first request.
    doctor: async () => (await import('./doctor.js')).sequenzyDoctor(http),
    ...lifecycle(http),
  }
}

/** `{success: false, error}` with a 2xx status is a refusal all the same (campaigns/list.md shows the envelope). */
function bodyError(body: unknown): {message: string} | undefined {
  if (!body || typeof body !== 'object' || (body as {success?: unknown}).success !== false) return undefined
  return {message: errorMessage(body) ?? 'answered {"success": false} without an error message'}
}

/** `{success:false, error:"…"}`, or the structured form the MCP parser reads. */
function errorMessage(body: unknown): string | undefined {
  const b = body as {error?: unknown; code?: string; message?: string; howToFix?: string} | undefined
  if (!b) return undefined
  const inner = typeof b.error === 'object' && b.error ? (b.error as {message?: string; code?: string}) : undefined
  const message = typeof b.error === 'string' ? b.error : (inner?.message ?? b.message)
  const code = b.code ?? inner?.code
  if (!message) return undefined
  return [code ? `${code}: ${message}` : message, b.howToFix].filter(Boolean).join(' ')
}


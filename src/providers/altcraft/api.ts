/**
 * The Altcraft Platform API as segsync calls it (vendors.md §5.2): every method is
 * `POST /api/v1.1/<method>/` with `token` and `format: "json"` in the JSON body, and answers
 * `{data, error, error_text}`. Errors come back as HTTP 200 with `error ≠ 0`: the `bodyError`
 * hook turns them into failures with the vendor's text, never into a success.
 */
import type {HttpClient} from '../../http/client.js'
import type {ConnectOptions} from '../../core/provider.js'
import {vendorHttp} from '../kit/http.js'
import {paginate} from '../kit/paginate.js'

export interface Envelope<T> {
  data?: T
  error?: number
  error_text?: string
  /** List methods: where the next page starts, and how many items there are in all. */
  next_from_id?: number
  total_count?: number
}

export interface AltcraftApi {
  /** One API method. `idempotent`: safe to send again after a connection error or a 5xx. */
  call<T>(method: string, params?: Record<string, unknown>, options?: {idempotent?: boolean}): Promise<Envelope<T>>
  /** Every item of a list method, following `from_id` / `next_from_id` to the end. */
  listAll<T extends {id: number}>(method: string, params?: Record<string, unknown>): Promise<T[]>
  http: HttpClient
}

/** "Segments list limit. By default – 1000" (the documented default; no maximum is documented). */
export const PAGE_SIZE = 1000

export async function connectApi(options: ConnectOptions, pageSize = PAGE_SIZE): Promise<AltcraftApi> {
  const http = await vendorHttp(options, {
    vendor: 'Altcraft',
    errorMessage: (body) => envelopeText(body),
    bodyError: envelopeError,
  })

  async function call<T>(method: string, params: Record<string, unknown> = {}, opts: {idempotent?: boolean} = {}): Promise<Envelope<T>> {
    // The token travels in the body (seed 004); the core registers it as a secret, so debug dumps
    // and error messages show it masked.
    const res = await http.request<Envelope<T>>({method: 'POST', path: `/api/v1.1/${method}/`, body: {token: options.apiKey, format: 'json', ...params}, idempotent: opts.idempotent})
    return res.body ?? {}
  }

  /**
   * "…until the result output contains 0 history lines". A page that brings nothing new ends it
   * too: the segment list example answers next_from_id = the last id, which would repeat it.
   */
  function listAll<T extends {id: number}>(method: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const read = new Set<number>()
    return paginate<T, number>(
      1,
      async (fromId) => {
        const res = await call<T[]>(method, {...params, from_id: fromId, limit: pageSize}, {idempotent: true})
        const items = (Array.isArray(res.data) ? res.data : []).filter((item) => Number.isInteger(item?.id))
        for (const item of items) read.add(item.id)
        const after = items.length ? Math.max(...items.map((item) => item.id)) + 1 : undefined
        const done = after === undefined || (typeof res.total_count === 'number' && read.size >= res.total_count)
        return {items, next: done ? undefined : typeof res.next_from_id === 'number' && res.next_from_id > fromId ? res.next_from_id : after}
      },
      {vendor: 'Altcraft', route: method, idOf: (item) => String(item.id), staleEnds: true},
    )
  }

  return {call, listAll, http}
}

/** An envelope with `error ≠ 0` is a failure, whatever the HTTP status said. */
export function envelopeError(body: unknown): {message: string; status: number} | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined
  const code = Number((body as Envelope<unknown>).error ?? 0)
  if (!code) return undefined
  const status = statusFor(code)
  const text = envelopeText(body) ?? 'no error_text'
  return {message: status === code ? text : `error ${code}: ${text}`, status}
}

/**
 * Altcraft's codes follow HTTP's (docs: "400 Incorrect request | 401 API token required | 402
 * Tariff limit reached | 403 No…"), so 401/403 become authentication failures (exit 4) and 404 a
 * not-found; anything else counts as a rejected request.
 */
function statusFor(code: number): number {
  return code >= 400 && code <= 599 ? code : 400
}

function envelopeText(body: unknown): string | undefined {
  const text = (body as Envelope<unknown> | undefined)?.error_text
  return typeof text === 'string' && text.trim() !== '' ? text : undefined
}

/**
 * The Altcraft Platform API as segsync calls it (vendors.md §5.2): every method is
 * `POST /api/v1.1/<method>/` with `token` and `format: "json"` in the JSON body, and answers
 * `{data, error, error_text}`. Errors come back as HTTP 200 with `error ≠ 0`: the `bodyError`
 * hook turns them into failures with the vendor's text, never into a success. Every other answer
 * is checked against its contract (answers.ts) before segsync reads it.
 */
import type {HttpClient, HttpResponse} from '../../http/client.js'
import type {ConnectOptions} from '../../core/provider.js'
import type {ListedItem} from '../../generated/altcraft-responses.js'
import {vendorHttp} from '../kit/http.js'
import {paginate} from '../kit/paginate.js'
import {rateLimitHeaders} from '../kit/probe.js'
import {answers, routeOf, type ReadAnswer, type WriteAnswer} from './answers.js'

export interface AltcraftApi {
  /** A read, inside its contract or a ContractError (nothing written). Reads are safe to send again. */
  read<T>(def: ReadAnswer, method: string, params?: Record<string, unknown>): Promise<T>
  /** A write, answered inside its contract or an UncertainWriteError. `idempotent`: safe to send again after a connection error or a 5xx. */
  write<T>(def: WriteAnswer, method: string, params: Record<string, unknown>, options?: {idempotent?: boolean}): Promise<T>
  /** Every item of a list method, following `from_id` / `next_from_id` to the end. */
  listAll(def: 'SegmentList' | 'MailingList', method: string, params?: Record<string, unknown>): Promise<ListedItem[]>
  /** Rate-limit headers seen on any answer so far (for doctor). */
  readonly rateLimitHeaders: Set<string>
  http: HttpClient
}

interface ListPage {
  data: ListedItem[]
  next_from_id?: number
  total_count?: number
}

/** "Segments list limit. By default – 1000" (the documented default; no maximum is documented). */
export const PAGE_SIZE = 1000

export async function connectApi(options: ConnectOptions, pageSize = PAGE_SIZE): Promise<AltcraftApi> {
  const http = await vendorHttp(options, {
    vendor: 'Altcraft',
    errorMessage: (body) => envelopeText(body),
    bodyError: envelopeError,
  })
  const seen = new Set<string>()

  async function send(method: string, params: Record<string, unknown>, idempotent: boolean): Promise<HttpResponse> {
    // The token travels in the body (seed 004); the core registers it as a secret, so debug dumps
    // and error messages show it masked.
    const res = await http.request({method: 'POST', path: `/api/v1.1/${method}/`, body: {token: options.apiKey, format: 'json', ...params}, idempotent})
    for (const h of rateLimitHeaders(res.headers)) seen.add(h)
    return res
  }

  const read = async <T>(def: ReadAnswer, method: string, params: Record<string, unknown> = {}): Promise<T> => answers.read<T>(def, await send(method, params, true), routeOf(method))

  /**
   * "…until the result output contains 0 history lines". A page that brings nothing new ends it
   * too: the segment list example answers next_from_id = the last id, which would repeat it.
   */
  function listAll(def: 'SegmentList' | 'MailingList', method: string, params: Record<string, unknown> = {}): Promise<ListedItem[]> {
    const ids = new Set<number>()
    return paginate<ListedItem, number>(
      1,
      async (fromId) => {
        const page = await read<ListPage>(def, method, {...params, from_id: fromId, limit: pageSize})
        for (const item of page.data) ids.add(item.id)
        const after = page.data.length ? Math.max(...page.data.map((item) => item.id)) + 1 : undefined
        const done = after === undefined || (page.total_count !== undefined && ids.size >= page.total_count)
        return {items: page.data, next: done ? undefined : page.next_from_id !== undefined && page.next_from_id > fromId ? page.next_from_id : after}
      },
      {vendor: 'Altcraft', route: routeOf(method), idOf: (item) => String(item.id), staleEnds: true},
    )
  }

  return {
    read,
    async write<T>(def: WriteAnswer, method: string, params: Record<string, unknown>, opts: {idempotent?: boolean} = {}): Promise<T> {
      return answers.written<T>(def, await send(method, params, opts.idempotent ?? false), routeOf(method))
    },
    listAll,
    rateLimitHeaders: seen,
    http,
  }
}

/** An envelope with `error ≠ 0` is a failure, whatever the HTTP status said. */
export function envelopeError(body: unknown): {message: string; status: number} | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined
  const code = Number((body as {error?: unknown}).error ?? 0)
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
  const text = (body as {error_text?: unknown} | undefined)?.error_text
  return typeof text === 'string' && text.trim() !== '' ? text : undefined
}

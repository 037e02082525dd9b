/**
 * The one HTTP layer every provider uses: per-request timeout, retries on 429/5xx/connection
 * errors (Retry-After honoured and capped, otherwise full-jitter backoff), a client-side rate
 * limit, and redaction of secrets in everything it reports. Creates (non-idempotent requests) are
 * never re-sent once they may have reached the vendor: they fail with AmbiguousWriteError and the
 * caller reconciles by reading.
 */
import {AmbiguousWriteError, AuthError, ContractError, RetriesExhaustedError, TlsRefusedError, VendorError} from '../errors.js'
import {redact} from '../util/redact.js'
import {BudgetWaitError, createRateLimiter, realClock, type RateLimit, type RateLimiter} from './rate-limiter.js'
import {InvalidRequestError} from './http1-request.js'
import {AnswerTooLargeError, createTransport, TransportClosedError, WireTimeoutError} from './transport.js'
import {backoffDelay, defaultRetryOptions, isRetryableStatus, parseRetryAfter, type RetryOptions} from './retry-policy.js'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface HttpRequest {
  method: HttpMethod
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  headers?: Record<string, string>
  /** Same effect when sent twice. Default: every method but POST. */
  idempotent?: boolean
  /**
   * For a read that is information only (a member count): the longest it may wait for a place in
   * the request budget. Beyond that it is not sent and fails at once with a BudgetWaitError that
   * says how long the budget is spent for. Default: waits as long as the budget needs.
   */
  maxBudgetWaitMs?: number
}

export interface HttpResponse<T = unknown> {
  status: number
  headers: Record<string, string>
  body: T
  text: string
}

export interface HttpStats {
  requests: number
  retries: number
  rateLimited: number
  /** Reads that took the answer of the same read on its way for another client (sharedReads). */
  shared: number
}

export interface HttpClient {
  request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>>
  readonly stats: HttpStats
  close(): Promise<void>
}

/** Reads on their way, shared by the clients of one account (HttpClientOptions.sharedReads; core's ConnectOptions has the same shape). */
export interface SharedReads {
  onTheirWay: Map<string, Promise<unknown>>
  /** Set at the first request that is not a GET: from then on nothing is shared. */
  written: boolean
}

export interface HttpClientOptions {
  baseUrl: string
  /** Vendor name for messages ("Sequenzy"). */
  vendor: string
  headers?: Record<string, string>
  /** How long to wait for an answer to start, or for more of a body that stalls (then retried like a dropped read). */
  timeoutMs?: number
  retry?: Partial<RetryOptions>
  rateLimit?: RateLimit
  /** A limiter shared with other clients on the same endpoint and key; replaces the one `rateLimit` would make. */
  limiter?: Pick<RateLimiter, 'acquire' | 'pause'>
  /**
   * Reads on their way, shared with other clients on the same endpoint and key: a GET asked while
   * the same GET (same URL and headers) is on its way takes that answer, with its body parsed
   * afresh, instead of asking again. Only reads that overlap in time share; nothing is cached.
   * Sharing ends for good at the first request that is not a GET: after a write, an answer sent
   * before it could hide it (a create re-read to see whether it landed must see it).
   */
  sharedReads?: SharedReads
  /** Sockets per origin: also bounds concurrent requests. */
  connections?: number
  /** The longest answer read (transport.ts MAX_ANSWER_BYTES by default). */
  maxAnswerBytes?: number
  /** The vendor's human message from an error body. */
  errorMessage?: (body: unknown, text: string) => string | undefined
  /** For vendors that report errors inside 2xx bodies (Altcraft): the error, if this body is one. */
  bodyError?: (body: unknown) => {message: string; status?: number} | undefined
  debug?: (line: string) => void
  clock?: {now(): number; sleep(ms: number): Promise<void>}
  random?: () => number
}

const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ECONNECTTIMEOUT', 'ENOTFOUND', 'EAI_AGAIN'])

/**
 * OpenSSL's and Node's codes for a certificate that cannot be verified. The handshake failed
 * before the request was written, and would fail again the same way: five attempts took 4.7 s
 * and ended "the vendor may be down".
 */
const TLS_REFUSALS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
])

/** Why the TLS handshake cannot succeed, when that is what failed. */
function tlsRefusal(error: unknown): 'certificate' | 'plain' | undefined {
  const code = errorCode(error)
  if (TLS_REFUSALS.has(code)) return 'certificate'
  // OpenSSL reading an HTTP answer as a TLS record: Node reports EPROTO with its reason.
  if (code === 'EPROTO' && /wrong version number/i.test((error as Error)?.message ?? '')) return 'plain'
  return undefined
}

export async function createHttpClient(options: HttpClientOptions): Promise<HttpClient> {
  const retry = {...defaultRetryOptions, ...options.retry}
  const clock = options.clock ?? realClock
  const limiter = options.limiter ?? createRateLimiter(options.rateLimit, clock)
  const timeoutMs = options.timeoutMs ?? 30_000
  const base = new URL(options.baseUrl)
  // Enough sockets that independent reads (e.g. one detail per active campaign) go out in one
  // wave; the rate limiter, not the socket pool, is what keeps us inside the vendor's budget.
  // Idle sockets are kept 4 s, under the 5 s most servers keep them (Node's own default).
  const wire = createTransport({connections: options.connections ?? 64, timeoutMs, keepAliveMs: 4_000, maxAnswerBytes: options.maxAnswerBytes})
  const stats: HttpStats = {requests: 0, retries: 0, rateLimited: 0, shared: 0}
  const vendor = options.vendor

  function urlFor(req: HttpRequest): URL {
    const url = new URL(req.path, base)
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v))
    return url
  }

  function describe(req: HttpRequest): string {
    return `${req.method} ${req.path}`
  }

  function vendorMessage(body: unknown, text: string): string {
    const fromVendor = options.errorMessage?.(body, text)
    const message = fromVendor ?? (text.trim() ? text.trim().slice(0, 500) : 'no message')
    return redact(message)
  }

  async function once(req: HttpRequest, url: URL): Promise<{status: number; headers: Record<string, string>; text: string}> {
    const answered = await limiter.acquire(req.maxBudgetWaitMs === undefined ? undefined : {maxWaitMs: req.maxBudgetWaitMs}).catch((error: unknown) => {
      if (!(error instanceof BudgetWaitError)) throw error
      throw new BudgetWaitError(error.waitMs, `${vendor}'s request budget has no place for this read for ${Math.ceil(error.waitMs / 1000)} s, and it does not wait`)
    })
    try {
      return await sendOnce(req, url)
    } finally {
      answered()
    }
  }

  async function sendOnce(req: HttpRequest, url: URL): Promise<{status: number; headers: Record<string, string>; text: string}> {
    stats.requests++
    const started = clock.now()
    const payload = req.body === undefined ? undefined : JSON.stringify(req.body)
    const requestHeaders = {
      accept: 'application/json',
      // A 5,000-segment list is 2 MB of JSON; compressed it is a tenth of that on the wire.
      'accept-encoding': 'gzip, deflate, br',
      ...(payload !== undefined ? {'content-type': 'application/json'} : {}),
      ...options.headers,
      ...req.headers,
    }
    options.debug?.(redact(`→ ${req.method} ${url.href} ${JSON.stringify(requestHeaders)}${payload ? ` ${payload}` : ''}`))
    // The timeout is the socket's own (connections.ts): no connection, no answer, or a body that
    // stalls for as long. An AbortSignal.timeout per request cost about 70 µs of CPU more.
    const res = await wire.send(url, {method: req.method, headers: requestHeaders, body: payload})
    const {text, headers} = res
    options.debug?.(redact(`← ${res.status} ${req.method} ${req.path} (${clock.now() - started} ms) ${text.slice(0, 2000)}`))
    return {status: res.status, headers, text}
  }

  /** An answer cut off at the transport's limit: outside any contract for a read, of unknown effect for a write. */
  function tooLarge(req: HttpRequest, idempotent: boolean, error: AnswerTooLargeError): Error {
    if (!idempotent) return new AmbiguousWriteError(`${vendor}: ${describe(req)} was answered with ${error.message}, not read; the request may or may not have been applied`, error)
    return new ContractError({vendor, route: describe(req), path: '', expected: `an answer of at most ${error.size}`, got: `${error.message}, not read to its end`})
  }

  function tlsRefused(refusal: 'certificate' | 'plain', text: string): TlsRefusedError {
    if (refusal === 'plain') {
      // OpenSSL's own text here is a long internal record error: the cause in words is enough.
      return new TlsRefusedError(`${vendor}: ${base.host} did not answer in TLS; nothing was sent`, 'Check the workspace "endpoint": its server speaks plain HTTP at an https:// address.')
    }
    return new TlsRefusedError(
      `${vendor}: ${base.host} presented a certificate segsync cannot verify (${redact(text)}); nothing was sent`,
      `segsync checks the vendor's certificate as any https client does. Check that the workspace "endpoint" is the vendor's address; behind a proxy that inspects TLS, point NODE_EXTRA_CA_CERTS at your organisation's CA file.`,
    )
  }

  /** `url` is the request's own, when the caller has it already. */
  async function send<T>(req: HttpRequest, url = urlFor(req)): Promise<HttpResponse<T>> {
    const idempotent = req.idempotent ?? req.method !== 'POST'
    let lastProblem = ''
    let unreachable = false
    for (let attempt = 0; attempt < retry.maxAttempts; attempt++) {
      const isLast = attempt === retry.maxAttempts - 1
      let res: {status: number; headers: Record<string, string>; text: string}
      try {
        res = await once(req, url)
      } catch (error) {
        // Not sent: nothing to retry.
        if (error instanceof BudgetWaitError || error instanceof TransportClosedError || error instanceof InvalidRequestError) throw error
        const refusal = tlsRefusal(error)
        if (refusal) throw tlsRefused(refusal, errorText(error))
        // Answered, but past the length read: the same answer would be as long again.
        if (error instanceof AnswerTooLargeError) throw tooLarge(req, idempotent, error)
        const code = errorCode(error)
        const neverSent = CONNECT_FAILURES.has(code)
        lastProblem = `${describe(req)} failed: ${redact(errorText(error))}`
        unreachable = neverSent
        if (!idempotent && !neverSent) {
          throw new AmbiguousWriteError(`${vendor}: ${lastProblem}; the request may or may not have been applied`, error)
        }
        if (isLast) break
        await wait(backoffDelay(attempt, retry, options.random), req)
        continue
      }
      unreachable = false

      const parsed = parseBody(res.text)
      // Vendors that report errors inside a 2xx body (Altcraft) get the same treatment as a status.
      const inBody = res.status >= 200 && res.status < 300 && parsed.ok ? options.bodyError?.(parsed.value) : undefined
      const status = inBody ? (inBody.status ?? 400) : res.status
      if (status >= 200 && status < 300) {
        if (!parsed.ok) {
          lastProblem = `${describe(req)} answered ${res.status} with a body that is not valid JSON`
          if (!idempotent) throw new AmbiguousWriteError(`${vendor}: ${lastProblem}; the request may or may not have been applied`)
          if (isLast) break
          await wait(backoffDelay(attempt, retry, options.random), req)
          continue
        }
        return {status: res.status, headers: res.headers, body: parsed.value as T, text: res.text}
      }

      const message = inBody ? redact(inBody.message) : vendorMessage(parsed.ok ? parsed.value : undefined, res.text)
      if (status === 429) {
        stats.rateLimited++
        const asked = parseRetryAfter(res.headers['retry-after'], clock.now())
        if (asked !== undefined && asked > retry.retryAfterCapMs) {
          throw new RetriesExhaustedError(
            `${vendor} is rate limiting ${describe(req)} and asked to wait ${Math.ceil(asked / 1000)} s (Retry-After), more than the ${retry.retryAfterCapMs / 1000} s segsync waits: ${message}`,
            'Run again later, or lower the request rate with rateLimit in the workspace config.',
          )
        }
        lastProblem = `${describe(req)} was rate limited (429): ${message}`
        if (isLast) break
        const delay = asked ?? backoffDelay(attempt, retry, options.random)
        limiter.pause(delay)
        await wait(delay, req)
        continue
      }
      if (isRetryableStatus(status)) {
        lastProblem = `${describe(req)} answered ${status}: ${message}`
        if (!idempotent) throw new AmbiguousWriteError(`${vendor}: ${lastProblem}; the request may or may not have been applied`)
        if (isLast) break
        const asked = parseRetryAfter(res.headers['retry-after'], clock.now())
        await wait(Math.min(asked ?? backoffDelay(attempt, retry, options.random), retry.retryAfterCapMs), req)
        continue
      }
      throwFor(req, status, parsed.ok ? parsed.value : res.text, message, res.headers)
    }
    throw new RetriesExhaustedError(
      `${vendor}: gave up after ${retry.maxAttempts} attempts. Last: ${lastProblem}`,
      unreachable
        ? `segsync could not connect to ${base.host}: check the workspace "endpoint" and that this machine can reach it. Nothing was lost: a re-run continues where this one stopped.`
        : 'The vendor may be down or overloaded; run again later. Nothing was lost: a re-run continues where this one stopped.',
    )
  }

  function throwFor(req: HttpRequest, status: number, body: unknown, message: string, headers: Record<string, string>): never {
    if (status >= 300 && status < 400) throw redirected(req, status, body, headers.location)
    if (status === 401 || status === 403) {
      throw new AuthError(
        `${vendor} refused the request (${status} on ${describe(req)}): ${message}`,
        'Check that the workspace apiKeyEnv variable holds a valid key with the permissions segsync needs.',
        status,
        body,
      )
    }
    throw new VendorError(`${vendor} rejected ${describe(req)} (${status}): ${message}`, status, body)
  }

  /**
   * A redirect is not followed: a write sent again to another address may land twice, and the
   * key would go with it to a host nobody configured. Most often the endpoint says http:// for
   * an https API, or lacks a path the vendor moved: the error says where the vendor points.
   */
  function redirected(req: HttpRequest, status: number, body: unknown, location: string | undefined): VendorError {
    let target: URL | undefined
    try {
      target = location ? new URL(location, urlFor(req)) : undefined
    } catch {
      target = undefined
    }
    const where = target ? ` to ${redact(target.href)}` : ' without a Location'
    const hint =
      target && target.origin !== base.origin
        ? `segsync does not follow redirects. If ${redact(target.origin)} is the vendor's API, set the workspace "endpoint" to it.`
        : 'segsync does not follow redirects. Check the workspace "endpoint" against the vendor\'s API address.'
    return new VendorError(`${vendor} answered ${describe(req)} with a redirect (${status})${where}; nothing was followed`, status, body, hint)
  }

  async function wait(ms: number, req: HttpRequest): Promise<void> {
    stats.retries++
    options.debug?.(`… retrying ${describe(req)} in ${ms} ms`)
    await clock.sleep(ms)
  }

  /** A GET joins the same GET already on its way (HttpClientOptions.sharedReads); anything else is sent. */
  function sendOrShare<T>(req: HttpRequest): Promise<HttpResponse<T>> {
    const reads = options.sharedReads
    if (!reads) return send<T>(req)
    if (req.method !== 'GET' || req.body !== undefined) {
      reads.written = true
      reads.onTheirWay.clear()
    }
    if (reads.written) return send<T>(req)
    const shared = reads.onTheirWay as Map<string, Promise<HttpResponse>>
    const url = urlFor(req)
    const key = `${url.href} ${JSON.stringify(req.headers ?? {})} ${req.maxBudgetWaitMs ?? ''}`
    const onItsWay = shared.get(key)
    if (onItsWay) {
      options.debug?.(`= ${describe(req)}: the same read is on its way for another workspace; sharing its answer`)
      stats.shared++
      // Each client gets its own copy of the body: nothing one reader does to it reaches another.
      return onItsWay.then((res) => ({...res, body: (parseBody(res.text) as {value: T}).value}))
    }
    const mine = send<T>(req, url)
    shared.set(key, mine)
    const forget = () => {
      if (shared.get(key) === mine) shared.delete(key)
    }
    mine.then(forget, forget)
    return mine
  }

  return {
    request: sendOrShare,
    stats,
    close: () => wire.close(),
  }
}

/** The body as JSON; an empty or blank one is `undefined`. Only a body that is not JSON is trimmed. */
function parseBody(text: string): {ok: true; value: unknown} | {ok: false} {
  try {
    return {ok: true, value: JSON.parse(text)}
  } catch {
    const t = text.trim()
    if (t === '') return {ok: true, value: undefined}
    // Some vendors answer plain text (Push0 returns a bare id): hand it over as a string when it
    // does not look like broken JSON.
    if (t.startsWith('{') || t.startsWith('[') || t.startsWith('"')) return {ok: false}
    return {ok: true, value: t}
  }
}

function errorCode(error: unknown): string {
  const e = error as {code?: string; name?: string; cause?: {code?: string}}
  return e?.code ?? e?.cause?.code ?? e?.name ?? ''
}

function errorText(error: unknown): string {
  if (error instanceof WireTimeoutError) return error.message
  const e = error as {message?: string; code?: string; name?: string}
  return [e?.code, e?.message].filter(Boolean).join(' ') || String(error)
}

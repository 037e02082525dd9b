/**
 * The wire under the HTTP layer: segsync's own HTTP/1.1 client (http1-request.ts writes the
 * request, http1-answer.ts reads the answer, connections.ts keeps the sockets). It sends one
 * request and hands back the status, the headers and the body as text (decompressed when the
 * vendor compressed it); retries, budgets, parsing and error wording are client.ts's.
 *
 * Node's own http client cost about 150 µs of CPU per request more (its streams, agent and
 * events; 3,000 requests to a local server: 206 against 60 µs), which a plan over ten accounts
 * of 23 requests each paid on its one busy thread; undici cost 40–55 ms to load. Errors keep the
 * socket's codes (ECONNREFUSED, ECONNRESET, a TLS code…); a timeout is `ETIMEDOUT`, or
 * `ECONNECTTIMEOUT` while the socket was still connecting, when nothing was sent.
 */
import {createRequire} from 'node:module'
import {createConnections} from './connections.js'
import {requestHead} from './http1-request.js'
import {AnswerTooLargeError, MAX_ANSWER_BYTES, TransportClosedError} from './wire-errors.js'

export {AnswerTooLargeError, MAX_ANSWER_BYTES, TransportClosedError, WireTimeoutError} from './wire-errors.js'

export interface WireRequest {
  method: string
  headers: Record<string, string | undefined>
  body?: string
}

export interface WireResponse {
  status: number
  /** Names in lower case; a field given more than once has its values joined with ", ". */
  headers: Record<string, string>
  /** The body as text, decompressed when the vendor compressed it. */
  text: string
}

export interface Transport {
  send(url: URL, req: WireRequest): Promise<WireResponse>
  /** Requests under way finish; idle sockets close at once; nothing more is sent. */
  close(): Promise<void>
}

export interface TransportOptions {
  /** Sockets per origin: also bounds concurrent requests. */
  connections: number
  /** How long a socket may wait for a connection, an answer, or more of a body. */
  timeoutMs: number
  /** How long an idle socket is kept for the next request: under the vendor's own keep-alive. */
  keepAliveMs: number
  /** The longest answer read (bytes on the wire, and once decompressed); default 256 MiB. */
  maxAnswerBytes?: number
}

const require = createRequire(import.meta.url)

export function createTransport(options: TransportOptions): Transport {
  const connections = createConnections(options)
  const underWay = new Set<Promise<unknown>>()
  const maxAnswer = options.maxAnswerBytes ?? MAX_ANSWER_BYTES
  let closed = false

  async function once(url: URL, req: WireRequest): Promise<WireResponse> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`Protocol "${url.protocol}" not supported. Expected "http:" or "https:"`)
    const head = requestHead(url, req)
    const answer = await connections.exchange(url, head, req.body, req.method, maxAnswer)
    if (answer.encoding === '') return {status: answer.status, headers: answer.headers, text: answer.text}
    try {
      return {status: answer.status, headers: answer.headers, text: decompress(Buffer.concat(answer.bytes), answer.encoding, maxAnswer)}
    } catch (error) {
      if ((error as {code?: string}).code === 'ERR_BUFFER_TOO_LARGE') throw new AnswerTooLargeError(maxAnswer)
      throw error instanceof Error ? error : new Error(String(error))
    }
  }

  return {
    send(url, req) {
      if (closed) return Promise.reject(new TransportClosedError('the HTTP client is closed'))
      const sent = once(url, req)
      const settled: Promise<void> = sent.then(
        () => void underWay.delete(settled),
        () => void underWay.delete(settled),
      )
      underWay.add(settled)
      return sent
    },
    async close() {
      closed = true
      // Idle sockets are destroyed, not closed gracefully: the graceful close of the 130 sockets
      // of a plan over ten workspaces took 15–25 ms more. A request under way is left to finish.
      while (underWay.size > 0) await Promise.all(underWay)
      connections.destroy()
    },
  }
}

/** A body the vendor compressed; a broken one throws, and is then retried like a dropped connection. */
function decompress(body: Buffer, encoding: string, maxOutputLength: number): string {
  // zlib loads with the first compressed answer: every command that talks to a vendor loads this
  // module before its first request, and the emulators (and some vendors) never compress.
  const {brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync} = require('node:zlib') as typeof import('node:zlib')
  const limit = {maxOutputLength}
  if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body, limit).toString('utf8')
  if (encoding === 'br') return brotliDecompressSync(body, limit).toString('utf8')
  if (encoding === 'deflate') {
    try {
      return inflateSync(body, limit).toString('utf8')
    } catch (error) {
      if ((error as {code?: string}).code === 'ERR_BUFFER_TOO_LARGE') throw error
      return inflateRawSync(body, limit).toString('utf8') // servers that send raw deflate
    }
  }
  throw new Error(`unsupported content-encoding ${JSON.stringify(encoding)}`)
}

/**
 * The wire under the HTTP layer: Node's own http/https client with a keep-alive agent. It sends
 * one request and hands back the status, the headers and the body as text (decompressed when the
 * vendor compressed it); retries, budgets, parsing and error wording are client.ts's.
 *
 * Node's client is part of the runtime: loading it costs about 2 ms, where undici's Agent and
 * request cost 40–55 ms of every command that talks to a vendor, plus a WebAssembly HTTP parser
 * to compile. Node parses HTTP with the same llhttp, compiled natively.
 *
 * One timeout covers the three ways a request can stall: no connection, no answer, a body that
 * stops. It is the socket's idle timeout, so a long body that keeps arriving is never cut.
 * Errors keep Node's codes (ECONNREFUSED, ECONNRESET…); a timeout is `ETIMEDOUT`, or
 * `ECONNECTTIMEOUT` while the socket was still connecting, when nothing was sent.
 */
import {Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type RequestOptions} from 'node:http'
import type {Agent as HttpsAgent} from 'node:https'
import {createRequire} from 'node:module'

export interface WireRequest {
  method: string
  headers: Record<string, string | undefined>
  body?: string
}

export interface WireResponse {
  status: number
  headers: IncomingHttpHeaders
  /** The body as text, decompressed when the vendor compressed it. */
  text: string
}

export interface Transport {
  send(url: URL, req: WireRequest): Promise<WireResponse>
  /** Requests under way finish; idle sockets close at once; nothing more is sent. */
  close(): Promise<void>
}

export interface TransportOptions {
  /** https: or http: — one origin per client. */
  protocol: string
  /** Sockets per origin: also bounds concurrent requests. */
  connections: number
  /** How long a socket may wait for a connection, an answer, or more of a body. */
  timeoutMs: number
  /** How long an idle socket is kept for the next request: under the vendor's own keep-alive. */
  keepAliveMs: number
  /** The longest answer read (bytes on the wire, and once decompressed); default 256 MiB. */
  maxAnswerBytes?: number
}

/**
 * Far above any vendor's page (a Sequenzy list of 50,000 segments is 23 MB) and under V8's
 * longest string (about 512 M characters): an answer that never ends, from a broken proxy or
 * a decompression bomb, stops here with its own error instead of exhausting memory.
 */
export const MAX_ANSWER_BYTES = 256 * 1024 * 1024

/** An answer longer than the transport reads: cut off there. Never retried: it would be as long again. */
export class AnswerTooLargeError extends Error {
  readonly code = 'EANSWERTOOLARGE'
  /** The limit in words: "256 MB". */
  readonly size: string
  constructor(limit: number) {
    const size = limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} MB` : `${limit} bytes`
    super(`an answer of more than ${size}`)
    this.size = size
  }
}

/** A request that stalled: `ETIMEDOUT` (no answer, or a body that stopped), or `ECONNECTTIMEOUT` (no connection: never sent). Its message says so in words. */
export class WireTimeoutError extends Error {
  constructor(readonly code: 'ETIMEDOUT' | 'ECONNECTTIMEOUT') {
    super(code === 'ECONNECTTIMEOUT' ? 'could not connect in time' : 'timed out')
  }
}

/** A request refused because the client was closed: it was never sent. */
export class TransportClosedError extends Error {
  readonly code = 'ECLIENTCLOSED'
}

const require = createRequire(import.meta.url)

export function createTransport(options: TransportOptions): Transport {
  const secure = options.protocol === 'https:'
  // https (and TLS) only for an https origin: the emulators speak http.
  const https = secure ? (require('node:https') as typeof import('node:https')) : undefined
  const agentOptions = {keepAlive: true, maxSockets: options.connections, timeout: options.keepAliveMs, scheduling: 'lifo' as const}
  const agent: HttpAgent | HttpsAgent = https ? new https.Agent(agentOptions) : new HttpAgent(agentOptions)
  const send = https ? https.request : httpRequest
  const underWay = new Set<Promise<unknown>>()
  const maxAnswer = options.maxAnswerBytes ?? MAX_ANSWER_BYTES
  let closed = false

  function once(url: URL, req: WireRequest): Promise<WireResponse> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = v
      if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body))
      const requestOptions: RequestOptions = {agent, method: req.method, headers, timeout: options.timeoutMs}
      const out = send(url, requestOptions, (res) => {
        const answer = (text: string) => resolve({status: res.statusCode ?? 0, headers: res.headers, text})
        // A connection that closes before the body is complete ("aborted", ECONNRESET).
        res.on('error', reject)
        const tooLarge = () => res.destroy(new AnswerTooLargeError(maxAnswer))
        if (Number(res.headers['content-length']) > maxAnswer) return tooLarge()
        const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase()
        if (encoding === '' || encoding === 'identity') {
          // Decoded piece by piece as it arrives, while the rest is on the wire: a 2 MB list
          // is never copied whole into one buffer and then decoded (about 18 ms here). Counted
          // in characters: never more than the bytes they came in.
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (piece: string) => {
            text += piece
            if (text.length > maxAnswer) tooLarge()
          })
          res.on('end', () => answer(text))
          return
        }
        const chunks: Buffer[] = []
        let received = 0
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk)
          received += chunk.length
          if (received > maxAnswer) tooLarge()
        })
        res.on('end', () => {
          try {
            answer(decompress(Buffer.concat(chunks), encoding, maxAnswer))
          } catch (error) {
            const tooLong = (error as {code?: string}).code === 'ERR_BUFFER_TOO_LARGE'
            reject(tooLong ? new AnswerTooLargeError(maxAnswer) : error instanceof Error ? error : new Error(String(error)))
          }
        })
      })
      out.on('timeout', () => {
        out.destroy(new WireTimeoutError((out.socket?.connecting ?? true) ? 'ECONNECTTIMEOUT' : 'ETIMEDOUT'))
      })
      out.on('error', reject)
      out.end(req.body)
    })
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
      agent.destroy()
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

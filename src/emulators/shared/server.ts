/**
 * The HTTP shell every emulator runs in: loopback only, an ephemeral port by default, a request
 * log, the vendor's rate-limit profile, fault injection, and state persisted after every write.
 * Each vendor's emulator is an `EmulatorApp`: a function from request to response over its state.
 */
import {gzipSync} from 'node:zlib'
import {createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo, Socket} from 'node:net'
import {FaultController, type Fault} from './faults.js'
import {slidingWindows} from '../../http/sliding-window.js'
import {writeState} from './state-file.js'

export interface EmulatorRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  text: string
  /** Parsed JSON body; undefined when empty or not JSON (see `jsonError`). */
  json: unknown
  jsonError: boolean
}

export interface EmulatorResponse {
  status: number
  headers?: Record<string, string>
  /** JSON body… */
  body?: unknown
  /** …or a raw text body (e.g. Push0 answers a bare id). */
  text?: string
}

export interface EmulatorApp {
  vendor: string
  handle(req: EmulatorRequest): EmulatorResponse
  /** The vendor's error envelope, for rate limiting and injected statuses. */
  errorResponse(status: number, message: string): EmulatorResponse
  /** The full state as JSON (persisted, and read by tests). */
  snapshot(): unknown
  /** The live state object, handed to `mutate` faults. */
  state: unknown
  /** Whether a request may change state (default: any method but GET). Only those persist it. */
  mutates?(req: {method: string; path: string}): boolean
}

export interface ServeOptions {
  port?: number
  host?: string
  /** Persist the state here after every successful write. */
  statePath?: string
  /** The vendor's documented request budget; exceeding it answers 429 with Retry-After. */
  rateLimit?: {perSecond?: number; perMinute?: number}
  /** Latency added to every request (benchmarks: simulated round trip). */
  latencyMs?: number
  /**
   * gzip JSON answers over 1 KB when the client accepts it, as a vendor behind a CDN does. Off by
   * default: no vendor document says it compresses, and on loopback it only costs time.
   */
  compress?: boolean
  /**
   * Serve https with this key and certificate (PEM), as every real vendor does: tests run the
   * CLI's TLS path against it (a client trusts the certificate through NODE_EXTRA_CA_CERTS).
   */
  tls?: {key: string | Buffer; cert: string | Buffer}
}

export interface LoggedRequest {
  method: string
  path: string
  query: string
  status: number
  at: number
  body?: unknown
  /** Time the emulator spent answering (routing, serialising, handing the bytes to the socket), injected latency excluded; ms. */
  serviceMs?: number
}

export interface RunningEmulator {
  url: string
  port: number
  app: EmulatorApp
  faults: FaultController
  requests: LoggedRequest[]
  close(): Promise<void>
}

export async function serve(app: EmulatorApp, options: ServeOptions = {}): Promise<RunningEmulator> {
  const faults = new FaultController()
  const requests: LoggedRequest[] = []
  const sockets = new Set<Socket>()
  const windows = slidingWindows(options.rateLimit)

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    readBody(req)
      .then((text) => handle(req, res, text))
      .catch(() => {
        if (!res.headersSent) write(res, serialize(app.errorResponse(500, 'emulator error')), false)
      })
  }
  // https is loaded only when asked for: the emulator starts inside the CLI (`endpoint: 'embedded'`).
  const server: Server = options.tls ? (await import('node:https')).createServer({key: options.tls.key, cert: options.tls.cert}, listener) : createServer(listener)
  // A TLS server reports its raw sockets on 'connection' too: destroying them ends the sessions.
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  async function handle(req: IncomingMessage, res: ServerResponse, text: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator')
    const method = (req.method ?? 'GET').toUpperCase()
    const log: LoggedRequest = {method, path: url.pathname, query: url.search, status: 0, at: Date.now()}
    requests.push(log)
    // A round trip is half on the way in, half on the way back, with the server's own work in
    // between: a slow answer to one request does not hold up the clock of the others in flight.
    const halfTrip = (options.latencyMs ?? 0) / 2
    if (halfTrip) await sleep(halfTrip)
    const started = performance.now()
    const reply = async (response: EmulatorResponse, truncate = false) => {
      const out = serialize(response)
      if (options.compress && out.payload && out.payload.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        out.payload = gzipSync(out.payload)
        out.headers = {...out.headers, 'content-encoding': 'gzip'}
      }
      log.serviceMs = performance.now() - started
      if (halfTrip) await sleep(halfTrip)
      write(res, out, truncate)
    }
    const applied = faults.take(method, url.pathname)
    let after: Fault | undefined
    for (const rule of applied) {
      const fault = rule.type === 'call' ? rule.fn() : rule
      if (!fault || fault.type === 'call') continue
      if (fault.type === 'latency') await sleep(fault.ms)
      else if (fault.type === 'mutate') fault.apply(app.state)
      else if (fault.type === 'reset-before') return void req.socket.destroy()
      else if (fault.type === 'hang') return
      else if (fault.type === 'status') {
        log.status = fault.status
        return reply({...app.errorResponse(fault.status, `injected ${fault.status}`), ...(fault.body !== undefined ? {body: fault.body} : {}), headers: fault.headers})
      } else if (fault.type === 'answer' && !fault.commit) {
        log.status = fault.status ?? 200
        return reply(rawAnswer(fault))
      } else after = fault
    }
    const now = Date.now()
    const wait = windows.waitFor(now)
    if (wait === 0) windows.record(now)
    else {
      log.status = 429
      const limited = app.errorResponse(429, 'Too many requests')
      return reply({...limited, headers: {...limited.headers, 'retry-after': String(Math.ceil(wait / 1000))}})
    }
    let json: unknown
    let jsonError = false
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text)
      } catch {
        jsonError = true
      }
    }
    log.body = json
    const response = app.handle({method, path: url.pathname, query: url.searchParams, headers: req.headers, text, json, jsonError})
    log.status = response.status
    const mutates = app.mutates ? app.mutates({method, path: url.pathname}) : method !== 'GET'
    if (options.statePath && mutates && response.status < 300) writeState(options.statePath, app.snapshot())
    if (after?.type === 'reset-after') return void req.socket.destroy()
    if (after?.type === 'answer') {
      log.status = after.status ?? 200
      return reply(rawAnswer(after))
    }
    await reply(response, after?.type === 'truncate')
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const {port} = server.address() as AddressInfo
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    app,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

/** An `answer` fault as the response: the raw body text with its content type (JSON by default). */
function rawAnswer(fault: Extract<Fault, {type: 'answer'}>): EmulatorResponse {
  return {status: fault.status ?? 200, headers: {'content-type': fault.contentType ?? 'application/json'}, text: fault.body ?? ''}
}

interface Serialized {
  status: number
  headers: Record<string, string>
  payload?: string | Buffer
}

function serialize(response: EmulatorResponse): Serialized {
  if (response.text !== undefined) return {status: response.status, headers: {'content-type': 'text/plain; charset=utf-8', ...response.headers}, payload: response.text}
  const hasBody = response.body !== undefined && response.status !== 204
  return {status: response.status, headers: {...(hasBody ? {'content-type': 'application/json'} : {}), ...response.headers}, payload: hasBody ? JSON.stringify(response.body) : undefined}
}

/** Send it; `truncate` (a fault) cuts the body in half, as a connection dropped mid-response. */
function write(res: ServerResponse, out: Serialized, truncate: boolean): void {
  if (truncate) {
    const full = out.payload ?? '{}'
    res.writeHead(out.status, {'content-type': 'application/json', ...(out.headers['content-encoding'] ? {'content-encoding': out.headers['content-encoding']} : {})})
    res.end(full.slice(0, Math.max(1, Math.floor(full.length / 2))))
    return
  }
  res.writeHead(out.status, out.headers)
  res.end(out.payload)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

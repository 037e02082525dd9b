import {readFileSync} from 'node:fs'
import {createServer} from 'node:http'
import {createServer as createTlsServer} from 'node:https'
import type {AddressInfo, Server} from 'node:net'
import {gzipSync} from 'node:zlib'
import {describe, expect, it, onTestFinished} from 'vitest'
import {AmbiguousWriteError, AuthError, ContractError, RetriesExhaustedError, TlsRefusedError, VendorError} from '../../src/errors.js'
import {createHttpClient} from '../../src/http/client.js'
import {InvalidRequestError} from '../../src/http/http1-request.js'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'
import {unansweredPort} from '../helpers/unanswered-port.js'

async function setup(retry = {}) {
  const emulator = await sequenzyEmulator()
  const http = await createHttpClient({
    baseUrl: emulator.url,
    vendor: 'Sequenzy',
    headers: {authorization: `Bearer ${TEST_KEY}`},
    timeoutMs: 300,
    retry: {maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 40, ...retry},
    errorMessage: (body) => (body as {error?: string})?.error,
  })
  return {emulator, http, list: () => http.request({method: 'GET', path: '/api/v1/segments'})}
}

/** Listens on an ephemeral loopback port, closed when the test finishes; the port. */
async function onLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return (server.address() as AddressInfo).port
}

const segmentGets = (e: {requests: Array<{method: string; path: string; at: number}>}) => e.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/segments')

describe('HTTP layer', () => {
  it('never sends nor retries a request a header cannot carry, and names the field, not its value', async () => {
    const {emulator, http} = await setup()
    const error = await http.request({method: 'GET', path: '/api/v1/segments', headers: {'x-token': 'sk_secret\r\nX-Evil: 1'}}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect((error as Error).message).toBe('Invalid character in header content ["x-token"]')
    expect(http.stats.retries).toBe(0)
    expect(emulator.requests).toEqual([])
  })

  it('honours Retry-After: no request goes before the vendor said', async () => {
    const {emulator, list} = await setup()
    emulator.faults.add({path: '/api/v1/segments', times: 1, fault: {type: 'status', status: 429, headers: {'retry-after': '1'}}})
    await list()
    const [first, second] = segmentGets(emulator)
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000)
  })

  it('backs off with jitter on 429 without Retry-After, then succeeds', async () => {
    const {emulator, list, http} = await setup()
    emulator.faults.add({path: '/api/v1/segments', times: 3, fault: {type: 'status', status: 429}})
    expect((await list()).status).toBe(200)
    expect(segmentGets(emulator)).toHaveLength(4)
    expect(http.stats.rateLimited).toBe(3)
  })

  it('fails fast, with the ask in the message, when Retry-After is beyond the cap', async () => {
    const {emulator, list} = await setup({retryAfterCapMs: 60_000})
    emulator.faults.add({path: '/api/v1/segments', fault: {type: 'status', status: 429, headers: {'retry-after': '3600'}}})
    await expect(list()).rejects.toThrow(RetriesExhaustedError)
    await expect(list()).rejects.toThrow(/asked to wait 3600 s/)
  })

  it('stops after the retry budget on a persistent 503 (exit 5)', async () => {
    const {emulator, list} = await setup()
    emulator.faults.add({path: '/api/v1/segments', fault: {type: 'status', status: 503}})
    const error = await list().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RetriesExhaustedError)
    expect((error as RetriesExhaustedError).exitCode).toBe(5)
    expect(segmentGets(emulator)).toHaveLength(5)
  })

  it('says the vendor could not be reached (not that it is overloaded) when no connection was ever made', async () => {
    const {emulator, list} = await setup({maxAttempts: 2})
    await emulator.close()
    const error = (await list().catch((e: unknown) => e)) as RetriesExhaustedError
    expect(error).toBeInstanceOf(RetriesExhaustedError)
    expect(error.message).toContain('ECONNREFUSED')
    expect(error.hint).toContain(`could not connect to ${new URL(emulator.url).host}`)
    const overloaded = await setup({maxAttempts: 2})
    overloaded.emulator.faults.add({path: '/api/v1/segments', fault: {type: 'status', status: 503}})
    expect(((await overloaded.list().catch((e: unknown) => e)) as RetriesExhaustedError).hint).toContain('may be down or overloaded')
  })

  it('never retries an https endpoint that fails the handshake: an unverifiable certificate, or no TLS at all', async () => {
    const tls = new URL('../fixtures/tls/', import.meta.url) // self-signed for 127.0.0.1, not trusted by this process
    const servers: Record<string, Server> = {
      certificate: createTlsServer({key: readFileSync(new URL('key.pem', tls)), cert: readFileSync(new URL('cert.pem', tls))}, (_req, res) => res.end('{}')),
      plain: createServer((_req, res) => res.end('{}')),
    }
    for (const [kind, server] of Object.entries(servers)) {
      let connections = 0
      server.on('connection', () => connections++)
      const port = await onLoopback(server)
      const http = await createHttpClient({baseUrl: `https://127.0.0.1:${port}`, vendor: 'Sequenzy', timeoutMs: 2_000, retry: {maxAttempts: 5, baseDelayMs: 10, maxDelayMs: 40}})
      // A create too: the handshake failed before the request was written, so it is not ambiguous.
      for (const method of ['GET', 'POST'] as const) {
        const error = await http.request({method, path: '/api/v1/segments', body: method === 'POST' ? {name: 'x'} : undefined}).catch((e: unknown) => e)
        expect(error, kind).toBeInstanceOf(TlsRefusedError)
        expect((error as TlsRefusedError).exitCode).toBe(1)
        expect((error as Error).message).toMatch(kind === 'certificate' ? /presented a certificate segsync cannot verify \(DEPTH_ZERO_SELF_SIGNED_CERT/ : /did not answer in TLS/)
        expect((error as TlsRefusedError).hint).toMatch(kind === 'certificate' ? /NODE_EXTRA_CA_CERTS/ : /plain HTTP/)
      }
      expect(connections, kind).toBe(2)
      await http.close()
    }
  })

  it('stops reading an answer past its limit: a read is outside its contract and not retried, a write is in doubt', async () => {
    const asked: string[] = []
    const server = createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`)
      if (req.url === '/declared') return void res.writeHead(200, {'content-length': '5000'}).end('x'.repeat(5000))
      if (req.url === '/bomb') return void res.writeHead(200, {'content-encoding': 'gzip'}).end(gzipSync(Buffer.alloc(1 << 20, 32))) // 1 KB on the wire, 1 MB of spaces
      // An answer that never ends, as from a broken proxy.
      res.writeHead(200, {'content-type': 'application/json'}).write('[')
      const more = setInterval(() => res.write('"segment",'), 1)
      res.on('close', () => clearInterval(more))
    })
    const http = await createHttpClient({baseUrl: `http://127.0.0.1:${await onLoopback(server)}`, vendor: 'Sequenzy', maxAnswerBytes: 4096, timeoutMs: 2_000, retry: {maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20}})
    onTestFinished(() => http.close())
    const fail = (method: 'GET' | 'POST', path: string) => http.request({method, path, body: method === 'POST' ? {name: 'x'} : undefined}).then(() => expect.fail(`${path} was answered`), (e: unknown) => e as Error)

    for (const path of ['/endless', '/declared', '/bomb']) {
      const error = await fail('GET', path)
      expect(error, path).toBeInstanceOf(ContractError)
      expect(error.message).toBe(`Sequenzy answered GET ${path} outside the contract segsync relies on: at (the whole body) expected an answer of at most 4096 bytes, got an answer of more than 4096 bytes, not read to its end. Nothing was written.`)
    }
    const write = await fail('POST', '/endless')
    expect(write).toBeInstanceOf(AmbiguousWriteError)
    expect(write.message).toBe('Sequenzy: POST /endless was answered with an answer of more than 4096 bytes, not read; the request may or may not have been applied')
    // Each asked once: the same answer would be as long again.
    expect(asked).toEqual(['GET /endless', 'GET /declared', 'GET /bomb', 'POST /endless'])
  })

  it('does not follow a redirect, and says where the vendor points (an http:// endpoint for an https API)', async () => {
    let requests = 0
    const server = createServer((req, res) => {
      requests++
      const location = req.url === '/moved' ? '/api/v2/segments' : `https://api.sequenzy.test${req.url}`
      res.writeHead(req.url === '/nowhere' ? 302 : 301, req.url === '/nowhere' ? {} : {location, 'content-type': 'text/html'}).end('<html>Moved</html>')
    })
    const http = await createHttpClient({baseUrl: `http://127.0.0.1:${await onLoopback(server)}`, vendor: 'Sequenzy', headers: {authorization: `Bearer ${TEST_KEY}`}, retry: {maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20}})
    onTestFinished(() => http.close())
    const fail = (method: 'GET' | 'POST', path: string) =>
      http.request({method, path, body: method === 'POST' ? {name: 'x'} : undefined}).then(
        () => expect.fail(`${method} ${path} was answered`),
        (e: unknown) => e as VendorError,
      )

    const other = await fail('POST', '/api/v1/segments')
    expect(other).toBeInstanceOf(VendorError)
    expect(other.exitCode).toBe(1)
    expect(other.message).toBe('Sequenzy answered POST /api/v1/segments with a redirect (301) to https://api.sequenzy.test/api/v1/segments; nothing was followed')
    expect(other.hint).toBe('segsync does not follow redirects. If https://api.sequenzy.test is the vendor\'s API, set the workspace "endpoint" to it.')
    const same = await fail('GET', '/moved')
    expect(same.message).toMatch(/with a redirect \(301\) to http:\/\/127\.0\.0\.1:\d+\/api\/v2\/segments; nothing was followed$/)
    expect(same.hint).toContain('Check the workspace "endpoint"')
    expect((await fail('GET', '/nowhere')).message).toBe('Sequenzy answered GET /nowhere with a redirect (302) without a Location; nothing was followed')
    // Each asked once: a redirect is an answer, not a failure to retry.
    expect(requests).toBe(3)
  })

  it('calls a create whose connection never completed unreachable, not ambiguous: it was never sent', async () => {
    const port = await unansweredPort()
    const http = await createHttpClient({baseUrl: `http://127.0.0.1:${port}`, vendor: 'Sequenzy', timeoutMs: 150, retry: {maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20}})
    onTestFinished(() => http.close())
    const error = await http.request({method: 'POST', path: '/api/v1/segments', body: {name: 'x'}}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RetriesExhaustedError)
    expect((error as Error).message).toContain('POST /api/v1/segments failed: could not connect in time')
    expect((error as RetriesExhaustedError).hint).toContain(`segsync could not connect to 127.0.0.1:${port}`)
  })

  it('asks for compressed answers and reads gzip, brotli and deflate bodies; a corrupt one is retried like a dropped read', async () => {
    const {startEmulator} = await import('../../src/emulators/registry.js')
    const segments = Array.from({length: 300}, (_, i) => ({id: `seg_${i}`, name: `Segment ${i}`, root: {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'status', operator: 'is', value: 'x'}]}}))
    const emulator = await startEmulator('sequenzy', {seed: {apiKeys: [TEST_KEY], segments}, compress: true})
    onTestFinished(() => emulator.close())
    const http = await createHttpClient({baseUrl: emulator.url, vendor: 'Sequenzy', headers: {authorization: `Bearer ${TEST_KEY}`}, retry: {baseDelayMs: 5, maxDelayMs: 10}})
    onTestFinished(() => http.close())
    const res = await http.request<{segments: unknown[]}>({method: 'GET', path: '/api/v1/segments'})
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.body.segments).toHaveLength(300)

    // Other encodings, straight from a server that answers with them.
    const body = JSON.stringify({ok: true, pad: 'x'.repeat(2000)})
    const zlib = await import('node:zlib')
    const encoders: Record<string, (b: string) => Buffer> = {br: (b) => zlib.brotliCompressSync(b), deflate: (b) => zlib.deflateSync(b), 'x-raw-deflate': (b) => zlib.deflateRawSync(b)}
    let corruptOnce = true
    const server = createServer((req, out) => {
      const kind = req.url!.slice(1)
      const encoding = kind === 'x-raw-deflate' ? 'deflate' : kind
      if (kind === 'br' && corruptOnce) {
        corruptOnce = false
        out.writeHead(200, {'content-encoding': 'br'})
        return void out.end(Buffer.from('not brotli'))
      }
      out.writeHead(200, {'content-type': 'application/json', 'content-encoding': encoding})
      out.end(encoders[kind]!(body))
    })
    const other = await createHttpClient({baseUrl: `http://127.0.0.1:${await onLoopback(server)}`, vendor: 'X', retry: {baseDelayMs: 5, maxDelayMs: 10}})
    onTestFinished(() => other.close())
    for (const kind of Object.keys(encoders)) expect((await other.request<{ok: boolean}>({method: 'GET', path: `/${kind}`})).body.ok, kind).toBe(true)
    expect(other.stats.retries).toBe(1) // the corrupt brotli body, read again
  })

  it('close lets a request under way finish, and closes idle sockets at once', async () => {
    const {emulator, http, list} = await setup({maxAttempts: 1})
    emulator.faults.add({path: '/api/v1/segments', times: 1, fault: {type: 'latency', ms: 150}})
    const slow = list()
    await new Promise((resolve) => setTimeout(resolve, 30)) // the request has left
    const closed = http.close()
    expect((await slow).status).toBe(200)
    await closed
    await expect(list()).rejects.toThrow() // a closed client sends nothing more
    expect(segmentGets(emulator)).toHaveLength(1)

    const idle = await setup()
    await idle.list()
    await idle.http.close()
    await expect(idle.list()).rejects.toThrow()
    expect(segmentGets(idle.emulator)).toHaveLength(1)
  })

  it.each([400, 404, 409, 422, 501])('does not retry a %i', async (status) => {
    const {emulator, list} = await setup()
    emulator.faults.add({path: '/api/v1/segments', fault: {type: 'status', status}})
    await expect(list()).rejects.toThrow(VendorError)
    expect(segmentGets(emulator)).toHaveLength(1)
  })

  it.each([401, 403])('maps %i to an authentication error (exit 4) with the vendor message', async (status) => {
    const {emulator, list} = await setup()
    emulator.faults.add({path: '/api/v1/segments', fault: {type: 'status', status, body: {success: false, error: 'key revoked'}}})
    const error = await list().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthError)
    expect((error as Error).message).toContain('key revoked')
  })

  it('never re-sends a create whose outcome is unknown (5xx, reset after commit)', async () => {
    const {emulator, http} = await setup()
    const body = {name: 'X', root: {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'status', operator: 'is', value: 'a'}]}}
    emulator.faults.add({method: 'POST', path: '/api/v1/segments', times: 1, fault: {type: 'status', status: 500}})
    await expect(http.request({method: 'POST', path: '/api/v1/segments', body})).rejects.toThrow(AmbiguousWriteError)
    emulator.faults.add({method: 'POST', path: '/api/v1/segments', times: 1, fault: {type: 'reset-after'}})
    await expect(http.request({method: 'POST', path: '/api/v1/segments', body})).rejects.toThrow(AmbiguousWriteError)
    expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
    expect(emulator.state.segments.map((s) => s.name)).toEqual(['X'])
  })

  it('treats an error inside a 2xx body (Altcraft) like its status: retried when retryable, never a success', async () => {
    const emulator = await sequenzyEmulator()
    const http = await createHttpClient({
      baseUrl: emulator.url,
      vendor: 'Altcraft-like',
      headers: {authorization: `Bearer ${TEST_KEY}`},
      retry: {baseDelayMs: 5, maxDelayMs: 20},
      bodyError: (body) => {
        const b = body as {error?: number; error_text?: string}
        return b?.error ? {message: b.error_text ?? 'error', status: b.error} : undefined
      },
    })
    emulator.faults.add({path: '/api/v1/segments', times: 2, fault: {type: 'status', status: 200, body: {error: 429, error_text: 'Too many requests'}}})
    expect((await http.request({method: 'GET', path: '/api/v1/segments'})).body).toEqual({success: true, segments: []})
    expect(segmentGets(emulator)).toHaveLength(3)
    emulator.faults.add({path: '/api/v1/segments', fault: {type: 'status', status: 200, body: {error: 400, error_text: 'Incorrect request'}}})
    await expect(http.request({method: 'GET', path: '/api/v1/segments'})).rejects.toThrow(/Incorrect request/)
    expect(segmentGets(emulator)).toHaveLength(4)
  })

  it('reads a body as JSON, an empty or blank one as nothing, plain text as a string; broken JSON is retried, never read', async () => {
    const {emulator, http, list} = await setup({maxAttempts: 2})
    const answered = async (body: string) => {
      emulator.faults.add({path: '/api/v1/segments', times: 1, fault: {type: 'answer', status: 200, body}})
      return (await list()).body
    }
    expect(await answered('')).toBeUndefined()
    expect(await answered(' \n\t ')).toBeUndefined()
    expect(await answered(' {"segments": [1]} \n')).toEqual({segments: [1]})
    expect(await answered('42')).toBe(42)
    // Push0 answers a create with the bare id.
    expect(await answered(' seg_123\n')).toBe('seg_123')
    emulator.faults.add({path: '/api/v1/segments', times: 2, fault: {type: 'answer', status: 200, body: '{"segments": ['}})
    await expect(http.request({method: 'GET', path: '/api/v1/segments'})).rejects.toThrow(/not valid JSON/)
  })

  it('retries reads after a reset, a hung response and a truncated body', async () => {
    const {emulator, list} = await setup()
    emulator.faults.add({path: '/api/v1/segments', times: 1, fault: {type: 'reset-before'}})
    emulator.faults.add({path: '/api/v1/segments', skip: 1, times: 1, fault: {type: 'hang'}})
    emulator.faults.add({path: '/api/v1/segments', skip: 2, times: 1, fault: {type: 'truncate'}})
    expect((await list()).body).toEqual({success: true, segments: []})
    expect(segmentGets(emulator)).toHaveLength(4)
  })

  it('times out an answer that never starts, and one whose body stalls, and says so', async () => {
    const {emulator, list} = await setup({maxAttempts: 2})
    emulator.faults.add({path: '/api/v1/segments', fault: {type: 'hang'}})
    await expect(list()).rejects.toThrow(/GET \/api\/v1\/segments failed: timed out/)

    let sent = 0
    const server = createServer((_req, out) => {
      sent++
      out.writeHead(200, {'content-type': 'application/json', 'content-length': '100'})
      out.write('{"segments": [') // and nothing more
    })
    const port = await onLoopback(server)
    onTestFinished(() => server.closeAllConnections())
    const http = await createHttpClient({baseUrl: `http://127.0.0.1:${port}`, vendor: 'X', timeoutMs: 200, retry: {maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10}})
    onTestFinished(() => http.close())
    await expect(http.request({method: 'GET', path: '/x'})).rejects.toThrow(/gave up after 2 attempts\. Last: GET \/x failed: timed out/)
    expect(sent).toBe(2)
  })

  it('shares a read on its way with another client of the same account, and only while it is on its way', async () => {
    const emulator = await sequenzyEmulator()
    const reads = {onTheirWay: new Map<string, Promise<unknown>>(), written: false}
    const client = () => createHttpClient({baseUrl: emulator.url, vendor: 'Sequenzy', headers: {authorization: `Bearer ${TEST_KEY}`}, sharedReads: reads})
    const [team1, team2] = await Promise.all([client(), client()])
    onTestFinished(() => Promise.all([team1.close(), team2.close()]).then(() => undefined))
    const list = {method: 'GET', path: '/api/v1/segments'} as const
    const [a, b] = await Promise.all([team1.request(list), team2.request(list)])
    expect(segmentGets(emulator)).toHaveLength(1)
    // The same answer, each with its own body.
    expect(b.body).toEqual(a.body)
    expect(b.body).not.toBe(a.body)
    expect(team2.stats.requests).toBe(0)
    // Asked again once the first answer is in: asked again, not remembered.
    await team2.request(list)
    expect(segmentGets(emulator)).toHaveLength(2)
    expect(reads.onTheirWay.size).toBe(0)
    // A write is never shared, and after one no read is: an answer sent before it could hide it.
    const create = {method: 'POST', path: '/api/v1/segments', body: {name: 'New', root: {kind: 'group', joinOperator: 'and', children: []}}} as const
    await Promise.allSettled([team1.request(create), team2.request(create)])
    expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
    await Promise.all([team1.request(list), team2.request(list)])
    expect(segmentGets(emulator)).toHaveLength(4)
  })
})

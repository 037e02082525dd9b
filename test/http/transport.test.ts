// The wire under the HTTP layer (src/http/transport.ts): what a vendor's server sees of a
// request, the keep-alive sockets, the idle timeout and close.
import {createServer, type IncomingMessage, type Server} from 'node:http'
import type {AddressInfo, Socket} from 'node:net'
import {expect, it, onTestFinished} from 'vitest'
import {createTransport, TransportClosedError, WireTimeoutError} from '../../src/http/transport.js'
import {unansweredPort} from '../helpers/unanswered-port.js'

interface Seen {
  method: string
  headers: IncomingMessage['headers']
  body: string
  socket: Socket
}

async function server(answer: (seen: Seen, out: import('node:http').ServerResponse) => void): Promise<{url: URL; seen: Seen[]; sockets: Set<Socket>; server: Server}> {
  const seen: Seen[] = []
  const sockets = new Set<Socket>()
  const srv = createServer((req, out) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const s = {method: req.method!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), socket: req.socket}
      seen.push(s)
      answer(s, out)
    })
  })
  srv.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => {
    srv.closeAllConnections()
    return new Promise<void>((resolve) => srv.close(() => resolve()))
  })
  return {url: new URL(`http://127.0.0.1:${(srv.address() as AddressInfo).port}/x?a=1`), seen, sockets, server: srv}
}

const transport = (timeoutMs = 2_000) => {
  const t = createTransport({connections: 4, timeoutMs, keepAliveMs: 4_000})
  onTestFinished(() => t.close())
  return t
}

it('sends the body with its length (never chunked), leaves out headers without a value, and hands back status, headers and bytes', async () => {
  const {url, seen} = await server((_s, out) => {
    out.writeHead(201, {'content-type': 'application/json', 'x-many': ['a', 'b']})
    // "ü" is two bytes in UTF-8, sent in two pieces: the text is decoded across them.
    const bytes = Buffer.from('{"ok":"ü"}')
    out.write(bytes.subarray(0, 8))
    setTimeout(() => out.end(bytes.subarray(8)), 20)
  })
  const t = transport()
  const body = JSON.stringify({name: 'Käufer'})
  const res = await t.send(url, {method: 'POST', headers: {'content-type': 'application/json', 'x-absent': undefined}, body})
  expect(res.status).toBe(201)
  expect(res.text).toBe('{"ok":"ü"}')
  expect(res.headers['x-many']).toBe('a, b')
  expect(seen[0]!.method).toBe('POST')
  expect(seen[0]!.body).toBe(body)
  expect(seen[0]!.headers['content-length']).toBe(String(Buffer.byteLength(body)))
  expect(seen[0]!.headers['transfer-encoding']).toBeUndefined()
  expect(seen[0]!.headers).not.toHaveProperty('x-absent')

  await t.send(url, {method: 'DELETE', headers: {}})
  expect(seen[1]!.headers['transfer-encoding']).toBeUndefined()
})

it('keeps one connection alive across requests one after the other, and close ends it', async () => {
  const {url, seen, sockets} = await server((_s, out) => out.end('{}'))
  const t = createTransport({connections: 4, timeoutMs: 2_000, keepAliveMs: 4_000})
  for (let i = 0; i < 3; i++) await t.send(url, {method: 'GET', headers: {}})
  expect(new Set(seen.map((s) => s.socket)).size).toBe(1)
  expect(sockets.size).toBe(1)
  await t.close()
  await expect.poll(() => sockets.size).toBe(0)
  await expect(t.send(url, {method: 'GET', headers: {}})).rejects.toBeInstanceOf(TransportClosedError)
  expect(seen).toHaveLength(3)
})

it('times out on silence, not on a long answer that keeps coming', async () => {
  const {url} = await server((s, out) => {
    if (s.headers['x-case'] === 'silent') return // never answers
    // 400 ms in all, a piece every 50 ms: longer than the timeout, never silent for as long.
    out.writeHead(200, {'content-type': 'application/json'})
    out.write('[0')
    let i = 0
    const tick = setInterval(() => {
      if (++i < 8) return void out.write(`,${i}`)
      clearInterval(tick)
      out.end(']')
    }, 50)
  })
  const t = transport(150)
  const long = await t.send(url, {method: 'GET', headers: {'x-case': 'slow'}})
  expect(JSON.parse(long.text)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  const silent = await t.send(url, {method: 'GET', headers: {'x-case': 'silent'}}).catch((e: unknown) => e)
  expect(silent).toMatchObject({code: 'ETIMEDOUT', message: 'timed out'})
})

it('reports a refused connection with its code, as never sent', async () => {
  const {url, server: srv} = await server((_s, out) => out.end('{}'))
  srv.closeAllConnections()
  await new Promise<void>((resolve) => srv.close(() => resolve()))
  const error = await transport().send(url, {method: 'POST', headers: {}, body: '{}'}).catch((e: unknown) => e)
  expect(error).toMatchObject({code: 'ECONNREFUSED'})
})

it('says a connection that never completes timed out while connecting: the request was never sent', async () => {
  const port = await unansweredPort()
  const t = createTransport({connections: 4, timeoutMs: 200, keepAliveMs: 4_000})
  onTestFinished(() => t.close())
  const error = await t.send(new URL(`http://127.0.0.1:${port}/x`), {method: 'POST', headers: {}, body: '{}'}).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(WireTimeoutError)
  expect((error as WireTimeoutError).code).toBe('ECONNECTTIMEOUT')
})

it('speaks TLS to an https endpoint, and refuses a certificate it cannot verify', async () => {
  const {createServer: createTlsServer} = await import('node:https')
  const {readFileSync} = await import('node:fs')
  const tls = new URL('../fixtures/tls/', import.meta.url) // a self-signed certificate for 127.0.0.1, for tests only
  let answered = 0
  const srv = createTlsServer({key: readFileSync(new URL('key.pem', tls)), cert: readFileSync(new URL('cert.pem', tls))}, (_req, out) => {
    answered++
    out.end('{}')
  })
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => srv.close(() => resolve())))
  const t = createTransport({connections: 4, timeoutMs: 2_000, keepAliveMs: 4_000})
  onTestFinished(() => t.close())
  const error = await t.send(new URL(`https://127.0.0.1:${(srv.address() as AddressInfo).port}/x`), {method: 'GET', headers: {}}).catch((e: unknown) => e)
  expect(error).toMatchObject({code: 'DEPTH_ZERO_SELF_SIGNED_CERT'})
  expect(answered).toBe(0)
})

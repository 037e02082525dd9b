// segsync's own HTTP/1.1 client over real sockets (src/http/connections.ts, http1-request.ts):
// what goes on the wire, when a connection is used again, waiting for a free one, and answers
// from a server that does not speak HTTP properly.
import {spawn} from 'node:child_process'
import {once} from 'node:events'
import {createServer as createHttpServer} from 'node:http'
import {createServer, type AddressInfo, type Server, type Socket} from 'node:net'
import {fileURLToPath} from 'node:url'
import {describe, expect, it, onTestFinished} from 'vitest'
import {InvalidRequestError, requestHead} from '../../src/http/http1-request.js'
import {createTransport} from '../../src/http/transport.js'

/** A TCP server that hands every request's bytes to `answer` with its socket. */
async function tcpServer(answer: (request: string, socket: Socket, nth: number) => void): Promise<{url: URL; sockets: Socket[]; requests: string[]}> {
  const sockets: Socket[] = []
  const requests: string[] = []
  const srv: Server = createServer((socket) => {
    sockets.push(socket)
    let pending = ''
    socket.on('data', (piece) => {
      pending += piece.toString('latin1')
      let end: number
      while ((end = pending.indexOf('\r\n\r\n')) >= 0) {
        const request = pending.slice(0, end + 4)
        pending = pending.slice(end + 4)
        requests.push(request)
        answer(request, socket, requests.length)
      }
    })
    socket.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => {
    for (const s of sockets) s.destroy()
    return new Promise<void>((resolve) => srv.close(() => resolve()))
  })
  return {url: new URL(`http://127.0.0.1:${(srv.address() as AddressInfo).port}/x?a=1`), sockets, requests}
}

const transport = (connections = 4, timeoutMs = 2_000) => {
  const t = createTransport({connections, timeoutMs, keepAliveMs: 4_000})
  onTestFinished(() => t.close())
  return t
}

const ok = (body = '{}') => `HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`

describe('the request on the wire', () => {
  it('is the request line, Host, the fields and the length of the body', () => {
    const url = new URL('http://127.0.0.1:8080/api/v1/segments?status=a%20b&limit=100')
    expect(requestHead(url, {method: 'GET', headers: {accept: 'application/json', 'x-none': undefined}})).toBe(
      'GET /api/v1/segments?status=a%20b&limit=100 HTTP/1.1\r\nhost: 127.0.0.1:8080\r\naccept: application/json\r\n\r\n',
    )
    expect(requestHead(new URL('https://api.example.com/v1'), {method: 'POST', headers: {'Content-Length': '99', connection: 'close'}, body: '{"n":"ü"}'})).toBe(
      'POST /v1 HTTP/1.1\r\nhost: api.example.com\r\ncontent-length: 10\r\n\r\n',
    )
    // A write without a body says so; a read or a delete sends no length.
    expect(requestHead(url, {method: 'PATCH', headers: {}})).toContain('content-length: 0\r\n')
    expect(requestHead(url, {method: 'DELETE', headers: {}})).not.toContain('content-length')
  })

  it('refuses a field, method or target that would change the request on the wire, naming the field and never its value', () => {
    const url = new URL('http://127.0.0.1/x')
    const injected = () => requestHead(url, {method: 'GET', headers: {authorization: 'Bearer sk_secret\r\nX-Evil: 1'}})
    expect(injected).toThrow(InvalidRequestError)
    expect(injected).toThrow('Invalid character in header content ["authorization"]')
    try {
      injected()
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('sk_secret')
      expect(error).toMatchObject({code: 'ERR_INVALID_CHAR'})
    }
    expect(() => requestHead(url, {method: 'GET /x', headers: {}})).toThrow(/Method must be a valid HTTP token/)
    expect(() => requestHead(url, {method: 'GET', headers: {'bad name': 'x'}})).toThrow(/Header name/)
  })

  it('sends nothing when the request is refused', async () => {
    const {url, sockets} = await tcpServer((_r, socket) => socket.write(ok()))
    const error = await transport()
      .send(url, {method: 'GET', headers: {authorization: 'a\nb'}})
      .catch((e: unknown) => e)
    expect(error).toMatchObject({code: 'ERR_INVALID_CHAR'})
    expect(sockets).toHaveLength(0)
  })
})

describe('connections', () => {
  it('waits for a free connection when all are busy, and never opens more than allowed', async () => {
    const {url, sockets, requests} = await tcpServer((_r, socket, nth) => setTimeout(() => socket.write(ok(`{"n":${nth}}`)), 20))
    const t = transport(2)
    const answers = await Promise.all(Array.from({length: 7}, () => t.send(url, {method: 'GET', headers: {}})))
    expect(answers.map((a) => JSON.parse(a.text) as {n: number}).map((b) => b.n).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(requests).toHaveLength(7)
    expect(sockets).toHaveLength(2)
  })

  it('does not use a connection again after Connection: close, bytes it did not ask for, or a body framed by its end', async () => {
    const {url, sockets} = await tcpServer((request, socket) => {
      if (request.includes('x-case: close')) socket.write('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}')
      else if (request.includes('x-case: extra')) socket.write(`${ok()}HTTP/1.1 200 OK\r\n`)
      else if (request.includes('x-case: until-end')) socket.end('HTTP/1.1 200 OK\r\n\r\n{"to":"the end"}')
      else socket.write(ok())
    })
    const t = transport()
    for (const c of ['close', 'extra', 'until-end', 'plain', 'plain']) {
      const res = await t.send(url, {method: 'GET', headers: {'x-case': c}})
      expect(res.status).toBe(200)
    }
    // One connection each for close, extra and until-end; the two plain requests share the fourth.
    expect(sockets).toHaveLength(4)
  })

  it('opens a new connection when the vendor closed an idle one', async () => {
    const {url, sockets} = await tcpServer((_r, socket) => {
      socket.write(ok())
      setTimeout(() => socket.end(), 10) // the server's own keep-alive ran out
    })
    const t = transport()
    await t.send(url, {method: 'GET', headers: {}})
    await expect.poll(() => sockets[0]!.destroyed || sockets[0]!.readyState === 'closed' || !sockets[0]!.writable).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const again = await t.send(url, {method: 'GET', headers: {}})
    expect(again.status).toBe(200)
    expect(sockets).toHaveLength(2)
  })

  it('fails an answer that is not HTTP/1.1 with EBADANSWER, and one cut off with ECONNRESET', async () => {
    const {url} = await tcpServer((request, socket) => {
      if (request.includes('x-case: garbage')) socket.write('SSH-2.0-OpenSSH_9.6\r\n\r\n')
      else socket.end('HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{"cut":')
    })
    const t = transport()
    await expect(t.send(url, {method: 'GET', headers: {'x-case': 'garbage'}})).rejects.toMatchObject({code: 'EBADANSWER', message: 'the answer is not HTTP/1.1: the status line "SSH-2.0-OpenSSH_9.6"'})
    await expect(t.send(url, {method: 'GET', headers: {'x-case': 'cut'}})).rejects.toMatchObject({code: 'ECONNRESET', message: 'aborted'})
  })

  it('reads what a Node server sends: chunked pieces, several header values, HEAD and 204', async () => {
    const srv = createHttpServer((req, out) => {
      if (req.url === '/none') {
        out.writeHead(204)
        return void out.end()
      }
      out.writeHead(200, {'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2']})
      if (req.method === 'HEAD') return void out.end()
      out.write('[1,')
      setTimeout(() => out.end('2]'), 10)
    })
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => {
      srv.closeAllConnections()
      return new Promise<void>((resolve) => srv.close(() => resolve()))
    })
    const base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`
    const t = transport(1)
    const got = await t.send(new URL(`${base}/list`), {method: 'GET', headers: {}})
    expect(got).toMatchObject({status: 200, text: '[1,2]', headers: {'set-cookie': 'a=1, b=2', 'transfer-encoding': 'chunked'}})
    expect(await t.send(new URL(`${base}/list`), {method: 'HEAD', headers: {}})).toMatchObject({status: 200, text: ''})
    expect(await t.send(new URL(`${base}/none`), {method: 'DELETE', headers: {}})).toMatchObject({status: 204, text: ''})
  })

  it('lets the process exit while connections wait idle for the next request', async () => {
    // The vendor keeps its end of the connection open for a minute; the client process, which
    // never closes its transport, exits anyway once its work is done.
    const srv = createHttpServer((_q, out) => out.end('{}'))
    srv.keepAliveTimeout = 60_000
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => {
      srv.closeAllConnections()
      return new Promise<void>((resolve) => srv.close(() => resolve()))
    })
    const transportJs = fileURLToPath(new URL('../../dist/http/transport.js', import.meta.url))
    const script = `
      const {createTransport} = await import(${JSON.stringify(transportJs)})
      const t = createTransport({connections: 4, timeoutMs: 120000, keepAliveMs: 120000})
      const res = await t.send(new URL(process.env.URL), {method: 'GET', headers: {}})
      console.log(res.status)`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {env: {...process.env, URL: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`}, timeout: 20_000})
    let out = ''
    child.stdout.on('data', (piece: Buffer) => (out += piece.toString()))
    child.stderr.on('data', (piece: Buffer) => (out += piece.toString()))
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null]
    expect(out.trim()).toBe('200')
    expect(signal).toBeNull() // not killed by the 20 s timeout
    expect(code).toBe(0)
  })
})

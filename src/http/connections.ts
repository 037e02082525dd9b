/**
 * The connections to a vendor, kept open between requests: per origin, at most `connections`
 * sockets (plain TCP, or TLS for https), each carrying one request at a time; a request waits
 * for a free one when all are busy. A connection is used again only when its last answer ended
 * cleanly (http1-answer.ts decides); the most recently freed goes first, so the others can age
 * out. An idle connection closes after `keepAliveMs`, or when the vendor closes it, and never
 * keeps the process alive.
 *
 * One timeout covers the three ways a request can stall: no connection, no answer, a body that
 * stops. It is the socket's idle timeout, so a long body that keeps arriving is never cut. A
 * request that stalls before its connection is made (or, for TLS, before the handshake ended)
 * fails with `ECONNECTTIMEOUT`: nothing was sent.
 */
import {createRequire} from 'node:module'
import {connect as netConnect, isIP, type Socket} from 'node:net'
import {readAnswer, type Answer, type AnswerReader} from './http1-answer.js'
import {WireTimeoutError} from './wire-errors.js'

export interface ConnectionsOptions {
  /** Sockets per origin: also bounds concurrent requests. */
  connections: number
  /** How long a socket may wait for a connection, an answer, or more of a body. */
  timeoutMs: number
  /** How long an idle socket is kept for the next request: under the vendor's own keep-alive. */
  keepAliveMs: number
}

export interface Connections {
  /** Sends `head` (and `body`) on a connection to `url`'s origin and reads the answer. */
  exchange(url: URL, head: string, body: string | undefined, method: string, maxBytes: number): Promise<Answer>
  /** Closes every connection at once (the caller lets requests under way finish first). */
  destroy(): void
}

interface Connection {
  socket: Socket
  /** Connected (and, for TLS, the handshake done): from then on a request may have been sent. */
  ready: boolean
  current?: {reader: AnswerReader; fail: (error: Error) => void}
}

interface Origin {
  hostname: string
  port: number
  secure: boolean
  all: Set<Connection>
  idle: Connection[]
  waiting: Array<(conn: Connection) => void>
  /** The last TLS session, offered again so a new connection can skip the full handshake. */
  session?: Buffer
}

const require = createRequire(import.meta.url)

export function createConnections(options: ConnectionsOptions): Connections {
  const origins = new Map<string, Origin>()

  function originOf(url: URL): Origin {
    const key = `${url.protocol}//${url.host}`
    let origin = origins.get(key)
    if (!origin) {
      const secure = url.protocol === 'https:'
      // URL keeps an IPv6 address in brackets; a socket wants it without.
      const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname
      origin = {hostname, port: Number(url.port || (secure ? 443 : 80)), secure, all: new Set(), idle: [], waiting: []}
      origins.set(key, origin)
    }
    return origin
  }

  function open(origin: Origin): Connection {
    const {hostname: host, port} = origin
    const socket: Socket = origin.secure
      ? // TLS loads with the first https origin: the emulators speak plain HTTP.
        (require('node:tls') as typeof import('node:tls')).connect({host, port, servername: isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'], session: origin.session})
      : netConnect({host, port})
    const conn: Connection = {socket, ready: false}
    origin.all.add(conn)
    socket.setNoDelay(true)
    socket.once(origin.secure ? 'secureConnect' : 'connect', () => (conn.ready = true))
    if (origin.secure) socket.on('session', (session: Buffer) => (origin.session = session))
    socket.on('data', (piece: Buffer) => {
      if (conn.current) conn.current.reader.push(piece)
      else socket.destroy() // bytes nobody asked for: the connection is not trusted again
    })
    socket.on('timeout', () => {
      if (conn.current) socket.destroy(new WireTimeoutError(conn.ready ? 'ETIMEDOUT' : 'ECONNECTTIMEOUT'))
      else socket.destroy() // idle for keepAliveMs
    })
    socket.on('error', (error) => conn.current?.fail(error))
    socket.on('end', () => {
      if (conn.current) conn.current.reader.end()
      else socket.destroy()
    })
    socket.on('close', () => {
      origin.all.delete(conn)
      const at = origin.idle.indexOf(conn)
      if (at >= 0) origin.idle.splice(at, 1)
      conn.current?.reader.end()
      // A request waiting for a free connection may open one now.
      const next = origin.waiting.shift()
      if (next) next(open(origin))
    })
    return conn
  }

  function acquire(origin: Origin, start: (conn: Connection) => void): void {
    while (origin.idle.length > 0) {
      const conn = origin.idle.pop()!
      if (!conn.socket.destroyed && conn.socket.writable) return start(conn)
    }
    if (origin.all.size < options.connections) return start(open(origin))
    origin.waiting.push(start)
  }

  function release(origin: Origin, conn: Connection): void {
    const next = origin.waiting.shift()
    if (next) return next(conn)
    conn.socket.setTimeout(options.keepAliveMs)
    conn.socket.unref()
    origin.idle.push(conn)
  }

  return {
    exchange(url, head, body, method, maxBytes) {
      const origin = originOf(url)
      return new Promise<Answer>((resolve, reject) => {
        acquire(origin, (conn) => {
          const {socket} = conn
          const fail = (error: Error): void => {
            conn.current = undefined
            socket.destroy()
            reject(error)
          }
          const reader = readAnswer({
            method,
            maxBytes,
            done: (answer) => {
              conn.current = undefined
              if (answer.reusable) release(origin, conn)
              else socket.destroy()
              resolve(answer)
            },
            fail,
          })
          conn.current = {reader, fail}
          socket.ref()
          socket.setTimeout(options.timeoutMs)
          socket.cork()
          socket.write(head, 'latin1')
          if (body !== undefined && body !== '') socket.write(body, 'utf8')
          socket.uncork()
        })
      })
    },
    destroy() {
      for (const origin of origins.values()) for (const conn of origin.all) conn.socket.destroy()
    },
  }
}

/**
 * What the wire (transport.ts) can fail with, beyond the socket's own errors (ECONNREFUSED,
 * ECONNRESET, a TLS code…). client.ts words each for people and decides what is retried.
 */

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

/**
 * Bytes that are not an HTTP/1.1 answer (a status line, a header or a chunk size that does not
 * parse, a length given twice differently). Retried like a dropped connection for a read; for a
 * write, its outcome is unknown.
 */
export class MalformedAnswerError extends Error {
  readonly code = 'EBADANSWER'
  constructor(what: string) {
    super(`the answer is not HTTP/1.1: ${what}`)
  }
}

/** The connection ended before the answer did: `socket hang up` when nothing came, `aborted` when part of it did. As Node's own client reports it. */
export class ConnectionEndedError extends Error {
  readonly code = 'ECONNRESET'
  constructor(partly: boolean) {
    super(partly ? 'aborted' : 'socket hang up')
  }
}

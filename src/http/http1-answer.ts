/**
 * An HTTP/1.1 answer read from a connection's bytes as they arrive (RFC 9112): the status line,
 * the header fields, then the body as its framing says (§6.3): none for HEAD, 1xx, 204 and 304;
 * chunked, when that is the last transfer coding; Content-Length; else up to the connection's end.
 * An uncompressed body is decoded piece by piece while the rest is on the wire; a compressed one
 * is kept as bytes for transport.ts to decompress.
 *
 * Vendor answers are untrusted input: a status line, field or chunk size that does not parse, a
 * Content-Length given twice differently, a header section over 64 KB or a body over the limit
 * fail the answer, and a connection that carried anything doubtful (a body framed by its end,
 * both Transfer-Encoding and Content-Length, bytes after the answer, `Connection: close`, HTTP/1.0
 * without keep-alive) is not used again.
 */
import {StringDecoder} from 'node:string_decoder'
import {FIELD_VALUE, TOKEN} from './http1-syntax.js'
import {AnswerTooLargeError, ConnectionEndedError, MalformedAnswerError} from './wire-errors.js'

export interface Answer {
  status: number
  /** Field names in lower case; a field given more than once has its values joined with ", ". */
  headers: Record<string, string>
  /** The body as text when it came uncompressed (`encoding` ''); '' otherwise. */
  text: string
  /** The body's bytes when it came compressed. */
  bytes: Buffer[]
  /** Content-Encoding in lower case, '' for none (or `identity`). */
  encoding: string
  /** The connection may carry the next request. */
  reusable: boolean
}

export interface AnswerReader {
  /** The next bytes from the connection. */
  push(piece: Buffer): void
  /** The connection ended: the end of a body framed by it, else the answer is cut off. */
  end(): void
}

export interface ReadAnswerOptions {
  /** The request's method: a HEAD answer has no body. */
  method: string
  /** The longest body read, in bytes on the wire. */
  maxBytes: number
  done: (answer: Answer) => void
  fail: (error: Error) => void
}

const MAX_HEAD = 64 * 1024
const MAX_LINE = 4 * 1024
const STATUS_LINE = /^HTTP\/1\.([01]) ([1-9]\d\d)(?: |$)/
const CHUNK_SIZE = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/

type State = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailer' | 'until-end' | 'over'

export function readAnswer(options: ReadAnswerOptions): AnswerReader {
  let state: State = 'head'
  let head: Buffer | undefined // the header section so far, when it spans pieces
  let received = false // any byte of this answer
  let line = '' // a chunk-size or trailer line so far
  let trailerBytes = 0
  let left = 0 // of the body (Content-Length) or of the chunk
  let bodyBytes = 0
  let decoder: StringDecoder | undefined
  let answer: Answer | undefined

  const fail = (error: Error): void => {
    if (state === 'over') return
    state = 'over'
    options.fail(error)
  }

  const finish = (extra: boolean): void => {
    if (state === 'over' || !answer) return
    state = 'over'
    if (decoder) answer.text += decoder.end()
    if (extra) answer.reusable = false
    options.done(answer)
  }

  /** Body bytes, counted against the limit. */
  const take = (bytes: Buffer): boolean => {
    bodyBytes += bytes.length
    if (bodyBytes > options.maxBytes) {
      fail(new AnswerTooLargeError(options.maxBytes))
      return false
    }
    if (decoder) answer!.text += decoder.write(bytes)
    else answer!.bytes.push(bytes)
    return true
  }

  /** Up to `left` body bytes from `at`: the index after them, or -1 when they failed the answer (its limit). */
  const takeLeft = (piece: Buffer, at: number): number => {
    const n = Math.min(left, piece.length - at)
    if (n > 0 && !take(piece.subarray(at, at + n))) return -1
    left -= n
    return at + n
  }

  /** Up to and without the next CRLF (from `at`), kept in `line` across pieces; the index after it, or -1. */
  const takeLine = (piece: Buffer, at: number): number => {
    const lf = piece.indexOf(10, at)
    line += piece.toString('latin1', at, lf < 0 ? piece.length : lf)
    if (lf < 0) {
      if (line.length > MAX_LINE) fail(new MalformedAnswerError('a chunk line longer than 4 KB'))
      return -1
    }
    if (!line.endsWith('\r')) {
      fail(new MalformedAnswerError('a line that does not end in CRLF'))
      return -1
    }
    line = line.slice(0, -1)
    return lf + 1
  }

  /** The header section (without its blank line): the answer, or undefined for a 1xx to skip. False when it failed. */
  const parseHead = (text: string): Answer | undefined | false => {
    const lines = text.split('\r\n')
    const status = STATUS_LINE.exec(lines[0]!)
    if (!status) {
      fail(new MalformedAnswerError(`the status line ${JSON.stringify(lines[0]!.slice(0, 40))}`))
      return false
    }
    const code = Number(status[2])
    // No prototype: a field named like an Object method (`constructor`) is a field like any other.
    const headers = Object.create(null) as Record<string, string>
    for (let i = 1; i < lines.length; i++) {
      const field = lines[i]!
      const colon = field.indexOf(':')
      const name = colon > 0 ? field.slice(0, colon) : ''
      if (!TOKEN.test(name)) {
        fail(new MalformedAnswerError(`the header line ${JSON.stringify(field.slice(0, 40))}`))
        return false
      }
      const value = field.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')
      if (!FIELD_VALUE.test(value)) {
        fail(new MalformedAnswerError(`a control character in the header ${name}`))
        return false
      }
      const key = name.toLowerCase()
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`
    }
    if (code === 101) {
      fail(new MalformedAnswerError('101 Switching Protocols, which segsync never asks for'))
      return false
    }
    if (code < 200) return undefined
    const tokens = (headers.connection ?? '').toLowerCase().split(',').map((t) => t.trim())
    const keepAlive = status[1] === '1' ? !tokens.includes('close') : tokens.includes('keep-alive')
    const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase()
    return {status: code, headers, text: '', bytes: [], encoding: encoding === 'identity' ? '' : encoding, reusable: keepAlive}
  }

  /** How the body is framed, once the head is in (RFC 9112 §6.3). False when it failed. */
  const frame = (a: Answer): boolean => {
    if (a.encoding === '') decoder = new StringDecoder('utf8')
    if (options.method === 'HEAD' || a.status === 204 || a.status === 304) {
      state = 'length'
      left = 0
      return true
    }
    const transfer = a.headers['transfer-encoding']
    const length = a.headers['content-length']
    if (transfer !== undefined) {
      const codings = transfer.toLowerCase().split(',').map((t) => t.trim())
      // Both framings given: Transfer-Encoding wins, and the connection is not trusted again.
      if (length !== undefined) a.reusable = false
      if (codings.at(-1) === 'chunked') state = 'chunk-size'
      else {
        state = 'until-end'
        a.reusable = false
      }
      return true
    }
    if (length !== undefined) {
      const values = length.split(',').map((v) => v.trim())
      if (!values.every((v) => v === values[0]) || !/^\d{1,15}$/.test(values[0]!)) {
        fail(new MalformedAnswerError(`Content-Length ${JSON.stringify(length.slice(0, 40))}`))
        return false
      }
      left = Number(values[0])
      if (left > options.maxBytes) {
        fail(new AnswerTooLargeError(options.maxBytes))
        return false
      }
      state = 'length'
      return true
    }
    state = 'until-end'
    a.reusable = false
    return true
  }

  /** The header section from `at`: the index after it, or -1 when more is needed (or it failed). */
  const readHead = (piece: Buffer, at: number): number => {
    // Nearly always the whole section is in one piece; otherwise the pieces so far are joined.
    const before = head?.length ?? 0
    const bytes = head ? Buffer.concat([head, piece.subarray(at)]) : piece.subarray(at)
    const end = bytes.indexOf('\r\n\r\n', Math.max(0, before - 3), 'latin1')
    if (end < 0 || end > MAX_HEAD) {
      head = bytes
      if (bytes.length > MAX_HEAD) fail(new MalformedAnswerError('a header section longer than 64 KB'))
      return -1
    }
    head = undefined
    const parsed = parseHead(bytes.toString('latin1', 0, end))
    if (parsed === false) return -1
    // The index in `piece` after the blank line.
    const next = at + end + 4 - before
    if (parsed === undefined) return next // a 1xx: the real answer follows
    answer = parsed
    return frame(parsed) ? next : -1
  }

  const push = (piece: Buffer): void => {
    let at = 0
    if (piece.length > 0) received = true
    while (state !== 'over') {
      if (state === 'head') {
        if (at >= piece.length) return
        at = readHead(piece, at)
        if (at < 0) return
        continue
      }
      if (state === 'length') {
        at = takeLeft(piece, at)
        if (at >= 0 && left === 0) finish(at < piece.length)
        return
      }
      if (state === 'until-end') {
        if (at < piece.length) take(piece.subarray(at))
        return
      }
      if (state === 'chunk-data') {
        at = takeLeft(piece, at)
        if (at < 0 || left > 0) return
        state = 'chunk-end'
        continue
      }
      // chunk-size, chunk-end, trailer: a line each
      if (at >= piece.length) return
      const next = takeLine(piece, at)
      if (next < 0) return
      at = next
      const text = line
      line = ''
      if (state === 'chunk-end') {
        if (text !== '') return fail(new MalformedAnswerError('a chunk longer than its size'))
        state = 'chunk-size'
      } else if (state === 'chunk-size') {
        const size = CHUNK_SIZE.exec(text)
        if (!size) return fail(new MalformedAnswerError(`the chunk size ${JSON.stringify(text.slice(0, 40))}`))
        left = parseInt(size[1]!, 16)
        if (bodyBytes + left > options.maxBytes) return fail(new AnswerTooLargeError(options.maxBytes))
        state = left === 0 ? 'trailer' : 'chunk-data'
      } else {
        trailerBytes += text.length + 2
        if (trailerBytes > MAX_HEAD) return fail(new MalformedAnswerError('trailer fields longer than 64 KB'))
        if (text === '') return finish(at < piece.length)
      }
    }
  }

  return {
    push,
    end() {
      if (state === 'until-end') return finish(false)
      fail(new ConnectionEndedError(received))
    },
  }
}

// An HTTP/1.1 answer read from bytes as they arrive (src/http/http1-answer.ts): every framing,
// whatever pieces the bytes come in, and every way an answer can be broken.
import {gzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {readAnswer, type Answer} from '../../src/http/http1-answer.js'
import {AnswerTooLargeError, ConnectionEndedError, MalformedAnswerError} from '../../src/http/wire-errors.js'

type Outcome = {answer: Answer} | {error: Error} | 'pending'

/** Feeds `bytes` in `pieces` (cut points), then ends the connection when `end`. */
function read(bytes: Buffer, {cuts = [], method = 'GET', maxBytes = 1 << 20, end = false}: {cuts?: number[]; method?: string; maxBytes?: number; end?: boolean} = {}): Outcome {
  let outcome: Outcome = 'pending'
  const reader = readAnswer({method, maxBytes, done: (answer) => (outcome = {answer}), fail: (error) => (outcome = {error})})
  let at = 0
  for (const cut of [...cuts, bytes.length]) {
    reader.push(bytes.subarray(at, cut))
    at = cut
  }
  if (end) reader.end()
  return outcome
}

/** The same answer read whole, one byte at a time, and in random pieces. */
function everyWay(bytes: Buffer, options: {method?: string; end?: boolean} = {}): Outcome {
  const whole = read(bytes, options)
  const bytewise = read(bytes, {...options, cuts: Array.from({length: bytes.length - 1}, (_, i) => i + 1)})
  expect(bytewise).toEqual(whole)
  let seed = 7
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
  for (let round = 0; round < 20; round++) {
    const cuts = [...new Set(Array.from({length: 1 + Math.floor(random() * 6)}, () => 1 + Math.floor(random() * (bytes.length - 1))))].sort((a, b) => a - b)
    expect(read(bytes, {...options, cuts})).toEqual(whole)
  }
  return whole
}

const bytes = (text: string) => Buffer.from(text, 'utf8')
const answerOf = (outcome: Outcome): Answer => {
  if (outcome === 'pending' || 'error' in outcome) throw new Error(`no answer: ${outcome === 'pending' ? 'pending' : outcome.error.message}`)
  return outcome.answer
}
const errorOf = (outcome: Outcome): Error => {
  if (outcome === 'pending' || !('error' in outcome)) throw new Error('no error')
  return outcome.error
}

describe('framing', () => {
  it('reads a Content-Length body, UTF-8 split anywhere, and joins a field given twice', () => {
    const body = '{"ok":"üü"}'
    const a = answerOf(everyWay(bytes(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Many: a\r\nx-many:  b \r\n\r\n${body}`)))
    expect(a).toEqual({status: 200, headers: {'content-type': 'application/json', 'content-length': '13', 'x-many': 'a, b'}, text: body, bytes: [], encoding: '', reusable: true})
  })

  it('reads a chunked body with extensions and trailer fields', () => {
    const a = answerOf(everyWay(bytes('HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\n{"a":\r\n4 \r\n"ü"\r\n1\r\n}\r\n0\r\nX-Trailer: t\r\n\r\n')))
    expect(a.status).toBe(201)
    expect(a.text).toBe('{"a":"ü"}')
    expect(a.reusable).toBe(true)
  })

  it('skips 1xx answers before the real one', () => {
    const a = answerOf(everyWay(bytes('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}')))
    expect(a).toMatchObject({status: 200, text: '{}', headers: {'content-length': '2'}})
  })

  it('reads no body for HEAD, 204 and 304, whatever their length says', () => {
    expect(answerOf(everyWay(bytes('HTTP/1.1 200 OK\r\nContent-Length: 120\r\n\r\n'), {method: 'HEAD'}))).toMatchObject({text: '', reusable: true})
    expect(answerOf(everyWay(bytes('HTTP/1.1 204 No Content\r\n\r\n')))).toMatchObject({status: 204, text: '', reusable: true})
    expect(answerOf(everyWay(bytes('HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n')))).toMatchObject({status: 304, text: ''})
    expect(answerOf(everyWay(bytes('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')))).toMatchObject({status: 200, text: ''})
  })

  it('reads a body without a length up to the connection end, and never uses that connection again', () => {
    expect(read(bytes('HTTP/1.1 200 OK\r\n\r\n{"a":1}'))).toBe('pending')
    expect(answerOf(everyWay(bytes('HTTP/1.1 200 OK\r\n\r\n{"a":1}'), {end: true}))).toMatchObject({text: '{"a":1}', reusable: false})
    // A transfer coding that is not chunked last: also up to the end.
    expect(answerOf(read(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxx'), {end: true}))).toMatchObject({text: 'xx', reusable: false})
  })

  it('keeps the body of a compressed answer as bytes', () => {
    const zipped = gzipSync('{"a":1}')
    const a = answerOf(read(Buffer.concat([bytes(`HTTP/1.1 200 OK\r\nContent-Encoding: GZIP\r\nContent-Length: ${zipped.length}\r\n\r\n`), zipped])))
    expect(a.encoding).toBe('gzip')
    expect(a.text).toBe('')
    expect(Buffer.concat(a.bytes)).toEqual(zipped)
    expect(answerOf(read(bytes('HTTP/1.1 200 OK\r\nContent-Encoding: identity\r\nContent-Length: 2\r\n\r\n{}')))).toMatchObject({encoding: '', text: '{}'})
  })
})

describe('whether the connection is used again', () => {
  const ok = 'Content-Length: 2\r\n\r\n{}'
  it.each([
    ['HTTP/1.1, nothing said', `HTTP/1.1 200 OK\r\n${ok}`, true],
    ['Connection: close', `HTTP/1.1 200 OK\r\nConnection: Close\r\n${ok}`, false],
    ['HTTP/1.0', `HTTP/1.0 200 OK\r\n${ok}`, false],
    ['HTTP/1.0 with keep-alive', `HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n${ok}`, true],
    ['bytes after the answer', `HTTP/1.1 200 OK\r\n${ok}HTTP/1.1`, false],
    ['Transfer-Encoding and Content-Length both', 'HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n', false],
  ])('%s', (_what, text, reusable) => {
    const a = answerOf(read(bytes(text)))
    expect(a.text).toBe('{}')
    expect(a.reusable).toBe(reusable)
  })

  it('accepts a length given twice alike', () => {
    expect(answerOf(read(bytes('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}')))).toMatchObject({text: '{}'})
  })
})

describe('an answer that is not HTTP/1.1 fails, and says what was wrong', () => {
  it.each([
    ['a status line of another protocol', 'HTTP/2 200 OK\r\n\r\n', /status line/],
    ['no status line', '{"ok":true}\r\n\r\n', /status line/],
    ['a status code of two digits', 'HTTP/1.1 20 OK\r\n\r\n', /status line/],
    ['a header line without a colon', 'HTTP/1.1 200 OK\r\nBroken\r\n\r\n', /header line/],
    ['a header name with a space', 'HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n', /header line/],
    ['a folded header line', 'HTTP/1.1 200 OK\r\nX-A: 1\r\n  folded\r\nContent-Length: 0\r\n\r\n', /header line/],
    ['a bare CR in a value', 'HTTP/1.1 200 OK\r\nX-A: 1\r2\r\n\r\n', /control character in the header X-A/],
    ['two different lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}', /Content-Length/],
    ['a length that is not a number', 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n', /Content-Length/],
    ['a chunk size that is not hex', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', /chunk size/],
    ['a chunk longer than its size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{}\r\n0\r\n\r\n', /longer than its size/],
    ['a chunk line ending in LF alone', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\n{}', /CRLF/],
    ['101 Switching Protocols', 'HTTP/1.1 101 Switching Protocols\r\n\r\n', /101/],
  ])('%s', (_what, text, message) => {
    const error = errorOf(everyWay(bytes(text)))
    expect(error).toBeInstanceOf(MalformedAnswerError)
    expect(error.message).toMatch(message)
    expect((error as MalformedAnswerError).code).toBe('EBADANSWER')
  })

  it('a header section or a chunk line that never ends', () => {
    expect(errorOf(read(bytes(`HTTP/1.1 200 OK\r\nX-Long: ${'a'.repeat(70_000)}`)))).toMatchObject({message: /header section longer than 64 KB/})
    expect(errorOf(read(bytes(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${'0'.repeat(5000)}`)))).toMatchObject({message: /chunk line longer than 4 KB/})
  })
})

describe('limits and cut-off answers', () => {
  it('stops at the answer limit whatever the framing, before reading past it', () => {
    const max = {maxBytes: 10}
    expect(errorOf(read(bytes('HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n'), max))).toBeInstanceOf(AnswerTooLargeError)
    expect(errorOf(read(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n123456\r\n6\r\n'), max))).toBeInstanceOf(AnswerTooLargeError)
    expect(errorOf(read(bytes(`HTTP/1.1 200 OK\r\n\r\n${'x'.repeat(11)}`), max))).toBeInstanceOf(AnswerTooLargeError)
    expect(answerOf(read(bytes('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789'), max)).text).toBe('0123456789')
  })

  it('calls a connection that ends before the answer does a reset: "socket hang up" before any byte, "aborted" after some', () => {
    const none = errorOf(read(Buffer.alloc(0), {end: true}))
    expect(none).toBeInstanceOf(ConnectionEndedError)
    expect(none).toMatchObject({code: 'ECONNRESET', message: 'socket hang up'})
    expect(errorOf(read(bytes('HTTP/1.1 200 OK\r\nContent-Le'), {end: true}))).toMatchObject({code: 'ECONNRESET', message: 'aborted'})
    expect(errorOf(read(bytes('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n{}'), {end: true}))).toMatchObject({code: 'ECONNRESET', message: 'aborted'})
    expect(errorOf(read(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n'), {end: true}))).toMatchObject({message: 'aborted'})
  })

  it('reports once: nothing after the answer or the failure reaches the caller', () => {
    const seen: string[] = []
    const reader = readAnswer({method: 'GET', maxBytes: 100, done: () => seen.push('done'), fail: (e) => seen.push(e.message)})
    reader.push(bytes('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}'))
    reader.push(bytes('garbage'))
    reader.end()
    expect(seen).toEqual(['done'])
  })
})

/**
 * A request as HTTP/1.1 puts it on the wire (RFC 9112 §3): the request line, Host, the header
 * fields, and the body with its length (never chunked). A method, target or field that would
 * change the request's meaning on the wire (a space, CR, LF, NUL) is refused before anything is
 * sent; the refusal names the field, never its value (a key may be in it).
 */
import {FIELD_VALUE, TOKEN} from './http1-syntax.js'
import type {WireRequest} from './transport.js'

const TARGET = /^[\x21-\x7e]+$/
// Methods whose request has a body by nature: without one they say so with Content-Length: 0, as Node's client does.
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])

/** A request the wire cannot carry as given: nothing was sent. */
export class InvalidRequestError extends TypeError {
  constructor(
    readonly code: 'ERR_INVALID_CHAR' | 'ERR_UNESCAPED_CHARACTERS' | 'ERR_INVALID_HTTP_TOKEN',
    message: string,
  ) {
    super(message)
  }
}

/** The request's header section, to be written as latin1 (as HTTP/1.1 fields are); the body follows it as UTF-8. */
export function requestHead(url: URL, req: WireRequest): string {
  if (!TOKEN.test(req.method)) throw new InvalidRequestError('ERR_INVALID_HTTP_TOKEN', `Method must be a valid HTTP token ["${req.method.replace(/[^\x20-\x7e]/g, '?')}"]`)
  const target = url.pathname + url.search
  if (!TARGET.test(target)) throw new InvalidRequestError('ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters')
  let fields = ''
  let host = false
  for (const name in req.headers) {
    const value = req.headers[name]
    if (value === undefined) continue
    if (!TOKEN.test(name)) throw new InvalidRequestError('ERR_INVALID_HTTP_TOKEN', `Header name must be a valid HTTP token ["${name.replace(/[^\x20-\x7e]/g, '?')}"]`)
    if (!FIELD_VALUE.test(value)) throw new InvalidRequestError('ERR_INVALID_CHAR', `Invalid character in header content ["${name}"]`)
    const lower = name.toLowerCase()
    // The length is the body's own; the framing is never the caller's.
    if (lower === 'content-length' || lower === 'transfer-encoding' || lower === 'connection') continue
    if (lower === 'host') host = true
    fields += `${name}: ${value}\r\n`
  }
  if (req.body !== undefined) fields += `content-length: ${Buffer.byteLength(req.body)}\r\n`
  else if (BODY_METHODS.has(req.method)) fields += 'content-length: 0\r\n'
  return `${req.method} ${target} HTTP/1.1\r\n${host ? '' : `host: ${url.host}\r\n`}${fields}\r\n`
}

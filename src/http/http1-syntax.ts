/**
 * HTTP/1.1's field syntax (RFC 9110 §5.1, §5.5), shared by the request written, the answer read
 * and the key checked before either (connect/endpoint.ts).
 */

/** A method or a field name. */
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** A field value: any visible or obs-text byte, spaces and tabs; never CR, LF or NUL. */
export const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

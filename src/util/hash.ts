import {createHash} from 'node:crypto'

/**
 * JSON with object keys sorted, so equal values hash equally whatever their key order. Built in
 * one string, without intermediate arrays: a plan runs it on every managed segment.
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + stableStringify(value[i])
    return out + ']'
  }
  const record = value as Record<string, unknown>
  // Default sort orders by UTF-16 code units, as `a < b` does.
  const keys = Object.keys(record).sort()
  let out = '{'
  for (const key of keys) {
    const v = record[key]
    if (v === undefined) continue
    out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + stableStringify(v)
  }
  return out + '}'
}

/**
 * Whether two JSON values are equal whatever their key order (an undefined property counts as
 * absent): `stableStringify(a) === stableStringify(b)`, without building either string.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return stableStringify(a) === stableStringify(b)
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    if (a.length !== other.length) return false
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], other[i])) return false
    return true
  }
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  let defined = 0
  for (const key in x) {
    if (x[key] === undefined) continue
    defined++
    if (!Object.hasOwn(y, key) || !sameJson(x[key], y[key])) return false
  }
  for (const key in y) if (y[key] !== undefined) defined--
  return defined === 0
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export function fingerprint(value: unknown): string {
  return `sha256:${sha256(stableStringify(value))}`
}

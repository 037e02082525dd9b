import type {JsonPath} from '../model.js'

/** A `{ "$segment": "<name>" }` reference found in a body, with where it is. */
export interface SegmentRef {
  name: string
  path: JsonPath
}

export function isSegmentRef(value: unknown): value is {$segment: string} {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as {$segment?: unknown}).$segment === 'string' &&
    Object.keys(value).length === 1
  )
}

/** Every `{ $segment }` reference anywhere in `value`, in document order. */
export function findSegmentRefs(value: unknown, path: JsonPath = []): SegmentRef[] {
  if (isSegmentRef(value)) return [{name: value.$segment, path}]
  if (Array.isArray(value)) return value.flatMap((v, i) => findSegmentRefs(v, [...path, i]))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => findSegmentRefs(v, [...path, k]))
  }
  return []
}

/** A copy of `value` with every `{ $segment }` replaced by what `resolve` returns for its name. */
export function replaceSegmentRefs(value: unknown, resolve: (name: string) => unknown): unknown {
  if (isSegmentRef(value)) return resolve(value.$segment)
  if (Array.isArray(value)) return value.map((v) => replaceSegmentRefs(v, resolve))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceSegmentRefs(v, resolve)]))
  }
  return value
}

import type {Definition, JsonPath} from '../model.js'

/** A `{ "$segment": "<name>" }` reference found in a body, with where it is. */
export interface SegmentRef {
  name: string
  path: JsonPath
}

export function isSegmentRef(value: unknown): value is {$segment: string} {
  if (typeof value !== 'object' || value === null || typeof (value as {$segment?: unknown}).$segment !== 'string') return false
  for (const key in value) if (key !== '$segment') return false
  return !Array.isArray(value)
}

/**
 * Every `{ $segment }` reference anywhere in `value`, in document order. Runs over every remote
 * segment of a plan (thousands), so it walks with one path stack instead of copying paths.
 */
export function findSegmentRefs(value: unknown, path: JsonPath = []): SegmentRef[] {
  const found: SegmentRef[] = []
  const stack = [...path]
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return
    if (isSegmentRef(v)) {
      found.push({name: v.$segment, path: [...stack]})
      return
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        stack.push(i)
        walk(v[i])
        stack.pop()
      }
      return
    }
    for (const key in v) {
      stack.push(key)
      walk((v as Record<string, unknown>)[key])
      stack.pop()
    }
  }
  walk(value)
  return found
}

const refsOfBody = new WeakMap<object, SegmentRef[]>()

/**
 * The references of a body, found once: validate, the dependency graph, the diff and the impact
 * graph all ask for them, and a body is not changed after it is loaded. Read only.
 */
export function segmentRefsOf(body: object): readonly SegmentRef[] {
  let refs = refsOfBody.get(body)
  if (!refs) refsOfBody.set(body, (refs = findSegmentRefs(body)))
  return refs
}

/** No reference (a file whose text has none): shared by every such definition. */
export const NO_SEGMENT_REFS: readonly SegmentRef[] = Object.freeze([])

/**
 * A definition's references: those validate knew from its file's text (none, recorded on the
 * definition itself: a WeakMap entry per body took 3.5-10 ms of a plan over 5,000 files), or else
 * its body's, found once.
 */
export function definitionRefs(definition: Definition): readonly SegmentRef[] {
  return definition.segmentRefs ?? segmentRefsOf(definition.body)
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

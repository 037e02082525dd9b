import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../../src/util/package-root.js'

/**
 * Small edits of a JSON value, for holding a fast validator to ajv's answers (precompiled and lean
 * validators): at each object, each key dropped, each string value changed (to a near miss and to
 * another tag of the same schema), an unknown key added, each value and each array item replaced by each of
 * `others`; each array emptied. They reach every branch of a oneOf the validators dispatch by tag.
 */
export function edits(value: unknown, strings: string[], others: unknown[] = []): unknown[] {
  if (Array.isArray(value)) {
    return [[], ...value.flatMap((item, i) => [...edits(item, strings, others), ...others].map((e) => value.map((v, j) => (j === i ? e : v))))]
  }
  if (value === null || typeof value !== 'object') return []
  const entries = Object.entries(value)
  const out: unknown[] = [{...value, extra: 1}]
  for (const [key, v] of entries) {
    out.push(Object.fromEntries(entries.filter(([k]) => k !== key)))
    const replacements = typeof v === 'string' ? [`${v}x`, 5, ...strings.filter((s) => s !== v)] : [null, 'x', ...edits(v, strings, others)]
    for (const r of [...replacements, ...others]) out.push({...value, [key]: r})
  }
  return out
}

/** The repository's example definitions of `vendor` (segments/<vendor>/*.json): valid values to edit. Segment tests (*.segtest.json) sit beside them but are not definitions. */
export function exampleDefinitions(vendor: string): Array<Record<string, unknown>> {
  const dir = join(packageRoot, 'segments', vendor)
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.segtest.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>)
}

/**
 * `count` values made from `values` by a few edits at once (one to four, at random places): a
 * value at any depth replaced by one of `strings` or `others`, or by a part of another value; a
 * key dropped or added; an array item dropped or repeated. `edits` makes each edit alone; these
 * combine them, so a checker is also held to values wrong (or right) in several places. The
 * same `seed` gives the same values.
 */
export function randomEdits(values: unknown[], strings: string[], others: unknown[], count: number, seed: number): unknown[] {
  let state = seed >>> 0
  // mulberry32: a small PRNG whose sequence is fixed by its seed.
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const out: unknown[] = []
  for (let n = 0; n < count; n++) {
    let value = structuredClone(pick(values))
    for (let e = Math.floor(random() * 4); e >= 0; e--) {
      const [path, here] = pick(placesOf(value))
      const kind = random()
      if (kind < 0.7) {
        const replacement = kind < 0.3 ? pick(others) : kind < 0.5 ? pick(strings) : pick(placesOf(pick(values)))[1]
        value = replaceAt(value, path, structuredClone(replacement))
      } else if (Array.isArray(here) && here.length > 0) {
        const at = Math.floor(random() * here.length)
        if (kind < 0.85) here.splice(at, 1)
        else here.splice(at, 0, structuredClone(here[at]))
      } else if (here !== null && typeof here === 'object') {
        const keys = Object.keys(here)
        const record = here as Record<string, unknown>
        if (kind < 0.85 && keys.length > 0) delete record[pick(keys)]
        else setOwn(record, pick([...strings, 'extra', '__proto__']), structuredClone(pick(others)))
      }
    }
    out.push(value)
  }
  return out
}

/** Every place in `value`: its path and what is there, the value itself first. */
function placesOf(value: unknown, path: Array<string | number> = [], out: Array<[Array<string | number>, unknown]> = []): Array<[Array<string | number>, unknown]> {
  out.push([path, value])
  if (Array.isArray(value)) value.forEach((item, i) => placesOf(item, [...path, i], out))
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) placesOf(item, [...path, key], out)
  return out
}

function replaceAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement
  let holder = value as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>
  setOwn(holder, path.at(-1)!, replacement)
  return value
}

/** `holder[key] = value` as JSON.parse writes it: an own property even for `__proto__`. */
function setOwn(holder: object, key: string | number, value: unknown): void {
  Object.defineProperty(holder, key, {value, enumerable: true, writable: true, configurable: true})
}

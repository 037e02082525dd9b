// The diff asks sameJson whether a remote segment equals its definition; it must answer exactly
// what comparing the two canonical JSON strings (stableStringify) would.
import {describe, expect, it} from 'vitest'
import {sameJson, stableStringify} from '../../src/util/hash.js'

const values: unknown[] = [
  null,
  undefined,
  0,
  1,
  '1',
  '',
  true,
  false,
  [],
  {},
  [null],
  [undefined],
  [1, 2],
  [2, 1],
  {a: 1},
  {a: 1, b: undefined},
  {a: null},
  {b: 2, a: 1},
  {a: 1, b: 2},
  {a: {b: [1, {c: 'x'}]}},
  {a: {b: [1, {c: 'y'}]}},
  {a: {b: [1, {c: 'x', d: undefined}]}},
  {0: 'a'},
  ['a'],
  {constructor: 1},
  {toString: undefined},
  // Own keys only, as JSON: an inherited enumerable key counts for nothing; no prototype is fine.
  Object.assign(Object.create({a: 2}) as object, {b: 2}),
  Object.assign(Object.create(null) as object, {a: 1, b: 2}),
  {b: 2},
  {root: {joinOperator: 'and', children: {'status is "a"': {field: 'status', operator: 'is', value: 'a'}}}},
  {root: {joinOperator: 'or', children: {'status is "a"': {field: 'status', operator: 'is', value: 'a'}}}},
  {root: {joinOperator: 'and', children: {'status is "a"': {field: 'status', operator: 'is', value: {$segment: 'A'}}}}},
]

describe('sameJson', () => {
  it('agrees with comparing stableStringify on every pair', () => {
    let equal = 0
    for (const a of values) {
      for (const b of values) {
        const expected = stableStringify(a) === stableStringify(b)
        expect(sameJson(a, b), `${stableStringify(a)} vs ${stableStringify(b)}`).toBe(expected)
        if (expected) equal++
      }
    }
    // Beyond each value with itself, some pairs are equal by JSON's rules (key order, undefined).
    expect(equal).toBeGreaterThan(values.length)
  })
})

/** The definition of canonical JSON: keys sorted by code unit at every depth, then JSON.stringify. */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => sortedCopy(v) ?? null)
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(keys.map((k) => [k, sortedCopy((value as Record<string, unknown>)[k])]))
}

describe('stableStringify', () => {
  it('is JSON.stringify of the value with its keys sorted at every depth', () => {
    for (const v of values) expect(stableStringify(v), JSON.stringify(v)).toBe(JSON.stringify(sortedCopy(v)) ?? 'null')
  })

  it('sorts keys by code unit, not by locale, and writes what JSON writes for odd values', () => {
    // Fingerprints in saved plans are sha256 of this text: it must never change for a value.
    expect(stableStringify({b: 1, B: 2, a: [undefined, 'é', {z: null, 'ä': true}], ['10']: 0, ['9']: 0})).toBe('{"10":0,"9":0,"B":2,"a":[null,"é",{"z":null,"ä":true}],"b":1}')
    expect(stableStringify({a: undefined})).toBe('{}')
    expect(stableStringify(undefined)).toBe('null')
    expect(stableStringify('x"y')).toBe('"x\\"y"')
  })
})

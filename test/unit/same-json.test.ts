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

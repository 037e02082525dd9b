/**
 * util/hash.ts: stableStringify keeps its exact output (saved plans hash with it), and sameJson
 * answers exactly what comparing two stableStringify strings answers.
 */
import {describe, expect, it} from 'vitest'
import {sameJson, stableStringify} from '../../src/util/hash.js'

/** The first implementation, kept as the reference for the output. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`
}

/** A small deterministic generator (no Math.random: a failure must reproduce). */
function values(seed: number) {
  let state = seed
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const keys = ['a', 'b', 'B', 'é', 'z', 'field', 'value', '', '10', '9']
  const leaf = (): unknown => [null, undefined, 0, 1, -1.5, '', 'x', 'é"\\', true, false][Math.floor(next() * 10)]
  const gen = (depth: number): unknown => {
    const r = next()
    if (depth > 2 || r < 0.4) return leaf()
    if (r < 0.65) return Array.from({length: Math.floor(next() * 3)}, () => gen(depth + 1))
    const out: Record<string, unknown> = {}
    for (let i = Math.floor(next() * 4); i > 0; i--) out[keys[Math.floor(next() * keys.length)]!] = gen(depth + 1)
    return out
  }
  return gen
}

/** The same value with its keys in another order (and sometimes one value changed). */
function shuffled(value: unknown, flip: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffled(v, flip))
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).reverse()
    if (flip && entries.length > 0) entries[0] = [entries[0]![0], entries[0]![1] === 1 ? 2 : 1]
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffled(v, false)]))
  }
  return value
}

describe('stableStringify and sameJson', () => {
  it('writes exactly what the first implementation wrote', () => {
    const gen = values(7)
    for (let i = 0; i < 2000; i++) {
      const v = gen(0)
      expect(stableStringify(v)).toBe(reference(v))
    }
  })

  it('says two values are the same exactly when their stable strings are', () => {
    const gen = values(11)
    let same = 0
    for (let i = 0; i < 3000; i++) {
      const a = gen(0)
      const b = i % 3 === 0 ? gen(0) : shuffled(a, i % 3 === 1)
      const expected = reference(a) === reference(b)
      if (expected) same++
      expect(sameJson(a, b), `${reference(a)} vs ${reference(b)}`).toBe(expected)
    }
    expect(same).toBeGreaterThan(500)
  })

  it('counts an undefined property as absent, and a null one as present', () => {
    expect(sameJson({a: 1, b: undefined}, {a: 1})).toBe(true)
    expect(sameJson({a: 1, b: null}, {a: 1})).toBe(false)
    expect(sameJson({a: 1}, {a: 1, b: undefined})).toBe(true)
    expect(sameJson([1, {x: [2]}], [1, {x: [2, 3]}])).toBe(false)
  })
})

/**
 * diffFields walks the two bodies itself; it replaced the deep-diff library, and must find the
 * same edits it did: the plan's field lines, apply's drift check and pull's words all read them.
 * Random JSON pairs (a seeded generator) and the edge cases are compared with deep-diff's answer,
 * converted as field-diff.ts converted it.
 */
import deepDiff from 'deep-diff'
import {describe, expect, it} from 'vitest'
import {diffFields} from '../../src/core/diff/field-diff.js'
import type {JsonPath} from '../../src/core/model.js'
import type {FieldEdit} from '../../src/core/provider.js'

/** The edits as field-diff.ts read them from deep-diff, before this walk. */
function deepDiffEdits(before: unknown, after: unknown): FieldEdit[] {
  const changes: FieldEdit[] = []
  for (const d of deepDiff.diff(before as object, after as object) ?? []) {
    const path: JsonPath = [...((d.path as JsonPath | undefined) ?? [])]
    if (d.kind === 'A') {
      path.push(d.index)
      if (d.item.kind === 'N') changes.push({path, kind: 'add', after: d.item.rhs})
      else if (d.item.kind === 'D') changes.push({path, kind: 'remove', before: d.item.lhs})
      else if (d.item.kind === 'E') changes.push({path, kind: 'change', before: d.item.lhs, after: d.item.rhs})
    } else if (d.kind === 'N') changes.push({path, kind: 'add', after: d.rhs})
    else if (d.kind === 'D') changes.push({path, kind: 'remove', before: d.lhs})
    else if (d.kind === 'E') changes.push({path, kind: 'change', before: d.lhs, after: d.rhs})
  }
  return changes
}

/** Each edit as a line (its raw path, kind and values): diffFields' through the provider's words, deep-diff's directly. */
function expected(before: unknown, after: unknown) {
  const line = (c: FieldEdit) => `${c.kind} at ${JSON.stringify(c.path)}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`
  const said: string[] = []
  diffFields(before, after, (c) => (said.push(line(c)), undefined))
  return {ours: said.sort(), theirs: deepDiffEdits(before, after).map(line).sort()}
}

function random(seed: number): () => number {
  let s = seed
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
}

function value(r: () => number, depth: number): unknown {
  const k = r()
  if (depth > 3 || k < 0.35) return [null, true, false, 0, 1, 2.5, '', 'a', 'b', 'vip'][Math.floor(r() * 10)]
  if (k < 0.6) return Array.from({length: Math.floor(r() * 4)}, () => value(r, depth + 1))
  const out: Record<string, unknown> = {}
  for (let i = Math.floor(r() * 4); i > 0; i--) out[['a', 'b', 'c', 'group #1', '1', 'root'][Math.floor(r() * 6)]!] = value(r, depth + 1)
  return out
}

/** A copy of `v` with a few random changes: values replaced, keys dropped or added, items pushed or popped. */
function mutate(v: unknown, r: () => number, depth = 0): unknown {
  if (r() < 0.15) return value(r, depth)
  if (Array.isArray(v)) {
    const out = v.map((x) => mutate(x, r, depth + 1))
    if (r() < 0.2) out.push(value(r, depth + 1))
    if (r() < 0.2) out.pop()
    return out
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, x] of Object.entries(v)) if (r() > 0.1) out[key] = mutate(x, r, depth + 1)
    if (r() < 0.2) out[['a', 'x', 'root'][Math.floor(r() * 3)]!] = value(r, depth + 1)
    return out
  }
  return v
}

describe('diffFields', () => {
  it('finds the edits deep-diff found, over 3,000 random pairs of JSON bodies', () => {
    const r = random(19)
    let differing = 0
    for (let i = 0; i < 3000; i++) {
      const before = {body: value(r, 0), label: 'S'}
      const after = mutate(before, r)
      const {ours, theirs} = expected(before, after)
      expect(ours, JSON.stringify({before, after})).toEqual(theirs)
      if (theirs.length > 0) differing++
    }
    // The generator really makes edits of every kind, not mostly equal pairs.
    expect(differing).toBeGreaterThan(1500)
  })

  it('agrees on the edge cases: undefined members, type changes, array lengths, holes, NaN, no edits at all', () => {
    const pairs: Array<[unknown, unknown]> = [
      [{a: undefined}, {}],
      [{}, {a: undefined}],
      [{a: undefined}, {a: 1}],
      [{a: 1}, {a: null}],
      [{a: [1, 2]}, {a: {0: 1, 1: 2}}],
      [{a: [1]}, {a: [1, 2, 3]}],
      [{a: [1, 2, 3]}, {a: [2]}],
      [{a: [1, , 3]}, {a: [1, 2, 3]}],
      [{a: Number.NaN}, {a: Number.NaN}],
      [{a: 1, b: {c: [{d: 'x'}]}}, {a: 1, b: {c: [{d: 'x'}]}}],
      [undefined, {a: 1}],
      [{a: 1}, undefined],
      ['x', 'y'],
    ]
    for (const [before, after] of pairs) {
      const {ours, theirs} = expected(before, after)
      expect(ours, JSON.stringify([before, after])).toEqual(theirs)
    }
  })

  it('keeps the before and after values of each edit and sorts the edits by path', () => {
    expect(diffFields({name: 'A', rules: ['x'], tag: 'vip'}, {name: 'B', rules: ['x', 'y']}).map(({path, kind, before, after}) => ({path, kind, before, after}))).toEqual([
      {path: 'name', kind: 'change', before: 'A', after: 'B'},
      {path: 'rules[1]', kind: 'add', before: undefined, after: 'y'},
      {path: 'tag', kind: 'remove', before: 'vip', after: undefined},
    ])
  })
})

/**
 * Sequenzy's `readsAs` tells the diff a segment is unchanged without mapping it. It must say so
 * exactly where the full path does, `sameJson(toDefinitionBody(raw), body)`: held to that over
 * random vendor trees (server ids, extra keys, references by known and unknown id, empty checks,
 * missing or null join operators) against the definition each reads as, and against copies of it
 * with a few random changes.
 */
import {describe, expect, it} from 'vitest'
import {diffWorkspace} from '../../src/core/diff/diff-workspace.js'
import type {RemoteSegment} from '../../src/core/model.js'
import type {Provider} from '../../src/core/provider.js'
import {readsAs, toDefinitionBody} from '../../src/providers/sequenzy/mapping.js'
import {sequenzy} from '../../src/providers/sequenzy/index.js'
import {sameJson} from '../../src/util/hash.js'
import {definition} from '../helpers/builders.js'

const names = new Map([
  ['seg_1', 'A'],
  ['seg_2', 'Other'],
])
const nameOf = (id: string) => names.get(id)

function random(seed: number): () => number {
  let s = seed
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
}
const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!

const VALUES = ['', undefined, 'seg_1', 'seg_2', 'seg_404', 'gold', null, 5, {$segment: 'A'}, ['a', 'b']] as const

/** A vendor node as Sequenzy may answer it: ids, extra keys, any of the values a leaf can hold. */
function remoteNode(r: () => number, depth: number): Record<string, unknown> {
  const node: Record<string, unknown> = {}
  if (depth < 3 && r() < 0.35) {
    node.kind = 'group'
    if (r() < 0.7) node.id = `g${Math.floor(r() * 100)}`
    const join = pick(r, ['and', 'or', 'and', undefined, null])
    if (join !== undefined || r() < 0.5) node.joinOperator = join
    node.children = Array.from({length: Math.floor(r() * 4)}, () => remoteNode(r, depth + 1))
    if (r() < 0.1) node.createdAt = '2026-01-01'
    return node
  }
  const kind = pick(r, ['filter', 'filter', 'filter', undefined, 'rule'])
  if (kind !== undefined) node.kind = kind
  if (r() < 0.7) node.id = `f${Math.floor(r() * 100)}`
  node.field = pick(r, ['segment', 'segment', 'attribute', 'email', 'event'])
  node.operator = pick(r, ['is', 'is_not', 'is_empty', 'is_not_empty', 'contains'])
  const value = pick(r, VALUES)
  if (value !== undefined || r() < 0.5) node.value = value
  if (r() < 0.1) node.attribute = 'plan'
  return node
}

/** A copy of `v` with a few random changes: values replaced, keys dropped, set to undefined or null, added, children reordered. */
function mutate(v: unknown, r: () => number): unknown {
  if (r() < 0.08) return pick(r, VALUES)
  if (Array.isArray(v)) {
    const out = v.map((x) => mutate(x, r))
    if (r() < 0.1 && out.length > 1) out.reverse()
    if (r() < 0.05) out.pop()
    return out
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, x] of Object.entries(v)) {
      const k = r()
      if (k < 0.05) continue
      out[key] = k < 0.08 ? undefined : k < 0.1 ? null : mutate(x, r)
    }
    if (r() < 0.05) out[pick(r, ['id', 'value', 'kind', 'note'])] = pick(r, VALUES)
    return out
  }
  return v
}

/** What the full diff path compares. */
const full = (raw: unknown, body: Record<string, unknown>) => sameJson(toDefinitionBody(raw, nameOf), body)

describe('Sequenzy readsAs', () => {
  it('says "unchanged" exactly where the mapped body is the same JSON, over 4,000 random vendor trees', () => {
    const r = random(41)
    let same = 0
    let mutated = 0
    for (let i = 0; i < 4000; i++) {
      const raw = {id: `seg_${i}`, name: `S${i}`, root: remoteNode(r, 0)}
      const read = toDefinitionBody(raw, nameOf)
      const asRead = structuredClone(read)
      expect(readsAs(raw, asRead, nameOf), JSON.stringify(raw)).toBe(true)
      same++
      for (let m = 0; m < 3; m++) {
        const body = {...(mutate(asRead, r) as Record<string, unknown>)}
        if (r() < 0.05) body.description = 'not a field'
        const expected = full(raw, body)
        expect(readsAs(raw, body, nameOf), `${JSON.stringify(raw)} against ${JSON.stringify(body)}`).toBe(expected)
        if (!expected) mutated++
      }
    }
    // The mutations change the body often enough that "false" is exercised too.
    expect(same).toBe(4000)
    expect(mutated).toBeGreaterThan(4000)
  })

  it('leaves to the full diff what it does not walk: a legacy segment with no root, and a tree strip would not read', () => {
    const legacy = {id: 'seg_9', name: 'L', filterJoinOperator: 'and', filters: [{field: 'email', operator: 'contains', value: 'x'}]}
    expect(full(legacy, toDefinitionBody(legacy, nameOf))).toBe(true)
    expect(readsAs(legacy, toDefinitionBody(legacy, nameOf), nameOf)).toBe(false)
    expect(readsAs({root: {kind: 'group', joinOperator: 'and', children: [null]}}, {root: {kind: 'group', joinOperator: 'and', children: [null]}}, nameOf)).toBe(false)
    expect(readsAs({root: {kind: 'group', joinOperator: 'and'}}, {root: {kind: 'group', joinOperator: 'and'}}, nameOf)).toBe(false)
    expect(readsAs(null, {root: {}}, nameOf)).toBe(false)
  })

  it('reads a reference by the name of the segment it holds the id of, and an unknown id as it is', () => {
    const raw = {root: {kind: 'group', id: 'g', joinOperator: 'and', children: [{kind: 'filter', id: 'f', field: 'segment', operator: 'is', value: 'seg_1'}]}}
    const body = (value: unknown) => ({root: {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'segment', operator: 'is', value}]}})
    expect(readsAs(raw, body({$segment: 'A'}), nameOf)).toBe(true)
    expect(readsAs(raw, body('seg_1'), nameOf)).toBe(false)
    expect(readsAs(raw, body({$segment: 'Other'}), nameOf)).toBe(false)
    expect(readsAs(raw, body({$segment: 'A'}), () => undefined)).toBe(false)
    expect(readsAs(raw, body('seg_1'), () => undefined)).toBe(true)
  })

  it('lets the diff skip mapping a segment that reads as its definition, and gives the same diff as without it', () => {
    const mapped: string[] = []
    const counting: Provider = {...sequenzy, toDefinition: (remote, n) => (mapped.push(remote.name), sequenzy.toDefinition(remote, n))}
    const {readsAs: _shortcut, ...withoutShortcut} = counting
    const tree = (value: string) => ({kind: 'group', id: 'g1', joinOperator: 'and', children: [{kind: 'filter', id: 'f1', field: 'email', operator: 'contains', value}]})
    const remotes: RemoteSegment[] = [
      {id: 'seg_1', name: 'Same', raw: {id: 'seg_1', name: 'Same', root: tree('@acme.com')}},
      {id: 'seg_2', name: 'Edited', raw: {id: 'seg_2', name: 'Edited', root: tree('@old.com')}},
    ]
    const body = {root: {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'email', operator: 'contains', value: '@acme.com'}]}}
    const definitions = [definition('Same', undefined, {body}), definition('Edited', undefined, {body})]
    const fast = diffWorkspace({definitions, remotes, provider: counting, prune: false})
    expect(fast.unchanged).toEqual(['Same'])
    expect(fast.changes.map((c) => c.name)).toEqual(['Edited'])
    expect(mapped).toEqual(['Edited'])
    mapped.length = 0
    expect(diffWorkspace({definitions, remotes, provider: withoutShortcut, prune: false})).toEqual(fast)
    expect(mapped).toEqual(['Same', 'Edited'])
  })
})

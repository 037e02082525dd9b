/**
 * The before/after of an update as a reviewer reads it: a collapsed ```diff of the normalised
 * bodies, keys in a stable order, one leaf per line, only around the changes when the body is big.
 */
import {describe, expect, it} from 'vitest'
import {bodyDiff} from '../../src/render/markdown/body-diff.js'
import {diffLines, hunks} from '../../src/render/line-diff.js'
import {renderChange} from '../../src/render/markdown/change.js'
import {change} from '../helpers/plan-document.js'
import {textsOf, toHtml} from '../helpers/render-html.js'

const update = (before: Record<string, unknown>, afterNormalized: Record<string, unknown>) => change('update', 'VIP', {before, afterNormalized})

describe('diffLines and hunks', () => {
  it('finds the smallest set of removed and added lines', () => {
    expect(diffLines(['a', 'b', 'c', 'd'], ['a', 'c', 'x', 'd']).map((l) => `${l.op}${l.text}`)).toEqual([' a', '-b', ' c', '+x', ' d'])
  })

  it('numbers hunks as diff -u does, merging changes closer than the context', () => {
    const a = Array.from({length: 30}, (_, i) => `l${i}`)
    const b = a.map((l, i) => (i === 5 || i === 7 ? `${l}!` : i === 25 ? `${l}?` : l))
    expect(hunks(diffLines(a, b), 2).map((h) => [h.before, h.after, h.lines.length])).toEqual([
      [{start: 4, count: 7}, {start: 4, count: 7}, 9],
      [{start: 24, count: 5}, {start: 24, count: 5}, 6],
    ])
    expect(hunks(diffLines([], ['x']), 3).map((h) => [h.before, h.after])).toEqual([[{start: 0, count: 0}, {start: 1, count: 1}]])
  })
})

describe('bodyDiff', () => {
  it('shows a small body whole, keys sorted at every level, one leaf per line, collapsed', () => {
    const md = bodyDiff(update({root: {op: 'and', children: [{tag: 'vip'}]}, b: 1}, {b: 1, root: {children: [{tag: 'vip'}, {status: 'active'}], op: 'or'}}))!
    expect(md.startsWith('<details><summary>Normalised body, before → after (+4 −1 lines)</summary>\n\n```diff\n')).toBe(true)
    const html = toHtml(md)
    expect(textsOf(html, 'summary')).toEqual(['Normalised body, before → after (+4 −1 lines)'])
    expect(textsOf(html, 'pre')).toEqual([
      [
        ' {',
        '   "b": 1,',
        '   "root": {',
        '     "children": [',
        '       {',
        '         "tag": "vip"',
        '+      },',
        '+      {',
        '+        "status": "active"',
        '       }',
        '     ],',
        '-    "op": "and"',
        '+    "op": "or"',
        '   }',
        ' }',
        '',
      ].join('\n'),
    ])
  })

  it('shows a big body only around its changes, with hunk headers', () => {
    const before = Object.fromEntries(Array.from({length: 60}, (_, i) => [`k${String(i).padStart(2, '0')}`, i]))
    const md = bodyDiff(update(before, {...before, k30: 'changed'}))!
    const lines = textsOf(toHtml(md), 'pre')[0]!.trimEnd().split('\n')
    expect(lines).toEqual(['@@ -29,7 +29,7 @@', '   "k27": 27,', '   "k28": 28,', '   "k29": 29,', '-  "k30": 30,', '+  "k30": "changed",', '   "k31": 31,', '   "k32": 32,', '   "k33": 33,'])
  })

  it('is left out when the bodies are the same (a rename), and for creates and deletes', () => {
    expect(bodyDiff(update({a: 1}, {a: 1}))).toBeUndefined()
    expect(bodyDiff(change('create', 'New'))).toBeUndefined()
    expect(bodyDiff(change('delete', 'Old'))).toBeUndefined()
  })

  it('caps a huge diff and says where the rest is', () => {
    const before = Object.fromEntries(Array.from({length: 200}, (_, i) => [`k${String(i).padStart(3, '0')}`, i]))
    const after = Object.fromEntries(Object.keys(before).map((k) => [k, 'x']))
    const md = bodyDiff(update(before, after))!
    expect(textsOf(toHtml(md), 'pre')[0]!.trimEnd().split('\n')).toHaveLength(80)
    expect(md).toMatch(/_… \d+ more lines: the plan JSON has both bodies \(`before`, `afterNormalized`\)\._\n\n<\/details>$/)
  })

  it('is in the full form of an update, and not in its shorter forms', () => {
    const u = update({a: 1}, {a: 2})
    expect(renderChange(u)).toContain('<details><summary>Normalised body')
    expect(renderChange(u, {noDiff: true})).not.toContain('<details>')
    expect(renderChange(u, {compact: true})).not.toContain('<details>')
  })
})

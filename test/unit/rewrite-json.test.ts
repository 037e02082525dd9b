/**
 * JSON definitions rewritten in place (src/rewrite/json-file.ts): only what changed changes, byte
 * for byte; everything else keeps its text ($schema, key order, segsync fields, one-line filters,
 * indentation, line ends).
 */
import {describe, expect, it} from 'vitest'
import {RewriteRefusal} from '../../src/rewrite/edits.js'
import {rewriteJson} from '../../src/rewrite/json-file.js'

const f = (field: string, operator: string, value?: string) => ({kind: 'filter', field, operator, ...(value !== undefined ? {value} : {})})
const ORDER = ['$schema', 'name', 'renamedFrom', 'dependsOn', 'protected', 'ensure', 'description', 'root']

const compact = `{
  "$schema": "../../schemas/sequenzy/segment.schema.json",
  "name": "Active",
  "dependsOn": ["Base"],
  "protected": true,
  "root": {
    "kind": "group",
    "joinOperator": "and",
    "children": [
      {"kind": "filter", "field": "status", "operator": "is", "value": "active"},
      {"kind": "filter", "field": "event", "operator": "is_not", "value": "saas.purchase:30d"}
    ]
  }
}
`
const root = JSON.parse(compact).root as {kind: string; joinOperator: string; children: unknown[]}
const withChildren = (...children: unknown[]) => ({...root, children})
const edit = (keys: Array<{key: string; before: unknown; after: unknown}>) => ({keys, order: ORDER})

describe('rewriting a JSON definition', () => {
  it('changes one value inside a one-line filter and nothing else', () => {
    const out = rewriteJson(compact, edit([{key: 'root', before: root, after: withChildren(root.children[0], f('event', 'is_not', 'saas.purchase:60d'))}]))
    expect(out).toBe(compact.replace('saas.purchase:30d', 'saas.purchase:60d'))
  })

  it('adds a filter on one line, like its siblings, with their indentation', () => {
    const out = rewriteJson(compact, edit([{key: 'root', before: root, after: withChildren(...root.children, f('tag', 'contains', 'vip'))}]))
    expect(out).toBe(
      compact.replace(
        '"saas.purchase:30d"}\n',
        '"saas.purchase:30d"},\n      {"kind": "filter", "field": "tag", "operator": "contains", "value": "vip"}\n',
      ),
    )
  })

  it('removes a filter with its separator, first or last', () => {
    const last = rewriteJson(compact, edit([{key: 'root', before: root, after: withChildren(root.children[0])}]))
    expect(last).toBe(compact.replace(',\n      {"kind": "filter", "field": "event", "operator": "is_not", "value": "saas.purchase:30d"}', ''))
    const first = rewriteJson(compact, edit([{key: 'root', before: root, after: withChildren(root.children[1])}]))
    expect(first).toBe(compact.replace('{"kind": "filter", "field": "status", "operator": "is", "value": "active"},\n      ', ''))
  })

  it('adds a key where a file written from scratch would have it, and removes one', () => {
    const added = rewriteJson(compact, edit([{key: 'description', before: undefined, after: 'Active, no purchase'}]))
    expect(added).toBe(compact.replace('  "protected": true,\n', '  "protected": true,\n  "description": "Active, no purchase",\n'))
    expect(rewriteJson(added, edit([{key: 'description', before: 'Active, no purchase', after: undefined}]))).toBe(compact)
  })

  it('renames: the new name in place, the old one in renamedFrom right after it', () => {
    const out = rewriteJson(compact, edit([
      {key: 'name', before: 'Active', after: 'Active users'},
      {key: 'renamedFrom', before: undefined, after: ['Active']},
    ]))
    expect(out).toBe(compact.replace('"name": "Active",', '"name": "Active users",\n  "renamedFrom": ["Active"],'))
  })

  it('writes new values expanded in a file written expanded (as import writes it), with tabs and CRLF kept', () => {
    const expanded = JSON.stringify({name: 'X', root: {kind: 'group', joinOperator: 'and', children: [f('tag', 'contains', 'a')]}}, null, '\t').replace(/\n/g, '\r\n') + '\r\n'
    const before = JSON.parse(expanded).root
    const out = rewriteJson(expanded, edit([{key: 'root', before, after: {...before, children: [...before.children, f('tag', 'contains', 'b')]}}]))
    expect(out).toBe(JSON.stringify({name: 'X', root: {kind: 'group', joinOperator: 'and', children: [f('tag', 'contains', 'a'), f('tag', 'contains', 'b')]}}, null, '\t').replace(/\n/g, '\r\n') + '\r\n')
  })

  it('keeps `{ "$segment" }` references as references, changing only the name', () => {
    const text = `{\n  "name": "VIP",\n  "root": {"kind": "group", "joinOperator": "and", "children": [{"kind": "filter", "field": "segment", "operator": "is", "value": {"$segment": "Base"}}]}\n}\n`
    const before = JSON.parse(text).root
    const after = {...before, children: [{...before.children[0], value: {$segment: 'Base v2'}}]}
    expect(rewriteJson(text, edit([{key: 'root', before, after}]))).toBe(text.replace('"Base"', '"Base v2"'))
  })

  it('refuses a file that is not an object', () => {
    expect(() => rewriteJson('[]\n', edit([]))).toThrow(RewriteRefusal)
  })
})

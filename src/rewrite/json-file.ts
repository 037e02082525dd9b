/**
 * Rewrites a JSON definition file in place: jsonc-parser reads where every value is, the patch
 * says what changes, applyEdits writes it. `$schema`, key order, indentation, one-line filters
 * and every segsync field stay as they were. (jsonc-parser's own `modify` re-formats the whole
 * lines around each insert or removal, expanding a neighbour's one-line filter into six lines: a
 * pulled file should show only what changed in the vendor.)
 */
import {applyEdits, parseTree, type Node} from 'jsonc-parser'
import type {FileEdit} from '../core/pull/plan-pull.js'
import {patchEdits, RewriteRefusal} from './edits.js'
import {objectPatch, sameValue} from './patch.js'
import {detectStyle, type Syntax} from './render.js'
import type {SrcNode} from './source-tree.js'

export function rewriteJson(text: string, edit: Pick<FileEdit, 'keys' | 'order'>): string {
  const tree = parseTree(text, [], {disallowComments: true, allowTrailingComma: false})
  const root = tree && toSource(tree)
  if (!root || root.kind !== 'object') throw new RewriteRefusal([], 'is not a JSON object')
  const style = detectStyle(text, root, {trailingComma: false})
  const syntax: Syntax = {style, scalar: (v) => JSON.stringify(v), key: (k) => JSON.stringify(k)}
  const changes = new Map(edit.keys.map((k) => [k.key, k]))
  const out = applyEdits(text, patchEdits(text, root, objectPatch(root.props.map((p) => p.key), changes, edit.order), syntax))
  verify(text, out, changes)
  return out
}

/** The new text holds exactly the new values, and everything else as before. */
function verify(before: string, after: string, changes: ReadonlyMap<string, {after: unknown}>): void {
  const old = JSON.parse(before) as Record<string, unknown>
  const now = JSON.parse(after) as Record<string, unknown>
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    const expected = changes.has(key) ? changes.get(key)!.after : old[key]
    if (!sameValue(now[key], expected)) throw new Error(`rewriting JSON went wrong at ${JSON.stringify(key)}: this is a segsync bug, please report it`)
  }
}

function toSource(node: Node): SrcNode {
  const span = {start: node.offset, end: node.offset + node.length}
  if (node.type === 'object') {
    const props = (node.children ?? []).map((p) => {
      const [key, value] = p.children!
      return {key: String(key!.value), start: p.offset, end: p.offset + p.length, value: toSource(value!)}
    })
    return {kind: 'object', ...span, props, opaque: false}
  }
  if (node.type === 'array') return {kind: 'array', ...span, items: (node.children ?? []).map(toSource), opaque: false}
  return {kind: 'literal', ...span, value: node.value}
}

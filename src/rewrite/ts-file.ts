/**
 * Rewrites a TS definition in place when its default export is an object literal (directly or
 * inside `defineSegment(…)`): magicast parses it (recast over babel, TS syntax), the patch says
 * what changes, and the edits land at babel's positions, so imports, comments, `segment('…')`
 * calls, `as const` and the author's layout stay. New references are written as `segment('X')`
 * with magicast's builders, importing `segment` next to `defineSegment` when the file does not yet.
 * A value the patch would have to change but that is computed (a variable, a spread, a call) is
 * refused, never overwritten. magicast costs about 100 ms to load: only this file imports it, and
 * only when a TS file must change.
 */
import {applyEdits} from 'jsonc-parser'
import {builders, detectCodeFormat, generateCode, parseModule, type ASTNode} from 'magicast'
import type {FileEdit} from '../core/pull/plan-pull.js'
import {patchEdits, RewriteRefusal, type TextEdit} from './edits.js'
import {objectPatch, sameValue} from './patch.js'
import {detectStyle, type Syntax} from './render.js'
import {staticValue, type SrcNode, type SrcObject} from './source-tree.js'

type Node = ASTNode

interface Parsed {
  root: SrcObject
  /** Local name of `segment` from segsync, if imported. */
  segmentName?: string
  /** Where `, segment` can be added: after the last named import from segsync/<provider>. */
  importAnchor?: number
  /** The file quotes its keys ({"kind": …}): new keys are quoted too. */
  quotedKeys: boolean
}

const NOT_LITERAL = 'its default export is not an object literal (directly or inside defineSegment(…)): segsync does not rewrite a body computed in code'

export function rewriteTs(text: string, edit: Pick<FileEdit, 'keys' | 'order'>, provider: string): string {
  const parsed = parse(text, provider)
  const format = detectCodeFormat(text)
  const quote = format.quote === 'double' ? 'double' : 'single'
  let refs = 0
  const print = (node: unknown) => generateCode(node as {$ast: Node}, {quote}).code
  const syntax: Syntax = {
    style: detectStyle(text, parsed.root, {trailingComma: format.trailingComma === true}),
    scalar: (v) => (typeof v === 'string' ? print(builders.literal(v)) : JSON.stringify(v)),
    key: (k) => (/^[A-Za-z_$][\w$]*$/.test(k) && !parsed.quotedKeys ? k : print(builders.literal(k))),
    ...(parsed.segmentName || parsed.importAnchor !== undefined
      ? {
          ref: (name: string) => {
            refs++
            return print(builders.functionCall(parsed.segmentName ?? 'segment', name))
          },
        }
      : {}),
  }
  const changes = new Map(edit.keys.map((k) => [k.key, k]))
  const edits: TextEdit[] = patchEdits(text, parsed.root, objectPatch(parsed.root.props.map((p) => p.key), changes, edit.order), syntax)
  if (refs > 0 && !parsed.segmentName) edits.push({offset: parsed.importAnchor!, length: 0, content: ', segment'})
  const out = applyEdits(text, edits)
  verify(parsed.root, out, provider, changes)
  return out
}

/** The new text parses, and every key that changed reads back as its new value. */
function verify(before: SrcObject, after: string, provider: string, changes: ReadonlyMap<string, {after: unknown}>): void {
  let root: SrcObject
  try {
    root = parse(after, provider).root
  } catch (error) {
    throw new Error(`rewriting TS produced code that does not parse (${(error as Error).message}): this is a segsync bug, please report it`)
  }
  const keys = new Map(root.props.map((p) => [p.key, p.value]))
  for (const prop of before.props) if (!changes.has(prop.key) && !keys.has(prop.key)) throw new Error(`rewriting TS lost ${JSON.stringify(prop.key)}: this is a segsync bug, please report it`)
  for (const [key, change] of changes) {
    const node = keys.get(key)
    const value = node ? staticValue(node) : {value: undefined}
    // A value that is partly computed (a variable kept where it was) cannot be read back here; the
    // round trip after writing checks it.
    if (value && !sameValue(value.value, change.after)) throw new Error(`rewriting TS went wrong at ${JSON.stringify(key)}: this is a segsync bug, please report it`)
  }
}

function parse(text: string, provider: string): Parsed {
  let program: Node
  try {
    program = parseModule(text).$ast
  } catch (error) {
    throw new RewriteRefusal([], `does not parse as TS (${(error as Error).message.split('\n')[0]})`)
  }
  const body = program.type === 'Program' ? program.body : []
  const exported = body.find((s) => s.type === 'ExportDefaultDeclaration')
  let literal = exported && unwrap(exported.declaration)
  if (literal?.type === 'CallExpression' && literal.arguments.length === 1) literal = unwrap(literal.arguments[0]!)
  if (literal?.type !== 'ObjectExpression') throw new RewriteRefusal([], NOT_LITERAL)
  const imports = body.filter((s) => s.type === 'ImportDeclaration').filter((s) => s.source.value.startsWith('segsync/') && s.importKind !== 'type')
  const named = (s: (typeof imports)[number]) => s.specifiers.filter((x) => x.type === 'ImportSpecifier')
  const segment = imports.flatMap(named).find((x) => (x.imported.type === 'Identifier' ? x.imported.name : x.imported.value) === 'segment')
  const own = imports.find((s) => s.source.value === `segsync/${provider}` && named(s).length > 0)
  const importAnchor = own ? named(own).at(-1)!.end : undefined
  const segmentName = segment?.local.name
  const keys = {quoted: 0, bare: 0}
  const root = toSource(literal, segmentName, keys) as SrcObject
  return {root, quotedKeys: keys.quoted > keys.bare, ...(segmentName ? {segmentName} : {}), ...(typeof importAnchor === 'number' ? {importAnchor} : {})}
}

/** `x as const`, `x satisfies T`, `(x)`: the value is x (and an edit of it keeps the wrapper). */
function unwrap(node: Node): Node {
  while (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSNonNullExpression' || node.type === 'TSTypeAssertion' || node.type === 'ParenthesizedExpression') node = node.expression
  return node
}

function toSource(raw: Node, segmentName: string | undefined, keys: {quoted: number; bare: number}): SrcNode {
  const node = unwrap(raw)
  const span = {start: node.start!, end: node.end!}
  switch (node.type) {
    case 'ObjectExpression': {
      const props = []
      let opaque = false
      for (const p of node.properties) {
        const key = p.type !== 'ObjectProperty' || p.computed ? undefined : p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' || p.key.type === 'NumericLiteral' ? String(p.key.value) : undefined
        if (key === undefined || p.type !== 'ObjectProperty') opaque = true
        else {
          keys[p.key.type === 'StringLiteral' ? 'quoted' : 'bare']++
          props.push({key, start: p.start!, end: p.end!, value: toSource(p.value, segmentName, keys)})
        }
      }
      return {kind: 'object', ...span, props, opaque}
    }
    case 'ArrayExpression': {
      const items: SrcNode[] = []
      for (const e of node.elements) {
        if (e === null || e.type === 'SpreadElement') return {kind: 'array', ...span, items: [], opaque: true}
        items.push(toSource(e, segmentName, keys))
      }
      return {kind: 'array', ...span, items, opaque: false}
    }
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return {kind: 'literal', ...span, value: node.value}
    case 'NullLiteral':
      return {kind: 'literal', ...span, value: null}
    case 'UnaryExpression':
      if (node.operator === '-' && node.argument.type === 'NumericLiteral') return {kind: 'literal', ...span, value: -node.argument.value}
      break
    case 'TemplateLiteral':
      if (node.expressions.length === 0) return {kind: 'literal', ...span, value: node.quasis[0]!.value.cooked}
      break
    case 'CallExpression': {
      const [arg] = node.arguments
      if (segmentName && node.callee.type === 'Identifier' && node.callee.name === segmentName && node.arguments.length === 1 && arg!.type !== 'SpreadElement' && arg!.type !== 'ArgumentPlaceholder') {
        return {kind: 'ref', ...span, arg: toSource(arg!, segmentName, keys)}
      }
      break
    }
  }
  return {kind: 'computed', ...span}
}

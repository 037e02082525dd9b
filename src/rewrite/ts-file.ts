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
import {builders, detectCodeFormat, generateCode, parseModule} from 'magicast'
import type {FileEdit} from '../core/pull/plan-pull.js'
import {patchEdits, RewriteRefusal, type TextEdit} from './edits.js'
import {objectPatch, sameValue} from './patch.js'
import {detectStyle, type Syntax} from './render.js'
import {staticValue, type SrcNode, type SrcObject} from './source-tree.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- babel's AST as magicast hands it over */
type AstNode = any

interface Parsed {
  root: SrcObject
  /** Local name of `segment` from segsync, if imported. */
  segmentName?: string
  /** Where `, segment` can be added: after the last named import from segsync/<provider>. */
  importAnchor?: number
}

const NOT_LITERAL = 'its default export is not an object literal (directly or inside defineSegment(…)): segsync does not rewrite a body computed in code'

export function rewriteTs(text: string, edit: Pick<FileEdit, 'keys' | 'order'>, provider: string): string {
  const parsed = parse(text, provider)
  const format = detectCodeFormat(text)
  const quote = format.quote === 'double' ? 'double' : 'single'
  let refs = 0
  const syntax: Syntax = {
    style: detectStyle(text, parsed.root, {trailingComma: format.trailingComma === true}),
    scalar: (v) => (typeof v === 'string' ? generateCode(builders.literal(v), {quote}).code : JSON.stringify(v)),
    key: (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : generateCode(builders.literal(k), {quote}).code),
    ...(parsed.segmentName || parsed.importAnchor !== undefined
      ? {
          ref: (name: string) => {
            refs++
            return generateCode(builders.functionCall(parsed.segmentName ?? 'segment', name), {quote}).code
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
  let program: AstNode
  try {
    program = parseModule(text).$ast
  } catch (error) {
    throw new RewriteRefusal([], `does not parse as TS (${(error as Error).message.split('\n')[0]})`)
  }
  const body = (program.body ?? program.program?.body ?? []) as AstNode[]
  const exported = body.find((s) => s.type === 'ExportDefaultDeclaration')
  let literal = exported && unwrap(exported.declaration)
  if (literal?.type === 'CallExpression' && literal.arguments.length === 1) literal = unwrap(literal.arguments[0])
  if (literal?.type !== 'ObjectExpression') throw new RewriteRefusal([], NOT_LITERAL)
  const imports = body.filter((s) => s.type === 'ImportDeclaration' && typeof s.source.value === 'string' && s.source.value.startsWith('segsync/'))
  const named = (s: AstNode) => (s.specifiers as AstNode[]).filter((x) => x.type === 'ImportSpecifier')
  const segmentName = imports.flatMap(named).find((x) => (x.imported.name ?? x.imported.value) === 'segment')?.local.name as string | undefined
  const own = imports.find((s) => s.source.value === `segsync/${provider}` && named(s).length > 0 && s.importKind !== 'type')
  const importAnchor = own ? (named(own).at(-1).end as number) : undefined
  return {root: toSource(literal, segmentName) as SrcObject, ...(segmentName ? {segmentName} : {}), ...(importAnchor !== undefined ? {importAnchor} : {})}
}

/** `x as const`, `x satisfies T`, `(x)`: the value is x (and an edit of it keeps the wrapper). */
function unwrap(node: AstNode): AstNode {
  while (node && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression'].includes(node.type)) node = node.expression
  return node
}

function toSource(raw: AstNode, segmentName: string | undefined): SrcNode {
  const node = unwrap(raw)
  const span = {start: node.start as number, end: node.end as number}
  switch (node.type) {
    case 'ObjectExpression': {
      const props = []
      let opaque = false
      for (const p of node.properties as AstNode[]) {
        const key = p.type === 'ObjectProperty' && !p.computed ? (p.key.type === 'Identifier' ? p.key.name : p.key.value) : undefined
        if (key === undefined) opaque = true
        else props.push({key: String(key), start: p.start as number, end: p.end as number, value: toSource(p.value, segmentName)})
      }
      return {kind: 'object', ...span, props, opaque}
    }
    case 'ArrayExpression': {
      const elements = node.elements as AstNode[]
      const opaque = elements.some((e) => e === null || e.type === 'SpreadElement')
      return {kind: 'array', ...span, items: opaque ? [] : elements.map((e) => toSource(e, segmentName)), opaque}
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
      if (node.expressions.length === 0) return {kind: 'literal', ...span, value: node.quasis[0].value.cooked}
      break
    case 'CallExpression':
      if (segmentName && node.callee.type === 'Identifier' && node.callee.name === segmentName && node.arguments.length === 1) {
        return {kind: 'ref', ...span, arg: toSource(node.arguments[0], segmentName)}
      }
      break
  }
  return {kind: 'computed', ...span}
}

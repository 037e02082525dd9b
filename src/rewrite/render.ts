/**
 * New values written the way the file around them is written: its indentation and line ends,
 * one-line objects where the file writes them on one line, its quotes and trailing commas (TS),
 * `segment('X')` for references in TS files.
 */
import {isSegmentRef} from '../core/graph/references.js'
import type {SrcNode} from './source-tree.js'

export interface Style {
  /** One level of indentation: '  ', '    ' or '\t'. */
  indentUnit: string
  eol: string
  /** The file writes small objects and arrays on one line ({"kind": "filter", …}). */
  preferInline: boolean
  /** The longest line the file has (at least 80): a one-line value must fit in it. */
  width: number
  /** `{ a: 1 }` rather than `{a: 1}`. */
  bracePadding: boolean
  /** A comma after the last item of an object or array written over several lines (TS). */
  trailingComma: boolean
}

export interface Syntax {
  style: Style
  /** A string, number, boolean or null. */
  scalar: (value: unknown) => string
  key: (key: string) => string
  /** A `{ $segment }` reference; absent: written as the object itself. */
  ref?: (name: string) => string
}

export interface Place {
  /** Indentation of the line the value is on. */
  indent: string
  /** Characters on that line before the value (for the width check). */
  column: number
  /** true: on one line; false: over several; undefined: one line if the file does that and it fits. */
  inline?: boolean
}

export function render(value: unknown, syntax: Syntax, place: Place): string {
  if (isSegmentRef(value) && syntax.ref) return syntax.ref(value.$segment)
  if (value === null || typeof value !== 'object') return syntax.scalar(value)
  const entries: Array<[string | undefined, unknown]> = Array.isArray(value)
    ? value.map((v) => [undefined, v])
    : Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  if (entries.length === 0) return open + close
  const {style} = syntax
  const prefix = (k: string | undefined) => (k === undefined ? '' : `${syntax.key(k)}: `)
  if (place.inline !== false) {
    const pad = !Array.isArray(value) && style.bracePadding ? ' ' : ''
    const parts = entries.map(([k, v]) => prefix(k) + render(v, syntax, {indent: place.indent, column: 0, inline: true}))
    const line = `${open}${pad}${parts.join(', ')}${pad}${close}`
    if (place.inline === true || (style.preferInline && !line.includes('\n') && place.column + line.length < style.width)) return line
  }
  const inner = place.indent + style.indentUnit
  const lines = entries.map(([k, v]) => inner + prefix(k) + render(v, syntax, {indent: inner, column: inner.length + prefix(k).length}))
  return `${open}${style.eol}${lines.join(`,${style.eol}`)}${style.trailingComma ? ',' : ''}${style.eol}${place.indent}${close}`
}

/** The file's indentation unit, line end and habits, read from its text and its literal. */
export function detectStyle(text: string, root: SrcNode, options: {trailingComma: boolean}): Style {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const lines = text.split(/\r?\n/)
  const indents = lines.map((l) => /^[ \t]*/.exec(l)![0]).filter((i) => i.length > 0)
  const indentUnit = indents.length === 0 ? '  ' : indents.some((i) => i.startsWith('\t')) ? '\t' : ' '.repeat(Math.min(...indents.map((i) => i.length)))
  // The first object or array with something in it that is written on one line, e.g. {"kind": "filter", …}.
  const inline = firstInline(text, root)
  return {
    indentUnit,
    eol,
    preferInline: inline !== undefined,
    width: Math.max(80, ...lines.map((l) => l.length)),
    bracePadding: inline?.kind === 'object' && text[inline.start + 1] === ' ',
    trailingComma: options.trailingComma,
  }
}

function firstInline(text: string, node: SrcNode): SrcNode | undefined {
  const children = node.kind === 'object' ? node.props.map((p) => p.value) : node.kind === 'array' ? node.items : []
  if (children.length > 0 && !text.slice(node.start, node.end).includes('\n')) return node
  for (const child of children) {
    const found = firstInline(text, child)
    if (found) return found
  }
  return undefined
}

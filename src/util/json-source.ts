/**
 * Strict JSON parsing that keeps positions: every problem in a JSON file is reported at its
 * line and column (jsonc-parser tree + offsets), duplicate keys included.
 *
 * Positions are found only for a file that needs them: valid JSON without duplicate keys (nearly
 * every file) is read with `JSON.parse` alone, and its jsonc-parser tree is built on the first
 * `locate`, which only a file with a problem (or a change to show in a plan) asks for.
 */
import {createRequire} from 'node:module'
import type * as Jsonc from 'jsonc-parser'
import type {Node, ParseError} from 'jsonc-parser'
import type {JsonPath} from '../core/model.js'

// jsonc-parser is loaded on the first file that needs positions: a run over valid files never does.
const require = createRequire(import.meta.url)
let jsoncParser: typeof Jsonc | undefined
const jsonc = () => (jsoncParser ??= require('jsonc-parser') as typeof Jsonc)

export interface Position {
  line: number
  column: number
}

export interface ParsedJson {
  value: unknown
  errors: Array<Position & {message: string}>
  duplicateKeys: Array<{path: JsonPath; key: string; first: Position; second: Position}>
  locate: (path: JsonPath, at?: 'key' | 'value') => Position | undefined
}

/**
 * Where each line of `text` starts. The newlines are found by `indexOf`, not by a loop over every
 * character: a plan places each change at its file's line, and that loop, run over the files of
 * every change, was hot enough for V8 to compile it in the background while the answers came in.
 */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

export function positionAt(starts: number[], offset: number): Position {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return {line: lo + 1, column: offset - starts[lo]! + 1}
}

export function parseJsonWithPositions(text: string): ParsedJson {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return parseWithTree(text) // malformed: the tree says where
  }
  if (mayHaveDuplicateKeys(text, value)) return parseWithTree(text)
  let tree: ParsedJson | undefined
  return {
    value,
    errors: [],
    duplicateKeys: [],
    // A top-level key (a plan places every change at its file's "name") is found by one scan of
    // the text; anything deeper, or missing, asks the tree.
    locate: (path, at) => (path.length === 1 && typeof path[0] === 'string' ? topLevel(text, path[0], at) : undefined) ?? (tree ??= parseWithTree(text)).locate(path, at),
  }
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9

/**
 * Where the top-level `key` of valid JSON without duplicate keys starts (its opening quote with
 * `at: 'key'`, else its value's first character), as jsonc-parser's tree places it; undefined
 * when the root holds no such key. One pass over the text, tracking strings and nesting.
 */
export function topLevel(text: string, key: string, at: 'key' | 'value' = 'value'): Position | undefined {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 123 || c === 91) depth++
    else if (c === 125 || c === 93) depth--
    else if (c === 34) {
      const start = i
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++
      if (depth !== 1) continue
      let colon = i + 1
      while (isSpace(text.charCodeAt(colon))) colon++
      if (text.charCodeAt(colon) !== 58) continue
      const raw = text.slice(start + 1, i)
      if ((raw.includes('\\') ? (JSON.parse(text.slice(start, i + 1)) as string) : raw) !== key) continue
      let offset = start
      if (at === 'value') for (offset = colon + 1; isSpace(text.charCodeAt(offset)); offset++);
      return positionAt(lineStarts(text), offset)
    }
  }
  return undefined
}

/**
 * `JSON.parse` keeps the last of two equal keys silently; jsonc-parser names both. Without `\u`
 * escapes, every `:` of the text is either after a key or inside a string, so the text holds as
 * many colons as the parsed value holds keys and colons in its strings exactly when no key was
 * dropped (a dropped key takes its colon, and its value's, with it). With escapes, ask the tree.
 */
function mayHaveDuplicateKeys(text: string, value: unknown): boolean {
  if (text.includes('\\u')) return true
  let colons = 0
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) colons++
  return colons !== keysAndColons(value)
}

function keysAndColons(value: unknown): number {
  if (typeof value === 'string') {
    let n = 0
    for (let i = value.indexOf(':'); i !== -1; i = value.indexOf(':', i + 1)) n++
    return n
  }
  if (value === null || typeof value !== 'object') return 0
  let n = 0
  if (Array.isArray(value)) {
    for (const item of value) n += keysAndColons(item)
    return n
  }
  for (const key in value) n += 1 + keysAndColons(key) + keysAndColons((value as Record<string, unknown>)[key])
  return n
}

function parseWithTree(text: string): ParsedJson {
  const {findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode} = jsonc()
  const parseErrors: ParseError[] = []
  const tree = parseTree(text, parseErrors, {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false})
  const starts = lineStarts(text)
  const errors = parseErrors.map((e) => ({
    ...positionAt(starts, e.offset),
    message: describeParseError(printParseErrorCode(e.error)),
  }))
  const duplicateKeys: ParsedJson['duplicateKeys'] = []
  if (tree) collectDuplicates(tree, [], starts, duplicateKeys)
  return {
    value: tree && errors.length === 0 ? getNodeValue(tree) : undefined,
    errors,
    duplicateKeys,
    locate(path, at = 'value') {
      if (!tree) return undefined
      // Walk up until a node exists: a missing property is reported at its parent object.
      for (let p = path; ; p = p.slice(0, -1)) {
        const node = findNodeAtLocation(tree, p)
        if (node) {
          const target = at === 'key' && p.length === path.length && node.parent?.type === 'property' ? node.parent.children?.[0] : node
          return positionAt(starts, (target ?? node).offset)
        }
        if (p.length === 0) return positionAt(starts, tree.offset)
      }
    },
  }
}

function collectDuplicates(node: Node, path: JsonPath, starts: number[], out: ParsedJson['duplicateKeys']): void {
  if (node.type === 'object') {
    const seen = new Map<string, Node>()
    for (const prop of node.children ?? []) {
      const keyNode = prop.children?.[0]
      const valueNode = prop.children?.[1]
      if (!keyNode) continue
      const key = String(keyNode.value)
      const earlier = seen.get(key)
      if (earlier) out.push({path, key, first: positionAt(starts, earlier.offset), second: positionAt(starts, keyNode.offset)})
      else seen.set(key, keyNode)
      if (valueNode) collectDuplicates(valueNode, [...path, key], starts, out)
    }
  } else if (node.type === 'array') {
    node.children?.forEach((child, i) => collectDuplicates(child, [...path, i], starts, out))
  }
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":"',
    CommaExpected: 'expected "," between entries',
    CloseBraceExpected: 'expected "}"',
    CloseBracketExpected: 'expected "]"',
    EndOfFileExpected: 'unexpected content after the end of the JSON value',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  }
  return `malformed JSON: ${words[code] ?? code}`
}

/**
 * Line and column for a JSON path inside a TS definition or config: the object literal after
 * `export default` (directly, or as the argument of `defineSegment(…)` / `defineConfig(…)`) is
 * read for its structure only: keys, nested objects and arrays, and where each value starts.
 * Anything else (a variable, a call such as `segment('Base')`, a spread) is a value whose position
 * is its first character; paths through it resolve to the deepest literal part, as a missing JSON
 * property resolves to its parent object. No TS is evaluated or type-checked here: jiti loads the
 * file; this only points at places in its text.
 */
import type {JsonPath} from '../core/model.js'
import {lineStarts, positionAt, type Position} from './json-source.js'

interface LiteralNode {
  /** Offset of the value. */
  start: number
  /** Offset of its property key, when it is an object property. */
  keyStart?: number
  children?: Map<string, LiteralNode>
}

export type Locate = (path: JsonPath, at?: 'key' | 'value') => Position | undefined

/**
 * A locator for `text`, answering undefined when no literal default export is found. The text is
 * read on the first question only: most files never have a problem to place.
 */
export function tsLocator(text: string): Locate {
  let read: {root: LiteralNode; starts: number[]} | null | undefined
  return (path, at = 'value') => {
    if (read === undefined) read = readLiteral(text)
    if (!read) return undefined
    const {root, starts} = read
    let node = root
    let complete = true
    for (const key of path) {
      const next = node.children?.get(String(key))
      if (!next) {
        complete = false
        break
      }
      node = next
    }
    const offset = at === 'key' && complete && node.keyStart !== undefined ? node.keyStart : node.start
    return positionAt(starts, offset)
  }
}

function readLiteral(text: string): {root: LiteralNode; starts: number[]} | null {
  try {
    const root = new LiteralReader(text).defaultExport()
    return root ? {root, starts: lineStarts(text)} : null
  } catch {
    return null
  }
}

const IDENT = /[A-Za-z0-9_$]/

class LiteralReader {
  private i = 0

  constructor(private readonly text: string) {}

  /** The literal that `export default` exports, unwrapping one call such as defineSegment(…). */
  defaultExport(): LiteralNode | undefined {
    const at = this.find('export default')
    if (at < 0) return undefined
    this.i = at + 'export default'.length
    this.trivia()
    const callee = /^[A-Za-z_$][\w$.]*/.exec(this.text.slice(this.i))
    if (callee) {
      this.i += callee[0].length
      this.trivia()
      if (this.text[this.i] === '<') this.skipBalanced('<', '>')
      this.trivia()
      if (this.text[this.i] !== '(') return undefined
      this.i++
      this.trivia()
    }
    return this.text[this.i] === '{' ? this.value() : undefined
  }

  /** First occurrence of `needle` outside comments and strings. */
  private find(needle: string): number {
    while (this.i < this.text.length) {
      if (this.text.startsWith(needle, this.i)) return this.i
      if (!this.skipTriviaOrString()) this.i++
    }
    return -1
  }

  private value(): LiteralNode {
    this.trivia()
    const start = this.i
    const c = this.text[this.i]
    if (c === '{') return this.object()
    if (c === '[') return this.array()
    this.expression()
    return {start}
  }

  private object(): LiteralNode {
    const node: LiteralNode = {start: this.i, children: new Map()}
    this.i++
    for (;;) {
      this.trivia()
      const c = this.text[this.i]
      if (c === undefined) throw new Error('unterminated object')
      if (c === '}') {
        this.i++
        return node
      }
      if (c === ',') {
        this.i++
        continue
      }
      if (this.text.startsWith('...', this.i)) {
        this.i += 3
        this.expression()
        continue
      }
      const keyStart = this.i
      const key = this.key()
      this.trivia()
      const next = this.text[this.i]
      if (next === ':') {
        this.i++
        const value = this.value()
        this.expression() // `as const`, `satisfies T` after a literal
        if (key !== undefined) node.children!.set(key, {...value, keyStart})
      } else if (next === '(' || (next === '<' && key !== undefined)) {
        this.expression() // a method: not data
      } else if (key !== undefined) {
        node.children!.set(key, {start: keyStart, keyStart}) // shorthand `{ name }`
      }
    }
  }

  private array(): LiteralNode {
    const node: LiteralNode = {start: this.i, children: new Map()}
    this.i++
    let index = 0
    let counting = true
    for (;;) {
      this.trivia()
      const c = this.text[this.i]
      if (c === undefined) throw new Error('unterminated array')
      if (c === ']') {
        this.i++
        return node
      }
      if (c === ',') {
        this.i++
        index++
        continue
      }
      if (this.text.startsWith('...', this.i)) {
        // After a spread, positions of later elements are unknown.
        this.i += 3
        this.expression()
        counting = false
        continue
      }
      const value = this.value()
      this.expression()
      if (counting) node.children!.set(String(index), value)
    }
  }

  /** A property key: identifier, string, number, or computed (undefined: not a fixed name). */
  private key(): string | undefined {
    const c = this.text[this.i]!
    if (c === '"' || c === "'") return this.string()
    if (c === '[') {
      this.skipBalanced('[', ']')
      return undefined
    }
    const start = this.i
    while (this.i < this.text.length && IDENT.test(this.text[this.i]!)) this.i++
    if (this.i === start) throw new Error(`unexpected ${c}`)
    return this.text.slice(start, this.i)
  }

  /** A quoted string's value (common escapes only: it names a key). */
  private string(): string {
    const quote = this.text[this.i]
    let out = ''
    this.i++
    while (this.i < this.text.length && this.text[this.i] !== quote) {
      if (this.text[this.i] === '\\') {
        this.i++
        const e = this.text[this.i]!
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e
      } else out += this.text[this.i]
      this.i++
    }
    this.i++
    return out
  }

  /** Skip one expression: up to a `,` or a closing bracket at depth 0. */
  private expression(): void {
    let depth = 0
    while (this.i < this.text.length) {
      if (this.skipTriviaOrString()) continue
      const c = this.text[this.i]!
      if (c === '(' || c === '[' || c === '{') depth++
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return
        depth--
      } else if (c === ',' && depth === 0) return
      this.i++
    }
  }

  private skipBalanced(open: string, close: string): void {
    let depth = 0
    while (this.i < this.text.length) {
      if (this.skipTriviaOrString()) continue
      const c = this.text[this.i]!
      this.i++
      if (c === open) depth++
      else if (c === close && --depth === 0) return
    }
  }

  private trivia(): void {
    while (this.i < this.text.length) {
      const c = this.text[this.i]!
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.i++
      else if (!this.skipComment()) return
    }
  }

  private skipComment(): boolean {
    if (this.text.startsWith('//', this.i)) {
      const end = this.text.indexOf('\n', this.i)
      this.i = end < 0 ? this.text.length : end + 1
      return true
    }
    if (this.text.startsWith('/*', this.i)) {
      const end = this.text.indexOf('*/', this.i + 2)
      this.i = end < 0 ? this.text.length : end + 2
      return true
    }
    return false
  }

  /** Skips a comment, a string or a template literal at the cursor; false if there is none. */
  private skipTriviaOrString(): boolean {
    if (this.skipComment()) return true
    const c = this.text[this.i]
    if (c === '"' || c === "'") {
      this.string()
      return true
    }
    if (c === '`') {
      this.i++
      while (this.i < this.text.length && this.text[this.i] !== '`') {
        if (this.text[this.i] === '\\') this.i += 2
        else if (this.text.startsWith('${', this.i)) {
          this.i++
          this.skipBalanced('{', '}')
        } else this.i++
      }
      this.i++
      return true
    }
    return false
  }
}

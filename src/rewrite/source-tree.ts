/**
 * A definition's literal as its parser saw it, reduced to what an edit needs: objects with their
 * keys, arrays with their items, literals, `segment('…')` calls, and "computed" for anything else
 * (a variable, a call, an expression), each with where it starts and ends in the file's text.
 * JSON (jsonc-parser) and TS (magicast's babel tree) are both read into this form.
 */

export type SrcNode = SrcObject | SrcArray | SrcRef | SrcLiteral | SrcComputed

interface Span {
  start: number
  end: number
}

export interface SrcObject extends Span {
  kind: 'object'
  props: SrcProp[]
  /** A spread, a method or a computed key: the object's keys cannot all be read from the text. */
  opaque: boolean
}

export interface SrcProp extends Span {
  key: string
  value: SrcNode
}

export interface SrcArray extends Span {
  kind: 'array'
  items: SrcNode[]
  /** A spread or a hole: positions in the text are not positions in the value. */
  opaque: boolean
}

/** `segment('Name')` in a TS file: the value `{ $segment: 'Name' }`. */
export interface SrcRef extends Span {
  kind: 'ref'
  arg: SrcNode
}

export interface SrcLiteral extends Span {
  kind: 'literal'
  value: unknown
}

export interface SrcComputed extends Span {
  kind: 'computed'
}

/** The value a node stands for, or undefined when part of it is computed. */
export function staticValue(node: SrcNode): {value: unknown} | undefined {
  switch (node.kind) {
    case 'literal':
      return {value: node.value}
    case 'computed':
      return undefined
    case 'ref': {
      const arg = staticValue(node.arg)
      return arg && typeof arg.value === 'string' ? {value: {$segment: arg.value}} : undefined
    }
    case 'array': {
      if (node.opaque) return undefined
      const out: unknown[] = []
      for (const item of node.items) {
        const v = staticValue(item)
        if (!v) return undefined
        out.push(v.value)
      }
      return {value: out}
    }
    case 'object': {
      if (node.opaque) return undefined
      const out: Record<string, unknown> = {}
      for (const prop of node.props) {
        const v = staticValue(prop.value)
        if (!v) return undefined
        out[prop.key] = v.value
      }
      return {value: out}
    }
  }
}

/** Whether anything inside the node is computed (replacing it would drop the user's expression). */
export function hasComputed(node: SrcNode): boolean {
  if (node.kind === 'computed') return true
  if (node.kind === 'ref') return hasComputed(node.arg)
  if (node.kind === 'array') return node.opaque || node.items.some(hasComputed)
  if (node.kind === 'object') return node.opaque || node.props.some((p) => hasComputed(p.value))
  return false
}

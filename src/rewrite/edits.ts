/**
 * A patch (patch.ts) as text edits at the positions the parser gave (source-tree.ts): a kept node
 * keeps its text; a replaced one gets a rendering in the file's style; an added key or item goes
 * next to its neighbours with the separator the container already uses (", " on one line, a line
 * break and the siblings' indentation otherwise); a dropped one takes its separator with it.
 * The result is applied with jsonc-parser's applyEdits, for JSON and TS alike.
 */
import type {JsonPath} from '../core/model.js'
import {formatPath} from '../core/diff/field-diff.js'
import type {ItemPatch, Patch, PropPatch} from './patch.js'
import {render, type Place, type Syntax} from './render.js'
import {hasComputed, type SrcNode} from './source-tree.js'

export interface TextEdit {
  offset: number
  length: number
  content: string
}

/** The file cannot be rewritten without losing what its author wrote: the reason, at a path. */
export class RewriteRefusal extends Error {
  constructor(
    readonly path: JsonPath,
    readonly why: string,
  ) {
    super(path.length > 0 ? `${formatPath(path)} ${why}` : why)
  }
}

interface Child {
  start: number
  end: number
}

/** A child of a container: its span (for an object, the whole `key: value`) and its value. */
interface Slot extends Child {
  node: SrcNode
}

type Kept = {key?: string; index?: number; slot: Slot; patch: Patch}
type Added = {key?: string; value: unknown}
type Entry = Kept | Added

export function patchEdits(text: string, node: SrcNode, patch: Patch, syntax: Syntax, path: JsonPath = []): TextEdit[] {
  const edits: TextEdit[] = []
  const source = (n: Child) => text.slice(n.start, n.end)
  const lineIndent = (offset: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))![0]
  const column = (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1)
  const singleLine = (n: Child) => !source(n).includes('\n')
  const computed = (n: SrcNode, where: JsonPath): never => {
    const code = source(n).replace(/\s+/g, ' ')
    throw new RewriteRefusal(where, `is computed (\`${code.length > 60 ? code.slice(0, 57) + '…' : code}\`), not written as a literal`)
  }

  const visit = (n: SrcNode, p: Patch, at: JsonPath): void => {
    if (p.op === 'keep') return
    if (p.op === 'set') {
      if (hasComputed(n)) computed(n, at)
      const isContainer = n.kind === 'object' || n.kind === 'array'
      const place: Place = {indent: lineIndent(n.start), column: column(n.start), inline: isContainer ? singleLine(n) : undefined}
      edits.push({offset: n.start, length: n.end - n.start, content: render(p.value, syntax, place)})
      return
    }
    if (n.kind === 'ref' && p.op === 'object' && p.props.length === 1 && p.props[0]!.old && p.props[0]!.key === '$segment') {
      return visit(n.arg, p.props[0]!.patch, at) // segment('A') → segment('B'): only the name changes
    }
    if (p.op === 'object' && n.kind === 'object') {
      if (n.opaque) throw new RewriteRefusal(at, 'has a spread, a method or a computed key, so segsync cannot tell where its values come from')
      const slots = n.props.map((prop) => ({start: prop.start, end: prop.end, node: prop.value}))
      const byKey = new Map(n.props.map((prop, i) => [prop.key, slots[i]!]))
      const entries = p.props.map((pp: PropPatch): Entry => (pp.old ? {key: pp.key, slot: byKey.get(pp.key)!, patch: pp.patch} : {key: pp.key, value: pp.value}))
      return container(n, slots, entries, at)
    }
    if (p.op === 'array' && n.kind === 'array') {
      if (n.opaque) throw new RewriteRefusal(at, 'has a spread or a hole, so segsync cannot tell which item is which')
      const slots = n.items.map((item) => ({start: item.start, end: item.end, node: item}))
      const entries = p.items.map((ip: ItemPatch): Entry => ('index' in ip ? {index: ip.index, slot: slots[ip.index]!, patch: ip.patch} : {value: ip.value}))
      return container(n, slots, entries, at)
    }
    computed(n, at)
  }

  /** Kept children patched in place, dropped ones cut with a separator, added ones placed by a kept neighbour. */
  const container = (n: SrcNode & {kind: 'object' | 'array'}, slots: Slot[], entries: Entry[], at: JsonPath): void => {
    const kept = new Set(entries.flatMap((e) => ('slot' in e ? [e.slot] : [])))
    const added = entries.filter((e): e is Added => !('slot' in e))
    if (kept.size === 0) {
      // Nothing of the old container stays: write it anew.
      const value = n.kind === 'object' ? Object.fromEntries(added.map((e) => [e.key!, e.value])) : added.map((e) => e.value)
      const inline = added.length === 0 || singleLine(n) ? true : undefined
      edits.push({offset: n.start, length: n.end - n.start, content: render(value, syntax, {indent: lineIndent(n.start), column: column(n.start), inline})})
      return
    }
    for (const e of entries) if ('slot' in e) visit(e.slot.node, e.patch, [...at, e.key ?? e.index!])

    // Dropped children, in runs: a run after a kept child takes the separator before it, a leading
    // run the one after it. A comment at the end of a line goes with the child on that line.
    let run: number[] = []
    const cut = () => {
      if (run.length === 0) return
      const first = slots[run[0]!]!
      const last = slots[run[run.length - 1]!]!
      run = []
      if (first === slots[0]) return void edits.push(removal(first.start, slots[slots.indexOf(last) + 1]!.start))
      const prev = slots[slots.indexOf(first) - 1]!
      const prevTail = trailing(prev.end)
      const lastTail = trailing(last.end)
      if (prevTail?.comma !== undefined) {
        // `a, // about a` stays whole: cut from the end of its line through the run and its comma.
        return void edits.push(removal(prevTail.lineEnd, lastTail?.lineEnd ?? commaAfter(last.end) ?? last.end))
      }
      edits.push(removal(prev.end, last.end))
      if (lastTail) edits.push(removal(lastTail.comma !== undefined ? lastTail.comma + 1 : last.end, lastTail.lineEnd))
    }
    slots.forEach((slot, i) => {
      if (kept.has(slot)) cut()
      else run.push(i)
    })
    cut()
    if (added.length === 0) return

    const multiLine = !singleLine(n)
    const sep = separator(n, slots, multiLine)
    const childIndent = multiLine ? lineIndent(slots[0]!.start) : lineIndent(n.start)
    // A new array item looks like its siblings: on one line if they are, over several if they are.
    // (An object's values differ in kind: a new key's value is on one line if the file does that and it fits.)
    const siblings = n.kind === 'array' ? slots.map((s) => s.node).filter((c) => c.kind === 'object' || c.kind === 'array') : []
    const inline = !multiLine ? true : siblings.length === 0 ? undefined : siblings.every(singleLine) ? true : siblings.every((s) => !singleLine(s)) ? false : undefined
    const text = (e: Added) => {
      const prefix = n.kind === 'object' ? `${syntax.key(e.key!)}: ` : ''
      return prefix + render(e.value, syntax, {indent: childIndent, column: (multiLine ? childIndent.length : column(n.start)) + prefix.length, inline})
    }
    let anchor: Slot | undefined
    let after = 0 // items added after the current anchor so far
    const leading: Added[] = []
    for (const e of entries) {
      if ('slot' in e) {
        anchor = e.slot
        after = 0
      } else if (!anchor) leading.push(e)
      else {
        const tail = multiLine ? trailing(anchor.end) : undefined
        if (!tail) edits.push({offset: anchor.end, length: 0, content: `,${sep}${text(e)}`})
        // `a, // about a`: the new item goes on the next line, the comment stays with a.
        else if (tail.comma !== undefined) edits.push({offset: tail.lineEnd, length: 0, content: `${sep}${text(e)},`})
        else {
          if (after === 0) edits.push({offset: anchor.end, length: 0, content: ','})
          edits.push({offset: tail.lineEnd, length: 0, content: `${after === 0 ? '' : ','}${sep}${text(e)}`})
        }
        after++
      }
    }
    const firstKept = entries.find((e): e is Kept => 'slot' in e)!.slot
    for (const e of leading) edits.push({offset: firstKept.start, length: 0, content: `${text(e)},${sep}`})
  }

  const removal = (from: number, to: number): TextEdit => ({offset: from, length: to - from, content: ''})
  /** A comment closing the line a child ends on (`a: 1, // why`): where its comma is, where the line ends. */
  const trailing = (end: number): {comma?: number; lineEnd: number} | undefined => {
    const m = /^([ \t]*)(,?)[ \t]*(?:\/\/[^\r\n]*|\/\*(?:(?!\*\/)[^\r\n])*\*\/)[ \t]*(?=\r?\n)/.exec(text.slice(end, end + 500))
    return m ? {...(m[2] ? {comma: end + m[1]!.length} : {}), lineEnd: end + m[0].length} : undefined
  }
  const commaAfter = (end: number): number | undefined => {
    const m = /^\s*,/.exec(text.slice(end, end + 200))
    return m ? end + m[0].length : undefined
  }

  /** What follows the comma between two children, e.g. "\n    " or " ". */
  const separator = (n: Child, children: Child[], multiLine: boolean): string => {
    if (children.length >= 2) {
      const between = text.slice(children[0]!.end, children[1]!.start)
      const after = between.slice(between.indexOf(',') + 1)
      if (/^\s*$/.test(after) && between.includes(',')) return after
    }
    return multiLine ? `\n${lineIndent(children[0]?.start ?? n.start)}`.replace('\n', syntax.style.eol) : ' '
  }

  visit(node, patch, path)
  return edits
}

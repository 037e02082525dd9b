/**
 * A picture of segments and campaigns, before it is written as Mermaid or DOT: nodes with the
 * lines of their label and what they stand for, and edges. Arrows always lead from a segment to
 * what uses it (a segment that references it, a campaign that targets it), the way an audience
 * change travels. The plan's impact picture and `segsync graph` are both built as one.
 */

export type NodeKind =
  /** A segment the plan changes. */
  | 'change'
  /** A change a rule blocks. */
  | 'blocked'
  /** A segment defined in a file (and, in the plan, one a change reaches). */
  | 'segment'
  /** A remote segment no definition file manages. */
  | 'unmanaged'
  /** A definition with `ensure: 'absent'`: to be deleted. */
  | 'absent'
  /** An active campaign, sequence or mailing. */
  | 'campaign'
  /** A campaign that is not active (shown for information). */
  | 'inactive'
  /** Words, not a segment: a summary or a note. */
  | 'note'

export interface PictureNode {
  /** Safe identifier (letters and digits), never derived from a name. */
  id: string
  /** Label lines, plain text: the writers escape them. */
  lines: string[]
  kind: NodeKind
}

export interface PictureEdge {
  from: string
  to: string
  /** A `dependsOn` (an order, not a reference). */
  dashed?: boolean
}

export interface Picture {
  nodes: PictureNode[]
  edges: PictureEdge[]
}

/** A picture under a title: one workspace of `segsync graph`. */
export interface Group {
  title?: string
  picture: Picture
}

/** `value` cut to `max` characters (whole code points) with an ellipsis. */
export function shorten(value: string, max: number): string {
  const chars = Array.from(value.replace(/\s+/g, ' '))
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/**
 * Collects nodes under stable ids, one per key, and edges once each. Past `limit` nodes it only
 * counts them (`size`): a picture that will be summarised is not drawn in full for nothing.
 */
export class PictureBuilder {
  private readonly ids = new Map<string, string>()
  private readonly edgeKeys = new Set<string>()
  readonly picture: Picture = {nodes: [], edges: []}

  constructor(private readonly limit = Infinity) {}

  /** Nodes added or, past the limit, counted. */
  get size(): number {
    return this.ids.size
  }

  /** The node for `key`, added with `make()` the first time. */
  node(key: string, prefix: string, make: () => Omit<PictureNode, 'id'>): string {
    const known = this.ids.get(key)
    if (known) return known
    const id = `${prefix}${this.ids.size + 1}`
    this.ids.set(key, id)
    if (this.ids.size <= this.limit) this.picture.nodes.push({id, ...make()})
    return id
  }

  has(key: string): boolean {
    return this.ids.has(key)
  }

  edge(from: string, to: string, dashed = false): void {
    if (this.ids.size > this.limit) return
    const key = `${from}>${to}`
    if (from === to || this.edgeKeys.has(key)) return
    this.edgeKeys.add(key)
    this.picture.edges.push({from, to, ...(dashed ? {dashed} : {})})
  }
}

/**
 * A picture as Graphviz DOT (https://graphviz.org/doc/info/lang.html), for `segsync graph
 * --format dot | dot -Tsvg`. Names are data: in a quoted DOT string only `"` and `\` are special
 * (a backslash starts an escape such as `\n` in a label), so both are escaped.
 */
import type {Group, NodeKind, Picture, PictureNode} from './picture.js'

const ATTRS: Record<NodeKind, string> = {
  change: 'shape=box, style=filled, fillcolor="#dbeafe", color="#1d4ed8"',
  blocked: 'shape=box, style=filled, fillcolor="#fee2e2", color="#b91c1c", penwidth=3',
  segment: 'shape=box, style="rounded,filled", fillcolor="#f3f4f6", color="#4b5563"',
  unmanaged: 'shape=box, style="rounded,filled,dashed", fillcolor="#f3f4f6", color="#6b7280"',
  absent: 'shape=box, style="rounded,dashed", color="#9ca3af", fontcolor="#6b7280"',
  campaign: 'shape=box, style="rounded,filled", peripheries=2, fillcolor="#fef3c7", color="#b45309"',
  inactive: 'shape=box, style=rounded, peripheries=2, color="#d1d5db", fontcolor="#6b7280"',
  note: 'shape=note, color="#d1d5db"',
}

/** One picture, or one cluster per titled group (`segsync graph` over several workspaces). */
export function toDot(picture: Picture | Group[]): string {
  const groups = Array.isArray(picture) ? picture : [{picture}]
  const lines = ['digraph segsync {', '  rankdir=LR;', '  node [fontname="Helvetica", fontsize=11];']
  const edges: string[] = []
  groups.forEach((group, i) => {
    const id = (node: string) => (groups.length > 1 ? `w${i + 1}_${node}` : node)
    const titled = groups.length > 1 && group.title !== undefined
    if (titled) lines.push(`  subgraph cluster_w${i + 1} {`, `    label="${dotText(group.title!)}";`)
    for (const node of group.picture.nodes) lines.push(`${titled ? '    ' : '  '}${id(node.id)} [label=${label(node)}, ${ATTRS[node.kind]}];`)
    if (titled) lines.push('  }')
    for (const edge of group.picture.edges) edges.push(`  ${id(edge.from)} -> ${id(edge.to)}${edge.dashed ? ' [style=dashed]' : ''};`)
  })
  lines.push(...edges, '}')
  return lines.join('\n') + '\n'
}

function label(node: PictureNode): string {
  return `"${node.lines.map(dotText).join('\\n')}"`
}

/** One label line, escaped for a quoted DOT string. */
export function dotText(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').replace(/["\\]/g, (ch) => `\\${ch}`)
}

/**
 * A picture as a Mermaid flowchart (https://mermaid.js.org/syntax/flowchart.html), which GitHub
 * renders in a ```mermaid block. Names are data: every character Mermaid or its Markdown and
 * HTML labels could read as syntax is written as an entity code (`#34;`), so no name closes a
 * label, opens a directive (`%%{…}%%`), a Markdown string (backtick), math (`$$`) or HTML.
 */
import type {Group, NodeKind, Picture, PictureNode} from './picture.js'

const SHAPE: Record<NodeKind, [string, string]> = {
  change: ['[', ']'],
  blocked: ['[', ']'],
  segment: ['(', ')'],
  unmanaged: ['(', ')'],
  absent: ['(', ')'],
  campaign: ['([', '])'],
  inactive: ['([', '])'],
  note: ['[', ']'],
}

/** Readable on GitHub's light and dark themes: each class sets its own text colour. */
const STYLE: Record<NodeKind, string> = {
  change: 'fill:#dbeafe,stroke:#1d4ed8,color:#111827',
  blocked: 'fill:#fee2e2,stroke:#b91c1c,stroke-width:3px,color:#111827',
  segment: 'fill:#f3f4f6,stroke:#4b5563,color:#111827',
  unmanaged: 'fill:#f3f4f6,stroke:#6b7280,stroke-dasharray:4 3,color:#111827',
  absent: 'fill:#ffffff,stroke:#9ca3af,stroke-dasharray:2 2,color:#6b7280',
  campaign: 'fill:#fef3c7,stroke:#b45309,color:#111827',
  inactive: 'fill:#ffffff,stroke:#d1d5db,color:#6b7280',
  note: 'fill:#ffffff,stroke:#d1d5db,color:#374151',
}

/** One picture, or one `subgraph` per titled group (`segsync graph` over several workspaces). */
export function toMermaid(picture: Picture | Group[]): string {
  const groups = Array.isArray(picture) ? picture : [{picture}]
  const lines = ['flowchart LR']
  const edges: string[] = []
  const classes = new Map<NodeKind, string[]>()
  groups.forEach((group, i) => {
    // Ids are unique per picture; several pictures in one diagram need a prefix each.
    const id = (node: string) => (groups.length > 1 ? `w${i + 1}_${node}` : node)
    const titled = groups.length > 1 && group.title !== undefined
    if (titled) lines.push(`  subgraph w${i + 1}["${mermaidText(group.title!)}"]`)
    for (const node of group.picture.nodes) {
      lines.push(`${titled ? '    ' : '  '}${nodeText({...node, id: id(node.id)})}`)
      classes.set(node.kind, [...(classes.get(node.kind) ?? []), id(node.id)])
    }
    if (titled) lines.push('  end')
    for (const edge of group.picture.edges) edges.push(`  ${id(edge.from)} ${edge.dashed ? '-.->' : '-->'} ${id(edge.to)}`)
  })
  lines.push(...edges)
  for (const kind of classes.keys()) lines.push(`  classDef ${kind} ${STYLE[kind]}`)
  for (const [kind, ids] of classes) lines.push(`  class ${ids.join(',')} ${kind}`)
  return lines.join('\n') + '\n'
}

function nodeText(node: PictureNode): string {
  const [open, close] = SHAPE[node.kind]
  return `${node.id}${open}"${node.lines.map(mermaidText).join('<br/>')}"${close}`
}

/**
 * Written as entity codes: `"` ends a label; `#` starts an entity code; `&`, `<` and `>` are HTML
 * in a label; a backtick starts a Markdown string, `$$` math, `%%` a comment or with `{` a
 * directive; `ﬂ` and `¶` are what Mermaid turns entity codes into while it parses. The rest
 * (letters in any script, emoji, punctuation) is written as it is.
 */
const SYNTAX = /["#&<>`$%{}ﬂ¶]/g

/** One label line: on one line, every syntax character as `#<code>;`. */
export function mermaidText(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').replace(SYNTAX, (ch) => `#${ch.codePointAt(0)};`)
}

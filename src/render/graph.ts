/**
 * `segsync graph` output: the graph document as raw Mermaid (not fenced: pipe it to a file or to
 * mermaid-cli), Graphviz DOT (`| dot -Tsvg`), or JSON (schemas/graph.schema.json).
 */
import type {GraphDocument} from '../generated/graph.js'
import {toDot} from './picture/dot.js'
import {toMermaid} from './picture/mermaid.js'
import {graphGroups} from './picture/workspace-picture.js'

export const GRAPH_FORMATS = ['mermaid', 'dot', 'json'] as const
export type GraphFormat = (typeof GRAPH_FORMATS)[number]

export function renderGraph(doc: GraphDocument, format: GraphFormat): string {
  if (format === 'json') return JSON.stringify(doc, null, 2) + '\n'
  const groups = graphGroups(doc)
  return format === 'dot' ? toDot(groups) : toMermaid(groups)
}

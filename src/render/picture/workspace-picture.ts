/**
 * The workspace graph (`segsync graph`) as a picture: every segment (managed, unmanaged, to be
 * deleted), an arrow from each segment to the segments that use it (dashed: `dependsOn`, an order
 * only), and, with --remote, an arrow from each segment to the campaigns that target it.
 * A function of the graph document.
 */
import type {GraphDocument, WorkspaceGraph} from '../../generated/graph.js'
import {PictureBuilder, type Group, type Picture} from './picture.js'

export function workspacePicture(ws: WorkspaceGraph): Picture {
  const b = new PictureBuilder()
  const byName = new Map(ws.segments.map((s) => [s.name, s]))
  const segment = (name: string): string =>
    b.node(`segment:${name}`, 's', () => {
      const s = byName.get(name)
      // A reference to a segment the graph does not list (offline, one no file defines) is drawn as unmanaged.
      if (!s) return {lines: [name], kind: 'unmanaged'}
      const marks = [s.ensure === 'absent' ? 'ensure: absent' : undefined, s.protected ? 'protected' : undefined, s.managed ? undefined : 'not managed by a file']
      const note = marks.filter((m) => m !== undefined).join(' · ')
      return {lines: note ? [name, note] : [name], kind: s.ensure === 'absent' ? 'absent' : s.managed ? 'segment' : 'unmanaged'}
    })
  for (const s of ws.segments) segment(s.name)
  for (const ref of ws.references) b.edge(segment(ref.to), segment(ref.from), ref.kind === 'dependsOn')
  for (const c of ws.campaigns) {
    const id = b.node(`campaign:${c.kind}:${c.id}`, 'c', () => ({lines: [c.name, `${c.kind} · ${c.status}`], kind: c.active ? 'campaign' : 'inactive'}))
    for (const name of c.segments) b.edge(segment(name), id)
  }
  if (ws.usage && !ws.usage.known) b.node('note:usage', 'n', () => ({lines: [`campaigns not shown: ${ws.usage?.note ?? `${ws.vendor} does not expose campaign usage`}`], kind: 'note'}))
  if (b.picture.nodes.length === 0) b.node('note:empty', 'n', () => ({lines: ['no segments'], kind: 'note'}))
  return b.picture
}

/** One group per workspace, titled "name (Vendor)". */
export function graphGroups(doc: GraphDocument): Group[] {
  return doc.workspaces.map((ws) => ({title: `${ws.name} (${ws.vendor})`, picture: workspacePicture(ws)}))
}

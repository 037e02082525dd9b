/**
 * The impact picture of a workspace's plan in the comment and the job summary: a ```mermaid block
 * (GitHub renders it) and a line saying how to read it. Names inside are escaped for Mermaid
 * (picture/mermaid.ts), and no line of the block can close its fence: every line starts with
 * indentation or a keyword.
 */
import type {WorkspacePlan} from '../../generated/plan.js'
import {toMermaid} from '../picture/mermaid.js'
import {planPicture} from '../picture/plan-picture.js'

/** The block, or undefined when the workspace has no change to draw. `summarise`: the short form. */
export function pictureMarkdown(ws: WorkspacePlan, options: {summarise?: boolean} = {}): string | undefined {
  if (ws.changes.length === 0) return undefined
  const {picture, total, summarised} = planPicture(ws, options)
  const legend = ['Arrows lead from each changed segment to the segments that reference it and the active campaigns they reach; ⛔ blocked, 👥 members now → after.']
  if (summarised) legend.push(`Summarised: the whole picture has ${total.toLocaleString('en-US')} nodes (\`segsync graph --remote\` draws the workspace).`)
  return `\`\`\`mermaid\n${toMermaid(picture)}\`\`\`\n\n<sub>${legend.join(' ')}</sub>`
}

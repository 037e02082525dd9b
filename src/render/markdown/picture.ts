/**
 * The impact picture of a workspace's plan in the comment and the job summary: a ```mermaid block
 * (GitHub renders it) and a line saying how to read it. Names inside are escaped for Mermaid
 * (picture/mermaid.ts), and no line of the block can close its fence: every line starts with
 * indentation or a keyword.
 */
import type {WorkspacePlan} from '../../generated/plan.js'
import {toMermaid} from '../picture/mermaid.js'
import {planPicture, type PlanPicture} from '../picture/plan-picture.js'
import {groupDigits} from '../../util/numbers.js'

/**
 * The block in full and summarised (the same text when the full picture is already summarised),
 * or undefined when the workspace has no change to draw.
 */
export function pictureMarkdown(ws: WorkspacePlan): {full: string; compact: string} | undefined {
  if (ws.changes.length === 0) return undefined
  const whole = planPicture(ws)
  const full = block(whole)
  return {full, compact: whole.summarised ? full : block(planPicture(ws, {summarise: true}))}
}

function block({picture, total, summarised}: PlanPicture): string {
  const legend = ['Arrows lead from each changed segment to the segments that reference it and the active campaigns they reach; ⛔ blocked, 👥 members now → after.']
  if (summarised) legend.push(`Summarised: the whole picture has ${groupDigits(total)} nodes (\`segsync graph --remote\` draws the workspace).`)
  return `\`\`\`mermaid\n${toMermaid(picture)}\`\`\`\n\n<sub>${legend.join(' ')}</sub>`
}

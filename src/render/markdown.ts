/**
 * The plan as Markdown, for a pull-request comment or the job summary: a summary line, then per
 * workspace each change in words with the active campaigns it touches, blocked changes and
 * deletes first. A function of the plan document. Never longer than `maxChars`: changes that do
 * not fit are shortened, then left out with a note saying where the full plan is.
 */
import type {PlanDocument, WorkspacePlan} from '../generated/plan.js'
import {renderChange, type ChangeOptions} from './markdown/change.js'
import {inlineCode, messageText, unbroken} from './markdown/escape.js'
import {byImportance, isBlocked} from './markdown/order.js'
import type {SourceLinks} from './markdown/source-link.js'
import {pictureMarkdown} from './markdown/picture.js'
import {groupDigits} from '../util/numbers.js'

/** GitHub refuses a comment body over 65,536 characters; keep a margin. */
export const COMMENT_LIMIT = 65_000

export interface MarkdownOptions {
  /** First line, e.g. `<!-- segsync:plan:all -->`: how the sticky comment is found again. */
  marker?: string
  /** Default COMMENT_LIMIT. */
  maxChars?: number
  /** The run's job summary, linked from the truncation note as where the full plan is. */
  fullPlanUrl?: string
  /** Where the full plan is, in Markdown, when that is not the job summary (e.g. in the job summary itself). */
  fullPlanAt?: string
  /** The commit the plan was made for, shown in the footer. */
  commit?: string
  /** Paragraphs shown under the summary (e.g. why the PR comment could not be posted). */
  notes?: string[]
  /** Link each change's definition file and line at the pull request's head (src/github/context.ts `sourceLinks`). */
  links?: SourceLinks
}

interface Piece {
  full: string
  /** Shorter forms, longest first: used in turn when the full one does not fit. */
  shorter?: string[]
  /** Counts toward "N of M changes shown". */
  change?: boolean
  /** The picture: when the plan is too long, only its compact form, in the room the changes leave. */
  optional?: boolean
}

/** Room kept for the truncation note. */
const NOTE_ROOM = 700

export function renderPlanMarkdown(plan: PlanDocument, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? COMMENT_LIMIT
  const head = [options.marker, header(plan), ...(options.notes ?? [])].filter((s): s is string => Boolean(s)).join('\n\n')
  const foot = footer(plan, options)
  const pieces = plan.workspaces.flatMap((ws) => workspacePieces(ws, options.links))
  const whole = [head, ...pieces.map((p) => p.full), foot].join('\n\n') + '\n'
  if (whole.length <= maxChars) return whole
  const total = pieces.filter((p) => p.change).length
  const out = [head]
  let used = head.length + foot.length + 4
  let shown = 0
  let shortened = 0
  let omitted = false
  const pictures: Array<{at: number; piece: Piece}> = []
  for (const piece of pieces) {
    if (piece.optional) {
      pictures.push({at: out.length, piece})
      continue
    }
    const room = maxChars - used - NOTE_ROOM
    const text = [piece.full, ...(piece.shorter ?? [])].find((t) => t.length + 2 <= room)
    if (text === undefined) {
      omitted = true
      break
    }
    if (text !== piece.full) shortened++
    if (piece.change) shown++
    out.push(text)
    used += text.length + 2
  }
  // The pictures, summarised, only in the room the changes left.
  let added = 0
  for (const {at, piece} of pictures) {
    const text = piece.shorter?.at(-1)
    if (!text || text.length + 2 > maxChars - used - NOTE_ROOM) continue
    out.splice(at + added++, 0, text)
    used += text.length + 2
  }
  if (omitted || shortened > 0) out.push(truncationNote({shown, total, shortened, omitted, maxChars}, fullPlanAt(options)))
  out.push(foot)
  return out.join('\n\n') + '\n'
}

function header(plan: PlanDocument): string {
  const s = plan.summary
  const changes = s.create + s.update + s.delete + s.manual
  if (changes === 0) return `## segsync plan: no changes\n\nThe vendors match the definitions (${s.unchanged} segment${s.unchanged === 1 ? '' : 's'} up to date).`
  const counts = [`${s.create} to create`, `${s.update} to update`, `${s.delete} to delete`]
  if (s.manual) counts.push(`${s.manual} manual step${s.manual === 1 ? '' : 's'}`)
  if (s.blocked) counts.push(`**${s.blocked} blocked**`)
  const lines = [`## segsync plan: ${counts.join(', ')}`]
  if (s.affectedCampaigns) lines.push(`**${s.affectedCampaigns} active campaign${s.affectedCampaigns === 1 ? '' : 's'} affected** (campaigns and sequences that use a changed segment, directly or through another segment).`)
  const blocked = plan.workspaces.flatMap((w) => w.changes).filter(isBlocked)
  if (blocked.length > 0) {
    const flags = [...new Set(blocked.flatMap((c) => c.risks.filter((r) => r.level === 'block' && r.allowFlag).map((r) => r.allowFlag!)))]
    const allow = flags.length > 0 ? ` unless allowed with ${flags.map(unbroken).join(', ')}` : ''
    lines.push(`> [!CAUTION]\n> ${blocked.length} change${blocked.length === 1 ? ' is' : 's are'} blocked: ${unbroken('segsync apply')} refuses ${blocked.length === 1 ? 'it' : 'them'} before its first write${allow}.`)
  }
  return lines.join('\n\n')
}

function workspacePieces(ws: WorkspacePlan, links?: SourceLinks): Piece[] {
  const title = `### Workspace ${inlineCode(ws.name)} · ${ws.provider} · ${inlineCode(ws.endpoint)}`
  const intro = [title]
  if (!ws.usage.known) {
    const note = ws.usage.note ? `: ${messageText(ws.usage.note)}` : ''
    intro.push(`> [!WARNING]\n> **Campaign usage cannot be verified** for ${ws.provider}${note}. Check which campaigns use these segments in ${ws.provider} before merging.`)
  }
  if (ws.changes.length === 0) intro.push(`No changes: ${ws.unchanged.length} segment${ws.unchanged.length === 1 ? '' : 's'} up to date.`)
  const pieces: Piece[] = [{full: intro.join('\n\n')}]
  const picture = pictureMarkdown(ws)
  if (picture) pieces.push({full: picture.full, shorter: [picture.compact], optional: true})
  for (const change of byImportance(ws.changes)) {
    const render = (more: ChangeOptions = {}) => renderChange(change, {vendor: ws.vendor, ...(links ? {links} : {}), ...more})
    pieces.push({full: render(), shorter: [render({noDiff: true}), render({compact: true})], change: true})
  }
  const rest = untouched(ws)
  if (rest) pieces.push({full: rest})
  return pieces
}

function untouched(ws: WorkspacePlan): string | undefined {
  const lines: string[] = []
  if (ws.unmanaged.length > 0) {
    lines.push(`${ws.unmanaged.length} unmanaged segment${ws.unmanaged.length === 1 ? '' : 's'} (no definition file): ${names(ws.unmanaged.map((r) => r.name))}. Run ${unbroken('segsync import')} to write definition files for them.`)
  }
  if (ws.readOnly.length > 0) lines.push(`${ws.readOnly.length} read-only segment${ws.readOnly.length === 1 ? '' : 's'}, never modified: ${names(ws.readOnly.map((r) => r.name))}.`)
  return lines.length > 0 ? ['#### Not touched', ...lines].join('\n\n') : undefined
}

function names(list: string[], max = 10): string {
  const shown = list.slice(0, max).map(unbroken).join(', ')
  return list.length > max ? `${shown}, … ${list.length - max} more` : shown
}

function fullPlanAt(options: MarkdownOptions): string {
  if (options.fullPlanAt) return options.fullPlanAt
  const summary = options.fullPlanUrl ? `the [job summary](<${options.fullPlanUrl.replace(/[<>\s]/g, '')}>) of this run` : 'the job summary of this run'
  return `${summary} and in the plan file (${unbroken('segsync plan --out plan.json')})`
}

function truncationNote(t: {shown: number; total: number; shortened: number; omitted: boolean; maxChars: number}, where: string): string {
  const what = [t.omitted ? `shows ${t.shown} of ${t.total} changes` : '', t.shortened > 0 ? `shortens ${t.shortened}` : ''].filter(Boolean).join(' and ')
  return `> [!NOTE]\n> This plan ${what} to stay under ${groupDigits(t.maxChars)} characters. The full plan is in ${where}.`
}

function footer(plan: PlanDocument, options: MarkdownOptions): string {
  const commit = options.commit ? ` for ${inlineCode(options.commit.slice(0, 12))}` : ''
  return `<sub>segsync ${inlineCode(plan.segsyncVersion)} plan${commit}. Unchanged: ${plan.summary.unchanged}, unmanaged: ${plan.summary.unmanaged}.</sub>`
}

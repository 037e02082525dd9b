/**
 * GitHub Actions output of a plan: `::error` / `::warning` workflow commands at each definition's
 * file and line, and the job summary. Functions of the plan document.
 *
 * GitHub shows at most 10 error and 10 warning annotations per step (actions/toolkit
 * docs/problem-matchers.md; research/ecosystem.md §7): the most important come first, and a
 * notice with the totals says where the rest is.
 */
import {posix} from 'node:path'
import type {Change, PlanDocument} from '../generated/plan.js'
import {renderPlanMarkdown, type MarkdownOptions} from './markdown.js'
import {activeAffected, byImportance, isBlocked, isWarned} from './markdown/order.js'

export const ANNOTATIONS_SHOWN = 10
/**
 * A step summary over 1 MiB is not uploaded at all. UTF-8 needs at most 3 bytes per UTF-16 code
 * unit, so 300,000 characters stay under it whatever the names are written in.
 */
export const SUMMARY_LIMIT = 300_000

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  title: string
  message: string
  file?: string
  line?: number
  col?: number
}

/**
 * One annotation per blocked change (error) and per change that warns or moves the audience of an
 * active campaign (warning), most important first, then a notice with the totals.
 * `pathPrefix`: the working directory relative to the repository root, when segsync runs in a
 * subfolder (annotation paths are relative to the repository).
 */
export function planAnnotations(plan: PlanDocument, options: {pathPrefix?: string} = {}): Annotation[] {
  const changes = byImportance(plan.workspaces.flatMap((w) => w.changes))
  const errors = changes.filter(isBlocked).map((c) => annotation(c, 'error', options.pathPrefix))
  const warnings = changes.filter((c) => !isBlocked(c) && (isWarned(c) || activeAffected(c) > 0)).map((c) => annotation(c, 'warning', options.pathPrefix))
  return [...errors, ...warnings, totals(plan, errors.length, warnings.length)]
}

function annotation(change: Change, level: 'error' | 'warning', pathPrefix = ''): Annotation {
  const affected = activeAffected(change)
  const title = `segsync: ${change.action} "${change.name}" ${level === 'error' ? 'is blocked' : affected > 0 ? `affects ${affected} active campaign${affected === 1 ? '' : 's'}` : 'needs attention'}`
  const risks = change.risks.filter((r) => r.level !== 'info')
  const lines = risks.map((r) => `${r.level === 'block' ? 'blocked' : 'warning'}: ${r.message}${r.allowFlag ? ` (allow with ${r.allowFlag})` : ''}`)
  const campaigns = change.impact.audience ? change.impact.campaigns.filter((c) => c.active) : []
  for (const c of campaigns.slice(0, 10)) lines.push(`- ${c.kind} "${c.name}" (${c.status}) ${c.via.length > 0 ? `through ${c.via.map((v) => `"${v}"`).join(' → ')}` : 'directly'}`)
  if (campaigns.length > 10) lines.push(`- … and ${campaigns.length - 10} more`)
  const source = change.source
  return {
    level,
    title,
    message: lines.join('\n'),
    ...(source ? {file: pathPrefix ? posix.join(pathPrefix, source.file) : source.file} : {}),
    ...(source?.line ? {line: source.line} : {}),
    ...(source?.column ? {col: source.column} : {}),
  }
}

function totals(plan: PlanDocument, errors: number, warnings: number): Annotation {
  const s = plan.summary
  const parts = [`${s.create} to create, ${s.update} to update, ${s.delete} to delete`]
  if (s.manual) parts.push(`${s.manual} manual`)
  if (s.blocked) parts.push(`${s.blocked} blocked`)
  if (s.affectedCampaigns) parts.push(`${s.affectedCampaigns} active campaign${s.affectedCampaigns === 1 ? '' : 's'} affected`)
  const hidden = errors > ANNOTATIONS_SHOWN || warnings > ANNOTATIONS_SHOWN
  const more = hidden ? ` GitHub shows ${ANNOTATIONS_SHOWN} annotations of each kind: ${errors} errors and ${warnings} warnings were printed, and the job summary lists every change.` : ''
  return {level: 'notice', title: 'segsync plan', message: `Plan: ${parts.join(', ')}.${more}`}
}

/** `::error file=a.json,line=3,title=…::message`, escaped as the runner expects. */
export function formatAnnotation(a: Annotation): string {
  const props: Array<[string, string | number | undefined]> = [
    ['file', a.file],
    ['line', a.line],
    ['col', a.col],
    ['title', a.title],
  ]
  const list = props.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
  return `::${a.level}${list.length > 0 ? ` ${list.join(',')}` : ''}::${escapeData(a.message)}`
}

export function renderAnnotations(plan: PlanDocument, options: {pathPrefix?: string} = {}): string {
  return planAnnotations(plan, options).map(formatAnnotation).join('\n') + '\n'
}

/** The job summary: the whole plan as Markdown (no comment limit), with notes such as where the comment went. */
export function renderJobSummary(plan: PlanDocument, options: Pick<MarkdownOptions, 'notes' | 'commit' | 'links'> = {}): string {
  return renderPlanMarkdown(plan, {maxChars: SUMMARY_LIMIT, fullPlanAt: 'the plan file (`segsync plan --out plan.json`; the shipped workflow uploads it as an artifact)', ...options})
}

// Workflow-command escaping (actions/toolkit core/src/command.ts): data escapes %, CR and LF;
// property values also `:` and `,`, which separate properties.
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

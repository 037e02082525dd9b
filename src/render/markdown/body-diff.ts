/**
 * The exact change under an update's words: its normalised body before (the vendor's) and after
 * (the definition's) as a collapsed ```diff of pretty JSON, keys sorted, one leaf per line. A small
 * body is shown whole; a big one only around its changes. Names in it are data: the fence is
 * longer than any backtick run inside, so nothing in a value can close it.
 */
import type {Change} from '../../generated/plan.js'
import {diffLines, hunks, type DiffLine} from '../line-diff.js'

/** A body up to this many lines is shown whole; a longer one as hunks. */
const WHOLE_UP_TO = 40
const CONTEXT = 3
/** Diff lines shown at most, so one big segment cannot fill the comment. */
const MAX_LINES = 80

export function bodyDiff(change: Change): string | undefined {
  if (change.action !== 'update') return undefined
  const before = prettyLines(change.before)
  const after = prettyLines(change.afterNormalized)
  const lines = diffLines(before, after)
  const added = lines.filter((l) => l.op === '+').length
  const removed = lines.filter((l) => l.op === '-').length
  if (added + removed === 0) return undefined
  const body = Math.max(before.length, after.length) <= WHOLE_UP_TO ? lines.map(diffText) : hunked(lines)
  const shown = body.slice(0, MAX_LINES)
  const cut = body.length - shown.length
  const fence = fenceFor(shown)
  const more = cut > 0 ? `\n\n_… ${cut} more line${cut === 1 ? '' : 's'}: the plan JSON has both bodies (\`before\`, \`afterNormalized\`)._` : ''
  return [
    `<details><summary>Normalised body, before → after (+${added} −${removed} line${added + removed === 1 ? '' : 's'})</summary>`,
    '',
    `${fence}diff`,
    ...shown,
    fence + more,
    '',
    '</details>',
  ].join('\n')
}

function hunked(lines: DiffLine[]): string[] {
  return hunks(lines, CONTEXT).flatMap((h) => [`@@ -${h.before.start},${h.before.count} +${h.after.start},${h.after.count} @@`, ...h.lines.map(diffText)])
}

function diffText(line: DiffLine): string {
  return `${line.op}${line.text}`
}

/** Pretty JSON with keys sorted at every level: the same body always prints the same lines. */
function prettyLines(body: Record<string, unknown>): string[] {
  return JSON.stringify(sortKeys(body), null, 2).split('\n')
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    )
  }
  return value
}

/** A backtick fence longer than any backtick run in the lines (CommonMark §4.5), at least three. */
function fenceFor(lines: string[]): string {
  const longest = Math.max(0, ...lines.flatMap((l) => l.match(/`+/g) ?? []).map((run) => run.length))
  return '`'.repeat(Math.max(3, longest + 1))
}

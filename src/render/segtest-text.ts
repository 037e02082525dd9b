/**
 * Segment test results for people: one line per expectation (a segment and a profile), failures
 * explained with the condition tree and the value each condition had, then a summary line.
 */
import type {SegmentTestReport} from '../generated/segtest-report.js'
import type {Colors} from './colors.js'
import type {Annotation} from './github.js'

type Result = SegmentTestReport['results'][number]

const WORD = {member: 'a member', nonMember: 'not a member'} as const

export function renderSegmentTests(report: SegmentTestReport, c: Colors): string {
  const lines = report.results.map((r) => {
    const where = c.dim(`${r.file}${r.line ? `:${r.line}` : ''}`)
    if (r.actual === 'skipped') return `  ${c.dim('–')} ${JSON.stringify(r.segment)} ${r.profile}: skipped (${r.explanation}) ${where}`
    if (r.actual === r.expected) return `  ${c.green('✓')} ${JSON.stringify(r.segment)} ${r.profile} is ${WORD[r.actual]} ${where}`
    return `  ${c.red('✗')} ${JSON.stringify(r.segment)} ${failureText(r)} ${where}`
  })
  const s = report.summary
  const total = s.passed + s.failed + s.skipped
  const summary = total === 0 ? c.dim('No segment tests found (*.segtest.json or *.segtest.ts under a workspace\'s segments folder).') : `${s.failed ? c.red(`${s.failed} failed`) : c.green('0 failed')}, ${s.passed} passed, ${s.skipped} skipped`
  return [...lines, '', summary].join('\n') + '\n'
}

/** `bob: expected not a member, but is: AND(status is active ✓, tag contains vip ✓)` */
export function failureText(r: Result): string {
  return `${r.profile}: expected ${WORD[r.expected]}, but ${r.actual === 'member' ? 'is' : 'is not'}: ${r.explanation}`
}

/** One `::error` annotation per failed expectation, at the test file and line (GitHub Actions). */
export function segmentTestAnnotations(report: SegmentTestReport, pathPrefix = ''): Annotation[] {
  return report.results
    .filter((r) => r.actual !== 'skipped' && r.actual !== r.expected)
    .map((r) => ({level: 'error' as const, title: `segsync test: ${r.segment}`, message: failureText(r), file: pathPrefix ? `${pathPrefix}/${r.file}` : r.file, ...(r.line ? {line: r.line} : {})}))
}

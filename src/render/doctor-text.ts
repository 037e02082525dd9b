/** The doctor report for people: per workspace, one line per check, then what to do. */
import type {DoctorReport} from '../generated/doctor-report.js'
import type {Colors} from './colors.js'

export function renderDoctor(report: DoctorReport, c: Colors): string {
  const blocks = report.workspaces.map((ws) => {
    const lines = [c.bold(`Workspace ${ws.name} (${ws.provider}, ${ws.endpoint})`)]
    for (const check of ws.checks) {
      const mark = check.status === 'pass' ? c.green('✓') : check.status === 'fail' ? c.red('✗') : c.dim('–')
      lines.push(`  ${mark} ${check.title}: ${check.message}`)
      if (check.basis) lines.push(c.dim(`      tests: ${check.basis}`))
    }
    return lines.join('\n')
  })
  const failed = report.workspaces.flatMap((w) => w.checks.filter((x) => x.status === 'fail').map((x) => `${w.name}: ${x.title}`))
  const verdict = failed.length
    ? c.red(`${failed.length} check${failed.length === 1 ? '' : 's'} failed (${failed.join('; ')}). segsync would stop before writing here; send us \`segsync doctor --json\` (it is redacted).`)
    : c.green('Every check passed: this API answers the way segsync expects.')
  return [...blocks, verdict].join('\n\n') + '\n'
}

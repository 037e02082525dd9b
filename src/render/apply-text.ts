import type {ApplyReport} from '../generated/apply-report.js'
import type {ApplyOutcome} from '../core/apply/apply-workspace.js'
import type {Colors} from './colors.js'

const PAST = {create: 'created', update: 'updated', delete: 'deleted'} as const

/** One line per outcome, printed as the apply goes. */
export function renderOutcome(workspace: string, o: ApplyOutcome, c: Colors): string {
  const id = o.id ? c.dim(` (${o.id})`) : ''
  const name = JSON.stringify(o.name)
  switch (o.status) {
    case 'applied':
      return `  ${c.green('✓')} ${workspace}: ${PAST[o.action]} ${name}${id}`
    case 'failed':
      return `  ${c.red('✗')} ${workspace}: ${o.action} ${name} failed: ${o.message ?? ''}`
    case 'uncertain':
      return `  ${c.yellow('?')} ${workspace}: ${o.action} ${name} is uncertain: ${o.message ?? ''}`
    case 'not-attempted':
      return `  ${c.dim('·')} ${workspace}: ${o.action} ${name} not attempted: ${o.message ?? ''}`
    case 'manual':
      return `  ${c.yellow('!')} ${workspace}: ${o.action} ${name} is a manual step: ${o.message ?? ''}`
  }
}

export function renderApplySummary(report: ApplyReport, c: Colors): string {
  const outcomes = report.workspaces.flatMap((w) => w.outcomes)
  const done = (action: 'create' | 'update' | 'delete') => outcomes.filter((o) => o.action === action && o.status === 'applied').length
  const counts = `${done('create')} created, ${done('update')} updated, ${done('delete')} deleted`
  const s = report.summary
  const manual = s.manual ? ` ${s.manual} manual step${s.manual === 1 ? '' : 's'} left for you (see above).` : ''
  switch (report.status) {
    case 'no-changes':
      return c.green('No changes. Nothing to apply.')
    case 'applied':
      return `${c.green(c.bold('Apply complete!'))} ${counts}.${manual}`
    case 'interrupted':
      return `${c.yellow(c.bold('Apply interrupted.'))} ${counts}; ${s.notAttempted} not attempted. Run apply again to finish.${manual}`
    default: {
      const uncertain = s.uncertain ? `, ${s.uncertain} uncertain (the vendor's answer could not be trusted; see above for what a re-read found)` : ''
      return `${c.red(c.bold(report.status === 'partial' ? 'Apply partly failed.' : 'Apply failed.'))} ${counts}; ${s.failed} failed${uncertain}, ${s.notAttempted} not attempted. Nothing is rolled back: fix the cause and run apply again; it continues from here.${manual}`
    }
  }
}

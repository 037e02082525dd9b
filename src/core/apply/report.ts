import type {ApplyReport} from '../../generated/apply-report.js'
import type {ApplyOutcome} from './apply-workspace.js'

export interface WorkspaceOutcomes {
  name: string
  provider: string
  outcomes: ApplyOutcome[]
}

export function buildReport(workspaces: WorkspaceOutcomes[], meta: {version: string; interrupted: boolean}): ApplyReport {
  const all = workspaces.flatMap((w) => w.outcomes)
  const count = (status: ApplyOutcome['status']) => all.filter((o) => o.status === status).length
  const summary = {applied: count('applied'), failed: count('failed'), uncertain: count('uncertain'), notAttempted: count('not-attempted'), manual: count('manual')}
  const status: ApplyReport['status'] =
    all.length === 0 || (summary.applied === 0 && summary.failed === 0 && summary.uncertain === 0 && summary.notAttempted === 0)
      ? summary.manual > 0 ? 'applied' : 'no-changes'
      : meta.interrupted && summary.notAttempted > 0
        ? 'interrupted'
        : summary.failed === 0 && summary.uncertain === 0 && summary.notAttempted === 0
          ? 'applied'
          : summary.applied === 0 && summary.uncertain === 0
            ? 'failed'
            : 'partial'
  return {
    formatVersion: 2,
    segsyncVersion: meta.version,
    status,
    summary,
    workspaces: workspaces.map((w) => ({
      name: w.name,
      provider: w.provider,
      outcomes: w.outcomes.map(({error: _error, ...o}) => o),
    })),
  }
}

/**
 * Apply across workspaces, all at once: each workspace applies its own changes (in dependency
 * order, deletes last) side by side with the others. The rule of a single workspace holds across
 * all of them: after a change fails (or is uncertain) in any workspace, no new change starts
 * anywhere, and the changes already in flight finish. Results come back in config order.
 */
import type {Session} from '../plan/read-workspaces.js'
import {applyWorkspace, type ApplyOutcome} from './apply-workspace.js'
import type {WorkspaceOutcomes} from './report.js'
import {sayAtOnce} from '../at-once.js'

export interface ApplyAllOptions {
  /** Changes in flight at once, in each workspace (the vendor's budget still holds). */
  concurrency: number
  stopped?: () => boolean
  onOutcome?: (workspace: string, outcome: ApplyOutcome) => void
  progress?: (line: string) => void
}

export async function applyWorkspaces(sessions: Session[], options: ApplyAllOptions): Promise<WorkspaceOutcomes[]> {
  let failedIn: string | undefined
  const halt = () => (failedIn === undefined ? undefined : `not started: the apply stopped after a failure in workspace ${failedIn}`)
  const busy = sessions.filter((s) => s.plan.changes.length > 0)
  sayAtOnce(options.progress, 'Applying', busy.map((s) => s.plan.name))
  return Promise.all(
    sessions.map(async (session) => {
      const {plan} = session
      if (plan.changes.length > 0) options.progress?.(`${plan.name}: applying ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'}…`)
      const outcomes = await applyWorkspace(plan, {
        client: session.connection.client,
        provider: session.prepared.provider,
        remotesById: session.remotesById,
        concurrency: options.concurrency,
        stopped: options.stopped,
        halt,
        onOutcome: (o) => {
          if (o.status === 'failed' || o.status === 'uncertain') failedIn ??= plan.name
          options.onOutcome?.(plan.name, o)
        },
      })
      if (plan.changes.length > 0) options.progress?.(`${plan.name}: ${doneInWords(outcomes)}`)
      return {name: plan.name, provider: plan.provider, outcomes}
    }),
  )
}

function doneInWords(outcomes: ApplyOutcome[]): string {
  const count = (status: ApplyOutcome['status']) => outcomes.filter((o) => o.status === status).length
  const parts = [`${count('applied')} applied`, count('failed') && `${count('failed')} failed`, count('uncertain') && `${count('uncertain')} uncertain`, count('not-attempted') && `${count('not-attempted')} not attempted`, count('manual') && `${count('manual')} manual`]
  return `done: ${parts.filter(Boolean).join(', ')}`
}

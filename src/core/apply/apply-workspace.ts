/**
 * Apply stage for one workspace: creates and updates in dependency order (a `{ $segment }`
 * reference resolves to the id of a segment created earlier in the same run), then deletes,
 * dependents first, only when every upsert succeeded. Outcomes come back as data.
 */
import {AmbiguousWriteError, SegsyncError, VendorError} from '../../errors.js'
import type {Change, WorkspacePlan} from '../../generated/plan.js'
import type {Provider, ProviderClient, SegmentBody} from '../../providers/provider.js'
import type {RemoteSegment} from '../model.js'
import {topLevelField} from '../diff/field-diff.js'
import {replaceSegmentRefs} from '../graph/references.js'
import {runTasks, type TaskOutcome} from './run-tasks.js'

export interface ApplyOutcome {
  action: Change['action']
  name: string
  id?: string
  status: 'applied' | 'failed' | 'not-attempted' | 'manual'
  message?: string
  /** The error behind a failure (kept for the exit code; not serialised). */
  error?: unknown
}

export interface ApplyWorkspaceOptions {
  client: ProviderClient
  provider: Provider
  /** Remote segments as read for this plan. */
  remotes: RemoteSegment[]
  concurrency: number
  stopped?: () => boolean
  onOutcome?: (outcome: ApplyOutcome) => void
}

export async function applyWorkspace(plan: WorkspacePlan, options: ApplyWorkspaceOptions): Promise<ApplyOutcome[]> {
  const {client, provider} = options
  const remotesById = new Map(options.remotes.map((r) => [r.id, r]))
  const idOf = new Map(options.remotes.map((r) => [r.name, r.id]))
  for (const c of plan.changes) if (c.action === 'update' && c.id) idOf.set(c.name, c.id)
  const resolve = (name: string) => {
    const id = idOf.get(name)
    if (id === undefined) throw new SegsyncError(`cannot resolve { "$segment": ${JSON.stringify(name)} }: that segment has no id yet`)
    return id
  }
  const outcomes: ApplyOutcome[] = []
  const record = (o: ApplyOutcome) => {
    outcomes.push(o)
    options.onOutcome?.(o)
  }

  const upserts = plan.changes.filter((c) => c.action !== 'delete')
  const upsertOutcomes = await runTasks(
    upserts.map((change) => ({
      id: change.name,
      deps: change.dependsOn,
      run: async () => {
        const body = replaceSegmentRefs(withoutName(change.after), resolve) as SegmentBody
        if (change.action === 'create') {
          const created = await createOnce(client, change.name, body)
          idOf.set(change.name, created.id)
          return created.id
        }
        const remote = remotesById.get(change.id!)
        if (!remote) throw new SegsyncError(`${change.name} (${change.id}) was not found in ${provider.label} any more`)
        const keys = new Set(change.fields.map((f) => topLevelField(f.path)))
        const changes: SegmentBody = {}
        for (const key of keys) changes[key] = key === 'name' ? change.name : body[key]
        await client.update(remote, changes, {name: change.name, ...body})
        return remote.id
      },
    })),
    {concurrency: options.concurrency, stopped: options.stopped, onSettled: (id, o) => record(toOutcome(upserts.find((c) => c.name === id)!, o))},
  )
  const upsertsClean = [...upsertOutcomes.values()].every((o) => o.status === 'applied')

  const deletes = plan.changes.filter((c) => c.action === 'delete')
  for (const change of deletes.filter((c) => c.manual)) {
    record({action: 'delete', name: change.name, id: change.id, status: 'manual', message: change.manual})
  }
  const apiDeletes = deletes.filter((c) => !c.manual)
  if (!upsertsClean) {
    for (const change of apiDeletes) {
      record({action: 'delete', name: change.name, id: change.id, status: 'not-attempted', message: 'deletes run only after every create and update succeeded'})
    }
    return outcomes
  }
  await runTasks(
    apiDeletes.map((change) => ({
      id: change.name,
      deps: change.dependsOn,
      run: async () => {
        const remote = remotesById.get(change.id!) ?? {id: change.id!, name: change.name, raw: undefined}
        try {
          await client.delete(remote)
        } catch (error) {
          // Already gone is what we wanted: a re-run after a partial apply converges.
          if (!(error instanceof VendorError && error.status === 404)) throw error
        }
        return change.id!
      },
    })),
    {concurrency: options.concurrency, stopped: options.stopped, onSettled: (id, o) => record(toOutcome(apiDeletes.find((c) => c.name === id)!, o))},
  )
  return outcomes
}

/**
 * Create without ever blindly re-sending: when the outcome of a POST is unknown (timeout, reset,
 * 5xx), list by name and adopt what landed; send again only when it did not land.
 */
async function createOnce(client: ProviderClient, name: string, body: SegmentBody): Promise<RemoteSegment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.create(name, body)
    } catch (error) {
      if (!(error instanceof AmbiguousWriteError)) throw error
      const landed = (await client.listSegments()).filter((r) => r.name === name)
      if (landed.length === 1) return landed[0]!
      if (landed.length > 1) {
        throw new SegsyncError(`after an interrupted create, ${landed.length} segments are named ${JSON.stringify(name)} (ids ${landed.map((r) => r.id).join(', ')})`, 'Delete the extra one in the vendor UI, then run apply again.')
      }
      if (attempt >= 2) throw error
    }
  }
}

function withoutName(after: Change['after']): Record<string, unknown> {
  const {name: _name, ...body} = (after ?? {}) as Record<string, unknown>
  return body
}

function toOutcome(change: Change, outcome: TaskOutcome<string>): ApplyOutcome {
  const base = {action: change.action, name: change.name}
  if (outcome.status === 'applied') return {...base, id: outcome.value, status: 'applied'}
  if (outcome.status === 'failed') {
    const error = outcome.error
    const text = error instanceof Error ? error.message : String(error)
    // The hint says what to do (e.g. which key scope is missing): keep it with the failure.
    const message = error instanceof SegsyncError && error.hint ? `${text} (${error.hint})` : text
    return {...base, ...(change.id ? {id: change.id} : {}), status: 'failed', message, error: outcome.error}
  }
  return {...base, ...(change.id ? {id: change.id} : {}), status: 'not-attempted', message: outcome.reason}
}

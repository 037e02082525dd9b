/**
 * Apply stage for one workspace: creates and updates in dependency order (a `{ $segment }`
 * reference resolves to the id of a segment created earlier in the same run), then deletes,
 * dependents first, only when every upsert succeeded. Outcomes come back as data.
 */
import {AmbiguousWriteError, SegsyncError, UncertainWriteError, VendorError} from '../../errors.js'
import type {Change, UpdateChange, WorkspacePlan} from '../../generated/plan.js'
import type {RemoteSegment} from '../model.js'
import type {Provider, ProviderClient, SegmentBody, SegmentWrite} from '../provider.js'
import {replaceSegmentRefs} from '../graph/references.js'
import {runTasks, type TaskOutcome} from './run-tasks.js'
import {whatLanded} from './what-landed.js'

export interface ApplyOutcome {
  action: Change['action']
  name: string
  id?: string
  /** 'uncertain': the vendor answered the write outside its contract; it may or may not have landed. */
  status: 'applied' | 'failed' | 'uncertain' | 'not-attempted' | 'manual'
  message?: string
  /** The error behind a failure (kept for the exit code; not serialised). */
  error?: unknown
}

export interface ApplyWorkspaceOptions {
  client: ProviderClient
  provider: Provider
  /** Remote segments as read for this plan. */
  remotesById: ReadonlyMap<string, RemoteSegment>
  concurrency: number
  stopped?: () => boolean
  /** Why no new change may start here (a change failed in another workspace), if so. */
  halt?: () => string | undefined
  onOutcome?: (outcome: ApplyOutcome) => void
}

export async function applyWorkspace(plan: WorkspacePlan, options: ApplyWorkspaceOptions): Promise<ApplyOutcome[]> {
  const {client, provider} = options
  const {remotesById} = options
  const idOf = new Map([...remotesById.values()].map((r) => [r.name, r.id]))
  for (const c of plan.changes) if (c.action === 'update') idOf.set(c.name, c.id)
  const resolve = (name: string) => {
    const id = idOf.get(name)
    if (id === undefined) throw new SegsyncError(`cannot resolve { "$segment": ${JSON.stringify(name)} }: that segment has no id yet`)
    return id
  }
  // A write answered outside its contract: read again to say what landed; it stays uncertain.
  const reread = async (change: Change, body: SegmentBody | undefined, write: () => Promise<string>): Promise<string> => {
    try {
      return await write()
    } catch (error) {
      if (!(error instanceof UncertainWriteError)) throw error
      throw new UncertainWriteError(`${error.message}; ${await whatLanded(change, body, client, provider)}`, error.breach)
    }
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
        const body = resolveRefs(change.after, resolve)
        return reread(change, body, async () => {
          if (change.action === 'create') {
            const created = await createOnce(client, change.name, body)
            idOf.set(change.name, created.id)
            return created.id
          }
          const remote = remotesById.get(change.id)
          if (!remote) throw new SegsyncError(`${change.name} (${change.id}) was not found in ${provider.label} any more`)
          await client.update(remote, segmentWrite(change, body))
          return remote.id
        })
      },
    })),
    {concurrency: options.concurrency, stopped: options.stopped, halt: options.halt, onSettled: (id, o) => record(toOutcome(upserts.find((c) => c.name === id)!, o))},
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
        const remote = remotesById.get(change.id) ?? {id: change.id, name: change.name, raw: undefined}
        return reread(change, undefined, async () => {
          try {
            await client.delete(remote)
          } catch (error) {
            // Already gone is what we wanted: a re-run after a partial apply converges.
            if (!(error instanceof VendorError && error.status === 404)) throw error
          }
          return change.id
        })
      },
    })),
    {concurrency: options.concurrency, stopped: options.stopped, halt: options.halt, onSettled: (id, o) => record(toOutcome(apiDeletes.find((c) => c.name === id)!, o))},
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

/** The body with every `{ $segment }` replaced by the id of the segment it names. */
function resolveRefs(body: SegmentBody, resolve: (name: string) => string): SegmentBody {
  const out: SegmentBody = {}
  for (const [key, value] of Object.entries(body)) out[key] = replaceSegmentRefs(value, resolve)
  return out
}

/** What the update sends: the fields the plan changes, split into those with a value and those the definition dropped. */
export function segmentWrite(change: UpdateChange, body: SegmentBody): SegmentWrite {
  const fields = change.changed.filter((f) => f !== 'name')
  return {
    desired: {name: change.name, ...body},
    changed: [...(change.changed.includes('name') ? ['name'] : []), ...fields.filter((f) => body[f] !== undefined)],
    cleared: fields.filter((f) => body[f] === undefined),
  }
}

function toOutcome(change: Change, outcome: TaskOutcome<string>): ApplyOutcome {
  const base = {action: change.action, name: change.name}
  const id = change.action === 'create' ? {} : {id: change.id}
  if (outcome.status === 'applied') return {...base, id: outcome.value, status: 'applied'}
  if (outcome.status === 'failed' && outcome.error instanceof UncertainWriteError) {
    return {...base, ...id, status: 'uncertain', message: outcome.error.message, error: outcome.error}
  }
  if (outcome.status === 'failed') {
    const error = outcome.error
    const text = error instanceof Error ? error.message : String(error)
    // The hint says what to do (e.g. which key scope is missing): keep it with the failure.
    const message = error instanceof SegsyncError && error.hint ? `${text} (${error.hint})` : text
    return {...base, ...id, status: 'failed', message, error: outcome.error}
  }
  return {...base, ...id, status: 'not-attempted', message: outcome.reason}
}

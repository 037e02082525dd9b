/**
 * Altcraft Platform client (HTTP only): segments/list + segments/get (the list carries no rules),
 * add, update (the full definition), delete, and mailing usage. Ids are integers at the API and
 * strings in segsync's model: converted here, at the boundary. vendors.md §5.
 */
import {SegsyncError, VendorError} from '../../errors.js'
import type {RemoteSegment} from '../../core/model.js'
import {registerSecret} from '../../util/redact.js'
import type {ConnectOptions, ProviderClient, SegmentBody, VendorFinding} from '../../core/provider.js'
import type {Segment, SegmentDeleted, SegmentSaved} from '../../generated/altcraft-responses.js'
import {lifecycle} from '../kit/http.js'
import {connectApi, type AltcraftApi} from './api.js'
import {NOT_FOUND, segmentDelete} from './assumptions.js'
import {altcraftAudience} from './audience.js'
import {readUsage} from './campaigns.js'
import {databaseOf} from './mapping.js'
import {readAll, toRemote} from './read-segments.js'
import {asWritten, segmentRequest} from './request-body.js'

export interface AltcraftTuning {
  /** Items per list request (default: Altcraft's documented 1000). */
  pageSize?: number
}

export async function connectAltcraft(options: ConnectOptions, tuning: AltcraftTuning = {}): Promise<ProviderClient> {
  // The token goes in every request body: make sure it is masked even outside the CLI pipeline.
  registerSecret(options.apiKey)
  const api = await connectApi(options, tuning.pageSize)

  return {
    listSegments: () => readAll(api),
    campaignUsage: () => readUsage(api),
    verify: async (definitions, remotes) => databaseChanges(definitions, await remotes),
    async create(name, body) {
      const request = segmentRequest(body)
      const {data} = await api.write<SegmentSaved>('SegmentSaved', 'segments/add', {name, ...request})
      return toRemote(asWritten(data.saved_id, name, request))
    },
    async update(remote, {desired}) {
      // segments/update replaces the segment: it takes id, name and the full rules (seed 004), so
      // a field the definition dropped takes its default by being left out of the request.
      const request = segmentRequest(desired)
      const raw = remote.raw as Segment
      const database = databaseOf(raw)
      if (database !== undefined && database !== request.list_id) throw new SegsyncError(databaseMessage(remote.name, database, request.list_id))
      await api.write<SegmentSaved>('SegmentSaved', 'segments/update', {id: integerId(remote), name: desired.name, ...request}, {idempotent: true})
      return toRemote(asWritten(integerId(remote), desired.name, request, raw))
    },
    delete: (remote) => deleteSegment(api, remote),
    audience: (queries) => Promise.resolve(altcraftAudience(queries)),
    // Loaded only by `segsync doctor`: it is not read before a plan's first request.
    doctor: async () => (await import('./doctor.js')).altcraftDoctor(api),
    ...lifecycle(api.http),
  }
}

/**
 * segments/delete is assumed (vendors.md §5.3: its page was not found), so a "not found" may mean
 * the segment is gone or that this account has no such method: the list says which.
 */
async function deleteSegment(api: AltcraftApi, remote: RemoteSegment): Promise<void> {
  const id = integerId(remote)
  try {
    await api.write<SegmentDeleted>('SegmentDeleted', segmentDelete.method, {id}, {idempotent: true})
  } catch (error) {
    if (!(error instanceof VendorError && error.status === NOT_FOUND)) throw error
    const listed = await api.listAll('SegmentList', 'segments/list')
    if (!listed.some((s) => s.id === id)) return
    throw new SegsyncError(
      `Altcraft still lists ${JSON.stringify(remote.name)} (${id}) after its ${segmentDelete.method} answered "not found" (${error.message}): nothing was deleted. segsync assumes the method ${segmentDelete.method} from the names of the documented ones (its page was not found), and this account may not have it`,
      'Delete the segment in the Altcraft UI, and send us the output of `segsync doctor` with the name of the delete method your Altcraft version documents.',
    )
  }
}

function integerId(remote: RemoteSegment): number {
  const id = Number(remote.id)
  if (!Number.isInteger(id)) throw new SegsyncError(`Altcraft segment ids are integers; got ${JSON.stringify(remote.id)}`)
  return id
}

/**
 * "When updating segmentation conditions, the specified profile database cannot be changed"
 * (seed 004): a definition that moves a segment to another database is blocked in the plan,
 * before anything is written.
 */
function databaseChanges(definitions: Array<{name: string; body: SegmentBody}>, remotes: RemoteSegment[]): VendorFinding[] {
  const byName = new Map(remotes.filter((r) => !r.readOnly).map((r) => [r.name, r]))
  return definitions.flatMap((d) => {
    const remote = byName.get(d.name)
    const database = remote ? databaseOf(remote.raw as Segment) : undefined
    const wanted = d.body.list_id
    return database !== undefined && typeof wanted === 'number' && wanted !== database ? [{name: d.name, level: 'block' as const, message: databaseMessage(d.name, database, wanted)}] : []
  })
}

function databaseMessage(name: string, from: number, to: number): string {
  return `list_id cannot change from ${from} to ${to}: Altcraft cannot move a segment to another profile database. Create a segment with a new name for database ${to} (and mark ${JSON.stringify(name)} ensure: 'absent' to delete it)`
}

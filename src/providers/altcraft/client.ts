/**
 * Altcraft Platform client (HTTP only): segments/list + segments/get (the list carries no rules),
 * add, update (the full definition), delete, and mailing usage. Ids are integers at the API and
 * strings in segsync's model: converted here, at the boundary. vendors.md §5.
 */
import {SegsyncError, VendorError} from '../../errors.js'
import type {RemoteSegment} from '../../core/model.js'
import {registerSecret} from '../../util/redact.js'
import type {ConnectOptions, ProviderClient, SegmentBody, VendorFinding} from '../../core/provider.js'
import {readChecks} from '../kit/probe.js'
import {lifecycle} from '../kit/http.js'
import {connectApi, type AltcraftApi} from './api.js'
import {segmentDelete} from './assumptions.js'
import {readUsage} from './campaigns.js'
import {databaseOf, isStaticRaw, type SegmentRaw} from './mapping.js'
import {segmentRequest} from './request-body.js'

export const STATIC_NOTE = 'a static segment (no rules: its members are added by hand, import or API); segsync lists it but never changes it'

export interface AltcraftTuning {
  /** Items per list request (default: Altcraft's documented 1000). */
  pageSize?: number
}

export async function connectAltcraft(options: ConnectOptions, tuning: AltcraftTuning = {}): Promise<ProviderClient> {
  // The token goes in every request body: make sure it is masked even outside the CLI pipeline.
  registerSecret(options.apiKey)
  const api = await connectApi(options, tuning.pageSize)

  const client: ProviderClient = {
    listSegments: () => readAll(api),
    campaignUsage: () => readUsage(api),
    verify: async (definitions, remotes) => databaseChanges(definitions, await remotes),
    async create(name, body) {
      const request = segmentRequest(body)
      const res = await api.call<{saved_id?: number}>('segments/add', {name, ...request})
      const id = res.data?.saved_id
      if (!Number.isInteger(id)) throw new SegsyncError('Altcraft answered segments/add without the saved_id of the segment it wrote')
      return toRemote({id, name, ...request})
    },
    async update(remote, {desired}) {
      // segments/update replaces the segment: it takes id, name and the full rules (seed 004), so
      // a field the definition dropped takes its default by being left out of the request.
      const request = segmentRequest(desired)
      const database = databaseOf(remote.raw)
      if (database !== undefined && database !== request.list_id) throw new SegsyncError(databaseMessage(remote.name, database, request.list_id))
      await api.call('segments/update', {id: integerId(remote), name: desired.name, ...request}, {idempotent: true})
      return toRemote({...(remote.raw as SegmentRaw), id: integerId(remote), name: desired.name, ...request})
    },
    async delete(remote) {
      await api.call(segmentDelete.method, {id: integerId(remote)}, {idempotent: true})
    },
    doctor: () =>
      readChecks(client, {segments: 'POST /api/v1.1/segments/list/ and segments/get/ (vendors.md §5.3)', campaigns: 'POST /api/v1.1/campaigns/list/ and campaigns/get/ (vendors.md §5.6)'}),
    ...lifecycle(api.http),
  }
  return client
}

/** The list has ids and names only; each segment's rules and type come from segments/get. */
async function readAll(api: AltcraftApi): Promise<RemoteSegment[]> {
  const listed = await api.listAll<{id: number; name: string}>('segments/list')
  const details = await Promise.all(listed.map((s) => readSegment(api, s.id)))
  return details.filter((d): d is SegmentRaw => d !== undefined).map(toRemote)
}

/** A segment deleted between the list and its read is skipped, not a failure. */
async function readSegment(api: AltcraftApi, id: number): Promise<SegmentRaw | undefined> {
  try {
    return (await api.call<SegmentRaw>('segments/get', {id}, {idempotent: true})).data
  } catch (error) {
    if (error instanceof VendorError && error.status === 404) return undefined
    throw error
  }
}

function toRemote(raw: SegmentRaw): RemoteSegment {
  return {id: String(raw.id), name: String(raw.name), raw, ...(isStaticRaw(raw) ? {readOnly: STATIC_NOTE} : {})}
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
    const database = remote ? databaseOf(remote.raw) : undefined
    const wanted = d.body.list_id
    return database !== undefined && typeof wanted === 'number' && wanted !== database ? [{name: d.name, level: 'block' as const, message: databaseMessage(d.name, database, wanted)}] : []
  })
}

function databaseMessage(name: string, from: number, to: number): string {
  return `list_id cannot change from ${from} to ${to}: Altcraft cannot move a segment to another profile database. Create a segment with a new name for database ${to} (and mark ${JSON.stringify(name)} ensure: 'absent' to delete it)`
}

/**
 * The remote segments: segments/list for ids and names, then segments/get for each one's rules
 * and type (the list carries neither). Every answer is inside its contract by then (api.ts); a
 * segment the list has and the get cannot read stops the run (listed.ts), never vanishes.
 */
import {ContractError} from '../../errors.js'
import type {RemoteSegment} from '../../core/model.js'
import type {Segment, SegmentDetail} from '../../generated/altcraft-responses.js'
import type {AltcraftApi} from './api.js'
import {routeOf} from './answers.js'
import {readListed} from './listed.js'
import {readOnlyNote, segmentType} from './segment-type.js'

export async function readAll(api: AltcraftApi): Promise<RemoteSegment[]> {
  const list = () => api.listAll('SegmentList', 'segments/list')
  const listed = await list()
  const details = await readListed(listed, list, 'segment', (id) => readSegment(api, id))
  return details.filter((d): d is Segment => d !== undefined).map(toRemote)
}

/** One segment; an answer about another segment than the one asked for is outside the contract. */
async function readSegment(api: AltcraftApi, id: number): Promise<Segment> {
  const {data} = await api.read<SegmentDetail>('SegmentDetail', 'segments/get', {id})
  if (data.id !== id) throw new ContractError({vendor: 'Altcraft', route: routeOf('segments/get'), path: '/data/id', expected: `the id asked for (${id})`, got: String(data.id)})
  return data
}

export function toRemote(raw: Segment): RemoteSegment {
  const note = readOnlyNote(segmentType(raw))
  return {id: String(raw.id), name: raw.name, raw, ...(note ? {readOnly: note} : {})}
}

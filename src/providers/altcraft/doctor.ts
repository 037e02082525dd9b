/**
 * `segsync doctor` for Altcraft: read-only probes of what segsync relies on
 * (schemas/altcraft/responses.schema.json) and the vendors.md §5 assumptions a read can test.
 */
import {VendorError} from '../../errors.js'
import type {RemoteSegment} from '../../core/model.js'
import type {DoctorCheck} from '../../core/provider.js'
import type {ListedItem, MailingDetail, Segment, SegmentList} from '../../generated/altcraft-responses.js'
import {probe, rateLimitCheck} from '../kit/probe.js'
import type {AltcraftApi} from './api.js'
import {NOT_FOUND, segmentDelete} from './assumptions.js'
import {readUsage} from './campaigns.js'
import {readAll} from './read-segments.js'
import {segmentType} from './segment-type.js'

/** An id no account reaches (the largest 32-bit integer): its segments/get shows how "not found" reads. */
const NO_SUCH_ID = 2_147_483_647

export async function altcraftDoctor(api: AltcraftApi): Promise<DoctorCheck[]> {
  let segments: RemoteSegment[] = []
  const checks: DoctorCheck[] = [
    await probe({id: 'token', title: 'API token', basis: '"API token must be sent in request parameters" (API interaction; vendors.md §5.2 ASSUMPTION: in the JSON body)'}, async () => {
      await api.read<SegmentList>('SegmentList', 'segments/list', {limit: 1})
      return 'the token in the request body is accepted (segments/list answers error 0)'
    }),
    await probe({id: 'segments', title: 'Segment list and details', basis: 'segments/list {data: [{id, name}], next_from_id, total_count} and segments/get {data: {id, name, segment}} (developer guide 2195600, 2195598; vendors.md §5.3)'}, async () => {
      segments = await readAll(api)
      return `${segments.length} segment${segments.length === 1 ? '' : 's'} listed to the last page (from_id / next_from_id) and read one by one, every answer inside the contract`
    }),
    typeCheck(segments),
    await probe({id: 'mailings', title: 'Mailings and their audience', basis: 'campaigns/list {is_active} then campaigns/get {data_type, data_id, is_active, is_completed} (vendors.md §5.6)'}, async () => {
      const usage = await readUsage(api)
      if (!usage.known) return {status: 'skip', message: `${usage.reason}: every change will say campaign usage cannot be verified (policy.unknownUsage decides)`}
      if (usage.read > 0) return `${usage.read} active mailing${usage.read === 1 ? '' : 's'} listed (pages end) and read, each with data_type and data_id`
      return anyMailing(api)
    }),
    await probe({id: 'not-found', title: 'How "not found" reads', basis: 'vendors.md §5.2 ASSUMPTION: errors are HTTP 200 with error ≠ 0; "not found" is error 404', onError: 'skip'}, async () => {
      try {
        await api.read('SegmentDetail', 'segments/get', {id: NO_SUCH_ID})
        return {status: 'skip', message: `segments/get answered a segment for id ${NO_SUCH_ID}, which should not exist; segsync treats any "not found" it cannot confirm by listing as a failure`}
      } catch (error) {
        if (error instanceof VendorError && error.status === NOT_FOUND) return `a missing segment answers ${NOT_FOUND} (${error.message}); segsync confirms such an answer by listing before it trusts it`
        throw error
      }
    }),
    {
      id: 'segment-delete',
      title: 'Delete method',
      status: 'skip',
      message: `cannot be checked without writing: ${segmentDelete.method} is assumed from the documented method names; a delete answered "not found" is confirmed by listing before it is reported done`,
      basis: 'vendors.md §5.3 ASSUMPTION: the "Delete segment" page exists but its content was not found',
    },
  ]
  checks.push(rateLimitCheck([...api.rateLimitHeaders], 'Altcraft documents no rate limit (vendors.md §5.2: NOT FOUND); segsync retries 429 with backoff'))
  return checks
}

/**
 * Does segments/get say each segment's type? The documented example has no is_static; without it
 * segsync cannot tell dynamic from updatable, and lists such segments read-only (segment-type.ts).
 */
function typeCheck(segments: RemoteSegment[]): DoctorCheck {
  const base = {id: 'segment-type', title: 'Segment type in segments/get', basis: 'vendors.md §5.3 ASSUMPTION: segments/get carries is_static and is_refresh_daily (its documented example does not)'}
  const withRules = segments.map((s) => s.raw as Segment).filter((raw) => segmentType(raw) !== 'static')
  if (withRules.length === 0) return {...base, status: 'skip', message: 'no segment with rules to look at (static segments have none, and need no type)'}
  const unknown = withRules.filter((raw) => segmentType(raw) === 'unknown')
  if (unknown.length === 0) return {...base, status: 'pass', message: `segments/get carries is_static for all ${withRules.length} segments with rules: segsync tells dynamic from updatable`}
  return {
    ...base,
    status: 'fail',
    message: `segments/get carries no is_static for ${unknown.length} of ${withRules.length} segments with rules (e.g. ${JSON.stringify(unknown[0]!.name)}): segsync cannot tell dynamic from updatable, so it lists them read-only and never updates or deletes them (creates still work)`,
  }
}

/** No active mailing: read any one, to see that a mailing detail carries its audience. */
async function anyMailing(api: AltcraftApi): Promise<string> {
  const [first] = (await api.read<{data: ListedItem[]}>('MailingList', 'campaigns/list', {limit: 1})).data
  if (!first) return 'the mailing list answers inside the contract; there is no mailing to read the audience of'
  const {data} = await api.read<MailingDetail>('MailingDetail', 'campaigns/get', {id: first.id})
  return `no active mailing; mailing ${JSON.stringify(first.name)} answers data_type ${JSON.stringify(data.data_type)} and data_id ${data.data_id}, as segsync reads them`
}

/**
 * `segsync doctor` for Sequenzy: read-only probes of what segsync relies on (schemas/sequenzy/
 * responses.schema.json) and the vendors.md §3 assumptions a read can test.
 */
import type {DoctorCheck} from '../../core/provider.js'
import type {HttpClient} from '../../http/client.js'
import type {CampaignDetail, SegmentCount, SegmentList, SequenceDetail, SequenceList} from '../../generated/sequenzy-responses.js'
import {probe, rateLimitCheck, rateLimitHeaders} from '../kit/probe.js'
import {answers} from './answers.js'
import {ACTIVE_CAMPAIGN_STATUSES, listAll} from './campaigns.js'

export async function sequenzyDoctor(http: HttpClient): Promise<DoctorCheck[]> {
  const seen = new Set<string>()
  const get = async (path: string, query?: Record<string, string | number>) => {
    const res = await http.request({method: 'GET', path, query})
    for (const h of rateLimitHeaders(res.headers)) seen.add(h)
    return res
  }
  let segments: SegmentList['segments'] = []
  const checks: DoctorCheck[] = [
    await probe({id: 'segments-list', title: 'Segment list', basis: 'GET /api/v1/segments → {segments} (Sequenzy MCP list_segments)'}, async () => {
      segments = answers.read<SegmentList>('SegmentList', await get('/api/v1/segments'), 'GET /api/v1/segments').segments
      return `the key may read segments; ${segments.length} segment${segments.length === 1 ? '' : 's'} answered inside the contract (no pagination, as documented)`
    }),
    await probe({id: 'segment-count', title: 'Segment member count', basis: 'GET /api/v1/segments/{id}/count → {count, segmentId} (vendors.md §3.3)', onError: 'skip'}, async () => {
      const first = segments[0]
      if (!first) return {status: 'skip', message: 'no segment to count'}
      const path = `/api/v1/segments/${encodeURIComponent(first.id)}/count`
      const {count} = answers.read<SegmentCount>('SegmentCount', await get(path), 'GET /api/v1/segments/{id}/count')
      return `counts members (${JSON.stringify(first.name)}: ${count})`
    }),
    await probe({id: 'campaigns', title: 'Active campaigns and their targeting', basis: 'GET /api/v1/campaigns?status → {campaigns, pagination.hasMore}; GET /api/v1/campaigns/{id} → {campaign.targetLists} (Sequenzy MCP definitions/campaigns.ts)'}, async () => {
      const lists = await Promise.all(ACTIVE_CAMPAIGN_STATUSES.map((status) => listAll(http, status)))
      const active = lists.flat()
      const first = active[0]
      if (!first) return `campaign lists answer inside the contract and their pages end; no active campaign to read the targeting of`
      answers.read<CampaignDetail>('CampaignDetail', await get(`/api/v1/campaigns/${encodeURIComponent(first.id)}`), 'GET /api/v1/campaigns/{id}')
      return `${active.length} active campaign${active.length === 1 ? '' : 's'} listed (pages end); a campaign detail carries targetLists`
    }),
    await probe({id: 'sequences', title: 'Running sequences and their trigger', basis: 'GET /api/v1/sequences → effectiveStatus; trigger/triggerConfig/stopCondition name segments (vendors.md §3.7 ASSUMPTION: the JSON path of the trigger segmentId)'}, async () => {
      const list = answers.read<SequenceList>('SequenceList', await get('/api/v1/sequences'), 'GET /api/v1/sequences').sequences
      const first = list[0]
      if (!first) return 'the sequence list answers inside the contract; no sequence to read the trigger of'
      const {sequence} = answers.read<SequenceDetail>('SequenceDetail', await get(`/api/v1/sequences/${encodeURIComponent(first.id)}`), 'GET /api/v1/sequences/{id}')
      const where = ['trigger', 'triggerConfig', 'stopCondition'].filter((k) => sequence[k] !== undefined && sequence[k] !== null)
      if (where.length === 0) return {status: 'fail', message: `sequence ${JSON.stringify(first.name)} has none of trigger, triggerConfig, stopCondition: segsync cannot see which segments sequences enter on`}
      return `a sequence detail carries ${where.join(', ')}, where segsync looks for segment ids`
    }),
  ]
  checks.push(rateLimitCheck([...seen], 'Sequenzy documents 100 requests/min and 20/s per key (Sequenzy/mcp README); header names are not documented'))
  return checks
}

/**
 * `segsync doctor` for MailGlyph (src/providers/mailglyph/doctor.ts) against its emulator: what
 * passes on a faithful account, what fails when an answer leaves its contract, what is only
 * information (STATIC segments, undocumented operators, rate-limit headers), and that it never writes.
 */
import {describe, expect, it} from 'vitest'
import type {DoctorCheck} from '../../src/core/provider.js'
import {mailglyph} from '../../src/providers/mailglyph/index.js'
import {condition, filter, MAILGLYPH_KEY, mailglyphEmulator, messySeed} from '../helpers/mailglyph.js'

const pro = condition('AND', [filter('data.plan', 'equals', 'pro')])

async function doctor(seed: Record<string, unknown>, setup?: (e: Awaited<ReturnType<typeof mailglyphEmulator>>) => void, key = MAILGLYPH_KEY) {
  const emulator = await mailglyphEmulator(seed)
  setup?.(emulator)
  const client = await mailglyph.connect({endpoint: emulator.url, apiKey: key, retry: {maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5}})
  try {
    const checks = await client.doctor()
    return {emulator, checks, byId: new Map(checks.map((c) => [c.id, c]))}
  } finally {
    await client.close()
  }
}

const statuses = (checks: DoctorCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c.status]))

describe('segsync doctor (MailGlyph)', () => {
  it('passes a faithful account, reports STATIC segments and undocumented operators as information, and writes nothing', async () => {
    const {emulator, checks, byId} = await doctor(messySeed)
    expect(statuses(checks)).toEqual({
      'secret-key': 'pass',
      'segments-list': 'pass',
      'segment-type': 'pass',
      'static-segments': 'pass',
      'undocumented-operators': 'pass',
      'campaigns-scheduled': 'pass',
      'campaigns-sending': 'pass',
      'campaigns-draft': 'pass',
      'rate-limit-headers': 'skip',
    })
    expect(byId.get('static-segments')!.message).toContain('1 STATIC segment ("Webinar attendees")')
    expect(byId.get('undocumented-operators')!.message).toBe(
      'undocumented operators in use: memberOfSegment in "Upsell targets"; notMemberOfSegment in "Upsell targets". segsync reads memberOfSegment/notMemberOfSegment as references to other segments, for campaign impact and ordering',
    )
    expect(byId.get('campaigns-scheduled')!.message).toBe('2 SCHEDULED campaigns read to the last page, every answer inside the contract (audience: 1 SEGMENT, 1 ALL)')
    for (const check of checks) expect(check.basis, check.id).toBeTruthy()
    expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })

  it('fails the reads segsync relies on when they leave their contract, and says where', async () => {
    const {checks, byId} = await doctor({segments: [{id: 'seg_a', name: 'A', condition: pro}]}, (e) => {
      e.faults.add({method: 'GET', path: '/campaigns', fault: {type: 'answer', body: JSON.stringify({data: [{id: 'c1', name: 'X', status: 'SCHEDULED', audienceType: 'SEGMENT'}], totalPages: 1})}})
    })
    expect(statuses(checks)).toMatchObject({'segments-list': 'pass', 'campaigns-scheduled': 'fail', 'campaigns-sending': 'fail', 'campaigns-draft': 'fail'})
    expect(byId.get('campaigns-scheduled')!.message).toBe('GET /campaigns answered outside its contract: at /data/0 expected a property "segmentId", got {"id":"c1","name":"X","status":"SCHEDULED","audienceType":"SEGMENT"}')
  })

  it('fails a campaign list whose pages do not end', async () => {
    const stuck = {data: [{id: 'c1', name: 'X', status: 'SCHEDULED', audienceType: 'ALL'}], page: 1, pageSize: 100, total: 300, totalPages: 3}
    const {byId} = await doctor({}, (e) => e.faults.add({method: 'GET', path: '/campaigns', fault: {type: 'answer', body: JSON.stringify(stuck)}}))
    expect(byId.get('campaigns-scheduled')).toMatchObject({status: 'fail', message: 'MailGlyph returned page 2 of GET /campaigns?status=SCHEDULED with only items already read: pagination is not advancing, so segsync stopped instead of looping'})
  })

  it('fails a list that does not say segment types (segsync would keep them read-only), and a list that is not a list', async () => {
    const untyped = await doctor({}, (e) => e.faults.add({method: 'GET', path: '/segments', fault: {type: 'answer', body: JSON.stringify([{id: 'seg_a', name: 'A', condition: pro}])}}))
    expect(untyped.byId.get('segment-type')).toMatchObject({status: 'fail', message: '1 segment has no type ("A"): segsync lists it read-only and will not change it'})
    const html = await doctor({}, (e) => e.faults.add({method: 'GET', path: '/segments', fault: {type: 'answer', body: '<html>Sign in</html>', contentType: 'text/html'}}))
    expect(statuses(html.checks)).toMatchObject({'secret-key': 'pass', 'segments-list': 'fail', 'segment-type': 'skip', 'static-segments': 'skip', 'undocumented-operators': 'skip'})
  })

  it('fails a refused key; a key refused on campaigns only makes usage unknown (skip)', async () => {
    const refused = await doctor({}, undefined, 'sk_not_this_one')
    expect(refused.byId.get('secret-key')).toMatchObject({status: 'fail', message: expect.stringContaining('refused: MailGlyph refused the request (401 on GET /segments)')})
    const noCampaigns = await doctor({}, (e) => e.faults.add({path: '/campaigns', fault: {type: 'status', status: 403, body: {code: 403, error: 'Forbidden', message: 'no campaign access', time: 0}}}))
    expect(statuses(noCampaigns.checks)).toMatchObject({'secret-key': 'pass', 'campaigns-scheduled': 'skip', 'campaigns-sending': 'skip', 'campaigns-draft': 'skip'})
    expect(noCampaigns.checks.some((c) => c.status === 'fail')).toBe(false)
  })

  it('reports rate-limit headers when MailGlyph sends them (an optional fact: pass or skip, never fail)', async () => {
    const {byId} = await doctor({}, (e) => e.faults.add({method: 'GET', path: '/segments', fault: {type: 'status', status: 200, headers: {'x-ratelimit-remaining': '99'}, body: []}}))
    expect(byId.get('rate-limit-headers')).toMatchObject({status: 'pass', message: 'the vendor sends x-ratelimit-remaining'})
  })
})

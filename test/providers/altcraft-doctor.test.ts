/**
 * `segsync doctor` for Altcraft against its emulator: read-only probes of every read segsync
 * makes, and of the vendors.md §5 assumptions a read can test.
 */
import {describe, expect, it} from 'vitest'
import type {DoctorCheck} from '../../src/core/provider.js'
import {altcraftClient, altcraftEmulator, altcraftWrites, block, query} from '../helpers/altcraft.js'

const seed = {
  segments: [
    {id: 1, name: 'Dynamic', list_id: 5, segment: [block(5, 'and', query('_region', 'equal', 'EU'))]},
    {id: 2, name: 'Updatable', list_id: 5, is_static: true, is_refresh_daily: true, segment: [block(5, 'and', query('_lang', 'equal', 'en'))]},
    {id: 3, name: 'Static', list_id: 5, is_static: true},
  ],
  campaigns: [{id: 21, name: 'Weekly digest', type: 'regular', is_active: true, data_type: 'segment', data_id: 1}],
}
const byId = (checks: DoctorCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c]))
const statuses = (checks: DoctorCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c.status]))

describe('segsync doctor (Altcraft)', () => {
  it('passes every check segsync relies on against the emulator, and writes nothing', async () => {
    const e = await altcraftEmulator(seed)
    const checks = await (await altcraftClient(e)).doctor()
    expect(statuses(checks)).toEqual({token: 'pass', segments: 'pass', 'segment-type': 'pass', mailings: 'pass', 'not-found': 'pass', 'segment-delete': 'skip', 'rate-limit-headers': 'skip'})
    const c = byId(checks)
    expect(c.segments!.message).toBe('3 segments listed to the last page (from_id / next_from_id) and read one by one, every answer inside the contract')
    expect(c['segment-type']!.message).toBe('segments/get carries is_static for all 2 segments with rules: segsync tells dynamic from updatable')
    expect(c.mailings!.message).toBe('1 active mailing listed (pages end) and read, each with data_type and data_id')
    expect(c['not-found']!.message).toMatch(/^a missing segment answers 404 \(Altcraft rejected POST \/api\/v1\.1\/segments\/get\/ \(404\): Segment 2147483647 not found\)/)
    expect(c['segment-delete']!.message).toContain('cannot be checked without writing')
    for (const check of checks) expect(check.basis, check.id).not.toBe('')
    expect(altcraftWrites(e)).toEqual([])
  })

  it('fails the type check when segments/get carries no is_static (the documented example), saying what segsync does instead', async () => {
    const checks = await (await altcraftClient(await altcraftEmulator({...seed, getIncludesTypeFlags: false}))).doctor()
    expect(byId(checks)['segment-type']).toMatchObject({
      status: 'fail',
      message: 'segments/get carries no is_static for 2 of 2 segments with rules (e.g. "Dynamic"): segsync cannot tell dynamic from updatable, so it lists them read-only and never updates or deletes them (creates still work)',
    })
    expect(checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['segment-type'])
  })

  it('skips the type check when no segment has rules, and reads any mailing when none is active', async () => {
    const checks = await (await altcraftClient(await altcraftEmulator({segments: [seed.segments[2]], campaigns: [{...seed.campaigns[0], is_active: false}]}))).doctor()
    const c = byId(checks)
    expect(c['segment-type']).toMatchObject({status: 'skip'})
    expect(c.mailings).toMatchObject({status: 'pass', message: 'no active mailing; mailing "Weekly digest" answers data_type "segment" and data_id 1, as segsync reads them'})
  })

  it('skips mailings the token may not read (usage unknown), and fails a mailing answer outside its contract', async () => {
    const e = await altcraftEmulator(seed)
    const client = await altcraftClient(e)
    e.faults.add({path: '/api/v1.1/campaigns/list/', times: 1, fault: {type: 'answer', body: JSON.stringify({error: 403, error_text: 'No access rights: Mailings'})}})
    expect(byId(await client.doctor()).mailings).toMatchObject({status: 'skip', message: expect.stringContaining('No access rights: Mailings') as string})
    e.faults.add({path: '/api/v1.1/campaigns/get/', times: 1, fault: {type: 'answer', body: JSON.stringify({data: {data_type: 'segment', is_active: true, is_completed: false}, error: 0})}})
    expect(byId(await client.doctor()).mailings).toMatchObject({status: 'fail', message: 'POST /api/v1.1/campaigns/get/ answered outside its contract: at /data expected a property "data_id", got {"data_type":"segment","is_active":true,"is_completed":false}'})
  })

  it('fails the token and every read when the token is refused, never showing it', async () => {
    const e = await altcraftEmulator(seed)
    const checks = await (await altcraftClient(e, {token: 'wrong-token-0123456789'})).doctor()
    expect(statuses(checks)).toMatchObject({token: 'fail', segments: 'fail', mailings: 'skip'})
    expect(byId(checks).token!.message).toContain('refused: Altcraft refused the request (401 on POST /api/v1.1/segments/list/): Invalid API token')
    expect(JSON.stringify(checks)).not.toContain('wrong-token-0123456789')
  })

  it('reports rate-limit headers when Altcraft sends them (optional: pass or skip, never fail)', async () => {
    const e = await altcraftEmulator(seed)
    e.faults.add({path: '/api/v1.1/segments/list/', times: 1, fault: {type: 'status', status: 200, headers: {'x-ratelimit-remaining': '99'}, body: {data: [], error: 0, error_text: 'Successful operation'}}})
    const client = await altcraftClient(e)
    expect(byId(await client.doctor())['rate-limit-headers']).toMatchObject({status: 'pass', message: 'the vendor sends x-ratelimit-remaining'})
  })
})

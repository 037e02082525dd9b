/** Campaign impact through Altcraft mailings (vendors.md §5.6). */
import {describe, expect, it} from 'vitest'
import {altcraftClient, altcraftEmulator} from '../helpers/altcraft.js'

const mailing = (id: number, extra: Record<string, unknown>) => ({id, name: `M${id}`, type: 'regular', ...extra})

describe('Altcraft campaign usage (mailings)', () => {
  it('lists only mailings flagged active, reads each one, and keeps those that send to a segment', async () => {
    const e = await altcraftEmulator({
      campaigns: [
        mailing(1, {is_active: true, data_type: 'segment', data_id: 10}),
        mailing(2, {is_active: false, data_type: 'segment', data_id: 10}),
        mailing(3, {is_active: true, is_completed: true, data_type: 'segment', data_id: 11}),
        mailing(4, {is_active: true, data_type: 'list', data_id: 1}),
        mailing(5, {is_active: true, data_type: 'segment', data_id: 12, status: 'Sending'}),
      ],
    })
    const client = await altcraftClient(e)
    const usage = await client.campaignUsage()
    expect(usage).toEqual({
      known: true,
      read: 4,
      users: [
        {kind: 'mailing', id: '1', name: 'M1', status: 'Active', segmentIds: ['10']},
        // Completed: it cannot send again, so it informs and never blocks.
        {kind: 'mailing', id: '3', name: 'M3', status: 'Completed', segmentIds: ['11'], active: false},
        {kind: 'mailing', id: '5', name: 'M5', status: 'Sending', segmentIds: ['12']},
      ],
    })
    const lists = e.requests.filter((r) => r.path === '/api/v1.1/campaigns/list/').map((r) => r.body as Record<string, unknown>)
    expect(lists.map((b) => b.is_active)).toEqual([true])
    const gets = e.requests.filter((r) => r.path === '/api/v1.1/campaigns/get/').map((r) => (r.body as {id: number}).id)
    expect(gets.sort()).toEqual([1, 3, 4, 5])
  })

  it('pages through many active mailings', async () => {
    const campaigns = Array.from({length: 1500}, (_, i) => mailing(i + 1, {is_active: i % 3 === 0, data_type: 'segment', data_id: 7}))
    const e = await altcraftEmulator({campaigns})
    const client = await altcraftClient(e)
    const usage = await client.campaignUsage()
    expect(usage.known && usage.users).toHaveLength(500)
    expect(e.requests.filter((r) => r.path === '/api/v1.1/campaigns/list/')).toHaveLength(1)
  })

  it('says usage is unknown, with the vendor text, when mailings cannot be read', async () => {
    const e = await altcraftEmulator({campaigns: [mailing(1, {is_active: true, data_type: 'segment', data_id: 10})]})
    e.faults.add({path: '/api/v1.1/campaigns/get/', fault: {type: 'status', status: 200, body: {error: 403, error_text: 'No access rights: Mailings'}}})
    const client = await altcraftClient(e)
    expect(await client.campaignUsage()).toEqual({known: false, reason: 'could not read Altcraft mailings: Altcraft refused the request (403 on POST /api/v1.1/campaigns/get/): No access rights: Mailings'})
  })

  it('skips a mailing deleted between the list and its read', async () => {
    const e = await altcraftEmulator({campaigns: [mailing(1, {is_active: true, data_type: 'segment', data_id: 10}), mailing(2, {is_active: true, data_type: 'segment', data_id: 11})]})
    e.faults.add({path: '/api/v1.1/campaigns/get/', times: 1, fault: {type: 'mutate', apply: (s) => ((s as {campaigns: Array<{id: number}>}).campaigns = (s as {campaigns: Array<{id: number}>}).campaigns.filter((m) => m.id !== 1))}})
    const client = await altcraftClient(e)
    const usage = await client.campaignUsage()
    expect(usage.known && usage.users.map((u) => u.id)).toEqual(['2'])
  })
})

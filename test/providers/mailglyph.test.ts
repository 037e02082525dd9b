import {describe, expect, it} from 'vitest'
import {AuthError, VendorError} from '../../src/errors.js'
import {mailglyph} from '../../src/providers/mailglyph/index.js'
import {condition, filter, MAILGLYPH_KEY, mailglyphEmulator, type MailGlyphEmulatorOptions} from '../helpers/mailglyph.js'

const premium = condition('AND', [filter('data.plan', 'equals', 'premium')])

async function connect(seed: Record<string, unknown> = {}, options: MailGlyphEmulatorOptions = {}) {
  const emulator = await mailglyphEmulator(seed, options)
  const client = await mailglyph.connect({endpoint: emulator.url, apiKey: MAILGLYPH_KEY, retry: {baseDelayMs: 5, maxDelayMs: 20}})
  return {emulator, client}
}

describe('MailGlyph adapter ↔ emulator', () => {
  it('creates, lists, PATCHes only the changed fields, and deletes', async () => {
    const {emulator, client} = await connect()
    const created = await client.create('Premium', {description: 'Paying users', condition: premium})
    expect(emulator.requests.find((r) => r.method === 'POST')!.body).toEqual({name: 'Premium', description: 'Paying users', condition: premium})
    expect((await client.listSegments()).map((s) => [s.name, s.readOnly])).toEqual([['Premium', undefined]])
    await client.update(created, {desired: {name: 'Premium users', description: 'Paying users', condition: premium}, changed: ['name'], cleared: []})
    const patches = emulator.requests.filter((r) => r.method === 'PATCH')
    expect(patches.map((r) => [r.path, r.body])).toEqual([[`/segments/${created.id}`, {name: 'Premium users'}]])
    expect(emulator.state.segments[0]).toMatchObject({name: 'Premium users', description: 'Paying users', condition: premium})
    await client.delete(created)
    expect(emulator.state.segments).toEqual([])
  })

  it('puts removed cosmetic fields back to the server defaults, so the plan converges', async () => {
    const {emulator, client} = await connect({segments: [{id: 'seg_a', name: 'A', description: 'old words', trackMembership: true, condition: premium}]})
    const [remote] = await client.listSegments()
    await client.update(remote!, {desired: {name: 'A', condition: premium}, changed: [], cleared: ['description', 'trackMembership']})
    expect(emulator.requests.find((r) => r.method === 'PATCH')!.body).toEqual({description: '', trackMembership: false})
    const [after] = await client.listSegments()
    expect(mailglyph.toDefinition(after!, () => undefined)).toEqual({condition: premium})
  })

  it('lists STATIC segments as read-only, with the reason', async () => {
    const {client} = await connect({segments: [{id: 'seg_s', name: 'Webinar attendees', type: 'STATIC', memberCount: 80}, {id: 'seg_d', name: 'Dynamic', condition: premium}]})
    const byName = new Map((await client.listSegments()).map((s) => [s.name, s]))
    expect(byName.get('Webinar attendees')!.readOnly).toMatch(/^a STATIC segment/)
    expect(byName.get('Dynamic')!.readOnly).toBeUndefined()
  })

  it('maps a remote segment to what a user would write: no server fields or defaults, membership ids as { $segment }', async () => {
    const {client} = await connect({
      segments: [
        {id: 'seg_base', name: 'Base', description: null, condition: premium, trackMembership: false, memberCount: 310},
        {
          id: 'seg_d',
          name: 'Derived',
          description: '',
          condition: {
            logic: 'OR',
            groups: [
              {filters: [{field: 'seg_base', operator: 'memberOfSegment', value: null}, {field: 'data.vip', operator: 'exists', value: '', unit: 'days'}]},
              {filters: [{field: 'segment.seg_base', operator: 'notMemberOfSegment'}, {field: 'seg_gone', operator: 'memberOfSegment'}], conditions: null},
            ],
          },
        },
      ],
    })
    const remotes = await client.listSegments()
    const names = new Map(remotes.map((r) => [r.id, r.name]))
    const nameOf = (id: string) => names.get(id)
    expect(mailglyph.toDefinition(remotes.find((r) => r.id === 'seg_base')!, nameOf)).toEqual({condition: premium})
    expect(mailglyph.toDefinition(remotes.find((r) => r.id === 'seg_d')!, nameOf)).toEqual({
      condition: {
        logic: 'OR',
        groups: [
          {filters: [{field: {$segment: 'Base'}, operator: 'memberOfSegment'}, {field: 'data.vip', operator: 'exists'}]},
          // An id no listed segment has stays as it is: segsync cannot name it.
          {filters: [{field: {$segment: 'Base'}, operator: 'notMemberOfSegment'}, {field: 'seg_gone', operator: 'memberOfSegment'}]},
        ],
      },
    })
  })

  it('reads SCHEDULED and SENDING campaigns (blocking) and DRAFT ones (information) in pages of 100, from the list alone', async () => {
    const bulk = Array.from({length: 150}, (_, i) => ({id: `bulk${i}`, name: `Bulk ${i}`, status: 'SCHEDULED', audienceType: 'ALL'}))
    const {client, emulator} = await connect({
      campaigns: [
        {id: 'c_seg', name: 'Spring sale', status: 'SENDING', audienceType: 'SEGMENT', segmentId: 'seg_a'},
        {id: 'c_draft', name: 'Next newsletter', status: 'DRAFT', audienceType: 'SEGMENT', segmentId: 'seg_a'},
        {id: 'c_filtered', name: 'Filtered', status: 'SCHEDULED', audienceType: 'FILTERED', audienceCondition: condition('AND', [filter('data.plan', 'equals', 'pro')], {filters: [], conditions: condition('OR', [filter('segment.seg_b', 'memberOfSegment')])})},
        {id: 'c_sent', name: 'Old', status: 'SENT', audienceType: 'SEGMENT', segmentId: 'seg_a'},
        {id: 'c_cancelled', name: 'Cancelled', status: 'CANCELLED', audienceType: 'SEGMENT', segmentId: 'seg_a'},
        ...bulk,
      ],
    })
    const usage = await client.campaignUsage()
    if (!usage.known) throw new Error(`usage should be known: ${usage.reason}`)
    const byId = new Map(usage.users.map((u) => [u.id, u]))
    expect(byId.get('c_seg')).toEqual({kind: 'campaign', id: 'c_seg', name: 'Spring sale', status: 'SENDING', segmentIds: ['seg_a']})
    expect(byId.get('c_draft')).toEqual({kind: 'campaign', id: 'c_draft', name: 'Next newsletter', status: 'DRAFT', segmentIds: ['seg_a'], active: false})
    expect(byId.get('c_filtered')!.segmentIds).toEqual(['seg_b'])
    expect(byId.get('bulk7')!.segmentIds).toEqual([])
    expect(byId.has('c_sent') || byId.has('c_cancelled')).toBe(false)
    expect(usage.read).toBe(3 + 150)
    const calls = emulator.requests.filter((r) => r.path.startsWith('/campaigns'))
    expect(calls.every((r) => r.path === '/campaigns')).toBe(true)
    const asked = calls.map((r) => Object.fromEntries(new URLSearchParams(r.query))).sort((a, b) => `${a.status}${a.page}`.localeCompare(`${b.status}${b.page}`))
    expect(asked).toEqual([
      {status: 'DRAFT', page: '1', pageSize: '100'},
      {status: 'SCHEDULED', page: '1', pageSize: '100'},
      {status: 'SCHEDULED', page: '2', pageSize: '100'},
      {status: 'SENDING', page: '1', pageSize: '100'},
    ])
  })

  it('reports campaign usage as unknown, with the reason, when campaigns cannot be read', async () => {
    const {client, emulator} = await connect()
    emulator.faults.add({path: '/campaigns', fault: {type: 'status', status: 403, body: {code: 403, error: 'Forbidden', message: 'key has no campaign access', time: 0}}})
    expect(await client.campaignUsage()).toEqual({known: false, reason: expect.stringContaining('Forbidden: key has no campaign access')})
  })

  it("surfaces MailGlyph's errors: 400 with its message, 401 as authentication, 409 on delete with a hint", async () => {
    const {client} = await connect({
      segments: [{id: 'seg_a', name: 'A', condition: premium}],
      campaigns: [{id: 'c1', name: 'Launch', status: 'SCHEDULED', audienceType: 'SEGMENT', segmentId: 'seg_a'}],
    })
    const bad = await client.create('X', {condition: condition('AND', [filter('plan', 'equals', 'pro')])}).catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(VendorError)
    expect((bad as Error).message).toBe('MailGlyph rejected POST /segments (400): Bad Request: Unsupported filter field: plan')
    const [remote] = await client.listSegments()
    const blocked = await client.delete(remote!).catch((e: unknown) => e)
    expect(blocked).toMatchObject({status: 409, hint: expect.stringContaining('campaigns target')})
    const emulator = await mailglyphEmulator()
    const wrongKey = await mailglyph.connect({endpoint: emulator.url, apiKey: 'sk_wrong_key_000'})
    await expect(wrongKey.listSegments()).rejects.toThrow(AuthError)
  })

  it('refuses a public key before sending anything', async () => {
    const emulator = await mailglyphEmulator()
    await expect(mailglyph.connect({endpoint: emulator.url, apiKey: 'pk_live_0123'})).rejects.toThrow(AuthError)
    expect(emulator.requests).toEqual([])
  })

  it('waits as Retry-After asks on 429 and then succeeds', async () => {
    const {client, emulator} = await connect({segments: [{id: 'seg_a', name: 'A', condition: premium}]})
    emulator.faults.add({path: '/segments', times: 2, fault: {type: 'status', status: 429, headers: {'retry-after': '0'}}})
    expect((await client.listSegments()).map((s) => s.id)).toEqual(['seg_a'])
    expect(client.stats()).toMatchObject({rateLimited: 2, retries: 2})
  })
})

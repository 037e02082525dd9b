import {describe, expect, it} from 'vitest'
import {AuthError, VendorError} from '../../src/errors.js'
import {sequenzy} from '../../src/providers/sequenzy/index.js'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'

const filter = (field: string, operator: string, value?: unknown) => ({kind: 'filter', field, operator, ...(value !== undefined ? {value} : {})})
const root = (...children: unknown[]) => ({kind: 'group', joinOperator: 'and', children})

async function connect(seed = {}) {
  const emulator = await sequenzyEmulator(seed)
  const client = await sequenzy.connect({endpoint: emulator.url, apiKey: TEST_KEY, retry: {baseDelayMs: 5, maxDelayMs: 20}})
  return {emulator, client}
}

describe('Sequenzy adapter ↔ emulator', () => {
  it('creates, lists, updates only the changed fields, and deletes', async () => {
    const {emulator, client} = await connect()
    const base = await client.create('Base', {root: root(filter('status', 'is', 'active'))})
    const derived = await client.create('Derived', {root: root(filter('segment', 'is', base.id))})
    expect((await client.listSegments()).map((s) => s.name)).toEqual(['Base', 'Derived'])
    await client.update(derived, {desired: {name: 'Derived 2', root: root(filter('segment', 'is', base.id))}, changed: ['name'], cleared: []})
    const patch = emulator.requests.filter((r) => r.method === 'PATCH')
    expect(patch).toHaveLength(1)
    expect(patch[0]!.body).toEqual({name: 'Derived 2'})
    await client.delete(derived)
    expect(emulator.state.segments.map((s) => s.name)).toEqual(['Base'])
  })

  it('maps a remote segment to the definition form: no server ids, segment ids as { $segment } references', async () => {
    const {client} = await connect({
      segments: [
        {id: 'seg_base', name: 'Base', root: root(filter('status', 'is', 'active'))},
        {id: 'seg_d', name: 'D', root: {kind: 'group', id: 'root', joinOperator: 'or', children: [{kind: 'filter', id: 'f1', field: 'segment', operator: 'is_not', value: 'seg_base'}, {kind: 'filter', id: 'f2', field: 'phone', operator: 'is_empty', value: ''}]}},
      ],
    })
    const remotes = await client.listSegments()
    const names = new Map(remotes.map((r) => [r.id, r.name]))
    expect(sequenzy.toDefinition(remotes[1]!, (id) => names.get(id))).toEqual({
      root: {kind: 'group', joinOperator: 'or', children: [filter('segment', 'is_not', {$segment: 'Base'}), filter('phone', 'is_empty')]},
    })
  })

  it('reads active campaigns and running sequences with every targeting shape, and skips inactive ones', async () => {
    const many = Array.from({length: 120}, (_, i) => ({id: `bulk${i}`, name: `Bulk ${i}`, status: 'scheduled', targetLists: {type: 'all'}}))
    const {client, emulator} = await connect({
      campaigns: [
        {id: 'c_direct', name: 'Direct', status: 'sending', targetLists: {type: 'segment', segmentId: 'seg_a'}},
        {id: 'c_rules', name: 'Rules', status: 'paused', targetLists: {type: 'rules', include: [{type: 'segments', segmentIds: ['seg_b']}], exclude: [{type: 'segments', segmentIds: ['seg_c']}]}},
        {id: 'c_filtered', name: 'Filtered', status: 'waiting_approval', targetLists: {type: 'filtered', filters: [{field: 'segment', operator: 'is', value: 'seg_d'}], filterJoinOperator: 'and'}},
        {id: 'c_sent', name: 'Sent', status: 'sent', targetLists: {type: 'segment', segmentId: 'seg_a'}},
        {id: 'c_draft', name: 'Draft', status: 'draft', targetLists: {type: 'segment', segmentId: 'seg_a'}},
        ...many,
      ],
      sequences: [
        {id: 'q_live', name: 'Live', status: 'active', effectiveStatus: 'live', trigger: {type: 'segment_entered', segmentId: 'seg_e'}},
        {id: 'q_paused_enrol', name: 'Enrolment paused', status: 'active', effectiveStatus: 'enrollment_paused', trigger: {type: 'event'}, stopCondition: {type: 'entered_segment', value: 'seg_f'}},
        {id: 'q_draft', name: 'Draft seq', status: 'draft', effectiveStatus: 'draft', trigger: {type: 'segment_entered', segmentId: 'seg_a'}},
      ],
    })
    const usage = await client.campaignUsage()
    if (!usage.known) throw new Error('usage should be known')
    const byId = new Map(usage.users.map((u) => [u.id, u]))
    expect(byId.get('c_direct')).toEqual({kind: 'campaign', id: 'c_direct', name: 'Direct', status: 'sending', segmentIds: ['seg_a']})
    expect(byId.get('c_rules')!.segmentIds).toEqual(['seg_b', 'seg_c'])
    expect(byId.get('c_filtered')!.segmentIds).toEqual(['seg_d'])
    expect(byId.get('q_live')!.segmentIds).toEqual(['seg_e'])
    expect(byId.get('q_paused_enrol')!.segmentIds).toEqual(['seg_f'])
    expect(byId.has('c_sent') || byId.has('c_draft') || byId.has('q_draft')).toBe(false)
    expect(usage.users).toHaveLength(3 + 120 + 2)
    // Only active statuses are listed (two pages for the 121 scheduled ones), and details only for those.
    const listCalls = emulator.requests.filter((r) => r.path === '/api/v1/campaigns')
    expect(listCalls.map((r) => new URLSearchParams(r.query).get('status')).sort()).toEqual(['paused', 'scheduled', 'scheduled', 'sending', 'waiting_approval'])
    expect(emulator.requests.filter((r) => r.path.startsWith('/api/v1/campaigns/'))).toHaveLength(123)
    expect(emulator.requests.filter((r) => r.path === '/api/v1/sequences/q_draft')).toHaveLength(0)
  })

  it('reports campaign usage as unknown, with the reason, when campaigns cannot be read', async () => {
    const {client, emulator} = await connect()
    emulator.faults.add({path: '/api/v1/campaigns', fault: {type: 'status', status: 403, body: {success: false, error: 'key lacks campaigns scope'}}})
    const usage = await client.campaignUsage()
    expect(usage).toEqual({known: false, reason: expect.stringContaining('key lacks campaigns scope')})
  })

  it("surfaces the vendor's errors: 409 with its code, 401 as authentication", async () => {
    const {client} = await connect({segments: [{id: 'seg_a', name: 'VIP', root: root(filter('status', 'is', 'a'))}]})
    const error = await client.create('VIP', {root: root(filter('status', 'is', 'a'))}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VendorError)
    expect((error as Error).message).toContain('SEGMENT_NAME_ALREADY_EXISTS: A saved segment named "VIP" already exists in this company.')
    const emulator = await sequenzyEmulator()
    const wrongKey = await sequenzy.connect({endpoint: emulator.url, apiKey: 'sk_live_wrong_key_123'})
    await expect(wrongKey.listSegments()).rejects.toThrow(AuthError)
  })
})

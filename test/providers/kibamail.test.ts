import {describe, expect, it} from 'vitest'
import {AuthError, VendorError} from '../../src/errors.js'
import {kibamail} from '../../src/providers/kibamail/index.js'
import {and, field, KB_KEY, KB_READ_ONLY_KEY, kibamailEmulator, or, properties, topics, writes} from '../helpers/kibamail.js'

const us = field('country', 'eq', 'US')
const ltv = field('lifetime_value', 'gte', 100)

async function connect(seed: Record<string, unknown> = {}, apiKey = KB_KEY) {
  const emulator = await kibamailEmulator({properties, topics, ...seed})
  const client = await kibamail.connect({endpoint: emulator.url, apiKey, retry: {baseDelayMs: 5, maxDelayMs: 20}})
  return {emulator, client}
}

describe('Kibamail adapter ↔ emulator', () => {
  it('creates (201), lists, updates only the changed top-level fields with PUT, and deletes', async () => {
    const {emulator, client} = await connect()
    const a = await client.create('A', {description: 'US buyers', conditions: and(us, ltv)})
    expect(a).toMatchObject({id: expect.stringMatching(/^segment_/), name: 'A'})
    expect(a.readOnly).toBeUndefined()
    await client.create('B', {conditions: us})
    expect((await client.listSegments()).map((s) => s.name)).toEqual(['B', 'A'])
    await client.update(a, {desired: {name: 'A', description: 'US buyers', conditions: or(us, ltv)}, changed: ['conditions'], cleared: []})
    await client.update(a, {desired: {name: 'A2', conditions: or(us, ltv)}, changed: ['name'], cleared: ['description']})
    const puts = emulator.requests.filter((r) => r.method === 'PUT')
    expect(puts.map((r) => r.body)).toEqual([{conditions: or(us, ltv)}, {name: 'A2', description: null}])
    expect(emulator.state.segments.find((s) => s.id === a.id)).toMatchObject({name: 'A2', description: null, conditions: or(us, ltv)})
    await client.delete(a)
    expect(emulator.state.segments.map((s) => s.name)).toEqual(['B'])
  })

  it('follows the cursor to the end: 250 segments in three pages of at most 100, newest first', async () => {
    const segments = Array.from({length: 250}, (_, i) => ({id: `segment_${i}`, name: `S${i}`, conditions: us}))
    const {emulator, client} = await connect({segments})
    const listed = await client.listSegments()
    expect(listed).toHaveLength(250)
    expect(listed[0]!.name).toBe('S249')
    expect(listed[249]!.name).toBe('S0')
    expect(new Set(listed.map((s) => s.id)).size).toBe(250)
    const pages = emulator.requests.filter((r) => r.path === '/v1/segments').map((r) => Object.fromEntries(new URLSearchParams(r.query)))
    expect(pages).toEqual([{limit: '100'}, {limit: '100', after: 'segment_150'}, {limit: '100', after: 'segment_50'}])
  })

  it('reads campaign usage as unknown: Kibamail has no API to list broadcasts', async () => {
    const {emulator, client} = await connect()
    expect(await client.campaignUsage()).toEqual({known: false, reason: 'Kibamail has no API to list broadcasts or automations'})
    expect(emulator.requests).toEqual([])
  })

  it('lists a segment whose conditions are raw MongoDB syntax as read-only, with the reason', async () => {
    const {client} = await connect({segments: [{id: 'segment_app', name: 'Made in the app', conditions: {email: {$regex: '@acme\\.com$'}}}, {id: 'segment_ok', name: 'Fine', conditions: us}]})
    const [fine, app] = await client.listSegments()
    expect(fine!.readOnly).toBeUndefined()
    expect(app!.readOnly).toBe('its conditions are not in the documented {field, operator, value} form (see conditions.email; raw MongoDB syntax?), which segsync never writes: edit it in Kibamail')
  })

  it('checks topic ids before apply: unknown ids block, known ones pass, across topic pages', async () => {
    const many = Array.from({length: 120}, (_, i) => ({id: `topic_bulk_${i}`, name: `Bulk ${String(i).padStart(3, '0')}`}))
    const {emulator, client} = await connect({topics: [...topics, ...many]})
    const findings = await client.verify!(
      [
        {name: 'Known', body: {conditions: and(us, {subscribedToTopic: ['topic_news', 'topic_bulk_119']})}},
        {name: 'Typo', body: {conditions: {$not: {notSubscribedToTopic: ['topic_nwes', 'topic_product', 'topic_gone']}}}},
        {name: 'No topics', body: {conditions: us}},
      ],
      Promise.resolve([]),
    )
    expect(findings).toEqual([
      {name: 'Typo', level: 'block', message: 'conditions reference topic ids "topic_gone", "topic_nwes" that Kibamail does not have (GET /v1/topics); create the topic or fix the id'},
    ])
    expect(emulator.requests.filter((r) => r.path === '/v1/topics')).toHaveLength(2)
    // No topic referenced: no request at all.
    const before = emulator.requests.length
    expect(await client.verify!([{name: 'No topics', body: {conditions: us}}], Promise.resolve([]))).toEqual([])
    expect(emulator.requests).toHaveLength(before)
  })

  it('reports topic ids as unverifiable (warn) when the key may not read topics', async () => {
    const emulator = await kibamailEmulator({apiKeys: [{key: 'kb_segments_only', scopes: ['read:segments', 'write:segments']}], topics})
    const client = await kibamail.connect({endpoint: emulator.url, apiKey: 'kb_segments_only'})
    expect(await client.verify!([{name: 'T', body: {conditions: {subscribedToTopic: ['topic_news']}}}], Promise.resolve([]))).toEqual([
      {name: 'T', level: 'warn', message: expect.stringMatching(/^topic id "topic_news" could not be verified: Kibamail refused the request \(401 on GET \/v1\/topics\): INSUFFICIENT_SCOPE: API key lacks 'read:topics' scope/)},
    ])
    // Only that documented refusal degrades: an undocumented 403 stops the plan.
    emulator.faults.add({method: 'GET', path: '/v1/topics', fault: {type: 'status', status: 403}})
    await expect(client.verify!([{name: 'T', body: {conditions: {subscribedToTopic: ['topic_news']}}}], Promise.resolve([]))).rejects.toThrow(AuthError)
  })

  it("surfaces the vendor's errors: 422 with its validation errors and request id, 401 scope refusals as authentication", async () => {
    const {client} = await connect()
    const invalid = await client.create('X', {conditions: and(field('lifetime_valu', 'gte', 1))}).catch((e: unknown) => e)
    expect(invalid).toBeInstanceOf(VendorError)
    expect((invalid as VendorError).status).toBe(422)
    expect((invalid as Error).message).toMatch(/^Kibamail rejected POST \/v1\/segments \(422\): VALIDATION_ERROR: Validation failed \(conditions\.\$and\[0\]\.field: Unknown contact property "lifetime_valu"\) \[request req_\w+\]$/)

    const readOnly = await connect({}, KB_READ_ONLY_KEY)
    expect(await readOnly.client.listSegments()).toEqual([])
    const refused = await readOnly.client.create('X', {conditions: us}).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AuthError)
    expect((refused as Error).message).toContain("INSUFFICIENT_SCOPE: API key lacks 'write:segments' scope. segsync needs a Kibamail API key with read:segments to plan, write:segments to apply")
    expect(writes(readOnly.emulator)).toHaveLength(1)
    expect(readOnly.emulator.state.segments).toEqual([])

    const wrong = await kibamail.connect({endpoint: readOnly.emulator.url, apiKey: 'kb_wrong'})
    await expect(wrong.listSegments()).rejects.toThrow(AuthError)
  })

  it('retries a 429 (Retry-After) and a 503 on reads, and lists everything once', async () => {
    const {emulator, client} = await connect({segments: [{id: 'segment_a', name: 'A', conditions: us}]})
    emulator.faults.add({method: 'GET', path: '/v1/segments', times: 1, fault: {type: 'status', status: 429, headers: {'retry-after': '0'}}})
    emulator.faults.add({method: 'GET', path: '/v1/segments', skip: 1, times: 1, fault: {type: 'status', status: 503}})
    expect((await client.listSegments()).map((s) => s.name)).toEqual(['A'])
    expect(client.stats()).toMatchObject({rateLimited: 1, retries: 2})
  })
})

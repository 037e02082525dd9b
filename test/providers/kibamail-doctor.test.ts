/**
 * `segsync doctor` for Kibamail against its emulator: which scopes the key has as far as reads can
 * tell, every read inside its contract, pages that end, and optional facts never failing.
 */
import {describe, expect, it} from 'vitest'
import type {DoctorCheck} from '../../src/core/provider.js'
import {kibamail} from '../../src/providers/kibamail/index.js'
import {field, KB_KEY, kibamailEmulator, properties, topics} from '../helpers/kibamail.js'

const us = field('country', 'eq', 'US')
const seed = {properties, topics, segments: [{id: 'segment_a', name: 'A', conditions: us}, {id: 'segment_app', name: 'App', conditions: {email: {$regex: 'acme'}}}]}

async function doctor(account: Record<string, unknown> = seed, apiKey = KB_KEY) {
  const emulator = await kibamailEmulator(account)
  const client = await kibamail.connect({endpoint: emulator.url, apiKey, retry: {maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5}})
  const checks = await client.doctor()
  await client.close()
  const byId = Object.fromEntries(checks.map((c) => [c.id, c])) as Record<string, DoctorCheck>
  return {emulator, checks, byId}
}

const statuses = (checks: DoctorCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c.status]))

describe('Kibamail doctor', () => {
  it('passes a full key: segments and topics read to the last page, writes and campaigns skipped with the reason, nothing written', async () => {
    const {emulator, checks, byId} = await doctor()
    expect(statuses(checks)).toEqual({'segments-list': 'pass', 'conditions-form': 'pass', 'topics-list': 'pass', 'write-scope': 'skip', campaigns: 'skip', 'rate-limit-headers': 'skip'})
    expect(byId['segments-list']!.message).toBe('the key may read segments; 2 segments in 1 page of at most 100, the last with hasMore: false; every answer inside the contract')
    expect(byId['conditions-form']!.message).toBe('1 of 2 segments uses another syntax (raw MongoDB?) and will be listed read-only, never changed: "App"')
    expect(byId['topics-list']!.message).toBe('the key may read topics; 2 topics in 1 page of at most 100: topic ids in definitions are checked before apply')
    expect(byId['write-scope']!.message).toContain('cannot be checked without writing')
    for (const check of checks) expect(check.basis, check.id).not.toBe('')
    expect(emulator.requests.every((r) => r.method === 'GET')).toBe(true)
  })

  it('follows the segment pages to the end', async () => {
    const {byId} = await doctor({segments: Array.from({length: 250}, (_, i) => ({id: `segment_${i}`, name: `S${i}`, conditions: us}))})
    expect(byId['segments-list']!.message).toContain('250 segments in 3 pages of at most 100')
    expect(byId['conditions-form']!.message).toBe('every segment (250) uses the documented form')
  })

  it('skips the topic check when the key may not read topics (segsync degrades there), without failing', async () => {
    const {checks, byId} = await doctor({...seed, apiKeys: [{key: 'kb_segments_only', scopes: ['read:segments', 'write:segments']}]}, 'kb_segments_only')
    expect(byId['topics-list']).toMatchObject({status: 'skip', message: expect.stringMatching(/^the key may not read topics \(.*INSUFFICIENT_SCOPE: API key lacks 'read:topics' scope.*\): topic ids will be reported unverifiable$/)})
    expect(checks.filter((c) => c.status === 'fail')).toEqual([])
  })

  it('fails the segment list when the key may not read segments, and says why', async () => {
    const {byId} = await doctor({...seed, apiKeys: [{key: 'kb_topics_only', scopes: ['read:topics']}]}, 'kb_topics_only')
    expect(byId['segments-list']).toMatchObject({status: 'fail', message: expect.stringContaining("refused: Kibamail refused the request (401 on GET /v1/segments): INSUFFICIENT_SCOPE: API key lacks 'read:segments' scope")})
    expect(byId['conditions-form']).toMatchObject({status: 'skip', message: 'the segment list could not be read'})
    expect(byId['topics-list']!.status).toBe('pass')
  })

  it('fails a read answered outside its contract, naming the route and the JSON path', async () => {
    const emulator = await kibamailEmulator(seed)
    emulator.faults.add({method: 'GET', path: '/v1/topics', fault: {type: 'answer', body: JSON.stringify({hasMore: false, topics: []})}})
    const client = await kibamail.connect({endpoint: emulator.url, apiKey: KB_KEY, retry: {maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5}})
    const topicsCheck = (await client.doctor()).find((c) => c.id === 'topics-list')
    await client.close()
    expect(topicsCheck).toMatchObject({status: 'fail', message: 'GET /v1/topics answered outside its contract: at (the whole body) expected a property "data", got {"hasMore":false,"topics":[]}'})
  })

  it('reports rate-limit headers when the vendor sends them: pass, never fail either way', async () => {
    const emulator = await kibamailEmulator(seed)
    const page = {object: 'segment_list', hasMore: false, data: [{id: 'segment_a', name: 'A', description: null, conditions: us}]}
    emulator.faults.add({method: 'GET', path: '/v1/segments', fault: {type: 'status', status: 200, body: page, headers: {'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '999'}}})
    const client = await kibamail.connect({endpoint: emulator.url, apiKey: KB_KEY})
    const check = (await client.doctor()).find((c) => c.id === 'rate-limit-headers')
    await client.close()
    expect(check).toMatchObject({status: 'pass', message: 'the vendor sends x-ratelimit-limit, x-ratelimit-remaining'})
  })
})

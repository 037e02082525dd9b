import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {describe, expect, it, onTestFinished} from 'vitest'
import {AmbiguousWriteError, AuthError, SegsyncError, UncertainWriteError, VendorError} from '../../src/errors.js'
import {push0} from '../../src/providers/push0/index.js'
import {call, constraint, group, push0Client, push0Emulator} from '../helpers/push0.js'

const polish = group('AND', constraint('country', '==', 'PL'))
const lapsed = group('OR', constraint('lastSession', '<', 1771924492768), constraint('sessionCount', '<=', 1))

describe('Push0 adapter ↔ emulator', () => {
  it('sends Content-Type: application/json on GETs too, which Push0 requires on every request', async () => {
    const emulator = await push0Emulator({segments: [{id: 'sg_a', name: 'A', constraints: [polish]}]})
    expect((await call(emulator.url, 'GET', '/v1/segments', {contentType: null})).status).toBe(400)
    const client = await push0Client(emulator)
    expect((await client.listSegments()).map((s) => s.id)).toEqual(['sg_a'])
  })

  it('creates with POST /v1/segments and updates with PATCH /v1/segments, the id in the body and only the changed fields', async () => {
    const emulator = await push0Emulator()
    const client = await push0Client(emulator)
    const created = await client.create('Poland', {description: 'Polish devices', constraints: [polish]})
    expect(created.id).toMatch(/^sg_/)
    expect(emulator.requests.at(-1)).toMatchObject({method: 'POST', path: '/v1/segments', status: 200, body: {name: 'Poland', description: 'Polish devices', constraints: [polish]}})
    await client.update(created, {desired: {name: 'Poland', description: 'Polish devices', constraints: [polish, lapsed]}, changed: ['constraints'], cleared: []})
    expect(emulator.requests.at(-1)).toMatchObject({method: 'PATCH', path: '/v1/segments', status: 200, body: {id: created.id, constraints: [polish, lapsed]}})
    expect(Object.keys(emulator.requests.at(-1)!.body as object)).toEqual(['id', 'constraints'])
    expect(emulator.state.segments).toEqual([expect.objectContaining({id: created.id, name: 'Poland', description: 'Polish devices', constraints: [polish, lapsed]})])
  })

  it.each(['text', 'json-string', 'object'] as const)('accepts the written id answered as %s', async (writeResponse) => {
    const emulator = await push0Emulator({writeResponse})
    const client = await push0Client(emulator)
    const created = await client.create('A', {constraints: []})
    expect(created.id).toBe(emulator.state.segments[0]!.id)
    const updated = await client.update(created, {desired: {name: 'B', constraints: []}, changed: ['name'], cleared: []})
    expect(updated).toMatchObject({id: created.id, name: 'B'})
    expect(emulator.state.segments[0]!.name).toBe('B')
  })

  it('clears a description removed from the definition: Push0 keeps fields that are not sent', async () => {
    const emulator = await push0Emulator({segments: [{id: 'sg_a', name: 'A', description: 'old', constraints: []}]})
    const client = await push0Client(emulator)
    const [remote] = await client.listSegments()
    await client.update(remote!, {desired: {name: 'A', constraints: []}, changed: [], cleared: ['description']})
    expect(emulator.requests.at(-1)!.body).toEqual({id: 'sg_a', description: ''})
    const [after] = await client.listSegments()
    expect(push0.toDefinition(after!)).toEqual({constraints: []})
  })

  it('lists 250 segments in pages of 100 until the short page', async () => {
    const segments = Array.from({length: 250}, (_, i) => ({id: `sg_${String(i).padStart(3, '0')}`, name: `Segment ${i}`, constraints: [group('AND', constraint('sessionCount', '>', i))]}))
    const emulator = await push0Emulator({segments})
    const client = await push0Client(emulator)
    const listed = await client.listSegments()
    expect(listed.map((s) => s.id)).toEqual(segments.map((s) => s.id))
    expect(listed[249]).toMatchObject({name: 'Segment 249', raw: {constraints: [group('AND', constraint('sessionCount', '>', 249))]}})
    expect(emulator.requests.map((r) => `${r.method} ${r.path}${r.query}`)).toEqual([
      'GET /v1/segments?page=1&limit=100',
      'GET /v1/segments?page=2&limit=100',
      'GET /v1/segments?page=3&limit=100',
    ])
  })

  it('reads one more (empty) page when the last page is exactly full', async () => {
    const emulator = await push0Emulator({segments: Array.from({length: 200}, (_, i) => ({name: `S${i}`, constraints: []}))})
    const client = await push0Client(emulator)
    expect(await client.listSegments()).toHaveLength(200)
    expect(emulator.requests).toHaveLength(3)
  })

  it('stops with an error when the server ignores `page` instead of listing forever', async () => {
    const page = Array.from({length: 100}, (_, i) => ({id: `sg_${i}`, name: `S${i}`, description: null, constraints: [], updatedAt: null, createdAt: 1}))
    const server = createServer((_req, res) => res.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify(page)))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const client = await push0.connect({endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey: 'k'})
    onTestFinished(() => client.close())
    await expect(client.listSegments()).rejects.toThrow('pagination is not advancing')
  })

  it('maps a remote segment to what a user writes: symbols for upper-case relations, no ids, timestamps or null description', async () => {
    const emulator = await push0Emulator({
      segments: [
        {id: 'sg_a', name: 'A', description: null, updatedAt: 1771924492768, createdAt: 1771924000000, constraints: [group('AND', constraint('deviceManufacturer', 'EQUALS', 'Xiaomi'), constraint('osVersion', 'NOT_EQUALS', '13')), group('OR', constraint('email', 'EXISTS', ''), constraint('tags', 'CONTAINS', 'beta'))]},
      ],
    })
    const client = await push0Client(emulator)
    const [remote] = await client.listSegments()
    expect(push0.toDefinition(remote!)).toEqual({
      constraints: [group('AND', constraint('deviceManufacturer', '==', 'Xiaomi'), constraint('osVersion', '!=', '13')), group('OR', constraint('email', 'exists', ''), constraint('tags', 'contains', 'beta'))],
    })
  })

  it('reports campaign usage as unknown: Push0 documents no campaign API', async () => {
    const client = await push0Client(await push0Emulator())
    expect(await client.campaignUsage()).toEqual({known: false, reason: expect.stringContaining('Push0 documents no campaign or notification API')})
  })

  it('declares deletes a manual step and never pretends to delete', async () => {
    expect(push0.deletes).toEqual({supported: false, manual: 'delete in the Push0 dashboard'})
    const emulator = await push0Emulator({segments: [{id: 'sg_a', name: 'A', constraints: []}]})
    const client = await push0Client(emulator)
    const [remote] = await client.listSegments()
    await expect(client.delete(remote!)).rejects.toThrow(new SegsyncError('Push0 has no delete endpoint: delete "A" (sg_a) in the Push0 dashboard'))
    expect(emulator.state.segments).toHaveLength(1)
    expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })

  it("surfaces the vendor's errors: 400 with its message, 401 and 403 as authentication", async () => {
    const emulator = await push0Emulator({readOnlyKeys: ['push0_read_only']})
    const client = await push0Client(emulator)
    const rejected = await client.create('X', {constraints: [group('AND', ...Array.from({length: 11}, (_, i) => constraint('sessionCount', '>', i)))]}).catch((e: unknown) => e)
    expect(rejected).toBeInstanceOf(VendorError)
    expect((rejected as VendorError).message).toBe('Push0 rejected POST /v1/segments (400): constraints[0].constraints: max size is 10 (got 11)')
    await expect((await push0Client(emulator, 'push0_wrong')).listSegments()).rejects.toThrow(AuthError)
    const readOnly = await push0Client(emulator, 'push0_read_only')
    expect(await readOnly.listSegments()).toEqual([])
    await expect(readOnly.create('X', {constraints: []})).rejects.toThrow(/Push0 refused the request \(403 on POST \/v1\/segments\): Forbidden/)
  })

  it('retries a 408 on a read, and turns a 408 on a create into an unknown outcome instead of sending it again', async () => {
    const emulator = await push0Emulator({segments: [{id: 'sg_a', name: 'A', constraints: []}]})
    const client = await push0Client(emulator)
    emulator.faults.add({method: 'GET', times: 1, fault: {type: 'status', status: 408}})
    expect(await client.listSegments()).toHaveLength(1)
    emulator.faults.add({method: 'POST', times: 1, fault: {type: 'status', status: 408}})
    await expect(client.create('B', {constraints: []})).rejects.toThrow(AmbiguousWriteError)
    expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('takes a create answered 200 with words instead of an id as uncertain, and confirms an update answered so by re-reading it', async () => {
    const emulator = await push0Emulator({segments: [{id: 'sg_a', name: 'A', constraints: []}]})
    const client = await push0Client(emulator)
    emulator.faults.add({method: 'POST', times: 1, fault: {type: 'status', status: 200, body: 'Segment limit reached'}})
    const created = await client.create('B', {constraints: []}).catch((e: unknown) => e)
    expect(created).toBeInstanceOf(UncertainWriteError)
    expect((created as Error).message).toBe('Push0 answered POST /v1/segments outside the contract segsync relies on (at (the whole body) expected the body to match ^[a-z]+_[A-Za-z0-9_-]+$, got "Segment limit reached"): the write may or may not have landed')
    const [remote] = await client.listSegments()
    // The PATCH does not land and says so in words: the re-read shows the segment unchanged.
    emulator.faults.add({method: 'PATCH', times: 1, fault: {type: 'status', status: 200, body: 'Segment limit reached'}})
    const updated = await client.update(remote!, {desired: {name: 'Z', constraints: []}, changed: ['name'], cleared: []}).catch((e: unknown) => e)
    expect(updated).toBeInstanceOf(VendorError)
    expect(updated).not.toBeInstanceOf(UncertainWriteError)
    expect((updated as Error).message).toBe('Push0 did not apply the update: it answered PATCH /v1/segments for "A" (sg_a) with "Segment limit reached" instead of its id, and a re-read shows the segment unchanged')
    expect(emulator.requests.at(-1)).toMatchObject({method: 'GET', path: '/v1/segments', query: '?id=sg_a'})
  })
})

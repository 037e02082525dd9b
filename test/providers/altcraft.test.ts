import {describe, expect, it} from 'vitest'
import {AmbiguousWriteError, AuthError, SegsyncError, VendorError} from '../../src/errors.js'
import {altcraft} from '../../src/providers/altcraft/index.js'
import {ALTCRAFT_TOKEN, altcraftClient, altcraftEmulator, altcraftWrites, block, query} from '../helpers/altcraft.js'

const rules = (listId: number, ...queries: unknown[]) => ({list_id: listId, segment: [{condition: 'and', queries}]})
const bodies = (e: {requests: Array<{path: string; body?: unknown}>}, method: string) => e.requests.filter((r) => r.path === `/api/v1.1/${method}/`).map((r) => r.body as Record<string, unknown>)

describe('Altcraft adapter ↔ emulator', () => {
  it('creates, lists (list + get per segment), updates with the full definition, and deletes', async () => {
    const e = await altcraftEmulator()
    const client = await altcraftClient(e)
    const created = await client.create('Base', rules(5, query('email', 'equal', 'a@b.c')))
    expect(created.id).toBe('1')
    expect(bodies(e, 'segments/add')[0]).toEqual({
      token: ALTCRAFT_TOKEN,
      format: 'json',
      name: 'Base',
      list_id: 5,
      is_static: false,
      is_refresh_daily: false,
      // Every block field explicit, list_id at both levels (seed 004 update example).
      segment: [{condition: 'and', limit: 0, list_id: 5, percent_from: 0, percent_to: 100, queries: [query('email', 'equal', 'a@b.c')]}],
    })
    const listed = await client.listSegments()
    expect(listed.map((s) => [s.id, s.name, s.readOnly])).toEqual([['1', 'Base', undefined]])

    const desired = {name: 'Base 2', list_id: 5, is_static: true, is_refresh_daily: true, segment: [{condition: 'or', limit: 100, queries: [query('_sex', 'equal', 'f')]}]}
    await client.update(listed[0]!, {desired, changed: ['name'], cleared: []})
    expect(bodies(e, 'segments/update')[0]).toEqual({
      token: ALTCRAFT_TOKEN,
      format: 'json',
      id: 1,
      name: 'Base 2',
      list_id: 5,
      is_static: true,
      is_refresh_daily: true,
      segment: [{condition: 'or', limit: 100, list_id: 5, percent_from: 0, percent_to: 100, queries: [query('_sex', 'equal', 'f')]}],
    })
    expect(e.state.segments[0]).toMatchObject({name: 'Base 2', is_static: true, is_refresh_daily: true, segment: [{condition: 'or', limit: 100}]})

    await client.delete({...listed[0]!, name: 'Base 2'})
    expect(bodies(e, 'segments/delete')).toEqual([{token: ALTCRAFT_TOKEN, format: 'json', id: 1}])
    expect(e.state.segments).toEqual([])
  })

  it('follows from_id / next_from_id until exhausted, one get per segment', async () => {
    const segments = [2, 3, 5, 8, 13].map((id) => ({id, name: `S${id}`, list_id: 5, segment: [block(5, 'and', query('a', 'b', String(id)))]}))
    const e = await altcraftEmulator({segments})
    const client = await altcraftClient(e, {tuning: {pageSize: 2}})
    expect((await client.listSegments()).map((s) => s.id)).toEqual(['2', '3', '5', '8', '13'])
    const pages = bodies(e, 'segments/list').map((b) => [b.from_id, b.limit])
    // The third page completes total_count (5): no empty page is needed.
    expect(pages).toEqual([[1, 2], [4, 2], [9, 2]])
    expect(bodies(e, 'segments/get').map((b) => b.id).sort((a, b) => Number(a) - Number(b))).toEqual([2, 3, 5, 8, 13])
  })

  it('copes with a server that repeats the last id (the list example answers next_from_id = last id) and omits total_count', async () => {
    const segments = [1, 2, 3].map((id) => ({id, name: `S${id}`, list_id: 5, segment: [block(5, 'and', query('a', 'b', 'c'))]}))
    const e = await altcraftEmulator({segments})
    const item = (id: number) => ({id, name: `S${id}`, ui_tags: [], Groups: [{Id: 0, Name: 'main'}]})
    const page = (ids: number[], next: number) => ({type: 'status' as const, status: 200, body: {data: ids.map(item), error: 0, error_text: 'Successful operation', next_from_id: next}})
    e.faults.add({path: '/api/v1.1/segments/list/', times: 1, fault: page([1, 2], 2)})
    e.faults.add({path: '/api/v1.1/segments/list/', skip: 1, times: 1, fault: page([2, 3], 3)})
    e.faults.add({path: '/api/v1.1/segments/list/', skip: 2, times: 1, fault: page([3], 3)})
    const client = await altcraftClient(e)
    expect((await client.listSegments()).map((s) => s.id)).toEqual(['1', '2', '3'])
    // Three pages: the third brings nothing new, which ends the listing (no endless loop).
    expect(e.requests.filter((r) => r.path === '/api/v1.1/segments/list/')).toHaveLength(3)
  })

  it('reads more than one page of 1000 with the documented default limit', async () => {
    const segments = Array.from({length: 1003}, (_, i) => ({id: i + 1, name: `S${i + 1}`, list_id: 5, segment: [block(5, 'and', query('a', 'b', 'c'))]}))
    const e = await altcraftEmulator({segments})
    const client = await altcraftClient(e)
    expect(await client.listSegments()).toHaveLength(1003)
    expect(bodies(e, 'segments/list').map((b) => [b.from_id, b.limit])).toEqual([[1, 1000], [1001, 1000]])
  })

  it('lists static segments as read-only and maps remote segments to what a user would write', async () => {
    const e = await altcraftEmulator({
      segments: [
        {id: 1, name: 'Imported list', is_static: true, list_id: 5},
        {id: 2, name: 'Dynamic', list_id: 5, segment: [{...block(5, 'or', {...query('a', 'b', 'c'), child: [query('d', 'e', 'f')], condition: 'and'}), percent_to: 50}]},
      ],
    })
    const client = await altcraftClient(e)
    const [stat, dyn] = await client.listSegments()
    expect(stat!.readOnly).toMatch(/^a static segment \(no rules/)
    expect(dyn!.readOnly).toBeUndefined()
    expect(altcraft.toDefinition(dyn!)).toEqual({
      list_id: 5,
      segment: [{condition: 'or', percent_to: 50, queries: [{...query('a', 'b', 'c'), child: [query('d', 'e', 'f')], condition: 'and'}]}],
    })
  })

  it('surfaces an HTTP-200 error envelope as a failure with the vendor text, never as a success', async () => {
    const e = await altcraftEmulator()
    const client = await altcraftClient(e)
    e.faults.add({path: '/api/v1.1/segments/add/', times: 1, fault: {type: 'status', status: 200, body: {error: 402, error_text: 'Tariff limit reached'}}})
    const error = await client.create('X', rules(5, query('a', 'b', 'c'))).catch((err: unknown) => err)
    expect(error).toBeInstanceOf(VendorError)
    expect((error as VendorError).status).toBe(402)
    expect((error as Error).message).toBe('Altcraft rejected POST /api/v1.1/segments/add/ (402): Tariff limit reached')
    // A real validation error from the emulator, too.
    await expect(client.create('X', {list_id: 5, segment: [{condition: 'and', queries: [{name: 'a'}]}]})).rejects.toThrow('segment[0].queries[0].compo is required')
    expect(e.state.segments).toEqual([])
  })

  it('treats error 401/403 as authentication (exit 4), HTTP 401 without a token too, and never shows the token', async () => {
    const e = await altcraftEmulator()
    const wrong = await altcraftClient(e, {token: 'wrong-token-abcdef'})
    const error = await wrong.listSegments().catch((err: unknown) => err)
    expect(error).toBeInstanceOf(AuthError)
    expect((error as Error).message).toBe('Altcraft refused the request (401 on POST /api/v1.1/segments/list/): Invalid API token')
    const empty = await altcraftClient(e, {token: ''})
    await expect(empty.listSegments()).rejects.toThrow('Altcraft refused the request (401 on POST /api/v1.1/segments/list/): API token required')
    // A vendor message that echoes the token is masked.
    e.faults.add({path: '/api/v1.1/segments/list/', fault: {type: 'status', status: 200, body: {error: 403, error_text: `token ${ALTCRAFT_TOKEN} has no access to segments`}}})
    const echoed = await (await altcraftClient(e)).listSegments().catch((err: unknown) => err as Error)
    expect(echoed).toBeInstanceOf(AuthError)
    expect((echoed as Error).message).toContain('token *** has no access to segments')
    expect((echoed as Error).message).not.toContain(ALTCRAFT_TOKEN)
  })

  it('retries reads on 429 and never re-sends a create whose outcome is unknown', async () => {
    const e = await altcraftEmulator({segments: [{id: 1, name: 'A', list_id: 5, segment: [block(5, 'and', query('a', 'b', 'c'))]}]})
    const client = await altcraftClient(e)
    e.faults.add({path: '/api/v1.1/segments/get/', times: 2, fault: {type: 'status', status: 429, headers: {'retry-after': '0'}}})
    expect(await client.listSegments()).toHaveLength(1)
    expect(client.stats().rateLimited).toBe(2)
    e.faults.add({path: '/api/v1.1/segments/add/', times: 1, fault: {type: 'status', status: 503}})
    await expect(client.create('B', rules(5, query('a', 'b', 'c')))).rejects.toThrow(AmbiguousWriteError)
    expect(bodies(e, 'segments/add')).toHaveLength(1)
  })

  it('blocks a change of database in the plan (verify) and never sends one (update)', async () => {
    const e = await altcraftEmulator({segments: [{id: 4, name: 'A', list_id: 5, segment: [block(5, 'and', query('a', 'b', 'c'))]}, {id: 6, name: 'Static', is_static: true, list_id: 5}]})
    const client = await altcraftClient(e)
    const findings = await client.verify!(
      [
        {name: 'A', body: rules(6, query('a', 'b', 'c'))},
        {name: 'Static', body: rules(7, query('a', 'b', 'c'))},
        {name: 'New', body: rules(8, query('a', 'b', 'c'))},
      ],
      client.listSegments(),
    )
    expect(findings).toEqual([{name: 'A', level: 'block', message: expect.stringContaining('list_id cannot change from 5 to 6: Altcraft cannot move a segment to another profile database')}])
    const [a] = await client.listSegments()
    await expect(client.update(a!, {desired: {name: 'A', ...rules(6, query('a', 'b', 'c'))}, changed: ['list_id'], cleared: []})).rejects.toThrow(SegsyncError)
    expect(altcraftWrites(e)).toEqual([])
  })

  it('verifies against the segment list the plan reads, without listing again', async () => {
    const e = await altcraftEmulator({segments: [{id: 1, name: 'A', list_id: 5, segment: [block(5, 'and', query('a', 'b', 'c'))]}]})
    const client = await altcraftClient(e)
    const listed = client.listSegments()
    await Promise.all([listed, client.verify!([{name: 'A', body: rules(5, query('a', 'b', 'c'))}], listed)])
    expect(bodies(e, 'segments/list')).toHaveLength(1)
    expect(bodies(e, 'segments/get')).toHaveLength(1)
    // A later read is a fresh one (apply re-reads after an interrupted create).
    await client.listSegments()
    expect(bodies(e, 'segments/list')).toHaveLength(2)
  })
})

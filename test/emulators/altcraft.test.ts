import {describe, expect, it} from 'vitest'
import {schemaValidator} from '../../src/core/validate/schema.js'
import {schemaPath} from '../../src/util/package-root.js'
import {altcraftEmulator, block, call, query} from '../helpers/altcraft.js'

const ok = {error: 0, error_text: 'Successful operation'}
const dynamic = (name: string, listId = 5) => ({name, is_static: false, segment: [block(listId, 'and', query('email', 'equal', 'a@b.c'))]})

describe('Altcraft emulator (vendors.md §5): transport and envelope', () => {
  it('answers HTTP 401 only when no token is sent; a wrong token is HTTP 200 with error 401', async () => {
    const e = await altcraftEmulator()
    const missing = await call(e.url, 'segments/list', {}, {token: null})
    expect(missing.status).toBe(401)
    expect(missing.body).toEqual({error: 401, error_text: 'API token required'})
    const wrong = await call(e.url, 'segments/list', {}, {token: 'not-the-token'})
    expect(wrong.status).toBe(200)
    expect(wrong.body).toEqual({error: 401, error_text: 'Invalid API token'})
  })

  it('accepts the token as Authorization: Bearer too, and "format": "json" only', async () => {
    const e = await altcraftEmulator()
    const res = await fetch(`${e.url}/api/v1.1/segments/list/`, {method: 'POST', headers: {authorization: 'Bearer altcraft_test_token_0123456789abcdef', 'content-type': 'application/json'}, body: '{}'})
    expect(await res.json()).toMatchObject(ok)
    expect((await call(e.url, 'segments/list', {format: 'json'})).body).toMatchObject(ok)
    expect((await call(e.url, 'segments/list', {format: 'xml'})).body).toMatchObject({error: 400})
  })

  it('serves every method by POST only, with or without the trailing slash; unknown methods are 404', async () => {
    const e = await altcraftEmulator()
    expect((await call(e.url, 'segments/list', {}, {httpMethod: 'GET'})).status).toBe(405)
    expect((await call(e.url, 'segments/explode')).status).toBe(404)
    const noSlash = await fetch(`${e.url}/api/v1.1/campaigns/list`, {method: 'POST', body: JSON.stringify({token: 'altcraft_test_token_0123456789abcdef'})})
    expect(await noSlash.json()).toMatchObject(ok)
    expect((await call(e.url, 'segments/list', {}, {raw: '{"token": '})).body).toEqual({error: 400, error_text: 'Incorrect request: the body is not valid JSON'})
  })

  it('injects 429 in the envelope, with Retry-After, under a custom rate limit', async () => {
    const e = await altcraftEmulator({}, {rateLimit: {perSecond: 2}})
    const results = await Promise.all(Array.from({length: 4}, () => call(e.url, 'segments/list')))
    const limited = results.filter((r) => r.status === 429)
    expect(limited).toHaveLength(2)
    expect(limited[0]!.body).toEqual({error: 429, error_text: 'Too many requests'})
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  })
})

describe('Altcraft emulator: segments', () => {
  it('creates with integer ids and answers {data: {saved_id}}; get adds the server defaults', async () => {
    const e = await altcraftEmulator()
    expect((await call(e.url, 'segments/add', dynamic('A'))).body).toEqual({data: {saved_id: 1}, ...ok})
    expect((await call(e.url, 'segments/add', dynamic('B'))).body.data.saved_id).toBe(2)
    const got = await call(e.url, 'segments/get', {id: 1})
    expect(got.body).toEqual({
      data: {
        count: 0,
        id: 1,
        name: 'A',
        list_id: 5,
        is_static: false,
        is_refresh_daily: false,
        segment: [{condition: 'and', limit: 0, list_id: 5, percent_from: 0, percent_to: 100, queries: [{...query('email', 'equal', 'a@b.c'), child: [], condition: ''}]}],
      },
      ...ok,
    })
  })

  it('with getIncludesTypeFlags: false, answers get exactly as the documented example: no type flags, no top-level list_id', async () => {
    const e = await altcraftEmulator({getIncludesTypeFlags: false})
    await call(e.url, 'segments/add', {...dynamic('A'), is_static: true, is_refresh_daily: true})
    const {data} = (await call(e.url, 'segments/get', {id: 1})).body as {data: Record<string, unknown>}
    expect(Object.keys(data).sort()).toEqual(['count', 'id', 'name', 'segment'])
    // The type is still stored: only the answer leaves it out.
    expect(e.state.segments[0]).toMatchObject({is_static: true, is_refresh_daily: true})
  })

  it('answers every method segsync calls inside the contract segsync holds Altcraft to', async () => {
    const contract = (def: string) => schemaValidator(schemaPath('altcraft/responses.schema.json'), def)
    const e = await altcraftEmulator({campaigns: [{id: 21, name: 'Weekly digest', is_active: true, data_type: 'segment', data_id: 1}]})
    const answers: Array<[string, unknown]> = [
      ['SegmentSaved', (await call(e.url, 'segments/add', dynamic('A'))).body],
      ['SegmentSaved', (await call(e.url, 'segments/add', {name: 'Static', is_static: true, list_id: 5})).body],
      ['SegmentList', (await call(e.url, 'segments/list', {})).body],
      ['SegmentDetail', (await call(e.url, 'segments/get', {id: 1})).body],
      ['SegmentDetail', (await call(e.url, 'segments/get', {id: 2})).body],
      ['SegmentSaved', (await call(e.url, 'segments/update', {id: 1, ...dynamic('A2')})).body],
      ['MailingList', (await call(e.url, 'campaigns/list', {is_active: true})).body],
      ['MailingDetail', (await call(e.url, 'campaigns/get', {id: 21})).body],
      ['SegmentDeleted', (await call(e.url, 'segments/delete', {id: 1})).body],
    ]
    for (const [def, body] of answers) expect(contract(def).validate(body), def).toEqual([])
  })

  it('keeps queries verbatim (unknown keys, nested child queries) and adds defaults at every depth', async () => {
    const e = await altcraftEmulator()
    const nested = {...query('_region', 'equal', 'EU'), object_path: 'x', child: [query('_sex', 'equal', 'f')], condition: 'or'}
    await call(e.url, 'segments/add', {name: 'N', segment: [block(5, 'or', nested)]})
    const q = (await call(e.url, 'segments/get', {id: 1})).body.data.segment[0].queries[0]
    expect(q).toEqual({...nested, child: [{...query('_sex', 'equal', 'f'), child: [], condition: ''}]})
  })

  it.each([
    [{segment: [block(5, 'and', query('a', 'b', 'c'))]}, 'name is required'],
    [{name: 'X'}, 'segment is required for dynamic segments'],
    [{name: 'X', segment: [{...block(5, 'and', query('a', 'b', 'c')), list_id: '5'}]}, 'segment[0].list_id must be an integer'],
    [{name: 'X', segment: [block(5, 'xor' as 'and', query('a', 'b', 'c'))]}, 'segment[0].condition must be "and" or "or"'],
    [{name: 'X', segment: [{condition: 'and', queries: [query('a', 'b', 'c')]}]}, 'segment[0].list_id is required'],
    [{name: 'X', segment: [block(5, 'and')]}, 'segment[0].queries must contain at least one query'],
    [{name: 'X', segment: [block(5, 'and', {name: 'a', operator: 'b', type: 'c', value: []})]}, 'segment[0].queries[0].compo is required'],
    [{name: 'X', segment: [block(5, 'and', {...query('a', 'b', 'c'), value: 'c'})]}, 'segment[0].queries[0].value must be an array'],
    [{name: 'X', segment: [{...block(5, 'and', query('a', 'b', 'c')), percent_from: 60, percent_to: 40}]}, 'segment[0].percent_from must be less than percent_to'],
    [{name: 'X', segment: [{...block(5, 'and', query('a', 'b', 'c')), percent_to: 101}]}, 'segment[0].percent_to must be between 1 and 100'],
    [{name: 'X', list_id: 6, segment: [block(5, 'and', query('a', 'b', 'c'))]}, 'all blocks of a segment must use the same database (list_id); got 5, 6'],
    [{name: 'X', is_static: 'yes'}, 'is_static must be a boolean'],
    [{name: 'X', is_static: true}, 'list_id (required for static segments) is required'],
    [{name: 'X', is_static: true, is_refresh_daily: true, list_id: 5}, 'segment is required for updatable segments (is_refresh_daily: true)'],
  ])('refuses %j with HTTP 200, error 400: %s', async (params, message) => {
    const e = await altcraftEmulator()
    const res = await call(e.url, 'segments/add', params)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({error: 400, error_text: message})
    expect(e.state.segments).toEqual([])
  })

  it('refuses a database that does not exist, when the state lists databases', async () => {
    const e = await altcraftEmulator({databases: [5]})
    expect((await call(e.url, 'segments/add', dynamic('X', 9))).body).toEqual({error: 404, error_text: 'Database 9 not found'})
  })

  it('stores static segments without rules and updatable ones with them; is_refresh_daily only for those', async () => {
    const e = await altcraftEmulator()
    await call(e.url, 'segments/add', {name: 'Static', is_static: true, list_id: 5})
    await call(e.url, 'segments/add', {...dynamic('Updatable'), is_static: true, is_refresh_daily: true})
    await call(e.url, 'segments/add', {...dynamic('Dynamic'), is_refresh_daily: true})
    const get = async (id: number) => (await call(e.url, 'segments/get', {id})).body.data
    expect(await get(1)).toMatchObject({is_static: true, is_refresh_daily: false, list_id: 5, segment: []})
    expect(await get(2)).toMatchObject({is_static: true, is_refresh_daily: true})
    expect(await get(3)).toMatchObject({is_static: false, is_refresh_daily: false})
  })

  it('updates by replacing the rules; refuses without rules, without a name, or with another database', async () => {
    const e = await altcraftEmulator({segments: [{id: 14, name: 'Old', list_id: 6, segment: [block(6, 'and', query('a', 'b', 'c'), query('d', 'e', 'f'))]}]})
    const updated = await call(e.url, 'segments/update', {id: 14, name: 'Static segment 2', is_static: false, segment: [block(6, 'or', query('x', 'y', 'z'))]})
    expect(updated.body).toEqual({data: {saved_id: 14}, ...ok})
    expect(e.state.segments[0]).toMatchObject({name: 'Static segment 2', segment: [{condition: 'or', queries: [{name: 'x'}]}]})
    const refused = async (params: Record<string, unknown>) => (await call(e.url, 'segments/update', params)).body
    expect(await refused({id: 14, name: 'Z'})).toEqual({error: 400, error_text: 'segment is required when updating a dynamic segment'})
    expect(await refused({id: 14, name: 'Z', is_static: true})).toEqual({error: 400, error_text: 'segment is required when updating an updatable segment'})
    expect(await refused({id: 14, segment: [block(6, 'and', query('a', 'b', 'c'))]})).toEqual({error: 400, error_text: 'name is required'})
    expect(await refused({id: 14, name: 'Z', list_id: 7, segment: [block(7, 'and', query('a', 'b', 'c'))]})).toEqual({
      error: 400,
      error_text: 'the profile database of a segment cannot be changed (segment 14 uses list_id 6, got 7)',
    })
    expect(await refused({id: '14', name: 'Z'})).toEqual({error: 400, error_text: 'id must be an integer'})
    expect(await refused({id: 99, name: 'Z', segment: [block(6, 'and', query('a', 'b', 'c'))]})).toEqual({error: 404, error_text: 'Segment 99 not found'})
    expect(e.state.segments[0]!.name).toBe('Static segment 2')
  })

  it('deletes through segments/delete/; ids are never reused', async () => {
    const e = await altcraftEmulator()
    await call(e.url, 'segments/add', dynamic('A'))
    await call(e.url, 'segments/add', dynamic('B'))
    expect((await call(e.url, 'segments/delete', {id: 2})).body).toEqual(ok)
    expect((await call(e.url, 'segments/get', {id: 2})).body).toEqual({error: 404, error_text: 'Segment 2 not found'})
    expect((await call(e.url, 'segments/delete', {id: 2})).body.error).toBe(404)
    expect((await call(e.url, 'segments/add', dynamic('C'))).body.data.saved_id).toBe(3)
  })

  it('lists in keyset pages: from_id inclusive, next_from_id after the last id, total_count, capitalised Groups', async () => {
    const segments = [3, 4, 7, 8, 10].map((id) => ({id, name: `S${id}`, list_id: 5, segment: [block(5, 'and', query('a', 'b', 'c'))], ui_tags: id === 7 ? ['vip'] : []}))
    const e = await altcraftEmulator({segments})
    const page = async (params: Record<string, unknown>) => (await call(e.url, 'segments/list', params)).body
    const first = await page({limit: 2})
    expect(first).toEqual({
      data: [
        {id: 3, name: 'S3', ui_tags: [], Groups: [{Id: 0, Name: 'main'}]},
        {id: 4, name: 'S4', ui_tags: [], Groups: [{Id: 0, Name: 'main'}]},
      ],
      ...ok,
      next_from_id: 5,
      total_count: 5,
    })
    expect((await page({limit: 2, from_id: 5})).data.map((s: {id: number}) => s.id)).toEqual([7, 8])
    expect(await page({limit: 2, from_id: 11})).toMatchObject({data: [], next_from_id: 11, total_count: 5})
    expect((await page({})).data).toHaveLength(5)
    expect((await page({ui_tags: ['vip']})).data.map((s: {id: number}) => s.id)).toEqual([7])
    expect(await page({limit: 0})).toEqual({error: 400, error_text: 'limit must be a positive integer'})
  })
})

describe('Altcraft emulator: mailings', () => {
  const campaigns = [
    {id: 5, name: 'Welcome', type: 'trigger', is_active: true, data_type: 'segment', data_id: 2},
    {id: 7, name: 'Digest', type: 'regular', is_active: false, data_type: 'segment', data_id: 2},
    {id: 9, name: 'Blast', type: 'broadcast', is_active: true, is_completed: true, data_type: 'list', data_id: 1},
  ]

  it('lists mailings without their audience, filtered by is_active and type, in keyset pages', async () => {
    const e = await altcraftEmulator({campaigns})
    const list = await call(e.url, 'campaigns/list', {is_active: true, limit: 1})
    expect(list.body).toEqual({data: [{id: 5, name: 'Welcome', type: 'trigger', is_active: true, subid: '', for_confirm: false, ui_tags: [], groups: [{id: 0, name: 'main'}]}], ...ok, next_from_id: 6, total_count: 2})
    expect((await call(e.url, 'campaigns/list', {is_active: true, from_id: 6})).body.data.map((m: {id: number}) => m.id)).toEqual([9])
    expect((await call(e.url, 'campaigns/list', {type: 'regular'})).body.data.map((m: {id: number}) => m.id)).toEqual([7])
    expect((await call(e.url, 'campaigns/list', {is_active: 'true'})).body).toEqual({error: 400, error_text: 'is_active must be a boolean'})
  })

  it('answers get with data_type + data_id and the flags, get_status with the flags only', async () => {
    const e = await altcraftEmulator({campaigns})
    expect((await call(e.url, 'campaigns/get', {id: 5})).body.data).toMatchObject({id: 5, name: 'Welcome', data_type: 'segment', data_id: 2, is_active: true, is_completed: false, status: 'Active'})
    expect((await call(e.url, 'campaigns/get_status', {id: 9})).body).toEqual({data: {is_active: true, is_completed: true, status: 'Completed'}, ...ok})
    expect((await call(e.url, 'campaigns/get', {id: 8})).body).toEqual({error: 404, error_text: 'Mailing 8 not found'})
  })
})

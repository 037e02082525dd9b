import {describe, expect, it, onTestFinished} from 'vitest'
import {startEmulator} from '../../src/emulators/registry.js'
import {call, constraint, group, PUSH0_KEY, push0Emulator} from '../helpers/push0.js'

const polish = group('AND', constraint('country', '==', 'PL'))

describe('Push0 emulator (vendors.md §4)', () => {
  it('answers 400 "Missing Content-Type: application/json" to any request without it, GETs included', async () => {
    const e = await push0Emulator()
    for (const [method, body] of [['GET', undefined], ['POST', {name: 'A', constraints: []}]] as const) {
      const res = await call(e.url, method, '/v1/segments', {body, contentType: null})
      expect(res.status).toBe(400)
      expect(res.body).toEqual({error: 'Missing Content-Type: application/json'})
    }
    expect((await call(e.url, 'GET', '/v1/segments', {contentType: 'text/plain'})).status).toBe(400)
    expect((await call(e.url, 'GET', '/v1/segments', {contentType: 'application/json; charset=utf-8'})).status).toBe(200)
    expect(e.state.segments).toEqual([])
  })

  it('answers 401 without a Bearer key or with an unknown one', async () => {
    const e = await push0Emulator()
    for (const key of [null, 'push0_wrong']) {
      const res = await call(e.url, 'GET', '/v1/segments', {key})
      expect(res.status).toBe(401)
      expect(res.body.error).toMatch(/^Unauthorized: incorrect or not found API key/)
    }
  })

  it('answers 403 to writes with a read-only key, which may still list', async () => {
    const e = await push0Emulator({readOnlyKeys: ['push0_read_only']})
    expect((await call(e.url, 'GET', '/v1/segments', {key: 'push0_read_only'})).status).toBe(200)
    const res = await call(e.url, 'POST', '/v1/segments', {key: 'push0_read_only', body: {name: 'A', constraints: []}})
    expect(res.status).toBe(403)
    expect(res.body).toEqual({error: 'Forbidden: this API key may not modify segments'})
    expect(e.state.segments).toEqual([])
  })

  it('creates with a bare text/plain id and lists the segment with epoch-ms timestamps, on /v1 and the /api/v1 alias', async () => {
    const e = await push0Emulator()
    const before = Date.now()
    const res = await call(e.url, 'POST', '/v1/segments', {body: {name: 'Poland', constraints: [polish]}})
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(res.text).toMatch(/^sg_[A-Za-z0-9_-]{21}$/)
    for (const path of ['/v1/segments', '/api/v1/segments', '/api/v1/segments/']) {
      const list = await call(e.url, 'GET', path)
      expect(list.body).toEqual([{id: res.text, name: 'Poland', description: null, constraints: [polish], updatedAt: null, createdAt: expect.any(Number)}])
      expect(list.body[0].createdAt).toBeGreaterThanOrEqual(before)
      expect(list.body[0].createdAt).toBeLessThanOrEqual(Date.now())
    }
    expect((await call(e.url, 'POST', '/api/v1/segments', {body: {name: 'Via alias', constraints: []}})).status).toBe(200)
    expect(e.state.segments.map((s) => s.name)).toEqual(['Poland', 'Via alias'])
  })

  it('answers writes as a JSON string or as the segment object when the state asks for it', async () => {
    const asString = await push0Emulator({writeResponse: 'json-string'})
    const s = await call(asString.url, 'POST', '/v1/segments', {body: {name: 'A', constraints: []}})
    expect(s.headers.get('content-type')).toBe('application/json')
    expect(s.body).toBe(asString.state.segments[0]!.id)
    const asObject = await push0Emulator({writeResponse: 'object'})
    const o = await call(asObject.url, 'POST', '/v1/segments', {body: {name: 'B', description: 'b', constraints: [polish]}})
    expect(o.body).toEqual({id: asObject.state.segments[0]!.id, name: 'B', description: 'b', constraints: [polish], updatedAt: null, createdAt: expect.any(Number)})
  })

  const eleven = Array.from({length: 11}, (_, i) => constraint('sessionCount', '>', i))
  it.each([
    [{constraints: []}, 'name is required'],
    [{name: 'X'}, 'constraints is required'],
    [{name: 'X', constraints: {}}, 'constraints must be an array'],
    [{name: 'X', constraints: [{type: 'AND', constraints: eleven}]}, 'constraints[0].constraints: max size is 10 (got 11)'],
    [{name: 'X', constraints: [{type: 'AND', constraints: []}]}, 'constraints[0].constraints must not be empty'],
    [{name: 'X', constraints: [{type: 'and', constraints: [constraint('country', '==', 'PL')]}]}, 'constraints[0].type must be AND or OR'],
    [{name: 'X', constraints: [polish, group('AND', constraint('contry', '==', 'PL'))]}, 'constraints[1].constraints[0]: unknown field "contry"'],
    [{name: 'X', constraints: [group('AND', constraint('country', '>', 'PL'))]}, 'constraints[0].constraints[0]: relation ">" is not supported for String field country'],
    [{name: 'X', constraints: [group('AND', constraint('sessionCount', 'starts_with', 1))]}, 'constraints[0].constraints[0]: relation "starts_with" is not supported for Int field sessionCount'],
    [{name: 'X', constraints: [group('AND', constraint('appVersionCode', 'STARTS_WITH', 1))]}, 'constraints[0].constraints[0]: relation "STARTS_WITH" is not supported for Int field appVersionCode'],
    [{name: 'X', constraints: [group('AND', constraint('tags', '!=', 'beta'))]}, 'constraints[0].constraints[0]: relation "!=" is not supported for String Array field tags'],
    [{name: 'X', constraints: [group('OR', constraint('sessionCount', '>', '5'))]}, 'constraints[0].constraints[0]: value of sessionCount must be a number (Int)'],
    [{name: 'X', constraints: [group('OR', constraint('lastSession', '>=', 1771924492782.5))]}, 'constraints[0].constraints[0]: value of lastSession must be a number (Long)'],
    [{name: 'X', constraints: [group('OR', constraint('sessionCount', '>', 2 ** 31))]}, 'constraints[0].constraints[0]: value of sessionCount is out of range for Int'],
    [{name: 'X', constraints: [group('OR', constraint('osVersion', '==', 13))]}, 'constraints[0].constraints[0]: value of osVersion must be a string (String)'],
    [{name: 'X', constraints: [{type: 'OR', constraints: [{field: 'email', relation: 'exists'}]}]}, 'constraints[0].constraints[0] must contain field, relation and value'],
  ])('rejects %j with 400: %s', async (body, message) => {
    const e = await push0Emulator()
    const res = await call(e.url, 'POST', '/v1/segments', {body})
    expect(res.status).toBe(400)
    expect(res.body).toEqual({error: message})
    expect(e.state.segments).toEqual([])
  })

  it('accepts the upper-case relation aliases and stores them as given; Long values take epoch ms', async () => {
    const e = await push0Emulator()
    const constraints = [
      group('AND', constraint('deviceManufacturer', 'EQUALS', 'Xiaomi'), constraint('osVersion', 'EQUALS', '13'), constraint('sessionCount', 'NOT_EQUALS', 0)),
      group('OR', constraint('email', 'EXISTS', ''), constraint('tags', 'CONTAINS', 'beta'), constraint('firstSession', '<=', 1771924492768)),
    ]
    expect((await call(e.url, 'POST', '/v1/segments', {body: {name: 'Aliases', constraints}})).status).toBe(200)
    expect(e.state.segments[0]!.constraints).toEqual(constraints)
  })

  it('PATCH takes the id in the body and updates only the fields sent with values', async () => {
    const e = await push0Emulator({segments: [{id: 'sg_a', name: 'A', description: 'first', constraints: [polish], createdAt: 1_700_000_000_000}]})
    const renamed = await call(e.url, 'PATCH', '/v1/segments', {body: {id: 'sg_a', name: 'A2', description: null}})
    expect(renamed.status).toBe(200)
    expect(renamed.text).toBe('sg_a')
    expect(e.state.segments[0]).toMatchObject({name: 'A2', description: 'first', constraints: [polish], createdAt: 1_700_000_000_000})
    expect(e.state.segments[0]!.updatedAt).toBeGreaterThan(1_700_000_000_000)
    const replaced = group('OR', constraint('type', '==', 'tablet'))
    await call(e.url, 'PATCH', '/v1/segments', {body: {id: 'sg_a', description: '', constraints: [replaced]}})
    expect(e.state.segments[0]).toMatchObject({name: 'A2', description: '', constraints: [replaced]})
  })

  it.each([
    [{name: 'X'}, 'id is required'],
    [{id: 'sg_missing', name: 'X'}, 'Segment sg_missing not found'],
    [{id: 'sg_a', name: ''}, 'name must be a non-empty string'],
    [{id: 'sg_a', constraints: [group('AND', ...Array.from({length: 11}, () => constraint('country', '==', 'PL')))]}, 'constraints[0].constraints: max size is 10 (got 11)'],
  ])('rejects PATCH %j with 400: %s', async (body, message) => {
    const e = await push0Emulator({segments: [{id: 'sg_a', name: 'A', constraints: [polish]}]})
    const res = await call(e.url, 'PATCH', '/v1/segments', {body})
    expect(res.status).toBe(400)
    expect(res.body).toEqual({error: message})
    expect(e.state.segments[0]).toMatchObject({name: 'A', constraints: [polish], updatedAt: null})
  })

  it('refuses a seed holding what the API would reject', async () => {
    await expect(startEmulator('push0', {seed: {segments: [{name: 'Bad', constraints: [group('AND', constraint('osApi', '>=', '30'))]}]}})).rejects.toThrow(
      'Push0 emulator seed: segment "Bad": constraints[0].constraints[0]: relation ">=" is not supported for String field osApi',
    )
  })

  it('has no delete endpoint and no id-in-path routes', async () => {
    const e = await push0Emulator({segments: [{id: 'sg_a', name: 'A', constraints: []}]})
    expect((await call(e.url, 'DELETE', '/v1/segments', {body: {id: 'sg_a'}})).status).toBe(404)
    expect((await call(e.url, 'DELETE', '/v1/segments/sg_a')).status).toBe(404)
    expect((await call(e.url, 'PATCH', '/v1/segments/sg_a', {body: {name: 'B'}})).status).toBe(404)
    expect(e.state.segments.map((s) => s.name)).toEqual(['A'])
  })

  it('pages the list with page (from 1) and limit (default 50, at most 100); ?id= and ?name= narrow it', async () => {
    const segments = Array.from({length: 250}, (_, i) => ({id: `sg_${String(i).padStart(3, '0')}`, name: `S${i}`, constraints: []}))
    const e = await push0Emulator({segments})
    const ids = async (query: string) => ((await call(e.url, 'GET', `/v1/segments${query}`)).body as Array<{id: string}>).map((s) => s.id)
    expect(await ids('')).toEqual(segments.slice(0, 50).map((s) => s.id))
    expect(await ids('?page=2&limit=100')).toEqual(segments.slice(100, 200).map((s) => s.id))
    expect(await ids('?page=3&limit=100')).toHaveLength(50)
    expect(await ids('?page=4&limit=100')).toEqual([])
    expect(await ids('?id=sg_042')).toEqual(['sg_042'])
    expect(await ids('?id=sg_nope')).toEqual([])
    expect(await ids('?name=S7')).toEqual(['sg_007'])
    for (const [query, message] of [['?limit=101', 'limit must be between 1 and 100'], ['?limit=0', 'limit must be between 1 and 100'], ['?page=0', 'page must be a positive integer']]) {
      const res = await call(e.url, 'GET', `/v1/segments${query}`)
      expect(res.status).toBe(400)
      expect(res.body).toEqual({error: message})
    }
  })

  it.each([400, 401, 403, 408, 429, 500])('answers an injected %i in the {"error": …} envelope', async (status) => {
    const e = await push0Emulator()
    e.faults.add({path: '/v1/segments', times: 1, fault: {type: 'status', status}})
    const res = await call(e.url, 'GET', '/v1/segments')
    expect(res.status).toBe(status)
    expect(Object.keys(res.body)).toEqual(['error'])
  })

  it('answers 429 "Too many requests in given period of time" with Retry-After when run with a rate-limit profile', async () => {
    // Push0 documents no numbers, so there is no default profile; a custom one still works.
    const e = await startEmulator('push0', {seed: {apiKeys: [PUSH0_KEY]}, rateLimit: {perSecond: 2}})
    onTestFinished(() => e.close())
    const results = await Promise.all(Array.from({length: 4}, () => call(e.url, 'GET', '/v1/segments')))
    const limited = results.filter((r) => r.status === 429)
    expect(limited).toHaveLength(2)
    expect(limited[0]!.body).toEqual({error: 'Too many requests in given period of time'})
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  })
})

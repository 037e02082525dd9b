import {describe, expect, it} from 'vitest'
import {emulators} from '../../src/emulators/registry.js'
import {and, call, field, KB_KEY, KB_READ_ONLY_KEY, kibamailEmulator, not, or, properties, topics} from '../helpers/kibamail.js'

const us = field('country', 'eq', 'US')
const seg = (name: string, conditions: unknown = us) => ({name, conditions})

function envelope(type: string, code: string) {
  return {error: expect.objectContaining({type, code, message: expect.any(String), requestId: expect.stringMatching(/^req_/)})}
}

describe('Kibamail emulator (vendors.md §2)', () => {
  it('refuses a missing key, a key without the kb_ prefix and an unknown key with 401 INVALID_API_KEY', async () => {
    const e = await kibamailEmulator()
    for (const key of [null, 'sk_live_notkibamail', 'kb_live_unknown']) {
      const res = await call(e.url, 'GET', '/v1/segments', undefined, key)
      expect(res.status).toBe(401)
      expect(res.body).toEqual(envelope('authentication_error', 'INVALID_API_KEY'))
    }
  })

  it('accepts any kb_ key with every scope when the state configures none', async () => {
    const e = await kibamailEmulator({apiKeys: []})
    expect((await call(e.url, 'POST', '/v1/segments', seg('A'), 'kb_anything')).status).toBe(201)
  })

  it('lets a key without write:segments read but refuses its writes with 401 INSUFFICIENT_SCOPE', async () => {
    const e = await kibamailEmulator({segments: [{id: 'segment_a', ...seg('A')}]})
    expect((await call(e.url, 'GET', '/v1/segments', undefined, KB_READ_ONLY_KEY)).status).toBe(200)
    for (const [method, path, body] of [['POST', '/v1/segments', seg('B')], ['PUT', '/v1/segments/segment_a', {name: 'Z'}], ['DELETE', '/v1/segments/segment_a', undefined]] as const) {
      const res = await call(e.url, method, path, body, KB_READ_ONLY_KEY)
      expect(res.status).toBe(401)
      expect(res.body).toEqual(envelope('authentication_error', 'INSUFFICIENT_SCOPE'))
      expect(res.body.error.message).toBe("API key lacks 'write:segments' scope")
    }
    expect(e.state.segments.map((s) => s.name)).toEqual(['A'])
    expect((await call(e.url, 'POST', '/v1/contacts/search', {conditions: us}, KB_READ_ONLY_KEY)).body.error.message).toBe("API key lacks 'read:contacts' scope")
  })

  it('creates with 201 and answers exactly the SegmentResponse fields, description null by default', async () => {
    const e = await kibamailEmulator()
    const res = await call(e.url, 'POST', '/v1/segments', {...seg('VIP', and(us, field('email', 'exists', null))), extra: 'ignored'})
    expect(res.status).toBe(201)
    expect(res.body).toEqual({object: 'segment', id: expect.stringMatching(/^segment_/), name: 'VIP', description: null, conditions: and(us, field('email', 'exists', null))})
    expect((await call(e.url, 'GET', `/v1/segments/${res.body.id}`)).body).toEqual(res.body)
    // No uniqueness rule for names is documented: a second "VIP" is another segment.
    const twin = await call(e.url, 'POST', '/v1/segments', seg('VIP'))
    expect(twin.status).toBe(201)
    expect(twin.body.id).not.toBe(res.body.id)
  })

  it('accepts several keys in one logical or topic object ("At least one operator ($and, $or, or $not) is required"), and topic ids it does not know', async () => {
    const e = await kibamailEmulator({properties})
    const conditions = {$and: [us], $or: [field('plan', 'eq', 'pro')], $not: {subscribedToTopic: ['topic_a'], notSubscribedToTopic: ['topic_b']}}
    const res = await call(e.url, 'POST', '/v1/segments', seg('Mixed', conditions))
    expect(res.status).toBe(201)
    expect(res.body.conditions).toEqual(conditions)
    expect((await call(e.url, 'POST', '/v1/segments', seg('Empty', {}))).body.error.code).toBe('INVALID_QUERY')
  })

  it.each([
    ['an unknown operator', seg('X', field('country', 'regex', 'U.*')), 'conditions.operator', 'UNKNOWN_OPERATOR'],
    ['an unknown property', seg('X', and(field('lifetime_valu', 'gte', 1))), 'conditions.$and[0].field', 'UNKNOWN_PROPERTY'],
    ['null without exists', seg('X', or(field('plan', 'eq', null))), 'conditions.$or[0].value', 'INVALID_VALUE'],
    ['in with one value', seg('X', not(field('plan', 'in', 'pro'))), 'conditions.$not.value', 'INVALID_VALUE'],
    ['an empty topic list', seg('X', {subscribedToTopic: []}), 'conditions.subscribedToTopic', 'INVALID_VALUE'],
    ['a name over 100 characters', seg('x'.repeat(101)), 'name', 'INVALID_LENGTH'],
    ['no conditions', {name: 'X'}, 'conditions', 'REQUIRED'],
  ])('answers 422 validation_error for %s', async (_what, body, at, code) => {
    const e = await kibamailEmulator({properties})
    const res = await call(e.url, 'POST', '/v1/segments', body)
    expect(res.status).toBe(422)
    expect(res.body).toEqual(envelope('validation_error', 'VALIDATION_ERROR'))
    expect(res.body.error.validationErrors).toEqual([expect.objectContaining({field: at, code})])
  })

  it('answers 400 for bad query syntax (raw MongoDB form) and for a body that is not JSON', async () => {
    const e = await kibamailEmulator()
    const mongo = await call(e.url, 'POST', '/v1/segments', seg('X', {$and: [{country: {$eq: 'US'}}]}))
    expect(mongo.status).toBe(400)
    expect(mongo.body).toEqual(envelope('invalid_request_error', 'INVALID_QUERY'))
    expect(mongo.body.error.validationErrors[0].field).toBe('conditions.$and[0]')
    const broken = await call(e.url, 'POST', '/v1/segments', undefined, KB_KEY, '{"name": ')
    expect(broken.status).toBe(400)
    expect(broken.body.error.code).toBe('INVALID_JSON')
    expect(e.state.segments).toEqual([])
  })

  it('lists newest first in cursor pages: limit default 20, at most 100, after = id of the last item', async () => {
    const segments = Array.from({length: 130}, (_, i) => ({id: `segment_${String(i).padStart(3, '0')}`, ...seg(`S${i}`)}))
    const e = await kibamailEmulator({segments})
    const first = await call(e.url, 'GET', '/v1/segments')
    expect(first.body).toMatchObject({object: 'segment_list', hasMore: true})
    expect(Object.keys(first.body).sort()).toEqual(['data', 'hasMore', 'object'])
    expect(first.body.data).toHaveLength(20)
    expect(first.body.data[0].name).toBe('S129')
    const page = await call(e.url, 'GET', '/v1/segments?limit=100&after=segment_029')
    expect(page.body.data.map((s: {name: string}) => s.name)).toEqual(Array.from({length: 29}, (_, i) => `S${28 - i}`))
    expect(page.body.hasMore).toBe(false)
    const back = await call(e.url, 'GET', '/v1/segments?limit=2&before=segment_127')
    expect(back.body.data.map((s: {name: string}) => s.name)).toEqual(['S129', 'S128'])
    expect((await call(e.url, 'GET', '/v1/segments?limit=101')).status).toBe(400)
    expect((await call(e.url, 'GET', '/v1/segments?limit=0')).body.error.validationErrors[0].field).toBe('limit')
    expect((await call(e.url, 'GET', '/v1/segments?after=segment_nope')).body.error.code).toBe('INVALID_CURSOR')
    // A new segment is listed first.
    await call(e.url, 'POST', '/v1/segments', seg('Newest'))
    expect((await call(e.url, 'GET', '/v1/segments?limit=1')).body.data[0].name).toBe('Newest')
  })

  it('PUT updates only the fields sent, replaces conditions wholesale, clears description with null', async () => {
    const e = await kibamailEmulator({segments: [{id: 'segment_a', name: 'A', description: 'Why', conditions: and(us, field('plan', 'eq', 'pro'))}], properties})
    const renamed = await call(e.url, 'PUT', '/v1/segments/segment_a', {name: 'A2'})
    expect(renamed.body).toEqual({object: 'segment', id: 'segment_a', name: 'A2', description: 'Why', conditions: and(us, field('plan', 'eq', 'pro'))})
    const replaced = await call(e.url, 'PUT', '/v1/segments/segment_a', {conditions: or(field('plan', 'eq', 'team')), description: null})
    expect(replaced.body).toMatchObject({name: 'A2', description: null, conditions: or(field('plan', 'eq', 'team'))})
    expect((await call(e.url, 'PUT', '/v1/segments/segment_a', {conditions: field('plan', 'like', 'x')})).status).toBe(422)
    expect((await call(e.url, 'PUT', '/v1/segments/segment_nope', {name: 'Z'})).body).toEqual(envelope('invalid_request_error', 'SEGMENT_NOT_FOUND'))
  })

  it('DELETE answers {object: "segment", id}; the segment is then 404', async () => {
    const e = await kibamailEmulator({segments: [{id: 'segment_a', ...seg('A')}]})
    const res = await call(e.url, 'DELETE', '/v1/segments/segment_a')
    expect(res).toMatchObject({status: 200, body: {object: 'segment', id: 'segment_a'}})
    expect((await call(e.url, 'GET', '/v1/segments/segment_a')).status).toBe(404)
    expect((await call(e.url, 'DELETE', '/v1/segments/segment_a')).status).toBe(404)
  })

  it('searches contacts with the same conditions, newest first, and lists a segment\'s members', async () => {
    const contacts = [
      {id: 'contact_1', email: 'ann@acme.com', country: 'US', properties: {lifetime_value: 500}, topics: ['topic_news']},
      {id: 'contact_2', email: 'bob@other.io', country: 'US', properties: {lifetime_value: 20}},
      {id: 'contact_3', email: 'cid@acme.com', country: 'DE', topics: ['topic_product']},
    ]
    const e = await kibamailEmulator({properties, topics, contacts, segments: [{id: 'segment_acme', ...seg('Acme', field('email', 'endsWith', '@acme.com'))}]})
    const search = async (conditions: unknown) => (await call(e.url, 'POST', '/v1/contacts/search', {conditions})).body.data.map((c: {id: string}) => c.id)
    expect(await search(and(us, field('lifetime_value', 'gte', 100)))).toEqual(['contact_1'])
    expect(await search(or({subscribedToTopic: ['topic_news', 'topic_product']}, field('email', 'contains', 'bob')))).toEqual(['contact_3', 'contact_2', 'contact_1'])
    expect(await search(not(us))).toEqual(['contact_3'])
    expect(await search(and({notSubscribedToTopic: ['topic_news']}, us))).toEqual(['contact_2'])
    expect(await search(field('lifetime_value', 'exists', false))).toEqual(['contact_3'])
    expect(await search(field('country', 'nin', ['DE']))).toEqual(['contact_2', 'contact_1'])
    expect((await call(e.url, 'POST', '/v1/contacts/search', {conditions: field('nope', 'eq', 1)})).status).toBe(422)
    const members = await call(e.url, 'GET', '/v1/segments/segment_acme/contacts')
    expect(members.body).toMatchObject({object: 'contact_list', hasMore: false})
    expect(members.body.data.map((c: {id: string}) => c.id)).toEqual(['contact_3', 'contact_1'])
  })

  it('lists topics alphabetically in cursor pages', async () => {
    const many = Array.from({length: 105}, (_, i) => ({id: `topic_${i}`, name: `Topic ${String(i).padStart(3, '0')}`}))
    const e = await kibamailEmulator({topics: [...topics, ...many]})
    const first = await call(e.url, 'GET', '/v1/topics?limit=100')
    expect(first.body).toMatchObject({object: 'topic_list', hasMore: true})
    expect(first.body.data[0]).toEqual({object: 'topic', id: 'topic_news', name: 'Newsletter', slug: 'newsletter', description: null, visibility: 'PUBLIC', defaultOptIn: false})
    const rest = await call(e.url, 'GET', `/v1/topics?limit=100&after=${first.body.data[99].id}`)
    expect(rest.body.hasMore).toBe(false)
    expect(first.body.data.length + rest.body.data.length).toBe(107)
  })

  it('answers 429 rate_limit_error with Retry-After under an injected limit', async () => {
    const e = await kibamailEmulator({}, {rateLimit: {perSecond: 3}})
    const responses = await Promise.all(Array.from({length: 5}, () => call(e.url, 'GET', '/v1/segments')))
    const limited = responses.filter((r) => r.status === 429)
    expect(limited).toHaveLength(2)
    expect(limited[0]!.body).toEqual(envelope('rate_limit_error', 'RATE_LIMIT_EXCEEDED'))
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  })

  // Whether 105 requests land inside one second depends on the machine's load, so the profile is
  // checked as configured; the test above shows the emulator enforcing a profile.
  it('keeps the documented 1000/min and 100/s profile for --rate-limit', () => {
    expect(emulators.kibamail.rateLimit).toEqual({perSecond: 100, perMinute: 1000})
  })
})

import {describe, expect, it} from 'vitest'
import {call, condition, filter, mailglyphEmulator} from '../helpers/mailglyph.js'

const premium = condition('AND', [filter('data.plan', 'equals', 'premium')])

describe('MailGlyph emulator (vendors.md §1)', () => {
  it('answers 401 in the error envelope without a secret Bearer key', async () => {
    const e = await mailglyphEmulator()
    for (const key of [null, 'pk_live_public', 'sk_test_wrong', 'live_0123']) {
      const res = await call(e.url, 'GET', '/segments', undefined, key)
      expect(res.status).toBe(401)
      expect(res.body).toEqual({code: 401, error: 'Unauthorized', message: expect.any(String), time: expect.any(Number)})
    }
    expect((await call(e.url, 'GET', '/v1/segments')).status).toBe(404)
  })

  it('creates with 201 and the full Segment object, lists a bare array, gets by id', async () => {
    const e = await mailglyphEmulator()
    const res = await call(e.url, 'POST', '/segments', {name: 'Premium', condition: premium})
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Premium',
      description: null,
      type: 'DYNAMIC',
      condition: premium,
      trackMembership: false,
      memberCount: 0,
      projectId: e.state.projectId,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    })
    const list = await call(e.url, 'GET', '/segments')
    expect(list.body).toEqual([res.body])
    expect((await call(e.url, 'GET', `/segments/${res.body.id}`)).body).toEqual(res.body)
  })

  it('lists the newest segment first, memberCount on every one', async () => {
    const e = await mailglyphEmulator({
      segments: [
        {id: 'old', name: 'Old', condition: premium, createdAt: '2025-01-01T00:00:00.000Z', memberCount: 12},
        {id: 'new', name: 'New', condition: condition('AND', [filter('data.plan', 'equals', 'free')]), createdAt: '2026-01-01T00:00:00.000Z'},
      ],
      contacts: [{email: 'a@example.com', data: {plan: 'premium'}}, {email: 'b@example.com', data: {plan: 'premium'}}, {email: 'c@example.com'}],
    })
    const list = (await call(e.url, 'GET', '/segments')).body as Array<{id: string; memberCount: number}>
    // Counted over the contacts: a seeded memberCount is not taken.
    expect(list.map((s) => [s.id, s.memberCount])).toEqual([['new', 0], ['old', 2]])
  })

  it('counts members with segsync\'s MailGlyph evaluator over its contacts: references by id, STATIC lists, recounts after writes', async () => {
    const e = await mailglyphEmulator({
      segments: [
        {id: 'seg_pay', name: 'Paying', condition: condition('OR', [filter('data.plan', 'equals', 'pro')], [filter('data.plan', 'equals', 'team')]), memberCount: 999},
        {id: 'seg_eng', name: 'Engaged', condition: condition('AND', [filter('subscribed', 'equals', true), filter('email.opened', 'triggeredWithin', 14, 'days')])},
        {id: 'seg_vip', name: 'Upsell', condition: condition('AND', [filter('seg_eng', 'memberOfSegment'), filter('segment.seg_pay', 'notMemberOfSegment')])},
        {id: 'seg_list', name: 'Webinar', type: 'STATIC', members: ['ANN@example.com', 'nobody@example.com']},
      ],
      contacts: [
        {email: 'ann@example.com', data: {plan: 'pro'}, emails: [{type: 'opened', at: '-2d'}]},
        {email: 'bob@example.com', subscribed: false, data: {plan: 'team'}, emails: [{type: 'opened', at: '-1d'}]},
        {email: 'cy@example.com', data: {plan: 'free'}, emails: [{type: 'opened', at: '-20d'}]},
        {email: 'eve@example.com', data: {plan: 'free'}, emails: [{type: 'opened', at: '-30m'}]},
      ],
    })
    const counts = async () => Object.fromEntries(((await call(e.url, 'GET', '/segments')).body as Array<{name: string; memberCount: number}>).map((s) => [s.name, s.memberCount]))
    expect(await counts()).toEqual({Paying: 2, Engaged: 2, Upsell: 1, Webinar: 1})
    // Seed times relative to the load ("-2d") are stored as dates.
    expect(Date.now() - Date.parse(e.state.contacts[0]!.emails![0]!.at)).toBeGreaterThanOrEqual(2 * 86_400_000)
    const patched = await call(e.url, 'PATCH', '/segments/seg_pay', {condition: condition('AND', [filter('data.plan', 'equals', 'team')])})
    expect(patched.body).toMatchObject({memberCount: 1})
    expect(await counts()).toEqual({Paying: 1, Engaged: 2, Upsell: 2, Webinar: 1})
    const created = await call(e.url, 'POST', '/segments', {name: 'Free', condition: condition('AND', [filter('data.plan', 'equals', 'free')])})
    expect(created.body).toMatchObject({memberCount: 2})
    expect(created.body).not.toHaveProperty('members')
  })

  const group = (...filters: unknown[]) => ({logic: 'AND', groups: [{filters}]})
  it.each([
    ['no name', {condition: premium}, "request/body must have required property 'name'"],
    ['no condition', {name: 'X'}, "request/body must have required property 'condition'"],
    ['a type (not in the create body)', {name: 'X', condition: premium, type: 'STATIC'}, 'request/body must NOT have additional properties (type)'],
    ['a 101-character name', {name: 'x'.repeat(101), condition: premium}, 'request/body/name must NOT have more than 100 characters'],
    ['no logic', {name: 'X', condition: {groups: [{filters: []}]}}, "request/body/condition must have required property 'logic'"],
    ['lower-case logic', {name: 'X', condition: {logic: 'and', groups: [{filters: [filter('email', 'contains', 'a')]}]}}, 'request/body/condition/logic must be equal to one of the allowed values: AND, OR'],
    ['no groups', {name: 'X', condition: {logic: 'AND', groups: []}}, 'request/body/condition/groups must NOT have fewer than 1 items'],
    ['a filter id', {name: 'X', condition: group({id: 'f1', field: 'email', operator: 'contains', value: 'a'})}, 'request/body/condition/groups/0/filters/0 must NOT have additional properties (id)'],
    ['an unknown operator', {name: 'X', condition: group(filter('email', 'equal', 'a'))}, /^request\/body\/condition\/groups\/0\/filters\/0\/operator must be equal to one of the allowed values: equals, notEquals, .*notTriggered$/],
    ['a wrong unit', {name: 'X', condition: group(filter('createdAt', 'within', 3, 'weeks'))}, 'request/body/condition/groups/0/filters/0/unit must be equal to one of the allowed values: days, hours, minutes'],
    ['memberOfSegment (not in the published enum)', {name: 'X', condition: group(filter('seg_1', 'memberOfSegment'))}, /operator must be equal to one of the allowed values/],
    ['within without a unit', {name: 'X', condition: group(filter('createdAt', 'within', 30))}, '"within" operator requires a unit (days, hours, or minutes)'],
    ['equals without a value', {name: 'X', condition: group(filter('data.plan', 'equals'))}, 'Operator "equals" requires a value'],
    ['an empty group', {name: 'X', condition: {logic: 'OR', groups: [{filters: [filter('email', 'contains', 'a')]}, {filters: []}]}}, 'Group must have at least one filter or nested condition'],
    ['a bare custom field', {name: 'X', condition: group(filter('plan', 'equals', 'pro'))}, 'Unsupported filter field: plan'],
    ['equals on an event', {name: 'X', condition: group(filter('event.purchase', 'equals', 1))}, 'Unsupported operator for event field: equals'],
    ['an unknown email activity', {name: 'X', condition: group(filter('email.read', 'triggered'))}, 'Unsupported email activity: read'],
    ['a nested condition without logic', {name: 'X', condition: {logic: 'AND', groups: [{filters: [], conditions: {groups: [{filters: []}]}}]}}, "request/body/condition/groups/0/conditions must have required property 'logic'"],
  ])('rejects a create with %s (400)', async (_, body, message) => {
    const e = await mailglyphEmulator()
    const res = await call(e.url, 'POST', '/segments', body)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({code: 400, error: 'Bad Request'})
    if (typeof message === 'string') expect(res.body.message).toBe(message)
    else expect(res.body.message).toMatch(message)
    expect(e.state.segments).toEqual([])
  })

  it('accepts nested conditions and every documented field family', async () => {
    const e = await mailglyphEmulator()
    const body = {
      name: 'Engaged',
      description: 'Opened recently or bought',
      trackMembership: true,
      condition: {
        logic: 'OR',
        groups: [
          {filters: [filter('email.opened', 'triggeredWithin', 14, 'days'), filter('subscribed', 'equals', true)]},
          {filters: [filter('event.purchase', 'triggered')], conditions: condition('AND', [filter('createdAt', 'olderThan', 1, 'hours')], [filter('data.vip', 'exists')])},
        ],
      },
    }
    const res = await call(e.url, 'POST', '/segments', body)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({description: 'Opened recently or bought', trackMembership: true, condition: body.condition})
  })

  it('PATCH changes only the fields sent; STATIC segments ignore a condition', async () => {
    const e = await mailglyphEmulator({
      segments: [
        {id: 'seg_a', name: 'A', description: 'first', condition: premium, trackMembership: true, updatedAt: '2025-01-01T00:00:00.000Z'},
        {id: 'seg_s', name: 'Imported list', type: 'STATIC', members: ['a@example.com', 'b@example.com']},
      ],
      contacts: [{email: 'a@example.com'}, {email: 'b@example.com'}, {email: 'c@example.com', data: {plan: 'premium'}}],
    })
    const res = await call(e.url, 'PATCH', '/segments/seg_a', {name: 'A2'})
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({id: 'seg_a', name: 'A2', description: 'first', condition: premium, trackMembership: true})
    expect(res.body.updatedAt).not.toBe('2025-01-01T00:00:00.000Z')
    expect((await call(e.url, 'PATCH', '/segments/seg_a', {description: null})).body.message).toBe('request/body/description must be string')
    expect((await call(e.url, 'PATCH', '/segments/seg_a', {description: ''})).body.description).toBe('')
    const staticRes = await call(e.url, 'PATCH', '/segments/seg_s', {condition: premium, name: 'Imported'})
    expect(staticRes.body).toMatchObject({name: 'Imported', type: 'STATIC', condition: null, memberCount: 2})
  })

  it('DELETE answers 204 with no body; unknown ids are 404; a segment a live or draft campaign targets is 409', async () => {
    const e = await mailglyphEmulator({
      segments: [{id: 'seg_a', name: 'A', condition: premium}, {id: 'seg_b', name: 'B', condition: premium}],
      campaigns: [{id: 'cmp_1', name: 'Launch', status: 'DRAFT', audienceType: 'SEGMENT', segmentId: 'seg_b'}],
    })
    const res = await call(e.url, 'DELETE', '/segments/seg_a')
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    for (const [method, body] of [['GET', undefined], ['PATCH', {name: 'Z'}], ['DELETE', undefined]] as const) {
      const missing = await call(e.url, method, '/segments/seg_a', body)
      expect(missing.status).toBe(404)
      expect(missing.body).toMatchObject({code: 404, error: 'Not Found', message: 'Segment not found'})
    }
    const blocked = await call(e.url, 'DELETE', '/segments/seg_b')
    expect(blocked.status).toBe(409)
    expect(blocked.body.message).toMatch(/^Cannot delete segment: it is currently used in 1 active campaign\(s\)/)
    expect(e.state.segments.map((s) => s.id)).toEqual(['seg_b'])
  })

  it('accepts membership operators only under the upstream-Plunk assumption, and only for existing segments', async () => {
    const e = await mailglyphEmulator({segments: [{id: 'seg_base', name: 'Base', condition: premium}]}, {assumptions: {acceptMembershipOperators: true}})
    const ok = await call(e.url, 'POST', '/segments', {name: 'Derived', condition: condition('AND', [filter('seg_base', 'memberOfSegment'), filter('segment.seg_base', 'notMemberOfSegment')])})
    expect(ok.status).toBe(201)
    const missing = await call(e.url, 'POST', '/segments', {name: 'Broken', condition: condition('AND', [filter('seg_gone', 'memberOfSegment')])})
    expect(missing.status).toBe(400)
    expect(missing.body.message).toBe('Segment not found: seg_gone')
  })

  it('pages campaigns by status (pageSize 1–100, default 20) with full Campaign items; the detail is wrapped as {success, data}', async () => {
    const campaigns = Array.from({length: 130}, (_, i) => ({id: `c${i}`, name: `C${i}`, status: i % 2 ? 'SCHEDULED' : 'SENT', audienceType: 'SEGMENT', segmentId: 'seg_a'}))
    const e = await mailglyphEmulator({segments: [{id: 'seg_a', name: 'A', condition: premium}], campaigns})
    const first = await call(e.url, 'GET', '/campaigns')
    expect(first.body).toMatchObject({page: 1, pageSize: 20, total: 130, totalPages: 7})
    expect(first.body.data).toHaveLength(20)
    const second = await call(e.url, 'GET', '/campaigns?status=SCHEDULED&page=2&pageSize=50')
    expect(second.body).toMatchObject({page: 2, pageSize: 50, total: 65, totalPages: 2})
    expect(second.body.data).toHaveLength(15)
    expect(second.body.data[0]).toMatchObject({status: 'SCHEDULED', audienceType: 'SEGMENT', segmentId: 'seg_a', sentCount: 0})
    // The OpenAPI's audienceCondition is a FilterCondition, not nullable: left out when unset (assumptions.unsetAudienceCondition).
    expect(second.body.data[0]).not.toHaveProperty('audienceCondition')
    expect((await call(e.url, 'GET', '/campaigns?pageSize=101')).status).toBe(400)
    const badStatus = await call(e.url, 'GET', '/campaigns?status=ACTIVE')
    expect(badStatus.status).toBe(400)
    expect(badStatus.body.message).toBe('request/query/status must be equal to one of the allowed values: DRAFT, SCHEDULED, SENDING, SENT, CANCELLED')
    const detail = await call(e.url, 'GET', '/campaigns/c1')
    expect(detail.body).toMatchObject({success: true, data: {id: 'c1', segmentId: 'seg_a', segment: {id: 'seg_a', name: 'A', memberCount: 0}}})
    expect((await call(e.url, 'GET', '/campaigns/nope')).body).toMatchObject({code: 404, message: 'Campaign not found'})
    const asPlunk = await mailglyphEmulator({campaigns: campaigns.slice(0, 2)}, {assumptions: {unsetAudienceCondition: 'null'}})
    expect((await call(asPlunk.url, 'GET', '/campaigns')).body.data[0]).toMatchObject({audienceCondition: null})
  })

  it('answers 429 with Retry-After in the error envelope under an injected limit (none is documented)', async () => {
    const e = await mailglyphEmulator({}, {rateLimit: {perSecond: 3}})
    const results = await Promise.all(Array.from({length: 5}, () => call(e.url, 'GET', '/segments')))
    const limited = results.filter((r) => r.status === 429)
    expect(limited).toHaveLength(2)
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(limited[0]!.body).toMatchObject({code: 429, error: 'Too Many Requests'})
  })
})

import {describe, expect, it} from 'vitest'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'

async function call(url: string, method: string, path: string, body?: unknown, key: string | null = TEST_KEY) {
  const res = await fetch(url + path, {
    method,
    headers: {...(key ? {authorization: `Bearer ${key}`} : {}), ...(body !== undefined ? {'content-type': 'application/json'} : {})},
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return {status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined}
}

const filter = (field: string, operator: string, value?: string) => ({kind: 'filter', field, operator, ...(value !== undefined ? {value} : {})})
const root = (...children: unknown[]) => ({kind: 'group', joinOperator: 'and', children})

describe('Sequenzy emulator (vendors.md §3)', () => {
  it('refuses requests without a valid Bearer key', async () => {
    const e = await sequenzyEmulator()
    expect((await call(e.url, 'GET', '/api/v1/segments', undefined, null)).status).toBe(401)
    expect((await call(e.url, 'GET', '/api/v1/segments', undefined, 'sk_live_wrong')).status).toBe(401)
  })

  it('creates a segment and answers with both legacy filters and root, adding ids', async () => {
    const e = await sequenzyEmulator()
    const res = await call(e.url, 'POST', '/api/v1/segments', {name: 'VIP', root: root(filter('event', 'is_not', 'saas.purchase:30d'))})
    expect(res.status).toBe(201)
    expect(res.body.success).toBe(true)
    const seg = res.body.segment
    expect(seg).toMatchObject({name: 'VIP', filterJoinOperator: 'and', format: 'v2', root: {kind: 'group', id: 'root', joinOperator: 'and'}})
    expect(seg.filters).toEqual([{id: expect.any(String), field: 'event', operator: 'is_not', value: 'saas.purchase:30d'}])
    expect(seg.root.children[0].id).toBe(seg.filters[0].id)
    expect((await call(e.url, 'GET', '/api/v1/segments')).body.segments).toHaveLength(1)
  })

  it('accepts legacy filters and turns them into a root', async () => {
    const e = await sequenzyEmulator()
    const res = await call(e.url, 'POST', '/api/v1/segments', {name: 'Legacy', filters: [{field: 'tag', operator: 'contains', value: 'vip'}], filterJoinOperator: 'or'})
    expect(res.body.segment.root).toMatchObject({joinOperator: 'or', children: [{kind: 'filter', field: 'tag'}]})
  })

  it.each([
    [{name: 'X'}, 'You must provide exactly one of filters or root, and it must contain at least one filter.'],
    [{name: 'X', filters: [], root: root(filter('status', 'is', 'a'))}, 'You can send either legacy filters or a nested root, not both.'],
    [{name: 'X', root: root(filter('stauts', 'is', 'a'))}, 'Unsupported segment filter field: stauts'],
    [{name: 'X', root: root(filter('status', 'contains', 'a'))}, 'Operator "contains" is not supported for status filters'],
    [{name: 'X', root: root(filter('tag', 'contains'))}, 'A value is required for tag filters with operator "contains"'],
    [{name: 'X', root: root({kind: 'filter', field: 'emailOpened', operator: 'at_least', value: 3})}, 'Filter value for emailOpened must be a string'],
    [{name: 'X', root: root(filter('attribute', 'is', 'plan'))}, 'Attribute filters need an attribute name prefix: "attrName:value"'],
    [{name: 'X', root: root(filter('segment', 'is', 'seg_missing'))}, 'Segment filter references a segment that does not exist: seg_missing'],
  ])('rejects %j with 400: %s', async (body, message) => {
    const e = await sequenzyEmulator()
    const res = await call(e.url, 'POST', '/api/v1/segments', body)
    expect(res.status).toBe(400)
    expect(res.body).toEqual({success: false, error: message})
  })

  it('accepts empty checks without a value', async () => {
    const e = await sequenzyEmulator()
    expect((await call(e.url, 'POST', '/api/v1/segments', {name: 'No phone', root: root(filter('phone', 'is_empty'))})).status).toBe(201)
  })

  it('takes only contains and not_contains for email, as seed 002 lists, but keeps serving a stored is/is_not', async () => {
    const e = await sequenzyEmulator({segments: [{id: 'seg_old', name: 'Old', root: {kind: 'group', id: 'root', joinOperator: 'and', children: [{kind: 'filter', id: 'f1', field: 'email', operator: 'is', value: 'a@b.co'}]}}]})
    const refused = await call(e.url, 'POST', '/api/v1/segments', {name: 'Exact', root: root(filter('email', 'is', 'a@b.co'))})
    expect(refused.status).toBe(400)
    expect(refused.body.error).toBe('Operator "is" is not supported for email filters')
    expect((await call(e.url, 'POST', '/api/v1/segments', {name: 'Gmail', root: root(filter('email', 'contains', '@gmail.com'))})).status).toBe(201)
    const listed = await call(e.url, 'GET', '/api/v1/segments')
    expect(listed.body.segments.find((s: {name: string}) => s.name === 'Old').root.children[0]).toMatchObject({field: 'email', operator: 'is'})
  })

  it('answers 409 SEGMENT_NAME_ALREADY_EXISTS on a duplicate name, on create and on rename', async () => {
    const e = await sequenzyEmulator({segments: [{id: 'seg_a', name: 'VIP', root: root(filter('status', 'is', 'a'))}, {id: 'seg_b', name: 'B', root: root(filter('status', 'is', 'a'))}]})
    const created = await call(e.url, 'POST', '/api/v1/segments', {name: 'VIP', root: root(filter('status', 'is', 'a'))})
    expect(created.status).toBe(409)
    expect(created.body).toMatchObject({code: 'SEGMENT_NAME_ALREADY_EXISTS', error: 'A saved segment named "VIP" already exists in this company.'})
    expect((await call(e.url, 'PATCH', '/api/v1/segments/seg_b', {name: 'VIP'})).status).toBe(409)
  })

  it('PATCH replaces the rules wholesale and keeps the name when only root is sent; DELETE removes; unknown ids are 404', async () => {
    const e = await sequenzyEmulator({segments: [{id: 'seg_a', name: 'A', root: root(filter('status', 'is', 'a'), filter('tag', 'contains', 'x'))}]})
    const patched = await call(e.url, 'PATCH', '/api/v1/segments/seg_a', {root: root(filter('status', 'is', 'b'))})
    expect(patched.body.segment.name).toBe('A')
    expect(patched.body.segment.root.children).toHaveLength(1)
    expect((await call(e.url, 'GET', '/api/v1/segments/seg_a/count')).body).toEqual({count: 0, segmentId: 'seg_a'})
    expect((await call(e.url, 'DELETE', '/api/v1/segments/seg_a')).body).toEqual({success: true, segmentId: 'seg_a'})
    expect((await call(e.url, 'PATCH', '/api/v1/segments/seg_a', {name: 'Z'})).status).toBe(404)
  })

  it('lists campaigns by status in offset pages capped at 100, without targeting; the detail has targetLists', async () => {
    const campaigns = Array.from({length: 130}, (_, i) => ({id: `c${i}`, name: `C${i}`, status: i % 2 ? 'scheduled' : 'sent', targetLists: {type: 'segment', segmentId: 'seg_a'}}))
    const e = await sequenzyEmulator({campaigns})
    const page = await call(e.url, 'GET', '/api/v1/campaigns?status=scheduled&limit=500&offset=0')
    expect(page.body.pagination).toEqual({limit: 100, offset: 0, count: 65, total: 65, hasMore: false})
    expect(page.body.campaigns[0].targetLists).toBeUndefined()
    expect((await call(e.url, 'GET', '/api/v1/campaigns')).body.pagination).toMatchObject({limit: 50, hasMore: true, total: 130})
    expect((await call(e.url, 'GET', '/api/v1/campaigns/c1')).body.campaign.targetLists).toEqual({type: 'segment', segmentId: 'seg_a'})
    const bad = await call(e.url, 'GET', '/api/v1/campaigns?status=live')
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/^Invalid status filter. Valid values: draft, scheduled/)
  })

  it('answers 429 with Retry-After beyond the documented 20 requests per second', async () => {
    const e = await sequenzyEmulator({}, {rateLimit: true})
    const statuses = await Promise.all(Array.from({length: 25}, () => call(e.url, 'GET', '/api/v1/segments').then((r) => r)))
    const limited = statuses.filter((r) => r.status === 429)
    expect(limited).toHaveLength(5)
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  })
})

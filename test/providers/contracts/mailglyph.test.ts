/**
 * MailGlyph answers outside their contract (schemas/mailglyph/responses.schema.json): every read
 * and write route, every kind of broken answer. Reads stop with a clear error and nothing is
 * written after them; writes end uncertain (or refused, for MailGlyph's error object inside a 2xx).
 */
import {describe, expect, it} from 'vitest'
import {ContractError, SegsyncError, UncertainWriteError, VendorError} from '../../../src/errors.js'
import {mailglyph} from '../../../src/providers/mailglyph/index.js'
import {applyStopsBeforeWriting, brokenAnswers, expectClearFailure, serveBroken, type Route} from '../../helpers/broken-answers.js'
import {condition, filter, MAILGLYPH_KEY, mailglyphEmulator} from '../../helpers/mailglyph.js'

const pro = condition('AND', [filter('data.plan', 'equals', 'pro')])
const segment = {id: 'seg_a', name: 'A', description: null, type: 'DYNAMIC', condition: pro, trackMembership: false, memberCount: 3, projectId: 'prj', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z'}
const campaign = {id: 'cmp_1', name: 'Spring', status: 'SCHEDULED', audienceType: 'SEGMENT', segmentId: 'seg_a'}
const seed = {segments: [{id: 'seg_a', name: 'A', condition: pro}], campaigns: [campaign]}
/** OpenAPI `Error` with a 2xx status. */
const ERROR_INSIDE_2XX = JSON.stringify({code: 400, error: 'Bad Request', message: 'Unsupported filter field: plan', time: 1767225600000})
const remoteA = {id: 'seg_a', name: 'A', raw: segment}

const routes: Route[] = [
  {name: 'segment list', method: 'GET', path: '/segments', kind: 'read', valid: [segment], item: [0], id: {key: 'id', wrong: 7}, required: 'condition', run: (c) => c.listSegments()},
  {name: 'campaign page', method: 'GET', path: '/campaigns', kind: 'read', valid: {data: [campaign], page: 1, pageSize: 100, total: 1, totalPages: 1}, item: ['data', 0], id: {key: 'id', wrong: 7}, required: 'audienceType', run: (c) => c.campaignUsage()},
  {name: 'create', method: 'POST', path: '/segments', kind: 'write', valid: segment, item: [], id: {key: 'id', wrong: 7}, required: 'name', run: (c) => c.create('B', {condition: pro})},
  {name: 'update', method: 'PATCH', path: /^\/segments\/[^/]+$/, kind: 'write', valid: segment, item: [], id: {key: 'id', wrong: 7}, required: 'name', run: (c) => c.update(remoteA, {desired: {name: 'A2', condition: pro}, changed: ['name'], cleared: []})},
]

async function connect(state: Record<string, unknown> = seed) {
  const emulator = await mailglyphEmulator(state)
  const client = await mailglyph.connect({endpoint: emulator.url, apiKey: MAILGLYPH_KEY, retry: {maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5}})
  return {emulator, client}
}

describe('MailGlyph answers outside their contract', () => {
  for (const route of routes) {
    it(`${route.name}: every broken answer fails clearly${route.kind === 'write' ? ', as uncertain' : ''}`, async () => {
      for (const answer of brokenAnswers(route, ERROR_INSIDE_2XX)) {
        // A fresh emulator each time: reads still in flight from the last answer must not take this one.
        const {emulator, client} = await connect()
        serveBroken(emulator, route, answer)
        const error = await expectClearFailure(route.run(client), 'MailGlyph', route, answer)
        if (route.kind === 'read' && answer.kind !== 'an error inside a 2xx') expect(error, answer.kind).toBeInstanceOf(ContractError)
        if (answer.kind === 'an error inside a 2xx') expect(error.message, answer.kind).toContain('Bad Request: Unsupported filter field: plan')
      }
    })
  }

  it('names the vendor, the route, the JSON path, what was expected and what came, and that nothing was written', async () => {
    const {emulator, client} = await connect()
    emulator.faults.add({method: 'GET', path: '/segments', fault: {type: 'answer', body: JSON.stringify([segment, null])}})
    const error = (await client.listSegments().catch((e: unknown) => e)) as ContractError
    expect(error).toBeInstanceOf(ContractError)
    expect(error.breach).toEqual({vendor: 'MailGlyph', route: 'GET /segments', path: '/1', expected: '1 to be an object', got: 'null'})
    expect(error.message).toBe('MailGlyph answered GET /segments outside the contract segsync relies on: at /1 expected 1 to be an object, got null. Nothing was written.')
    expect(error.hint).toContain('segsync doctor')
  })

  it('never reads a campaign whose audience it cannot tell as "uses no segment": the plan stops instead', async () => {
    const broken = [
      [{...campaign, segmentId: undefined}, '/data/0', 'a property "segmentId"'],
      [{...campaign, audienceType: 'LIST'}, '/data/0/audienceType', 'unknown audienceType "LIST"; expected one of: SEGMENT, FILTERED, ALL'],
      [{...campaign, audienceType: 'FILTERED', segmentId: null, audienceCondition: null}, '/data/0/audienceCondition', 'audienceCondition to be an object'],
    ] as const
    for (const [item, path, expected] of broken) {
      const {emulator, client} = await connect()
      emulator.faults.add({method: 'GET', path: '/campaigns', fault: {type: 'answer', body: JSON.stringify({data: [item], page: 1, pageSize: 100, total: 1, totalPages: 1})}})
      const error = (await client.campaignUsage().catch((e: unknown) => e)) as ContractError
      expect(error, expected).toBeInstanceOf(ContractError)
      expect(error.breach, expected).toMatchObject({route: 'GET /campaigns', path})
      expect(error.breach.expected, path).toContain(expected)
    }
  })

  it('keeps the documented refusal: a 403 on campaigns is "usage unknown", a 500 or a 404 stops the plan', async () => {
    const refused = await connect()
    refused.emulator.faults.add({path: '/campaigns', fault: {type: 'status', status: 403, body: {code: 403, error: 'Forbidden', message: 'no campaign access', time: 0}}})
    expect(await refused.client.campaignUsage()).toEqual({known: false, reason: expect.stringContaining('Forbidden: no campaign access')})
    for (const status of [404, 500]) {
      const {emulator, client} = await connect()
      emulator.faults.add({path: '/campaigns', fault: {type: 'status', status, body: {code: status, error: 'Oops', message: 'not here', time: 0}}})
      await expect(client.campaignUsage(), String(status)).rejects.toThrow(SegsyncError)
    }
  })

  it('reads what the OpenAPI allows and Plunk stores: null audienceCondition, nested `conditions: null`, operators outside the enum', async () => {
    const {client} = await connect({
      segments: [{id: 'seg_a', name: 'A', condition: {logic: 'AND', groups: [{filters: [filter('seg_b', 'memberOfSegment'), filter('tag', 'hasTag', 'vip')], conditions: null}]}}, {id: 'seg_b', name: 'B', condition: pro}],
      campaigns: [{...campaign, audienceCondition: null}, {id: 'cmp_all', name: 'All', status: 'SENDING', audienceType: 'ALL', audienceCondition: null}],
    })
    expect((await client.listSegments()).map((s) => s.id).sort()).toEqual(['seg_a', 'seg_b'])
    const usage = await client.campaignUsage()
    expect(usage.known && usage.users.map((u) => [u.id, u.segmentIds])).toEqual([['cmp_1', ['seg_a']], ['cmp_all', []]])
  })

  it('lists a segment that does not say its type as read-only, never as DYNAMIC', async () => {
    const {emulator, client} = await connect()
    const {type: _type, ...untyped} = segment
    emulator.faults.add({method: 'GET', path: '/segments', fault: {type: 'answer', body: JSON.stringify([untyped, {...segment, id: 'seg_s', type: 'STATIC', condition: null}])}})
    const [a, s] = await client.listSegments()
    expect(a!.readOnly).toMatch(/did not say whether this segment is DYNAMIC or STATIC/)
    expect(s!.readOnly).toMatch(/^a STATIC segment/)
  })

  it('writes nothing after a broken read: the apply stops first', async () => {
    for (const route of routes.filter((r) => r.kind === 'read')) {
      for (const kind of ['a required field missing', 'an HTML page with 200']) {
        const emulator = await mailglyphEmulator(seed)
        const answer = brokenAnswers(route, ERROR_INSIDE_2XX).find((a) => a.kind === kind)!
        const definitions = {a: {name: 'A', condition: condition('AND', [filter('data.plan', 'equals', 'team')])}, b: {name: 'B', condition: pro}}
        const error = await applyStopsBeforeWriting({emulator, provider: 'mailglyph', keyEnv: 'MAILGLYPH_API_KEY', key: MAILGLYPH_KEY, definitions, route, answer})
        expect(error, `${route.name}: ${kind}`).toBeInstanceOf(ContractError)
      }
    }
  })
})

describe('MailGlyph DELETE answers (204, no body)', () => {
  const remoteB = {id: 'seg_b', name: 'B', raw: {...segment, id: 'seg_b', name: 'B'}}
  const twoSegments = {segments: [...seed.segments, {id: 'seg_b', name: 'B', condition: pro}]}

  it("refuses on MailGlyph's error object inside a 200, and a code 404 in it never reads as \"already deleted\"", async () => {
    const {emulator, client} = await connect(twoSegments)
    emulator.faults.add({method: 'DELETE', fault: {type: 'answer', status: 200, body: JSON.stringify({code: 404, error: 'Not Found', message: 'Segment not found', time: 0})}})
    const error = (await client.delete(remoteB).catch((e: unknown) => e)) as VendorError
    expect(error).toBeInstanceOf(VendorError)
    expect(error.status).not.toBe(404)
    expect(error.message).toBe("MailGlyph rejected DELETE /segments/seg_b (400): Not Found: Segment not found (MailGlyph's error object, code 404, inside a 2xx answer)")
  })

  it('leaves a delete answered with an HTML page uncertain; tolerates a JSON body', async () => {
    const html = await connect(twoSegments)
    html.emulator.faults.add({method: 'DELETE', fault: {type: 'answer', status: 200, body: '<html><body>Sign in</body></html>', contentType: 'text/html', commit: true}})
    await expect(html.client.delete(remoteB)).rejects.toThrow(UncertainWriteError)
    const json = await connect(twoSegments)
    json.emulator.faults.add({method: 'DELETE', fault: {type: 'answer', status: 200, body: '{"deleted": true}', commit: true}})
    await json.client.delete(remoteB)
    expect(json.emulator.state.segments.map((s) => s.id)).toEqual(['seg_a'])
  })

  it('confirms a 404 by listing: still listed is a failure, gone is "already deleted"', async () => {
    const stillThere = await connect(twoSegments)
    stillThere.emulator.faults.add({method: 'DELETE', fault: {type: 'status', status: 404, body: {code: 404, error: 'Not Found', message: 'Cannot DELETE', time: 0}}})
    const error = (await stillThere.client.delete(remoteB).catch((e: unknown) => e)) as SegsyncError
    expect(error).not.toBeInstanceOf(VendorError)
    expect(error.message).toBe('MailGlyph answered DELETE /segments/seg_b with 404, but GET /segments still lists the segment: it was not deleted')
    const gone = await connect(seed)
    await expect(gone.client.delete(remoteB)).rejects.toMatchObject({status: 404})
  })
})

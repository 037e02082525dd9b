/**
 * Sequenzy answers outside their contract (schemas/sequenzy/responses.schema.json): every read
 * and write route, every kind of broken answer. Reads stop with a clear error and nothing is
 * written after them; writes end uncertain (or refused, for an error inside the 2xx).
 */
import {describe, expect, it} from 'vitest'
import {ContractError} from '../../../src/errors.js'
import {sequenzy} from '../../../src/providers/sequenzy/index.js'
import {applyStopsBeforeWriting, brokenAnswers, expectClearFailure, serveBroken, type Route} from '../../helpers/broken-answers.js'
import {sequenzyEmulator, TEST_KEY} from '../../helpers/emulators.js'

const root = {kind: 'group', id: 'root', joinOperator: 'and', children: [{kind: 'filter', id: 'f1', field: 'status', operator: 'is', value: 'active'}]}
const segment = {id: 'seg_a', name: 'A', filters: [{id: 'f1', field: 'status', operator: 'is', value: 'active'}], filterJoinOperator: 'and', format: 'v2', root}
const seed = {
  segments: [{id: 'seg_a', name: 'A', root}],
  campaigns: [{id: 'cmp_1', name: 'Spring', status: 'scheduled', targetLists: {type: 'segment', segmentId: 'seg_a'}}],
  sequences: [{id: 'seq_1', name: 'Onboarding', status: 'active', effectiveStatus: 'live', trigger: {type: 'segment_entered', segmentId: 'seg_a'}}],
}
const ERROR_INSIDE_2XX = JSON.stringify({success: false, error: 'Invalid status filter. Valid values: draft, scheduled'})
const remoteA = {id: 'seg_a', name: 'A', raw: segment}

const routes: Route[] = [
  {name: 'segment list', method: 'GET', path: '/api/v1/segments', kind: 'read', valid: {success: true, segments: [segment]}, item: ['segments', 0], id: {key: 'id', wrong: 7}, required: 'name', run: (c) => c.listSegments()},
  {name: 'campaign list', method: 'GET', path: '/api/v1/campaigns', kind: 'read', valid: {success: true, campaigns: [{id: 'cmp_1', name: 'Spring', status: 'scheduled'}], pagination: {limit: 100, offset: 0, count: 1, total: 1, hasMore: false}}, item: ['campaigns', 0], id: {key: 'id', wrong: 7}, required: 'status', run: (c) => c.campaignUsage()},
  {name: 'campaign detail', method: 'GET', path: /^\/api\/v1\/campaigns\/[^/]+$/, kind: 'read', valid: {success: true, campaign: {id: 'cmp_1', targetLists: {type: 'segment', segmentId: 'seg_a'}}}, item: ['campaign'], id: {key: 'targetLists', wrong: 'seg_a'}, required: 'targetLists', run: (c) => c.campaignUsage()},
  {name: 'sequence list', method: 'GET', path: '/api/v1/sequences', kind: 'read', valid: {success: true, sequences: [{id: 'seq_1', name: 'Onboarding', effectiveStatus: 'live'}]}, item: ['sequences', 0], id: {key: 'id', wrong: 7}, required: 'effectiveStatus', run: (c) => c.campaignUsage()},
  {name: 'sequence detail', method: 'GET', path: /^\/api\/v1\/sequences\/[^/]+$/, kind: 'read', valid: {success: true, sequence: {id: 'seq_1', trigger: {type: 'segment_entered', segmentId: 'seg_a'}}}, item: [], id: {key: 'sequence', wrong: 'seq_1'}, required: 'sequence', run: (c) => c.campaignUsage()},
  {name: 'create', method: 'POST', path: '/api/v1/segments', kind: 'write', valid: {success: true, segment}, item: ['segment'], id: {key: 'id', wrong: 7}, required: 'name', run: (c) => c.create('B', {root})},
  {name: 'update', method: 'PATCH', path: /^\/api\/v1\/segments\/[^/]+$/, kind: 'write', valid: {success: true, segment}, item: ['segment'], id: {key: 'id', wrong: 7}, required: 'name', run: (c) => c.update(remoteA, {desired: {name: 'A2', root}, changed: ['name'], cleared: []})},
]

async function connect() {
  const emulator = await sequenzyEmulator(seed)
  const client = await sequenzy.connect({endpoint: emulator.url, apiKey: TEST_KEY, retry: {maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5}})
  return {emulator, client}
}

describe('Sequenzy answers outside their contract', () => {
  for (const route of routes) {
    it(`${route.name}: every broken answer fails clearly${route.kind === 'write' ? ', as uncertain' : ''}`, async () => {
      for (const answer of brokenAnswers(route, ERROR_INSIDE_2XX)) {
        // A fresh emulator each time: reads still in flight from the last answer must not take this one.
        const {emulator, client} = await connect()
        serveBroken(emulator, route, answer)
        const error = await expectClearFailure(route.run(client), 'Sequenzy', route, answer)
        if (route.kind === 'read' && answer.kind !== 'an error inside a 2xx') expect(error, answer.kind).toBeInstanceOf(ContractError)
      }
    })
  }

  it('names the vendor, the route, the JSON path, what was expected and what came, and that nothing was written', async () => {
    const {emulator, client} = await connect()
    emulator.faults.add({method: 'GET', path: '/api/v1/segments', fault: {type: 'answer', body: JSON.stringify({success: true, segments: [segment, null]})}})
    const error = (await client.listSegments().catch((e: unknown) => e)) as ContractError
    expect(error).toBeInstanceOf(ContractError)
    expect(error.breach).toEqual({vendor: 'Sequenzy', route: 'GET /api/v1/segments', path: '/segments/1', expected: '1 to be an object', got: 'null'})
    expect(error.message).toBe('Sequenzy answered GET /api/v1/segments outside the contract segsync relies on: at /segments/1 expected 1 to be an object, got null. Nothing was written.')
    expect(error.hint).toContain('segsync doctor')
  })

  it('writes nothing after a broken read: the apply stops first', async () => {
    for (const route of routes.filter((r) => r.kind === 'read')) {
      const emulator = await sequenzyEmulator(seed)
      const answer = brokenAnswers(route, ERROR_INSIDE_2XX).find((a) => a.kind === 'a required field missing')!
      await applyStopsBeforeWriting({emulator, provider: 'sequenzy', keyEnv: 'SEQUENZY_API_KEY', key: TEST_KEY, definitions: {b: {name: 'B', root: {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'tag', operator: 'contains', value: 'vip'}]}}}, route, answer})
    }
  })
})

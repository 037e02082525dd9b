/**
 * Altcraft answers outside their contract (schemas/altcraft/responses.schema.json): every method
 * segsync calls, every kind of broken answer. Reads stop with a clear error and nothing is written
 * after them; writes end uncertain. Altcraft's own "error inside a 2xx" (HTTP 200, `error ≠ 0`)
 * stays a refusal with Altcraft's text, read or write.
 */
import {describe, expect, it} from 'vitest'
import {ContractError, VendorError} from '../../../src/errors.js'
import type {ProviderClient} from '../../../src/core/provider.js'
import {applyStopsBeforeWriting, brokenAnswers, expectClearFailure, serveBroken, type Route} from '../../helpers/broken-answers.js'
import {ALTCRAFT_TOKEN, altcraftClient, altcraftEmulator, block, query} from '../../helpers/altcraft.js'

const rules = {list_id: 5, segment: [{condition: 'and', queries: [query('email', 'equal', 'a@b.c')]}]}
const seed = {
  segments: [{id: 1, name: 'A', list_id: 5, is_static: false, segment: [block(5, 'and', query('email', 'equal', 'a@b.c'))]}],
  campaigns: [{id: 21, name: 'Weekly digest', type: 'regular', is_active: true, data_type: 'segment', data_id: 1}],
}
const ok = {error: 0, error_text: 'Successful operation'}
const served = {id: 1, name: 'A', count: 0, list_id: 5, is_static: false, is_refresh_daily: false, segment: [{condition: 'and', limit: 0, list_id: 5, percent_from: 0, percent_to: 100, queries: [{...query('email', 'equal', 'a@b.c'), child: [], condition: ''}]}]}
/** Altcraft's documented failure: HTTP 200 with `error ≠ 0` (vendors.md §5.2). */
const ERROR_INSIDE_2XX = JSON.stringify({error: 400, error_text: 'Incorrect request'})
const path = (method: string) => `/api/v1.1/${method}/`
const first = async (c: ProviderClient) => (await c.listSegments())[0]!

const routes: Route[] = [
  {name: 'segments/list', method: 'POST', path: path('segments/list'), kind: 'read', valid: {data: [{id: 1, name: 'A', ui_tags: [], Groups: [{Id: 0, Name: 'main'}]}], ...ok, next_from_id: 2, total_count: 1}, item: ['data', 0], id: {key: 'id', wrong: '1'}, required: 'name', run: (c) => c.listSegments()},
  {name: 'segments/get', method: 'POST', path: path('segments/get'), kind: 'read', valid: {data: served, ...ok}, item: ['data'], id: {key: 'id', wrong: '1'}, required: 'name', run: (c) => c.listSegments()},
  {name: 'campaigns/list', method: 'POST', path: path('campaigns/list'), kind: 'read', valid: {data: [{id: 21, name: 'Weekly digest', type: 'regular', is_active: true}], ...ok, next_from_id: 22, total_count: 1}, item: ['data', 0], id: {key: 'id', wrong: '21'}, required: 'name', run: (c) => c.campaignUsage()},
  {name: 'campaigns/get', method: 'POST', path: path('campaigns/get'), kind: 'read', valid: {data: {id: 21, name: 'Weekly digest', data_type: 'segment', data_id: 1, is_active: true, is_completed: false, status: 'Active'}, ...ok}, item: ['data'], id: {key: 'data_id', wrong: '1'}, required: 'data_type', run: (c) => c.campaignUsage()},
  {name: 'segments/add', method: 'POST', path: path('segments/add'), kind: 'write', valid: {data: {saved_id: 2}, ...ok}, item: ['data'], id: {key: 'saved_id', wrong: '2'}, required: 'saved_id', run: (c) => c.create('B', rules)},
  {name: 'segments/update', method: 'POST', path: path('segments/update'), kind: 'write', valid: {data: {saved_id: 1}, ...ok}, item: ['data'], id: {key: 'saved_id', wrong: '1'}, required: 'saved_id', run: async (c) => c.update(await first(c), {desired: {name: 'A2', ...rules}, changed: ['name'], cleared: []})},
  {name: 'segments/delete', method: 'POST', path: path('segments/delete'), kind: 'write', valid: ok, item: [], id: {key: 'error', wrong: '0'}, required: 'error', run: async (c) => c.delete(await first(c))},
]

async function connect(state: Record<string, unknown> = seed) {
  const emulator = await altcraftEmulator(state)
  return {emulator, client: await altcraftClient(emulator)}
}

describe('Altcraft answers outside their contract', () => {
  for (const route of routes) {
    it(`${route.name}: every broken answer fails clearly${route.kind === 'write' ? ', as uncertain' : ''}; an error inside the 2xx is Altcraft's refusal`, async () => {
      for (const answer of brokenAnswers(route, ERROR_INSIDE_2XX)) {
        // A fresh emulator each time: reads still in flight from the last answer must not take this one.
        const {emulator, client} = await connect()
        serveBroken(emulator, route, answer)
        const error = await expectClearFailure(route.run(client), 'Altcraft', route, answer)
        if (answer.kind === 'an error inside a 2xx') {
          expect(error, route.name).toBeInstanceOf(VendorError)
          expect(error.message, route.name).toContain('Incorrect request')
        } else if (route.kind === 'read') {
          expect(error, `${route.name}: ${answer.kind}`).toBeInstanceOf(ContractError)
        }
      }
    })
  }

  it('names the vendor, the method, the JSON path, what was expected and what came, and that nothing was written', async () => {
    const {emulator, client} = await connect()
    emulator.faults.add({path: path('segments/list'), fault: {type: 'answer', body: JSON.stringify({data: [{id: 1, name: 'A'}, {id: '2', name: 'B'}], ...ok})}})
    const error = (await client.listSegments().catch((e: unknown) => e)) as ContractError
    expect(error).toBeInstanceOf(ContractError)
    expect(error.breach).toEqual({vendor: 'Altcraft', route: 'POST /api/v1.1/segments/list/', path: '/data/1/id', expected: 'id to be an integer', got: '"2"'})
    expect(error.message).toBe('Altcraft answered POST /api/v1.1/segments/list/ outside the contract segsync relies on: at /data/1/id expected id to be an integer, got "2". Nothing was written.')
    expect(error.hint).toContain('segsync doctor')
  })

  it('never drops a segment whose segments/get has no data: the plan stops instead of creating it again', async () => {
    const {emulator, client} = await connect()
    emulator.faults.add({path: path('segments/get'), fault: {type: 'answer', body: JSON.stringify(ok)}})
    const error = (await client.listSegments().catch((e: unknown) => e)) as ContractError
    expect(error.breach).toMatchObject({route: 'POST /api/v1.1/segments/get/', path: '', expected: 'a property "data"'})
  })

  it('refuses an answer about another segment than the one asked for', async () => {
    const {emulator, client} = await connect()
    emulator.faults.add({path: path('segments/get'), fault: {type: 'answer', body: JSON.stringify({data: {...served, id: 7}, ...ok})}})
    const error = (await client.listSegments().catch((e: unknown) => e)) as ContractError
    expect(error.breach).toEqual({vendor: 'Altcraft', route: 'POST /api/v1.1/segments/get/', path: '/data/id', expected: 'the id asked for (1)', got: '7'})
  })

  it('writes nothing after a broken read: the apply stops first', async () => {
    const isWrite = (r: {path: string}) => /\/segments\/(add|update|delete)\/?$/.test(r.path)
    const definitions = {a: {name: 'A', list_id: 5, segment: [{condition: 'or', queries: [query('email', 'equal', 'a@b.c')]}]}, b: {name: 'B', ...rules}}
    for (const route of routes.filter((r) => r.kind === 'read')) {
      for (const kind of ['a required field missing', 'an id of the wrong type']) {
        const emulator = await altcraftEmulator(seed)
        const answer = brokenAnswers(route, ERROR_INSIDE_2XX).find((a) => a.kind === kind)!
        await applyStopsBeforeWriting({emulator, provider: 'altcraft', keyEnv: 'ALTCRAFT_API_TOKEN', key: ALTCRAFT_TOKEN, definitions, route, answer, isWrite})
      }
    }
  })
})

/**
 * Kibamail answers outside their contract (schemas/kibamail/responses.schema.json): every read
 * route (both pages of the segment list, the topic list) and every write route (create, update,
 * delete), every kind of broken answer. Reads stop with a clear error and nothing is written after
 * them; writes end uncertain (or refused, for an error envelope inside a 2xx).
 */
import {describe, expect, it} from 'vitest'
import {ContractError, UncertainWriteError} from '../../../src/errors.js'
import type {RunningEmulator} from '../../../src/emulators/shared/server.js'
import {kibamail} from '../../../src/providers/kibamail/index.js'
import {applyStopsBeforeWriting, brokenAnswers, expectClearFailure, serveBroken, type BrokenAnswer, type Route} from '../../helpers/broken-answers.js'
import {field, KB_KEY, kibamailEmulator, properties, topics} from '../../helpers/kibamail.js'

const us = field('country', 'eq', 'US')
const segment = {object: 'segment', id: 'segment_a', name: 'A', description: null, conditions: us}
const listed = {id: 'segment_a', name: 'A', description: null, conditions: us}
/** 101 segments: the list takes two pages of 100. */
const seed = {properties, topics, segments: Array.from({length: 101}, (_, i) => ({id: i === 0 ? 'segment_a' : `segment_${i}`, name: i === 0 ? 'A' : `S${i}`, conditions: us}))}
const ERROR_INSIDE_2XX = JSON.stringify({error: {type: 'api_error', code: 'INTERNAL_ERROR', message: 'Something went wrong', requestId: 'req_0123456789abcdef'}})
const remoteA = {id: 'segment_a', name: 'A', raw: listed}
const readsTopics = {conditions: {subscribedToTopic: ['topic_news']}}

/** Which matching request gets the broken answer (1 = the first): the second page of the segment list. */
type KibamailRoute = Route & {nth?: number}

const routes: KibamailRoute[] = [
  {name: 'segment list', method: 'GET', path: '/v1/segments', kind: 'read', valid: {object: 'segment_list', hasMore: false, data: [listed]}, item: ['data', 0], id: {key: 'id', wrong: 7}, required: 'conditions', run: (c) => c.listSegments()},
  {name: 'segment list, second page', nth: 2, method: 'GET', path: '/v1/segments', kind: 'read', valid: {object: 'segment_list', hasMore: false, data: [listed]}, item: ['data', 0], id: {key: 'id', wrong: 7}, required: 'name', run: (c) => c.listSegments()},
  // A topic carries only its id in the contract: "a required field missing" removes the id.
  {name: 'topic list', method: 'GET', path: '/v1/topics', kind: 'read', valid: {object: 'topic_list', hasMore: false, data: [{object: 'topic', id: 'topic_news', name: 'Newsletter'}]}, item: ['data', 0], id: {key: 'id', wrong: 7}, required: 'id', run: (c) => c.verify!([{name: 'T', body: readsTopics}], Promise.resolve([]))},
  {name: 'create', method: 'POST', path: '/v1/segments', kind: 'write', valid: {...segment, id: 'segment_b', name: 'B'}, item: [], id: {key: 'id', wrong: 7}, required: 'conditions', run: (c) => c.create('B', {conditions: us})},
  {name: 'update', method: 'PUT', path: /^\/v1\/segments\/[^/]+$/, kind: 'write', valid: {...segment, name: 'A2'}, item: [], id: {key: 'id', wrong: 7}, required: 'name', run: (c) => c.update(remoteA, {desired: {name: 'A2', conditions: us}, changed: ['name'], cleared: []})},
  {name: 'delete', method: 'DELETE', path: /^\/v1\/segments\/[^/]+$/, kind: 'write', valid: {object: 'segment', id: 'segment_a'}, item: [], id: {key: 'id', wrong: 7}, required: 'object', run: (c) => c.delete(remoteA)},
]

async function connect() {
  const emulator = await kibamailEmulator(seed)
  const client = await kibamail.connect({endpoint: emulator.url, apiKey: KB_KEY, retry: {maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5}})
  return {emulator, client}
}

/** serveBroken, on the route's nth request. */
function serve(emulator: RunningEmulator, route: KibamailRoute, answer: BrokenAnswer): void {
  serveBroken(emulator, route, answer)
  if (!route.nth) return
  emulator.faults.clear()
  emulator.faults.add({method: route.method, path: route.path, skip: route.nth - 1, times: 1, fault: {type: 'answer', status: 200, body: answer.body, contentType: answer.contentType}})
}

describe('Kibamail answers outside their contract', () => {
  for (const route of routes) {
    it(`${route.name}: every broken answer fails clearly${route.kind === 'write' ? ', as uncertain' : ''}`, async () => {
      for (const answer of brokenAnswers(route, ERROR_INSIDE_2XX)) {
        // A fresh emulator each time: a write that landed must not change the next answer.
        const {emulator, client} = await connect()
        serve(emulator, route, answer)
        const error = await expectClearFailure(route.run(client), 'Kibamail', route, answer)
        if (route.kind === 'read' && answer.kind !== 'an error inside a 2xx') expect(error, answer.kind).toBeInstanceOf(ContractError)
        if (answer.kind === 'an error inside a 2xx') expect(error.message, answer.kind).toContain('its error envelope inside a 2xx answer: INTERNAL_ERROR: Something went wrong [request req_0123456789abcdef]')
      }
    })
  }

  it('names the vendor, the route, the JSON path, what was expected and what came, and that nothing was written', async () => {
    const {emulator, client} = await connect()
    emulator.faults.add({method: 'GET', path: '/v1/segments', fault: {type: 'answer', body: JSON.stringify({object: 'segment_list', hasMore: false, data: [listed, null]})}})
    const error = (await client.listSegments().catch((e: unknown) => e)) as ContractError
    expect(error).toBeInstanceOf(ContractError)
    expect(error.breach).toEqual({vendor: 'Kibamail', route: 'GET /v1/segments', path: '/data/1', expected: '1 to be an object', got: 'null'})
    expect(error.message).toBe('Kibamail answered GET /v1/segments outside the contract segsync relies on: at /data/1 expected 1 to be an object, got null. Nothing was written.')
    expect(error.hint).toContain('segsync doctor')
  })

  it('takes a list in another envelope for what it is, not for "no segments"', async () => {
    const {emulator, client} = await connect()
    emulator.faults.add({method: 'GET', path: '/v1/segments', fault: {type: 'answer', body: JSON.stringify({object: 'contact_list', hasMore: false, data: []})}})
    const error = (await client.listSegments().catch((e: unknown) => e)) as ContractError
    expect(error.breach).toMatchObject({path: '/object', expected: 'object to be "segment_list"', got: '"contact_list"'})
  })

  it('stops on hasMore: true with no item to continue after, instead of ending the list there', async () => {
    const {emulator, client} = await connect()
    emulator.faults.add({method: 'GET', path: '/v1/segments', fault: {type: 'answer', body: JSON.stringify({object: 'segment_list', hasMore: true, data: []})}})
    const error = (await client.listSegments().catch((e: unknown) => e)) as ContractError
    expect(error).toBeInstanceOf(ContractError)
    expect(error.breach).toEqual({vendor: 'Kibamail', route: 'GET /v1/segments', path: '/data', expected: 'at least one item when hasMore is true (the next page starts after the last id)', got: '[]'})
  })

  it('takes an update or delete answered for another segment as uncertain', async () => {
    for (const route of routes.filter((r) => r.method === 'PUT' || r.method === 'DELETE')) {
      const {emulator, client} = await connect()
      const other = {...(route.valid as object), id: 'segment_other'}
      emulator.faults.add({method: route.method, path: route.path, times: 1, fault: {type: 'answer', status: 200, body: JSON.stringify(other), commit: true}})
      const error = (await route.run(client).catch((e: unknown) => e)) as UncertainWriteError
      expect(error, route.name).toBeInstanceOf(UncertainWriteError)
      expect(error.message, route.name).toMatch(/^Kibamail answered (PUT|DELETE) \/v1\/segments\/\{segmentId\} with segment "segment_other", not "segment_a" it was asked to change: the write may or may not have landed$/)
      expect(error.breach, route.name).toMatchObject({path: '/id', got: '"segment_other"'})
    }
  })

  it('writes nothing after a broken read: the apply stops first, the topic list included', async () => {
    for (const route of routes.filter((r) => r.kind === 'read')) {
      for (const answer of brokenAnswers(route, ERROR_INSIDE_2XX)) {
        const emulator = await kibamailEmulator(seed)
        const error = await applyStopsBeforeWriting({emulator, provider: 'kibamail', keyEnv: 'KIBAMAIL_API_KEY', key: KB_KEY, definitions: {b: {name: 'B', ...readsTopics}}, route, answer})
        expect(String(error), `${route.name}: ${answer.kind}`).toContain('Kibamail')
      }
    }
  })
})

/**
 * Push0 answers outside their contract (schemas/push0/responses.schema.json). Reads: every page
 * of the list and the `?id=` re-read, every kind of broken answer; each stops with a clear error
 * and nothing is written after it. Writes answer text ("Returns segment id or error message"), so
 * their broken answers are text too: a create answered with anything that is not an id is
 * uncertain; an update answered with anything but its id is judged by re-reading the segment.
 */
import {describe, expect, it} from 'vitest'
import {ContractError, SegsyncError, UncertainWriteError, VendorError} from '../../../src/errors.js'
import type {RunningEmulator} from '../../../src/emulators/shared/server.js'
import {applyStopsBeforeWriting, brokenAnswers, expectClearFailure, type BrokenAnswer, type Route} from '../../helpers/broken-answers.js'
import {constraint, group, PUSH0_KEY, push0Client, push0Emulator} from '../../helpers/push0.js'

const polish = group('AND', constraint('country', '==', 'PL'))
const segment = {id: 'sg_a', name: 'A', description: null, constraints: [polish], updatedAt: null, createdAt: 1771924000000}
/** The error body vendors.md §4.2 assumes, inside a 200. */
const ERROR_INSIDE_2XX = JSON.stringify({error: 'Invalid page'})
const HTML = {kind: 'an HTML page with 200', body: '<!DOCTYPE html><html><body>Please sign in</body></html>', contentType: 'text/html; charset=utf-8'}

const list: Route = {name: 'segment list', method: 'GET', path: '/v1/segments', kind: 'read', valid: [segment], item: [0], id: {key: 'id', wrong: 7}, required: 'constraints', run: (c) => c.listSegments()}

/** What a write might answer instead of an id: the update page's own examples, and what a proxy or a vendor's bad day sends. */
const writeAnswers: BrokenAnswer[] = [
  {kind: 'another wrapper', body: JSON.stringify({result: 'sg_a'})},
  HTML,
  {kind: 'an empty body', body: ''},
  {kind: '"No message" (update page example)', body: 'No message', contentType: 'text/plain'},
  {kind: '"Error message" (update page example)', body: 'Error message', contentType: 'text/plain'},
  {kind: 'a single word', body: 'Forbidden', contentType: 'text/plain'},
  {kind: 'a null item', body: 'null'},
  {kind: 'an id of the wrong type', body: JSON.stringify({id: 7})},
  {kind: 'an error inside a 2xx', body: JSON.stringify({error: 'Segment limit reached'})},
]
/** The update page's example answers another id than its request's. */
const anotherId: BrokenAnswer = {kind: 'another id', body: 'seg_jfe34NrGegjL3', contentType: 'text/plain'}

const answer = (a: BrokenAnswer, commit: boolean) => ({type: 'answer' as const, status: 200, body: a.body, contentType: a.contentType, commit})

async function account(count = 1) {
  const segments = count === 1 ? [segment] : Array.from({length: count}, (_, i) => ({...segment, id: `sg_${i}`, name: `S${i}`}))
  const emulator = await push0Emulator({segments})
  return {emulator, client: await push0Client(emulator)}
}

const writes = (emulator: RunningEmulator) => emulator.requests.filter((r) => r.method !== 'GET')

describe('Push0 reads outside their contract', () => {
  it('every page of the list: every broken answer stops with a ContractError naming the route', async () => {
    for (const page of [1, 2]) {
      for (const broken of brokenAnswers(list, ERROR_INSIDE_2XX)) {
        const {emulator, client} = await account(150)
        emulator.faults.add({method: 'GET', path: '/v1/segments', skip: page - 1, times: 1, fault: answer(broken, false)})
        const error = await expectClearFailure(client.listSegments(), 'Push0', list, broken)
        expect(error, `page ${page}: ${broken.kind}`).toBeInstanceOf(ContractError)
        expect((error as ContractError).breach.route, broken.kind).toBe('GET /v1/segments')
        expect(emulator.requests.map((r) => r.query)).toHaveLength(page)
      }
    }
  })

  it('names the vendor, the route, the JSON path, what was expected and what came, and that nothing was written', async () => {
    const {emulator, client} = await account()
    emulator.faults.add({method: 'GET', path: '/v1/segments', fault: {type: 'answer', body: JSON.stringify([{...segment, constraints: undefined}])}})
    const error = (await client.listSegments().catch((e: unknown) => e)) as ContractError
    expect(error.breach).toEqual({vendor: 'Push0', route: 'GET /v1/segments', path: '/0', expected: 'a property "constraints"', got: expect.stringContaining('{"id":"sg_a","name":"A"')})
    expect(error.message).toMatch(/^Push0 answered GET \/v1\/segments outside the contract segsync relies on: at \/0 expected a property "constraints", got \{"id":"sg_a".*\. Nothing was written\.$/)
    expect(error.hint).toContain('segsync doctor')
  })

  it('writes nothing after a broken read: the apply stops first', async () => {
    for (const broken of brokenAnswers(list, ERROR_INSIDE_2XX)) {
      const {emulator} = await account()
      const error = await applyStopsBeforeWriting({emulator, provider: 'push0', keyEnv: 'PUSH0_API_KEY', key: PUSH0_KEY, definitions: {a: {name: 'A', constraints: []}, b: {name: 'B', constraints: [polish]}}, route: list, answer: broken})
      expect(error, broken.kind).toBeInstanceOf(ContractError)
    }
  })
})

describe('Push0 creates answered outside their contract', () => {
  const create: Route = {name: 'create', method: 'POST', path: '/v1/segments', kind: 'write', valid: 'sg_new', item: [], id: {key: 'id', wrong: 7}, required: 'id', run: (c) => c.create('B', {constraints: [polish]})}

  it('are uncertain, never taken as the new id, whether the write landed or not', async () => {
    for (const commit of [true, false]) {
      for (const broken of writeAnswers) {
        const {emulator, client} = await account()
        emulator.faults.add({method: 'POST', path: '/v1/segments', times: 1, fault: answer(broken, commit)})
        const error = await expectClearFailure(create.run(client), 'Push0', create, broken)
        expect(error, broken.kind).toBeInstanceOf(UncertainWriteError)
        expect(error.message, broken.kind).toMatch(/^Push0 answered POST \/v1\/segments outside the contract segsync relies on \(at .* expected .*, got .*\): the write may or may not have landed$/)
        expect(emulator.state.segments.map((s) => s.name), broken.kind).toEqual(commit ? ['A', 'B'] : ['A'])
      }
    }
  })

  it('take the id answered as text, as a JSON string or inside an object', async () => {
    for (const [body, contentType] of [['sg_new1', 'text/plain'], ['"sg_new2"', 'application/json'], ['{"id": "sg_new3", "extra": true}', 'application/json']] as const) {
      const {emulator, client} = await account()
      emulator.faults.add({method: 'POST', path: '/v1/segments', times: 1, fault: {type: 'answer', body, contentType}})
      expect((await create.run(client)) as {id: string}).toMatchObject({id: body.match(/sg_new\d/)![0], name: 'B', raw: {name: 'B', constraints: [polish]}})
    }
  })
})

describe('Push0 updates answered with anything but their id', () => {
  const write = {desired: {name: 'A2', constraints: [polish]}, changed: ['name'], cleared: []}
  const update = (client: Awaited<ReturnType<typeof account>>['client']) => client.update({id: 'sg_a', name: 'A', raw: segment}, write)

  it('are applied when a re-read by ?id= shows the update landed', async () => {
    for (const broken of [...writeAnswers, anotherId]) {
      const {emulator, client} = await account()
      emulator.faults.add({method: 'PATCH', path: '/v1/segments', times: 1, fault: answer(broken, true)})
      expect(await update(client), broken.kind).toMatchObject({id: 'sg_a', name: 'A2', raw: {id: 'sg_a', name: 'A2'}})
      expect(emulator.requests.at(-1), broken.kind).toMatchObject({method: 'GET', path: '/v1/segments', query: '?id=sg_a'})
    }
  })

  it('fail, quoting the answer, when the re-read shows the segment unchanged', async () => {
    for (const broken of [...writeAnswers, anotherId]) {
      const {emulator, client} = await account()
      emulator.faults.add({method: 'PATCH', path: '/v1/segments', times: 1, fault: answer(broken, false)})
      const error = await update(client).catch((e: unknown) => e)
      expect(error, broken.kind).toBeInstanceOf(VendorError)
      expect(error, broken.kind).not.toBeInstanceOf(UncertainWriteError)
      expect((error as Error).message, broken.kind).toMatch(/^Push0 did not apply the update: it answered PATCH \/v1\/segments for "A" \(sg_a\) with .+ instead of its id, and a re-read shows the segment unchanged$/)
      expect(emulator.state.segments[0]!.name).toBe('A')
    }
    const {emulator, client} = await account()
    emulator.faults.add({method: 'PATCH', path: '/v1/segments', times: 1, fault: answer(writeAnswers.find((a) => a.kind.startsWith('"No message"'))!, false)})
    await expect(update(client)).rejects.toThrow('answered PATCH /v1/segments for "A" (sg_a) with "No message" instead of its id')
  })

  it('are uncertain when the re-read itself answers outside its contract, or finds something else', async () => {
    const rereads: BrokenAnswer[] = [
      ...brokenAnswers({...list, run: (c) => c.listSegments()}, ERROR_INSIDE_2XX),
      {kind: 'the whole list instead of one segment', body: JSON.stringify([segment, {...segment, id: 'sg_b', name: 'B'}])},
      {kind: 'another segment', body: JSON.stringify([{...segment, id: 'sg_b'}])},
      {kind: 'no segment', body: '[]'},
      {kind: 'a third body', body: JSON.stringify([{...segment, name: 'Renamed in the dashboard'}])},
    ]
    for (const reread of rereads) {
      const {emulator, client} = await account()
      emulator.faults.add({method: 'PATCH', path: '/v1/segments', times: 1, fault: answer(anotherId, true)})
      emulator.faults.add({method: 'GET', path: '/v1/segments', times: 1, fault: answer(reread, false)})
      const error = await update(client).catch((e: unknown) => e)
      expect(error, reread.kind).toBeInstanceOf(UncertainWriteError)
      expect((error as SegsyncError).message, reread.kind).toMatch(/^Push0 answered PATCH \/v1\/segments for "A" \(sg_a\) with "seg_jfe34NrGegjL3" instead of its id, and .*(may or may not have landed|changed elsewhere meanwhile\?\))$/)
      expect((error as Error).message).not.toMatch(/Cannot read properties|is not a function/)
      expect(writes(emulator), reread.kind).toHaveLength(1)
    }
  })
})

describe('the id shape', () => {
  it('is one choice, in assumptions.ts, which the contract states for the answer and for an id inside it', async () => {
    const {ID_SHAPE} = await import('../../../src/providers/push0/assumptions.js')
    const {readFileSync} = await import('node:fs')
    const schema = JSON.parse(readFileSync(new URL('../../../schemas/push0/responses.schema.json', import.meta.url), 'utf8')) as {$defs: Record<string, {pattern?: string}>}
    expect([schema.$defs.SegmentId!.pattern, schema.$defs.WrittenId!.pattern]).toEqual([ID_SHAPE.source, ID_SHAPE.source])
    // The documented examples are ids; the documented non-answers are not.
    expect(['seg_jfeZ4NrGegjV9', 'seg_jfe34NrGegjL3', 'sg_wsviVjvLoorS5GKOZpznH'].filter((id) => !ID_SHAPE.test(id))).toEqual([])
    expect(['No message', 'Error message', 'Forbidden', '', '<html>'].filter((text) => ID_SHAPE.test(text))).toEqual([])
  })
})

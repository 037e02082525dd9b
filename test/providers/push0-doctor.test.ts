/**
 * `segsync doctor` for Push0, provider against emulator: every check passes on a healthy account;
 * each fact segsync relies on fails when a server breaks it; optional facts never fail; nothing is
 * ever written.
 */
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {describe, expect, it, onTestFinished} from 'vitest'
import type {DoctorCheck} from '../../src/core/provider.js'
import {push0} from '../../src/providers/push0/index.js'
import {constraint, group, push0Client, push0Emulator} from '../helpers/push0.js'

const segments = Array.from({length: 3}, (_, i) => ({id: `sg_Segment${i}000000000000`, name: `S${i}`, constraints: [group('AND', constraint('sessionCount', '>', i))]}))
const statuses = (checks: DoctorCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c.status]))

describe('segsync doctor (Push0)', () => {
  it('passes every check on a healthy account, reads only, and says what each check tests', async () => {
    const emulator = await push0Emulator({segments})
    const checks = await (await push0Client(emulator)).doctor()
    expect(statuses(checks)).toEqual({
      key: 'pass',
      'content-type': 'pass',
      'segments-list': 'pass',
      'list-page-path': 'pass',
      'segment-by-id': 'pass',
      pagination: 'pass',
      'id-shape': 'pass',
      campaigns: 'skip',
      'rate-limit-headers': 'skip',
    })
    expect(checks.find((c) => c.id === 'content-type')!.message).toContain('a GET without it is refused (400: Missing Content-Type: application/json)')
    expect(checks.find((c) => c.id === 'segments-list')!.message).toBe('3 segments read from /v1/segments to the last page (pages of 100), every answer inside the contract')
    expect(checks.find((c) => c.id === 'list-page-path')!.basis).toContain('vendors.md §4.3 ASSUMPTION')
    for (const c of checks) expect(c.basis, c.id).not.toBe('')
    expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([])
    expect(emulator.requests.map((r) => `${r.path}${r.query}`)).toContain('/api/v1/segments?page=1&limit=1')
    expect(emulator.requests.map((r) => `${r.path}${r.query}`)).toContain(`/v1/segments?id=${segments[2]!.id}`)
  })

  it('reports the list page path as information only when it does not answer', async () => {
    const emulator = await push0Emulator({segments})
    emulator.faults.add({path: '/api/v1/segments', fault: {type: 'status', status: 404, body: {error: 'No route'}}})
    const checks = await (await push0Client(emulator)).doctor()
    expect(checks.find((c) => c.id === 'list-page-path')).toMatchObject({status: 'skip', message: 'Push0 rejected GET /api/v1/segments (404): No route; segsync uses /v1/segments, so this is information only'})
    expect(checks.filter((c) => c.status === 'fail')).toEqual([])
  })

  it('fails what segsync relies on: a list outside its contract, a key refused, ids without the documented shape', async () => {
    const outside = await push0Emulator({segments})
    outside.faults.add({method: 'GET', path: '/v1/segments', fault: {type: 'answer', body: JSON.stringify({segments})}})
    const broken = await (await push0Client(outside)).doctor()
    expect(broken.find((c) => c.id === 'segments-list')).toMatchObject({status: 'fail', message: expect.stringMatching(/^GET \/v1\/segments answered outside its contract: at \(the whole body\) expected the body to be an array, got \{"segments":\[\{"id":"sg_Segment0000000000000",.*…$/)})
    expect(broken.find((c) => c.id === 'segment-by-id')).toMatchObject({status: 'skip', message: 'not tested: the segment list did not read'})

    const refused = await (await push0Client(await push0Emulator({segments}), 'push0_wrong')).doctor()
    expect(statuses(refused)).toMatchObject({key: 'fail', 'segments-list': 'fail'})
    expect(refused.find((c) => c.id === 'key')!.message).toMatch(/^refused: Push0 refused the request \(401 on GET \/v1\/segments\)/)
    expect(JSON.stringify(refused)).not.toContain('push0_wrong')

    const numeric = await (await push0Client(await push0Emulator({segments: [{id: '12345', name: 'N', constraints: []}]}))).doctor()
    expect(numeric.find((c) => c.id === 'id-shape')).toMatchObject({status: 'fail', message: '1 id without the documented shape ("12345"): every create would end uncertain'})
  })

  it('fails a server that ignores ?id= and page, which re-reads and the end of the list rely on', async () => {
    const body = JSON.stringify(segments.map((s) => ({...s, description: null, updatedAt: null, createdAt: 1})))
    const server = createServer((_req, res) => res.writeHead(200, {'content-type': 'application/json', 'x-ratelimit-remaining': '99'}).end(body))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const client = await push0.connect({endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey: 'push0_k'})
    onTestFinished(() => client.close())
    const checks = await client.doctor()
    expect(statuses(checks)).toMatchObject({'segments-list': 'pass', 'segment-by-id': 'fail', pagination: 'fail', 'content-type': 'pass', 'rate-limit-headers': 'pass'})
    expect(checks.find((c) => c.id === 'segment-by-id')!.message).toContain('answered GET /v1/segments?id=sg_Segment2000000000000 with 3 segments')
    expect(checks.find((c) => c.id === 'pagination')!.message).toBe('page 1 was short, yet page 2 holds 3 more segments: segsync would miss them')
    expect(checks.find((c) => c.id === 'content-type')!.message).toBe('a GET without it is answered too; segsync sends it on every request anyway')
  })
})

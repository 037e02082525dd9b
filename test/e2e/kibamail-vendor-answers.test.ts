/**
 * When Kibamail answers differently from its documents, through the built CLI: a segment list in
 * another shape stops apply before any write (it used to read as "no segments" and create every
 * definition again), and a write answered outside its contract is uncertain: re-read, nothing new
 * started, exit 8, and the next run converges.
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {field, KB_KEY, kibamailEmulator, properties, topics, writes} from '../helpers/kibamail.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {KIBAMAIL_API_KEY: KB_KEY, SEGSYNC_RETRY_BASE_MS: '1', SEGSYNC_RETRY_MAX_MS: '5'}
const seed = {properties, topics, segments: [{id: 'segment_a', name: 'A', conditions: field('country', 'eq', 'US')}, {id: 'segment_b', name: 'B', conditions: field('country', 'eq', 'US')}]}

function repoFor(url: string) {
  return tempRepo({
    'segsync.config.json': jsonConfig(url, {}, {unknownUsage: 'warn'}, 'kibamail'),
    'segments/a.json': {name: 'A', conditions: field('country', 'eq', 'CA')},
    'segments/b.json': {name: 'B', conditions: field('country', 'eq', 'CA')},
  })
}

describe('Kibamail answering outside its contract', () => {
  it('stops apply on a segment list in another wrapper: exit 1, the facts, nothing written', async () => {
    const emulator = await kibamailEmulator(seed)
    emulator.faults.add({method: 'GET', path: '/v1/segments', fault: {type: 'answer', body: JSON.stringify({result: {object: 'segment_list', hasMore: false, data: []}})}})
    const repo = repoFor(emulator.url)
    const res = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env})
    expect(res.code).toBe(1)
    expect(res.stderr).toContain('Error: Kibamail answered GET /v1/segments outside the contract segsync relies on: at (the whole body) expected a property "object", got {"result":{"object":"segment_list","hasMore":false,"data":[]}}. Nothing was written.')
    expect(res.stderr).toContain('Hint: Run `segsync doctor`')
    expect(writes(emulator)).toEqual([])

    const json = await runCli(['plan', '--json'], {cwd: repo.dir, env})
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout).error.contract).toEqual({vendor: 'Kibamail', route: 'GET /v1/segments', path: '', expected: 'a property "object"', got: '{"result":{"object":"segment_list","hasMore":false,"data":[]}}'})
  })

  it('reports an update answered with an HTML page as uncertain, starts nothing new (exit 8), and converges on the next run', async () => {
    const emulator = await kibamailEmulator(seed)
    emulator.faults.add({method: 'PUT', path: /^\/v1\/segments\//, times: 1, fault: {type: 'answer', status: 200, body: '<html><body>Sign in</body></html>', contentType: 'text/html', commit: true}})
    const repo = repoFor(emulator.url)
    const res = await runCli(['apply', '--auto-approve', '--parallelism', '1', '--json'], {cwd: repo.dir, env})
    expect(res.code).toBe(8)
    const report = JSON.parse(res.stdout)
    expect(report.summary).toEqual({applied: 0, failed: 0, uncertain: 1, notAttempted: 1, manual: 0})
    const [uncertain, skipped] = report.workspaces[0].outcomes
    expect(uncertain).toMatchObject({action: 'update', status: 'uncertain'})
    expect(uncertain.message).toContain('Kibamail answered PUT /v1/segments/{segmentId} outside the contract segsync relies on')
    expect(uncertain.message).toContain('a re-read shows the update landed')
    expect(skipped).toMatchObject({status: 'not-attempted'})
    expect(writes(emulator)).toHaveLength(1)

    const again = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env})
    expect(again.code).toBe(0)
    expect(writes(emulator)).toHaveLength(2)
    const plan = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(plan.code).toBe(0)
    expect(emulator.state.segments.map((s) => s.conditions)).toEqual([field('country', 'eq', 'CA'), field('country', 'eq', 'CA')])
  })
})

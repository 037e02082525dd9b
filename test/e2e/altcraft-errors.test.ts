/**
 * Altcraft failures through the built CLI: errors that arrive as HTTP 200 with `error ≠ 0` fail
 * the run with the vendor's text, the token (sent in every request body) never appears in any
 * output, and a workspace without an endpoint is refused (no default origin: self-hosted).
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {ALTCRAFT_TOKEN, altcraftEmulator, block, query} from '../helpers/altcraft.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {ALTCRAFT_API_KEY: ALTCRAFT_TOKEN}
const base = {name: 'Base', list_id: 5, segment: [{condition: 'and', queries: [query('email', 'equal', 'a@b.c')]}]}
const seed = {segments: [{id: 10, name: 'Base', list_id: 5, segment: [block(5, 'and', query('email', 'equal', 'x@y.z'))]}]}
const envelopeError = (code: number, text: string) => ({type: 'status' as const, status: 200, body: {error: code, error_text: text}})

function repoFor(url: string, files: Record<string, object> = {'segments/base.json': base}) {
  return tempRepo({'segsync.config.json': jsonConfig(url, {}, undefined, 'altcraft'), ...files})
}

describe('Altcraft errors through the CLI', () => {
  it('fails a plan whose read answers HTTP 200 with error ≠ 0, with the vendor text (never a success)', async () => {
    const emulator = await altcraftEmulator(seed)
    emulator.faults.add({path: '/api/v1.1/segments/get/', fault: envelopeError(400, 'Incorrect request: segment 10 is being recalculated')})
    const res = await runCli(['plan'], {cwd: repoFor(emulator.url).dir, env})
    expect(res.code).toBe(1)
    expect(res.stdout).not.toContain('No changes')
    expect(res.stderr).toContain('Error: Altcraft rejected POST /api/v1.1/segments/get/ (400): Incorrect request: segment 10 is being recalculated')
  })

  it('reports a write refused with HTTP 200 + error as a failed change (partial apply, exit 8)', async () => {
    const emulator = await altcraftEmulator(seed)
    emulator.faults.add({path: '/api/v1.1/segments/add/', fault: envelopeError(402, 'Tariff limit reached')})
    const repo = repoFor(emulator.url, {'segments/base.json': base, 'segments/new.json': {...base, name: 'New'}})
    const res = await runCli(['apply', '--auto-approve', '--json'], {cwd: repo.dir, env})
    expect(res.code).toBe(8)
    const report = JSON.parse(res.stdout)
    expect(report.status).toBe('partial')
    const outcomes = Object.fromEntries(report.workspaces[0].outcomes.map((o: {name: string}) => [o.name, o]))
    expect(outcomes.New).toEqual({action: 'create', name: 'New', status: 'failed', message: 'Altcraft rejected POST /api/v1.1/segments/add/ (402): Tariff limit reached'})
    expect(outcomes.Base).toMatchObject({action: 'update', status: 'applied'})
    expect(emulator.state.segments.map((s) => s.name)).toEqual(['Base'])
  })

  it('fails an apply whose only write is refused with HTTP 200 + error (exit 1, status failed)', async () => {
    const emulator = await altcraftEmulator(seed)
    emulator.faults.add({path: '/api/v1.1/segments/update/', fault: envelopeError(400, 'Incorrect request')})
    const res = await runCli(['apply', '--auto-approve'], {cwd: repoFor(emulator.url).dir, env})
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('update "Base" failed: Altcraft rejected POST /api/v1.1/segments/update/ (400): Incorrect request')
    expect(res.stdout).toContain('Apply failed. 0 created, 0 updated, 0 deleted; 1 failed')
  })

  it('exits 4 when Altcraft refuses the token (HTTP 200, error 401)', async () => {
    const emulator = await altcraftEmulator(seed)
    const res = await runCli(['plan'], {cwd: repoFor(emulator.url).dir, env: {ALTCRAFT_API_KEY: 'a-token-that-is-not-valid'}})
    expect(res.code).toBe(4)
    expect(res.stderr).toContain('Altcraft refused the request (401 on POST /api/v1.1/segments/list/): Invalid API token')
  })

  it('never shows the token in any output of a failing run, even with --debug or --json', async () => {
    const emulator = await altcraftEmulator(seed)
    // The vendor echoes the token in its message, the way a careless server might.
    emulator.faults.add({path: '/api/v1.1/segments/update/', fault: envelopeError(400, `bad request for token ${ALTCRAFT_TOKEN}`)})
    const repo = repoFor(emulator.url)
    const debug = await runCli(['apply', '--auto-approve', '--debug'], {cwd: repo.dir, env})
    expect(debug.code).toBe(1)
    // The dumps are there (request bodies included), with the token masked.
    expect(debug.stderr).toContain('→ POST http://127.0.0.1')
    expect(debug.stderr).toContain('"token":"***"')
    expect(debug.stdout + debug.stderr).toContain('bad request for token ***')
    const json = await runCli(['apply', '--auto-approve', '--json', '--debug'], {cwd: repo.dir, env})
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout).workspaces[0].outcomes[0].message).toBe('Altcraft rejected POST /api/v1.1/segments/update/ (400): bad request for token ***')
    const planned = await runCli(['plan', '--debug', '--out', 'plan.json'], {cwd: repo.dir, env})
    expect(planned.code).toBe(0)
    for (const output of [debug.stdout, debug.stderr, json.stdout, json.stderr, planned.stdout, planned.stderr, repo.read('plan.json')]) {
      expect(output).not.toContain(ALTCRAFT_TOKEN)
      expect(output).not.toContain(Buffer.from(ALTCRAFT_TOKEN).toString('base64'))
    }
  })

  it('validates offline: schema mistakes and Altcraft rules at file:line:column (exit 3)', async () => {
    const repo = tempRepo({
      'segsync.config.json': {provider: 'altcraft', segments: 'segments', apiKeyEnv: 'ALTCRAFT_API_KEY'},
      'segments/bad.json': {
        name: 'Bad',
        list_id: '5',
        is_refresh_daily: true,
        segment: [{condition: 'and', list_id: 6, percent_from: 70, percent_to: 30, queries: [{compo: 'default', name: 'a', operator: 'equal', typ: 'string', value: []}]}],
      },
      'segments/rules.json': {name: 'Rules', list_id: 5, is_refresh_daily: true, segment: [{condition: 'and', list_id: 6, percent_from: 70, percent_to: 30, queries: [query('a', 'equal', 'b')]}]},
    })
    const res = await runCli(['validate'], {cwd: repo.dir})
    expect(res.code).toBe(3)
    expect(res.stderr).toMatch(/segments\/bad\.json:3:14 {2}error {2}list_id must be an integer/)
    expect(res.stderr).toContain('unknown property "typ"')
    expect(res.stderr).toContain('hint: did you mean "type"?')
    expect(res.stderr).toContain('missing required property "type"')
    expect(res.stderr).toMatch(/segments\/rules\.json:4:23 {2}error {2}is_refresh_daily applies only to updatable segments \(is_static: true\)/)
    expect(res.stderr).toContain("block list_id 6 differs from the segment's list_id 5")
    expect(res.stderr).toContain('percent_from (70) must be less than percent_to (30)')
  })

  it('refuses a workspace without endpoint (Altcraft has no default origin), before reading the token', async () => {
    const repo = tempRepo({'segsync.config.json': {provider: 'altcraft', segments: 'segments', apiKeyEnv: 'ALTCRAFT_API_KEY'}, 'segments/base.json': base})
    expect((await runCli(['validate'], {cwd: repo.dir})).code).toBe(0)
    const res = await runCli(['plan'], {cwd: repo.dir, env: {ALTCRAFT_API_KEY: undefined}})
    expect(res.code).toBe(3)
    expect(res.stderr).toContain('workspace default: Altcraft has no default API origin; set "endpoint" (e.g. https://your-host)')
  })
})

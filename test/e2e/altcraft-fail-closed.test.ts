/**
 * Altcraft answering differently from what segsync relies on, through the built CLI: a read
 * outside its contract stops before any write; a write answered outside it is uncertain and a
 * re-run converges; an account whose segments/get has no is_static (the documented example) gets
 * read-only segments that never flap; `segsync doctor` says all of it, and the embedded endpoint
 * passes every check.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {schemaValidator} from '../../src/core/validate/schema.js'
import {schemaPath} from '../../src/util/package-root.js'
import {runCli} from '../helpers/cli.js'
import {ALTCRAFT_TOKEN, altcraftEmulator, altcraftWrites, block, query} from '../helpers/altcraft.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {ALTCRAFT_API_KEY: ALTCRAFT_TOKEN, SEGSYNC_RETRY_BASE_MS: '1', SEGSYNC_RETRY_MAX_MS: '5'}
const rules = (value: string) => ({list_id: 5, segment: [{condition: 'and', queries: [query('_region', 'equal', value)]}]})
const seed = {segments: [{id: 1, name: 'EU', list_id: 5, is_static: true, is_refresh_daily: true, segment: [block(5, 'and', query('_region', 'equal', 'EU'))]}]}
const files = {'segments/eu.json': {name: 'EU', ...rules('EU'), is_static: true, is_refresh_daily: true}}
const repoFor = (url: string, more: Record<string, object> = {}) => tempRepo({'segsync.config.json': jsonConfig(url, {}, undefined, 'altcraft'), ...files, ...more})

describe('Altcraft answering outside what segsync relies on (CLI)', () => {
  it('stops a plan whose segment list has an id that is not an integer: exit 1, nothing written, the breach in --json', async () => {
    const emulator = await altcraftEmulator(seed)
    const repo = repoFor(emulator.url, {'segments/new.json': {name: 'New', ...rules('US')}})
    emulator.faults.add({path: '/api/v1.1/segments/list/', fault: {type: 'answer', body: JSON.stringify({data: [{id: '1', name: 'EU'}], error: 0, error_text: 'Successful operation'})}})
    const res = await runCli(['apply', '--auto-approve', '--json'], {cwd: repo.dir, env})
    expect(res.code).toBe(1)
    const error = JSON.parse(res.stdout).error as {message: string; hint: string; contract: unknown}
    expect(error.contract).toEqual({vendor: 'Altcraft', route: 'POST /api/v1.1/segments/list/', path: '/data/0/id', expected: 'id to be an integer', got: '"1"'})
    expect(error.message).toContain('Nothing was written.')
    expect(error.hint).toContain('segsync doctor')
    expect(altcraftWrites(emulator)).toEqual([])
  })

  it('reports a create answered with an HTML page as uncertain (exit 8), says what landed, and a re-run converges', async () => {
    const emulator = await altcraftEmulator(seed)
    const repo = repoFor(emulator.url, {'segments/new.json': {name: 'New', ...rules('US')}})
    emulator.faults.add({path: '/api/v1.1/segments/add/', times: 1, fault: {type: 'answer', status: 200, body: '<html><body>Sign in</body></html>', contentType: 'text/html', commit: true}})
    const res = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env})
    expect(res.code).toBe(8)
    expect(res.stdout).toContain('create "New" is uncertain: Altcraft answered POST /api/v1.1/segments/add/ outside the contract segsync relies on')
    expect(res.stdout).toContain('a re-read shows it landed as 2')
    const again = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(again.code).toBe(0)
    expect(emulator.state.segments.map((s) => s.name)).toEqual(['EU', 'New'])
  })

  it('without is_static in segments/get: the segment is read-only with why and what to do, apply writes nothing (exit 6), every run alike', async () => {
    const emulator = await altcraftEmulator({...seed, getIncludesTypeFlags: false})
    const repo = repoFor(emulator.url)
    for (let run = 0; run < 2; run++) {
      const plan = await runCli(['plan'], {cwd: repo.dir, env})
      expect(plan.stdout).toContain(`~ its type is unknown: Altcraft's segments/get has no is_static (the definition says updatable)`)
      expect(plan.stdout).toContain(`✖ blocked: "EU" cannot be changed by segsync: Altcraft's segments/get did not say whether it is dynamic or updatable (no is_static)`)
      const apply = await runCli(['apply', '--auto-approve', '--allow-campaign-impact'], {cwd: repo.dir, env})
      expect(apply.code).toBe(6)
    }
    expect(altcraftWrites(emulator)).toEqual([])
  })

  it('doctor: the embedded endpoint with the demo seed passes every check (exit 0), and --json follows the doctor report schema', async () => {
    const demoSeed = JSON.parse(readFileSync(new URL('../../segments/emulator-seeds/altcraft.json', import.meta.url), 'utf8')) as object
    const repo = tempRepo({'segsync.config.json': jsonConfig('embedded', {emulatorSeed: 'seed.json'}, undefined, 'altcraft'), 'seed.json': demoSeed})
    const res = await runCli(['doctor', '--json'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    const report = JSON.parse(res.stdout) as {workspaces: Array<{checks: Array<{id: string; status: string}>}>}
    expect(schemaValidator(schemaPath('doctor-report.schema.json')).validate(report)).toEqual([])
    const checks = report.workspaces[0]!.checks
    expect(checks.map((c) => c.id)).toEqual(['connect', 'token', 'segments', 'segment-type', 'mailings', 'not-found', 'segment-delete', 'rate-limit-headers'])
    expect(checks.filter((c) => c.status === 'fail')).toEqual([])
    expect(checks.find((c) => c.id === 'segment-type')!.status).toBe('pass')
  })

  it('doctor: an account whose segments/get has no is_static fails the type check (exit 1), and doctor writes nothing', async () => {
    const emulator = await altcraftEmulator({...seed, getIncludesTypeFlags: false})
    const res = await runCli(['doctor'], {cwd: repoFor(emulator.url).dir, env})
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('segments/get carries no is_static for 1 of 1 segments with rules (e.g. "EU"): segsync cannot tell dynamic from updatable')
    expect(res.stdout).not.toContain(ALTCRAFT_TOKEN)
    expect(altcraftWrites(emulator)).toEqual([])
  })
})

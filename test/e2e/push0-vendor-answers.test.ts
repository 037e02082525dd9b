/**
 * When Push0 answers differently from its documents, through the built CLI: a list outside its
 * contract stops the plan before any write (exit 1, the same facts in --json); a create answered
 * with a word is uncertain (exit 8) and the next run converges; an update answered "No message" is
 * judged by re-reading; `segsync doctor` passes against the emulator and fails a broken list.
 */
import {describe, expect, it} from 'vitest'
import {schemaValidator} from '../../src/core/validate/schema.js'
import {schemaPath} from '../../src/util/package-root.js'
import {runCli} from '../helpers/cli.js'
import {constraint, group, PUSH0_KEY, push0Emulator, push0Writes} from '../helpers/push0.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {PUSH0_API_KEY: PUSH0_KEY, SEGSYNC_RETRY_BASE_MS: '1', SEGSYNC_RETRY_MAX_MS: '5'}
const polish = group('AND', constraint('country', '==', 'PL'))
const phones = group('AND', constraint('type', '==', 'phone'))

async function account() {
  const emulator = await push0Emulator({segments: [{id: 'sg_poland', name: 'Poland', constraints: [polish]}]})
  const repo = tempRepo({
    'segsync.config.json': jsonConfig(emulator.url, {}, {unknownUsage: 'warn'}, 'push0'),
    'segments/poland.json': {name: 'Poland', constraints: [polish, phones]},
    'segments/new.json': {name: 'New', constraints: [phones]},
  })
  return {emulator, cwd: repo.dir}
}

describe('Push0 answering differently', () => {
  it('a list outside its contract stops the plan and the apply before any write, with the facts in --json', async () => {
    const {emulator, cwd} = await account()
    emulator.faults.add({method: 'GET', path: '/v1/segments', fault: {type: 'answer', body: '<html><body>Sign in</body></html>', contentType: 'text/html'}})
    const apply = await runCli(['apply', '--auto-approve'], {cwd, env})
    expect(apply.code).toBe(1)
    expect(apply.stderr).toContain('Push0 answered GET /v1/segments outside the contract segsync relies on: at (the whole body) expected the body to be an array, got "<html><body>Sign in</body></html>". Nothing was written.')
    expect(apply.stderr).toContain('segsync doctor')
    expect(push0Writes(emulator)).toEqual([])
    const plan = await runCli(['plan', '--json'], {cwd, env})
    expect(plan.code).toBe(1)
    expect(JSON.parse(plan.stdout).error).toMatchObject({exitCode: 1, contract: {vendor: 'Push0', route: 'GET /v1/segments', path: '', expected: 'the body to be an array', got: '"<html><body>Sign in</body></html>"'}})
  })

  it('a create answered "Forbidden" is uncertain: re-read by name, nothing new started, exit 8; the next run converges', async () => {
    const {emulator, cwd} = await account()
    emulator.faults.add({method: 'POST', path: '/v1/segments', times: 1, fault: {type: 'answer', body: 'Forbidden', contentType: 'text/plain', commit: true}})
    const res = await runCli(['apply', '--auto-approve', '--parallelism', '1', '--json'], {cwd, env})
    expect(res.code).toBe(8)
    const outcomes = (JSON.parse(res.stdout) as {workspaces: Array<{outcomes: Array<{name: string; status: string; message?: string}>}>}).workspaces[0]!.outcomes
    const created = outcomes.find((o) => o.name === 'New')!
    expect(created.status).toBe('uncertain')
    expect(created.message).toMatch(/^Push0 answered POST \/v1\/segments outside the contract segsync relies on \(at \(the whole body\) expected the body to match .*, got "Forbidden"\): the write may or may not have landed; a re-read shows it landed as sg_\S+$/)
    expect(emulator.state.segments.filter((s) => s.name === 'New')).toHaveLength(1)
    // The next run does not create it again: it is there.
    const again = await runCli(['apply', '--auto-approve'], {cwd, env})
    expect(again.code).toBe(0)
    expect(again.stdout).not.toContain('create "New"')
    expect(emulator.state.segments.filter((s) => s.name === 'New')).toHaveLength(1)
    expect((await runCli(['plan', '--detailed-exitcode'], {cwd, env})).code).toBe(0)
  })

  it('an update answered "No message" is applied when a re-read shows it landed, and fails quoting the answer when it did not', async () => {
    const landed = await account()
    landed.emulator.faults.add({method: 'PATCH', path: '/v1/segments', fault: {type: 'answer', body: 'No message', contentType: 'text/plain', commit: true}})
    const ok = await runCli(['apply', '--auto-approve'], {cwd: landed.cwd, env})
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain('Apply complete! 1 created, 1 updated, 0 deleted.')
    expect(landed.emulator.state.segments.find((s) => s.id === 'sg_poland')!.constraints).toHaveLength(2)

    const refused = await account()
    refused.emulator.faults.add({method: 'PATCH', path: '/v1/segments', fault: {type: 'answer', body: 'No message', contentType: 'text/plain', commit: false}})
    const res = await runCli(['apply', '--auto-approve', '--parallelism', '1'], {cwd: refused.cwd, env})
    expect(res.code).toBe(8)
    expect(res.stdout).toContain('Push0 did not apply the update: it answered PATCH /v1/segments for "Poland" (sg_poland) with "No message" instead of its id, and a re-read shows the segment unchanged')
  })

  it('segsync doctor passes against the emulator, fails a list outside its contract, and follows its schema', async () => {
    const {emulator, cwd} = await account()
    const validate = (report: unknown) => schemaValidator(schemaPath('doctor-report.schema.json')).validate(report)
    const ok = await runCli(['doctor', '--json'], {cwd, env})
    expect(ok.code).toBe(0)
    const report = JSON.parse(ok.stdout) as {workspaces: Array<{checks: Array<{id: string; status: string}>}>}
    expect(validate(report)).toEqual([])
    expect(report.workspaces[0]!.checks.filter((c) => c.status === 'fail')).toEqual([])
    emulator.faults.add({method: 'GET', path: '/v1/segments', fault: {type: 'answer', body: JSON.stringify({segments: []})}})
    const failed = await runCli(['doctor'], {cwd, env})
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain('Segment list: GET /v1/segments answered outside its contract: at (the whole body) expected the body to be an array, got {"segments":[]}')
    expect(push0Writes(emulator)).toEqual([])
  })
})

/**
 * A write the vendor answers outside its contract may or may not have landed: apply re-reads,
 * starts nothing new, reports the change as uncertain with what the re-read found, and exits 8.
 * A re-run converges.
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {SEQUENZY_API_KEY: TEST_KEY, SEGSYNC_RETRY_BASE_MS: '1', SEGSYNC_RETRY_MAX_MS: '5'}
const root = (value: string) => ({kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'status', operator: 'is', value}]})
const stored = (value: string) => ({kind: 'group', id: 'root', joinOperator: 'and', children: [{kind: 'filter', id: 'f1', field: 'status', operator: 'is', value}]})

describe('a write answered outside its contract', () => {
  it('is uncertain: re-read, nothing new started, exit 8; the next run converges', async () => {
    const emulator = await sequenzyEmulator({segments: [{id: 'seg_a', name: 'A', root: stored('old')}, {id: 'seg_b', name: 'B', root: stored('old')}]})
    const repo = tempRepo({
      'segsync.config.json': jsonConfig(emulator.url, {apiKeyEnv: 'SEQUENZY_API_KEY'}),
      'segments/a.json': {name: 'A', root: root('new')},
      'segments/b.json': {name: 'B', root: root('new')},
    })
    // The first update lands, and the answer is a sign-in page.
    emulator.faults.add({method: 'PATCH', path: /^\/api\/v1\/segments\//, times: 1, fault: {type: 'answer', status: 200, body: '<html><body>Sign in</body></html>', contentType: 'text/html', commit: true}})
    const res = await runCli(['apply', '--auto-approve', '--parallelism', '1', '--json'], {cwd: repo.dir, env})
    expect(res.code).toBe(8)
    const report = JSON.parse(res.stdout)
    expect(report.formatVersion).toBe(2)
    expect(report.summary).toEqual({applied: 0, failed: 0, uncertain: 1, notAttempted: 1, manual: 0})
    const [uncertain, skipped] = report.workspaces[0].outcomes
    expect(uncertain).toMatchObject({action: 'update', name: 'A', id: 'seg_a', status: 'uncertain'})
    expect(uncertain.message).toContain('Sequenzy answered PATCH /api/v1/segments/{id} outside the contract segsync relies on')
    expect(uncertain.message).toContain('a re-read shows the update landed')
    expect(skipped).toMatchObject({name: 'B', status: 'not-attempted'})
    // No new work after the uncertain write: one PATCH only.
    expect(emulator.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)

    const human = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env})
    expect(human.code).toBe(0)
    expect(human.stdout).toContain('~ update "B"')
    expect(human.stdout).not.toContain('~ update "A"')
    const again = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(again.code).toBe(0)
  })

  it('says so in words: "is uncertain", and the summary counts it', async () => {
    const emulator = await sequenzyEmulator({segments: [{id: 'seg_a', name: 'A', root: stored('old')}]})
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {apiKeyEnv: 'SEQUENZY_API_KEY'}), 'segments/a.json': {name: 'A', root: root('new')}})
    emulator.faults.add({method: 'PATCH', path: /^\/api\/v1\/segments\//, times: 1, fault: {type: 'answer', status: 200, body: '', commit: false}})
    const res = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env})
    expect(res.code).toBe(8)
    expect(res.stdout).toContain('? main: update "A" is uncertain: Sequenzy answered PATCH /api/v1/segments/{id} outside the contract segsync relies on (at (the whole body) expected')
    expect(res.stdout).toContain('a re-read shows the segment does not match the definition yet')
    expect(res.stdout).toContain('0 failed, 1 uncertain')
  })
})

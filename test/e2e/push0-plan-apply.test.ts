/**
 * Push0's own stories through the built CLI, against its emulator on loopback: a create whose
 * answer was lost, the manual delete in --json, page-by-page listing. The stories every vendor
 * tells are in vendors.test.ts (Push0's account and files, used here too: cases/push0.ts).
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {constraint, group, PUSH0_KEY, push0Emulator, push0Writes} from '../helpers/push0.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'
import {push0} from './cases/push0.js'

const env = {PUSH0_API_KEY: PUSH0_KEY}
const seed = push0.seed as Parameters<typeof push0Emulator>[0]

function repoFor(url: string) {
  return tempRepo({'segsync.config.json': jsonConfig(url, {}, undefined, 'push0'), ...push0.files})
}

describe('segsync plan and apply (Push0)', () => {
  it('adopts a create whose answer was lost instead of sending it again', async () => {
    const emulator = await push0Emulator(seed)
    // Push0 commits the POST, then the connection drops before the id comes back.
    emulator.faults.add({method: 'POST', times: 1, fault: {type: 'reset-after'}})
    const res = await runCli(['apply', '--auto-approve'], {cwd: repoFor(emulator.url).dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('Apply complete! 1 created, 1 updated, 0 deleted.')
    expect(emulator.state.segments.filter((s) => s.name === 'Lapsed')).toHaveLength(1)
    expect(push0Writes(emulator).filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('reports the manual delete in --json as "manual", not as a failure', async () => {
    const emulator = await push0Emulator(seed)
    const res = await runCli(['apply', '--auto-approve', '--json'], {cwd: repoFor(emulator.url).dir, env})
    expect(res.code).toBe(0)
    const report = JSON.parse(res.stdout)
    expect(report.status).toBe('applied')
    expect(report.summary).toEqual({applied: 2, failed: 0, uncertain: 0, notAttempted: 0, manual: 1})
    expect(report.workspaces[0].outcomes).toContainEqual({action: 'delete', name: 'Old promo', id: 'sg_old', status: 'manual', message: 'delete in the Push0 dashboard'})
  })

  it('reads a 250-segment account in three pages of 100', async () => {
    const segments = Array.from({length: 250}, (_, i) => ({id: `sg_${String(i).padStart(3, '0')}`, name: `Segment ${i}`, constraints: [group('AND', constraint('sessionCount', '>', i))]}))
    const emulator = await push0Emulator({segments})
    const repo = tempRepo({
      'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'push0'),
      'segments/last.json': {name: 'Segment 249', constraints: [group('AND', constraint('sessionCount', '>', 249))]},
    })
    const res = await runCli(['plan'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stderr).toContain('main: 250 remote segments, campaign usage unknown (3 requests)')
    expect(res.stdout).toContain('249 unmanaged segments')
    expect(emulator.requests.map((r) => r.query)).toEqual(['?page=1&limit=100', '?page=2&limit=100', '?page=3&limit=100'])
  })
})

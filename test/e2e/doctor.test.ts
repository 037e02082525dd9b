/**
 * `segsync doctor` as a user runs it: read-only, one line per check, exit 0 when nothing failed,
 * 1 when a check segsync relies on fails; the --json report follows its schema and is redacted.
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'
import {expectValidAgainst} from '../helpers/plan-schema.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {SEQUENZY_API_KEY: TEST_KEY, SEGSYNC_RETRY_BASE_MS: '1', SEGSYNC_RETRY_MAX_MS: '5'}
const root = {kind: 'group', id: 'root', joinOperator: 'and', children: [{kind: 'filter', id: 'f1', field: 'status', operator: 'is', value: 'active'}]}
const seed = {
  segments: [{id: 'seg_a', name: 'A', root}],
  campaigns: [{id: 'cmp_1', name: 'Spring', status: 'scheduled', targetLists: {type: 'segment', segmentId: 'seg_a'}}],
  sequences: [{id: 'seq_1', name: 'Onboarding', status: 'active', effectiveStatus: 'live', trigger: {type: 'segment_entered', segmentId: 'seg_a'}}],
}

describe('segsync doctor', () => {
  it('passes every check against a vendor that answers as documented, and writes nothing', async () => {
    const emulator = await sequenzyEmulator(seed)
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {apiKeyEnv: 'SEQUENZY_API_KEY'})})
    const res = await runCli(['doctor'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain(`Workspace main (sequenzy, ${emulator.url})`)
    expect(res.stdout).toContain('✓ Segment list: the key may read segments; 1 segment answered inside the contract')
    expect(res.stdout).toContain('✓ Active campaigns and their targeting: 1 active campaign listed (pages end); a campaign detail carries targetLists')
    expect(res.stdout).toContain('– Rate-limit headers: no rate-limit headers seen')
    expect(res.stdout).toContain('Every check passed')
    expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([])

    const json = await runCli(['doctor', '--json'], {cwd: repo.dir, env})
    expect(json.code).toBe(0)
    const report = JSON.parse(json.stdout)
    expectValidAgainst('doctor-report.schema.json', report)
    expect(report.workspaces[0].checks.map((c: {id: string; status: string}) => `${c.id} ${c.status}`)).toEqual([
      'connect pass',
      'segments-list pass',
      'segment-count pass',
      'campaigns pass',
      'sequences pass',
      'rate-limit-headers skip',
    ])
  })

  it('fails the check segsync relies on (exit 1) and says what came instead, without the key', async () => {
    const emulator = await sequenzyEmulator(seed)
    emulator.faults.add({method: 'GET', path: /^\/api\/v1\/campaigns\/[^/]+$/, fault: {type: 'answer', body: JSON.stringify({success: true, campaign: {id: 'cmp_1', name: 'Spring'}})}})
    emulator.faults.add({method: 'GET', path: '/api/v1/segments', fault: {type: 'status', status: 200, headers: {'x-ratelimit-remaining': '99'}, body: {success: true, segments: []}}})
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {apiKeyEnv: 'SEQUENZY_API_KEY'})})
    const res = await runCli(['doctor', '--json'], {cwd: repo.dir, env})
    expect(res.code).toBe(1)
    const checks = JSON.parse(res.stdout).workspaces[0].checks as Array<{id: string; status: string; message: string}>
    expect(checks.find((c) => c.id === 'campaigns')).toMatchObject({status: 'fail', message: 'GET /api/v1/campaigns/{id} answered outside its contract: at /campaign expected a property "targetLists", got {"id":"cmp_1","name":"Spring"}'})
    expect(checks.find((c) => c.id === 'rate-limit-headers')).toMatchObject({status: 'pass', message: 'the vendor sends x-ratelimit-remaining'})
    expect(res.stdout + res.stderr).not.toContain(TEST_KEY)
  })

  it('reports a missing key as a failed first check, and still checks the other workspaces', async () => {
    const emulator = await sequenzyEmulator(seed)
    const repo = tempRepo({
      'segsync.config.json': {
        workspaces: {
          nokey: {provider: 'sequenzy', segments: 'segments', apiKeyEnv: 'NOT_SET_ANYWHERE', endpoint: emulator.url},
          main: {provider: 'sequenzy', segments: 'segments', apiKeyEnv: 'SEQUENZY_API_KEY', endpoint: emulator.url},
        },
      },
    })
    const res = await runCli(['doctor'], {cwd: repo.dir, env})
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('✗ Endpoint and key: workspace nokey: the Sequenzy API key is not set: environment variable NOT_SET_ANYWHERE is empty')
    expect(res.stdout).toContain('Workspace main')
    expect(res.stdout).toContain('1 check failed (nokey: Endpoint and key)')
  })

  it('teaches what it checks in --help', async () => {
    const res = await runCli(['doctor', '--help'], {cwd: process.cwd()})
    expect(res.code).toBe(0)
    for (const phrase of ['read-only', 'answers inside its contract', 'paginated lists end', 'pass, fail or skip', 'schemas/doctor-report.schema.json', 'Exit codes']) expect(res.stdout).toContain(phrase)
  })
})

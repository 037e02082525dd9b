/**
 * `segsync test` on Push0 devices, as a user runs it: the repository's own examples pass offline,
 * a wrong expectation is explained constraint by constraint (exit 1), and a device of the wrong
 * shape is an invalid test file at its position (exit 3).
 */
import {describe, expect, it} from 'vitest'
import {packageRoot} from '../../src/util/package-root.js'
import {runCli} from '../helpers/cli.js'
import {tempRepo} from '../helpers/temp-repo.js'

// An endpoint nothing listens on: segsync test must never call it.
const config = {workspaces: {push: {provider: 'push0', segments: 'segments', apiKeyEnv: 'PUSH0_API_KEY', endpoint: 'http://127.0.0.1:9'}}}
const segment = {
  name: 'Polish phones',
  constraints: [
    {type: 'AND', constraints: [{field: 'country', relation: '==', value: 'PL'}]},
    {type: 'OR', constraints: [{field: 'type', relation: '==', value: 'phone'}, {field: 'tags', relation: 'contains', value: 'beta'}]},
  ],
}

describe('segsync test (Push0)', () => {
  it("passes the repository's example tests for the demo workspace", async () => {
    const res = await runCli(['test', '-w', 'push0-demo', '--json'], {cwd: packageRoot, env: {PUSH0_API_KEY: undefined}})
    expect(res.code).toBe(0)
    const report = JSON.parse(res.stdout)
    expect(report.summary.failed).toBe(0)
    expect(report.summary.skipped).toBe(0)
    expect(new Set(report.results.map((r: {segment: string}) => r.segment))).toEqual(new Set(['Polish phones', 'Power users', 'Lapsed users']))
  })

  it('explains a failure with the value of each constraint and exits 1', async () => {
    const r = tempRepo({
      'segsync.config.json': config,
      'segments/polish-phones.json': segment,
      'segments/polish-phones.segtest.json': {
        profiles: [{id: 'tablet', country: 'PL', type: 'tablet', tags: ['beta']}],
        expect: [{segment: 'Polish phones', nonMembers: ['tablet']}],
      },
    })
    const res = await runCli(['test'], {cwd: r.dir})
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('✗ "Polish phones" tablet: expected not a member, but is: AND(AND(country == "PL" ✓), OR(type == "phone" ✗, tags contains "beta" ✓))')
  })

  it('refuses a device field Push0 does not document, or a Long written as a date, with file:line:col (exit 3)', async () => {
    const r = tempRepo({
      'segsync.config.json': config,
      'segments/polish-phones.json': segment,
      'segments/polish-phones.segtest.json': {profiles: [{id: 'a', city: 'Warsaw', lastSession: '2026-01-01'}], expect: [{segment: 'Polish phones', members: ['a']}]},
    })
    const res = await runCli(['test'], {cwd: r.dir})
    expect(res.code).toBe(3)
    expect(res.stderr).toMatch(/segments\/polish-phones\.segtest\.json:\d+:\d+ .*unknown property "city"/)
    expect(res.stderr).toMatch(/segments\/polish-phones\.segtest\.json:\d+:\d+ .*lastSession must be an integer/)
  })
})

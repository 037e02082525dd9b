/**
 * `segsync test` as a user runs it: offline (no key, no network), one line per expectation, a
 * failure explained, --json by its schema, GitHub annotations at the test file and line, and exit
 * codes 0 / 1 / 3.
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {expectValidAgainst} from '../helpers/plan-schema.js'
import {tempRepo} from '../helpers/temp-repo.js'

// An endpoint nothing listens on: segsync test must never call it.
const config = {workspaces: {news: {provider: 'kibamail', segments: 'segments', apiKeyEnv: 'KIBAMAIL_API_KEY', endpoint: 'http://127.0.0.1:9'}}}
const segment = {name: 'US buyers', conditions: {$and: [{field: 'country', operator: 'eq', value: 'US'}, {field: 'orders', operator: 'gt', value: 0}]}}
const profiles = [
  {id: 'alice', email: 'a@example.com', properties: {country: 'US', orders: 3}},
  {id: 'bob', email: 'b@example.com', properties: {country: 'US', orders: 0}},
]

function repo(expect: unknown) {
  return tempRepo({'segsync.config.json': config, 'segments/us-buyers.json': segment, 'segments/us-buyers.segtest.json': {profiles, expect}})
}

describe('segsync test', () => {
  it('passes, offline and without a key, one line per expectation', async () => {
    const r = repo([{segment: 'US buyers', members: ['alice'], nonMembers: ['bob']}])
    const res = await runCli(['test'], {cwd: r.dir, env: {KIBAMAIL_API_KEY: undefined}})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('✓ "US buyers" alice is a member segments/us-buyers.segtest.json:')
    expect(res.stdout).toContain('✓ "US buyers" bob is not a member')
    expect(res.stdout).toContain('0 failed, 2 passed, 0 skipped')
  })

  it('explains a failure with the value of each condition, exits 1, and annotates the file and line in GitHub Actions', async () => {
    const r = repo([{segment: 'US buyers', members: ['alice', 'bob']}])
    const res = await runCli(['test'], {cwd: r.dir, env: {GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: r.dir}})
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('✗ "US buyers" bob: expected a member, but is not: AND(country eq "US" ✓, orders gt 0 ✗)')
    // `:` in a property is escaped as the runner expects (%3A).
    expect(res.stdout).toMatch(/::error file=segments\/us-buyers\.segtest\.json,line=\d+,title=segsync test%3A US buyers::bob: expected a member, but is not: AND\(country eq "US" ✓, orders gt 0 ✗\)/)
    expect(res.stdout).toContain('1 failed, 1 passed, 0 skipped')
  })

  it('--json follows schemas/segtest-report.schema.json', async () => {
    const r = repo([{segment: 'US buyers', members: ['alice'], nonMembers: ['alice']}])
    const res = await runCli(['test', '--json'], {cwd: r.dir})
    expect(res.code).toBe(1)
    const report = JSON.parse(res.stdout)
    expectValidAgainst('segtest-report.schema.json', report)
    expect(report.summary).toEqual({passed: 1, failed: 1, skipped: 0})
    expect(report.results[1]).toMatchObject({workspace: 'news', file: 'segments/us-buyers.segtest.json', segment: 'US buyers', profile: 'alice', expected: 'nonMember', actual: 'member', explanation: 'AND(country eq "US" ✓, orders gt 0 ✓)'})
    expect(report.results[1].line).toBeGreaterThan(1)
  })

  it('exits 3 on an invalid test file, with file:line:col, and validate reports it too', async () => {
    const r = repo([{segment: 'US buyer', members: ['alice']}])
    r.write('segments/bad.segtest.json', {profiles: [{id: 'x', properties: {country: 'US'}, age: 3}], expect: [{segment: 'US buyers', nonMembers: ['x']}]})
    const res = await runCli(['test'], {cwd: r.dir})
    expect(res.code).toBe(3)
    expect(res.stderr).toMatch(/segments\/us-buyers\.segtest\.json:\d+:\d+ .*no definition of Kibamail in this workspace is named "US buyer"/)
    expect(res.stderr).toContain('did you mean "US buyers"?')
    expect(res.stderr).toMatch(/segments\/bad\.segtest\.json:\d+:\d+ .*unknown property "age"/)
    const validate = await runCli(['validate'], {cwd: r.dir})
    expect(validate.code).toBe(3)
    expect(validate.stderr).toContain('no definition of Kibamail in this workspace is named "US buyer"')
  })

  it('never loads a test file as a definition, and a broken test file does not stop a plan', async () => {
    const r = repo([{segment: 'Nope', members: ['alice']}])
    const res = await runCli(['validate', '--json'], {cwd: r.dir})
    expect(res.code).toBe(3)
    const plan = await runCli(['plan'], {cwd: r.dir, env: {KIBAMAIL_API_KEY: 'kb_test'}})
    // The plan fails on the endpoint (nothing listens), not on the test file.
    expect(plan.stderr).not.toContain('segtest')
    expect(plan.code).toBe(5)
  })

  it('skips Altcraft expectations with the reason: its query vocabulary is not published, so nothing is guessed', async () => {
    const r = tempRepo({
      'segsync.config.json': {provider: 'altcraft', segments: 'segments', apiKeyEnv: 'ALTCRAFT_API_TOKEN', endpoint: 'http://127.0.0.1:9'},
      'segments/a.json': {name: 'A', list_id: 1, segment: [{condition: 'and', queries: [{compo: 'default', name: '_status', operator: 'equal', type: 'string', value: [{name: 'value', value: 'subscribed'}]}]}]},
      'segments/a.segtest.json': {profiles: [{id: 'p1', _status: 'subscribed'}], expect: [{segment: 'A', members: ['p1']}]},
    })
    const res = await runCli(['test', '--json'], {cwd: r.dir})
    expect(res.code).toBe(0)
    const report = JSON.parse(res.stdout)
    expect(report.summary).toEqual({passed: 0, failed: 0, skipped: 1})
    expect(report.results[0]).toMatchObject({actual: 'skipped', explanation: expect.stringContaining('Altcraft does not publish its query vocabulary')})
  })
})

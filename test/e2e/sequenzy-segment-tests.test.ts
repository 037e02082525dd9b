/**
 * `segsync test` on Sequenzy workspaces, as a user runs it: the repository's own example test
 * files pass, a failure reads as the example, a skipped expectation names the Stripe
 * filter it could not read, and a profile unlike a subscriber stops the run with exit 3.
 */
import {describe, expect, it} from 'vitest'
import {packageRoot} from '../../src/util/package-root.js'
import {runCli} from '../helpers/cli.js'
import {expectValidAgainst} from '../helpers/plan-schema.js'
import {tempRepo} from '../helpers/temp-repo.js'

// An endpoint nothing listens on: segsync test must never call it.
const config = {workspaces: {email: {provider: 'sequenzy', segments: 'segments', apiKeyEnv: 'SEQUENZY_API_KEY', endpoint: 'http://127.0.0.1:9'}}}
const f = (field: string, operator: string, value: unknown) => ({kind: 'filter', field, operator, value})
const vip = {name: 'VIP subscribers', root: {kind: 'group', joinOperator: 'and', children: [f('status', 'is', 'active'), f('tag', 'contains', 'vip')]}}
const paying = {name: 'Paying VIPs', root: {kind: 'group', joinOperator: 'and', children: [f('segment', 'is', {$segment: 'VIP subscribers'}), f('stripeCurrentProduct', 'is', 'prod_pro')]}}
const profiles = [
  {id: 'alice', status: 'active', tags: ['vip']},
  {id: 'bob', status: 'active', tags: ['vip', 'beta']},
  {id: 'carl', status: 'unsubscribed', tags: ['vip']},
]

describe('segsync test (Sequenzy)', () => {
  it('runs the repository\'s example test files offline and passes', async () => {
    const res = await runCli(['test', '-w', 'sequenzy-demo', '--json'], {cwd: packageRoot, env: {SEQUENZY_API_KEY: undefined}})
    expect(res.code).toBe(0)
    const report = JSON.parse(res.stdout)
    expectValidAgainst('segtest-report.schema.json', report)
    expect(report.summary.failed).toBe(0)
    expect(report.summary.passed).toBeGreaterThan(0)
    expect(new Set(report.results.map((r: {segment: string}) => r.segment))).toEqual(new Set(['Active non-buyers - 30 days', 'Trial nurture']))
  })

  it('explains a failure leaf by leaf, and skips what it cannot read, naming it', async () => {
    const repo = tempRepo({
      'segsync.config.json': config,
      'segments/vip.json': vip,
      'segments/paying.json': paying,
      'segments/vip.segtest.json': {now: '2026-11-30T12:00:00Z', profiles, expect: [{segment: 'VIP subscribers', members: ['alice'], nonMembers: ['bob']}, {segment: 'Paying VIPs', members: ['alice'], nonMembers: ['carl']}]},
    })
    const res = await runCli(['test'], {cwd: repo.dir})
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('✗ "VIP subscribers" bob: expected not a member, but is: AND(status is active ✓, tag contains vip ✓)')
    expect(res.stdout).toContain('– "Paying VIPs" alice: skipped (not evaluable offline: stripeCurrentProduct is prod_pro: Stripe subscriptions are not part of a profile)')
    expect(res.stdout).toContain('✓ "Paying VIPs" carl is not a member')
    expect(res.stdout).toContain('1 failed, 2 passed, 1 skipped')
  })

  it('exits 3 on a profile unlike a Sequenzy subscriber, at its file, line and column', async () => {
    const repo = tempRepo({
      'segsync.config.json': config,
      'segments/vip.json': vip,
      'segments/vip.segtest.json': {profiles: [{id: 'dora', status: 'paused', stripe: {product: 'prod_pro'}}], expect: [{segment: 'VIP subscribers', nonMembers: ['dora']}]},
    })
    const res = await runCli(['test'], {cwd: repo.dir})
    expect(res.code).toBe(3)
    expect(res.stderr).toMatch(/segments\/vip\.segtest\.json:\d+:\d+ .*status/)
    expect(res.stderr).toMatch(/segments\/vip\.segtest\.json:\d+:\d+ .*unknown property "stripe"/)
  })
})

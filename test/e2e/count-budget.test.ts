/**
 * Member counts never hold a plan up for the vendor's per-minute budget (kit/audience.ts): with a
 * Sequenzy budget the emulator enforces and a plan that needs more requests than it leaves, the
 * reads the plan needs wait their turn, and the counts the budget has no place for are "not read"
 * instead of waiting for the minute to pass.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'
import {runCli} from '../helpers/cli.js'
import {tempRepo} from '../helpers/temp-repo.js'

const rule = (value: string) => ({kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'status', operator: 'is', value}]})
const names = ['A', 'B', 'C', 'D', 'E', 'F']

describe('member counts and the request budget', () => {
  it('counts what the per-minute budget has room for, says "not read" for the rest, and does not wait a minute', async () => {
    // Six changed segments: the plan's own reads, then six counts, against ten requests a minute.
    const budget = {perSecond: 20, perMinute: 10}
    const emulator = await sequenzyEmulator({segments: names.map((n, i) => ({id: `seg_${i}`, name: n, root: rule('old')})), campaigns: [], sequences: []}, {rateLimit: budget})
    const repo = tempRepo({
      'segsync.config.json': {provider: 'sequenzy', segments: 'segments', apiKeyEnv: 'SEQUENZY_API_KEY', endpoint: emulator.url, rateLimit: budget},
      ...Object.fromEntries(names.map((n) => [`segments/${n.toLowerCase()}.json`, {name: n, root: rule('new')}])),
    })
    // Waiting for the minute to pass would outlast this timeout.
    const plan = await runCli(['plan', '--out', 'plan.json'], {cwd: repo.dir, env: {SEQUENZY_API_KEY: TEST_KEY}, timeoutMs: 30_000})
    expect(plan.code, plan.stderr).toBe(0)
    const changes = JSON.parse(readFileSync(join(repo.dir, 'plan.json'), 'utf8')).workspaces[0].changes as Array<{name: string; audience: {current: number | null; source: string}}>
    expect(changes).toHaveLength(6)
    const reads = emulator.requests.filter((r) => !r.path.endsWith('/count'))
    const counts = emulator.requests.filter((r) => r.path.endsWith('/count'))
    // Every place the plan's reads left went to a count; the others were never sent.
    expect(reads.length + counts.length).toBe(budget.perMinute)
    expect(counts.length).toBeGreaterThan(0)
    expect(changes.filter((c) => c.audience.current !== null)).toHaveLength(counts.length)
    expect(changes.filter((c) => c.audience.current === null).map((c) => c.audience.source)).toEqual(Array(6 - counts.length).fill('not read (request budget spent for now)'))
    expect(emulator.requests.filter((r) => r.status === 429)).toEqual([])
    // The text plan says so on the change.
    expect(plan.stdout).toContain('audience: not read (request budget spent for now)')
    expect(plan.stdout).toContain('people now')
  }, 60_000)
})

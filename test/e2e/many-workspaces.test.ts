/**
 * Three workspaces at once, as a user runs them: two teams manage their own folders in one
 * Sequenzy account (one endpoint, one key: the vendor's budget of 4 requests/s, enforced by the
 * emulator, is theirs together), a third workspace is another account. Plan and apply read and
 * write all three side by side, print in config order, say which workspace does what, and never
 * make the shared account answer 429.
 */
import {describe, expect, it} from 'vitest'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'
import {runCli} from '../helpers/cli.js'
import {tempRepo} from '../helpers/temp-repo.js'

const rule = (value: string) => ({kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'status', operator: 'is', value}]})
const segment = (id: string, name: string, value = 'old') => ({id, name, root: rule(value)})

async function setup() {
  const budget = {perSecond: 4}
  const shared = await sequenzyEmulator({segments: [segment('seg_x1', 'X1'), segment('seg_x2', 'X2'), segment('seg_y1', 'Y1'), segment('seg_y2', 'Y2')], campaigns: [], sequences: []}, {rateLimit: budget})
  const other = await sequenzyEmulator({segments: [segment('seg_e1', 'E1')], campaigns: [], sequences: []})
  const workspace = (segments: string, endpoint: string) => ({provider: 'sequenzy', segments, apiKeyEnv: 'SEQUENZY_API_KEY', endpoint, rateLimit: budget})
  const repo = tempRepo({
    'segsync.config.json': {workspaces: {'team-x': workspace('segments/x', shared.url), 'team-y': workspace('segments/y', shared.url), eu: workspace('segments/eu', other.url)}},
    'segments/x/x1.json': {name: 'X1', root: rule('new')},
    'segments/x/x2.json': {name: 'X2', root: rule('new')},
    'segments/y/y1.json': {name: 'Y1', root: rule('new')},
    'segments/y/y2.json': {name: 'Y2', root: rule('old')},
    'segments/eu/e1.json': {name: 'E1', root: rule('new')},
  })
  const run = (args: string[]) => runCli(args, {cwd: repo.dir, env: {SEQUENZY_API_KEY: TEST_KEY}, timeoutMs: 60_000})
  return {shared, other, run}
}

describe('many workspaces at once', () => {
  it('plans and applies every workspace side by side, in config order, inside the budget the shared key has', async () => {
    const {shared, other, run} = await setup()

    const plan = await run(['plan'])
    expect(plan.code, plan.stderr).toBe(0)
    const headers = plan.stdout.split('\n').filter((l) => l.startsWith('Workspace '))
    expect(headers.map((l) => l.split(' ')[1])).toEqual(['team-x', 'team-y', 'eu'])
    expect(plan.stderr).toContain('Reading 3 workspaces at once: team-x, team-y, eu')
    expect(plan.stderr).toContain('team-x: planned 2 to update')
    expect(plan.stderr).toContain('team-y: planned 1 to update')
    expect(plan.stderr).toContain('eu: planned 1 to update')

    // Two workspaces on one key, each at 4/s on its own, would have sent up to 8/s.
    expect(shared.requests.filter((r) => r.status === 429)).toEqual([])
    // The two teams' reads of their one account went out once, shared while on their way.
    expect(shared.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/segments')).toHaveLength(1)
    expect(plan.stderr).toMatch(/team-y: 4 remote segments, 0 active campaigns\/sequences \(\d+ requests?, [1-9]\d* reads? shared with another workspace on this account\)/)
    // The limiter lives in one process: a second process started within the vendor's one-second
    // window would find the plan's requests still counted there. Let the window pass, as a later job would.
    await new Promise((resolve) => setTimeout(resolve, 1_100))

    const apply = await run(['apply', '--auto-approve'])
    expect(apply.code, apply.stderr).toBe(0)
    expect(apply.stderr).toContain('Applying 3 workspaces at once: team-x, team-y, eu')
    expect(apply.stderr).toContain('team-x: done: 2 applied')
    expect(apply.stdout).toContain('✓ team-y: updated "Y1" (seg_y1)')
    expect(apply.stdout).toContain('Apply complete! 0 created, 4 updated, 0 deleted.')
    const statusOf = (e: typeof shared, id: string) => (e.state.segments.find((s) => s.id === id)!.root.children[0] as {value: string}).value
    expect(['seg_x1', 'seg_x2', 'seg_y1', 'seg_y2'].map((id) => statusOf(shared, id))).toEqual(['new', 'new', 'new', 'old'])
    expect(statusOf(other, 'seg_e1')).toBe('new')

    // Two workspaces on one key, each at 4/s on its own, would have sent up to 8/s.
    expect(shared.requests.filter((r) => r.status === 429)).toEqual([])
    expect(shared.requests.length).toBeGreaterThan(16)
  })

  it('checks, pulls and graphs every workspace side by side too, reporting in config order', async () => {
    const {shared, run} = await setup()
    const doctor = await run(['doctor'])
    expect(doctor.code, doctor.stderr).toBe(0)
    expect(doctor.stderr).toContain('Checking 3 workspaces at once: team-x, team-y, eu')
    const order = (text: string) => ['team-x', 'team-y', 'eu'].map((name) => text.indexOf(name))
    const doctorOrder = order(doctor.stdout)
    expect([...doctorOrder].sort((a, b) => a - b)).toEqual(doctorOrder)
    expect(doctorOrder[0]).toBeGreaterThanOrEqual(0)

    await new Promise((resolve) => setTimeout(resolve, 1_100))
    // --json keeps stderr quiet: the JSON says the order, the text run what it was doing.
    const pull = await run(['pull', '--dry-run', '--json'])
    expect(pull.code, pull.stderr).toBe(0)
    const pulled = JSON.parse(pull.stdout).files as Array<{workspace: string; segment: string; status: string}>
    // The files ask for 'new' where the vendor still has 'old': pull would rewrite them to 'old'.
    expect(pulled.filter((f) => f.status !== 'skipped').map((f) => `${f.workspace} ${f.segment} ${f.status}`)).toEqual(['team-x X1 updated', 'team-x X2 updated', 'team-y Y1 updated', 'team-y Y2 unchanged', 'eu E1 updated'])
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    const pullText = await run(['pull', '--dry-run'])
    expect(pullText.code, pullText.stderr).toBe(0)
    expect(pullText.stderr).toContain('Reading 3 workspaces at once: team-x, team-y, eu')

    await new Promise((resolve) => setTimeout(resolve, 1_100))
    const graph = await run(['graph', '--remote', '--format', 'json'])
    expect(graph.code, graph.stderr).toBe(0)
    expect(JSON.parse(graph.stdout).workspaces.map((w: {name: string}) => w.name)).toEqual(['team-x', 'team-y', 'eu'])
    expect(shared.requests.filter((r) => r.status === 429)).toEqual([])
  })
})

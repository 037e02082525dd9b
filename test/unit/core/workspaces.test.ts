/**
 * Many workspaces at once (core/plan/read-workspaces.ts, core/apply/apply-workspaces.ts) with the
 * fake provider: workspaces are read side by side, the plan stays in config order whoever answers
 * first, a failure is the first failing workspace's in config order with every connection closed,
 * and after a failed change in one workspace no new change starts in any.
 */
import {describe, expect, it} from 'vitest'
import type {Definition, RemoteSegment, Workspace} from '../../../src/core/model.js'
import type {ProviderClient} from '../../../src/core/provider.js'
import {apply, plan, type Prepared, type PreparedWorkspace, type RunContext} from '../../../src/core/pipeline.js'
import {fake, fakeClient, fakeDefinition as def, fakeRemote as remote, type FakeClient} from '../../helpers/fake-provider.js'

/** A promise and the function that settles it. */
function gate<T = void>() {
  let open!: (value: T) => void
  const promise = new Promise<T>((resolve) => (open = resolve))
  return {promise, open}
}

interface Account {
  definitions: Definition[]
  remotes: RemoteSegment[]
  /** Wraps the account's client (to hold or fail a call). */
  wrap?: (client: FakeClient) => ProviderClient
  fail?: string[]
}

function setup(accounts: Record<string, Account>) {
  const clients = new Map<string, FakeClient>()
  const closed: string[] = []
  const lines: string[] = []
  const workspaces: PreparedWorkspace[] = Object.entries(accounts).map(([name, a]) => {
    clients.set(name, fakeClient(a.remotes, {fail: a.fail}))
    const workspace = {name, provider: 'fake', segments: 'segments', segmentsDir: `/repo/${name}`, rootDir: '/repo', apiKeyEnv: 'FAKE_API_KEY'} as unknown as Workspace
    return {workspace, provider: fake, definitions: a.definitions, tests: []}
  })
  const ctx: RunContext = {
    cwd: '/nonexistent-segsync-test',
    providers: async () => fake,
    connector: {
      open: async (ws) => {
        const client = clients.get(ws.name)!
        return {client: accounts[ws.name]!.wrap?.(client) ?? client, endpoint: 'fake', close: async () => void closed.push(ws.name)}
      },
    },
    progress: (line) => lines.push(line),
  }
  const prepared = {config: {file: 'segsync.config.json', rootDir: '/repo', workspaces: workspaces.map((w) => w.workspace), policy: {campaignImpact: 'block', unknownUsage: 'warn'}}, workspaces, problems: [], testProblems: [], contents: []} as Prepared
  return {ctx, prepared, clients, closed, lines}
}

const one = (name: string, rule = 'a'): Account => ({definitions: [def(name, [rule])], remotes: [remote(`${name}-id`, name, ['old'])]})

describe('many workspaces', () => {
  it('reads every workspace at once and plans them in config order, whoever answers first', async () => {
    const secondAsked = gate()
    const firstMayAnswer = gate()
    const {ctx, prepared, lines} = setup({
      // The first workspace answers only once the second one has been asked, and after it was
      // planned: read one after the other, this plan would never finish.
      first: {...one('A'), wrap: (c) => ({...c, listSegments: async () => (await firstMayAnswer.promise, c.listSegments())})},
      second: {
        ...one('B'),
        wrap: (c) => ({
          ...c,
          listSegments: async () => {
            secondAsked.open()
            return c.listSegments()
          },
        }),
      },
      third: one('C'),
    })
    const progress = ctx.progress
    ctx.progress = (line) => {
      progress(line)
      if (line.startsWith('second: planned')) firstMayAnswer.open()
    }
    const run = await plan(ctx, prepared)
    expect(run.document.workspaces.map((w) => [w.name, w.changes.map((c) => `${c.action} ${c.name}`)])).toEqual([
      ['first', ['update A']],
      ['second', ['update B']],
      ['third', ['update C']],
    ])
    expect(run.sessions.map((s) => s.plan.name)).toEqual(['first', 'second', 'third'])
    // Progress says which workspace does what; the second finished planning before the first.
    expect(lines[0]).toBe('Reading 3 workspaces at once: first, second, third')
    expect(lines).toContain('first: reading Fake segments and campaign usage (fake)…')
    expect(lines.indexOf('second: planned 1 to update')).toBeLessThan(lines.indexOf('first: planned 1 to update'))
  })

  it("lets the answers that came in the same turn move their workspaces on before one workspace's diff runs", async () => {
    // Two answers arrive one after the other in one turn of the event loop (two immediates queued
    // together, as two sockets readable in one poll: microtasks run after each): the first
    // workspace's segment list, then the second's campaign page, after which the second asks for
    // campaign details. The diff is the heavy step; run at once, it would hold up the second's
    // next request behind it.
    const events: string[] = []
    const listIn = gate()
    const pageIn = gate()
    // Both are queued once both workspaces wait for their answer, however long the plan took to
    // get there (not a fixed delay from the test's start: on a busy machine the plan was not
    // waiting yet), and 20 ms later, by when the plan's stages have loaded: a diff still waiting
    // for them could not show that it waits for the end of the turn. Two immediates queued
    // together, not two 1 ms timers: each timer takes the clock when it is set, so on a busy
    // machine the second could fall due a turn later (CI once saw the diff run first).
    let waiting = 0
    const waits = () => {
      if (++waiting < 2) return
      setTimeout(() => {
        setImmediate(() => listIn.open())
        setImmediate(() => pageIn.open())
      }, 20)
    }
    const {ctx, prepared} = setup({
      first: {...one('A'), wrap: (c) => ({...c, listSegments: async () => (waits(), await listIn.promise, events.push('first: list in'), c.listSegments())})},
      second: {
        ...one('B'),
        wrap: (c) => ({
          ...c,
          campaignUsage: async () => {
            waits()
            await pageIn.promise
            events.push('second: page in, details asked')
            return c.campaignUsage()
          },
        }),
      },
    })
    const provider = {...fake, toDefinition: (...args: Parameters<typeof fake.toDefinition>) => (events.push('diff'), fake.toDefinition(...args))}
    prepared.workspaces[0] = {...prepared.workspaces[0]!, provider}
    const run = await plan(ctx, prepared)
    expect(events).toEqual(['first: list in', 'second: page in, details asked', 'diff'])
    expect(run.document.summary.update).toBe(2)
  })

  it('fails with the first failing workspace in config order, and closes every connection', async () => {
    const laterFailed = gate()
    const {ctx, prepared, closed} = setup({
      first: one('A'),
      // The second fails after the third did: the error is still the second's.
      second: {...one('B'), wrap: (c) => ({...c, listSegments: async () => (await laterFailed.promise, Promise.reject(new Error('second refused')))})},
      third: {
        ...one('C'),
        wrap: (c) => ({
          ...c,
          listSegments: async () => {
            setImmediate(() => laterFailed.open())
            throw new Error('third refused')
          },
        }),
      },
    })
    await expect(plan(ctx, prepared)).rejects.toThrow('second refused')
    expect(closed.sort()).toEqual(['first', 'second', 'third'])
  })

  it('reads no workspace when one cannot even open (a key not set)', async () => {
    const {ctx, prepared, clients, closed} = setup({first: one('A'), second: one('B')})
    const open = ctx.connector.open.bind(ctx.connector)
    ctx.connector.open = async (ws, provider) => (ws.name === 'second' ? Promise.reject(new Error('SECOND_API_KEY is empty')) : open(ws, provider))
    let listed = 0
    clients.get('first')!.listSegments = async () => (listed++, [])
    await expect(plan(ctx, prepared)).rejects.toThrow('SECOND_API_KEY is empty')
    expect(listed).toBe(0)
    expect(closed).toEqual(['first'])
  })

  it('starts no new change in any workspace after a change failed in one, and lets what is in flight finish', async () => {
    const failedFirst = gate()
    const {ctx, prepared, clients, lines} = setup({
      // One change at a time per workspace: the second workspace's first update is in flight when
      // the first workspace's change fails; its other two must not start.
      first: {...one('A'), fail: ['A']},
      second: {
        definitions: [def('B1', ['b']), def('B2', ['b']), def('B3', ['b'])],
        remotes: [remote('b1', 'B1', ['old']), remote('b2', 'B2', ['old']), remote('b3', 'B3', ['old'])],
        wrap: (c) => ({...c, update: async (r, w) => (await failedFirst.promise, c.update(r, w))}),
      },
    })
    const run = await plan(ctx, prepared)
    const first = clients.get('first')!
    const update = first.update.bind(first)
    // The first workspace's write fails, then lets the second's held write go on.
    run.sessions[0]!.connection.client.update = async (r, w) => {
      try {
        return await update(r, w)
      } finally {
        setImmediate(() => failedFirst.open())
      }
    }
    const {report} = await apply(run, {concurrency: 1, allowDelete: false, allowCampaignImpact: true, progress: (l) => lines.push(l)})
    const [a, b] = report.workspaces
    expect(a!.outcomes.map((o) => `${o.status} ${o.name}`)).toEqual(['failed A'])
    expect(b!.outcomes.map((o) => `${o.status} ${o.name}`)).toEqual(['applied B1', 'not-attempted B2', 'not-attempted B3'])
    expect(b!.outcomes[1]!.message).toBe('not started: the apply stopped after a failure in workspace first')
    expect(clients.get('second')!.writes.map((w) => w.id)).toEqual(['b1'])
    expect(report.status).toBe('partial')
    expect(lines).toContain('Applying 2 workspaces at once: first, second')
    expect(lines).toContain('second: done: 1 applied, 2 not attempted')
  })

  it('applies every workspace side by side when nothing fails', async () => {
    const firstStarted = gate()
    const {ctx, prepared, clients} = setup({
      // The first workspace's write waits until the second's has started: one after the other, it never would.
      first: {...one('A'), wrap: (c) => ({...c, update: async (r, w) => (await firstStarted.promise, c.update(r, w))})},
      second: {...one('B'), wrap: (c) => ({...c, update: async (r, w) => (firstStarted.open(), c.update(r, w))})},
    })
    const run = await plan(ctx, prepared)
    const {report} = await apply(run, {concurrency: 4, allowDelete: false, allowCampaignImpact: true})
    expect(report.status).toBe('applied')
    expect(report.workspaces.map((w) => w.name)).toEqual(['first', 'second'])
    expect([...clients.values()].map((c) => c.writes.length)).toEqual([1, 1])
  })
})

/**
 * The commands that only read, over many workspaces (doctor, graph --remote, pull, import), with
 * the fake provider: every workspace is read at once, what they report stays in config order, and
 * a failed read is the first failing workspace's in config order, after the others finished and
 * before anything is written.
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {doctor} from '../../../src/core/doctor.js'
import {importWorkspaces} from '../../../src/core/import/run-import.js'
import type {Workspace} from '../../../src/core/model.js'
import {graphs, type Prepared, type PreparedWorkspace, type RunContext} from '../../../src/core/pipeline.js'
import {pull} from '../../../src/core/pull/run-pull.js'
import {definitionWriter} from '../../../src/rewrite/index.js'
import {fake, fakeClient, fakeDefinition as def, fakeRemote as remote, type FakeClient} from '../../helpers/fake-provider.js'
import {tempRepo} from '../../helpers/temp-repo.js'

type Method = 'listSegments' | 'doctor'

/**
 * Two workspaces whose first one answers `method` only once the second has been asked: read one
 * after the other, the run would wait forever; `held` says so after two seconds instead.
 */
function twoHeld(method: Method, dir = '/nonexistent-segsync-test') {
  let secondAsked!: () => void
  const asked = new Promise<void>((resolve) => (secondAsked = resolve))
  const held = Promise.race([asked, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the second workspace was never asked: read one after the other')), 2_000).unref())])
  const clients = new Map<string, FakeClient>([
    ['first', fakeClient([remote('a1', 'A', ['a'])])],
    ['second', fakeClient([remote('b1', 'B', ['b']), remote('b2', 'Unmanaged', ['x'])])],
  ])
  const first = clients.get('first')!
  const second = clients.get('second')!
  const original = (client: FakeClient) => (client[method] as () => Promise<never>).bind(client)
  const [firstCall, secondCall] = [original(first), original(second)]
  first[method] = async () => (await held, firstCall())
  second[method] = async () => (secondAsked(), secondCall())
  const lines: string[] = []
  const closed: string[] = []
  const workspaces: PreparedWorkspace[] = [...clients.keys()].map((name) => ({
    workspace: {name, provider: 'fake', segments: name, segmentsDir: join(dir, name), rootDir: dir, apiKeyEnv: 'FAKE_API_KEY'} as unknown as Workspace,
    provider: fake,
    definitions: [def(name === 'first' ? 'A' : 'B', [name === 'first' ? 'a' : 'b'])],
    tests: [],
  }))
  const ctx: RunContext = {
    cwd: dir,
    providers: async () => fake,
    connector: {open: async (ws) => ({client: clients.get(ws.name)!, endpoint: 'fake', close: async () => void closed.push(ws.name)})},
    progress: (line) => lines.push(line),
  }
  const prepared = {config: {file: 'segsync.config.json', rootDir: dir, workspaces: workspaces.map((w) => w.workspace), policy: {campaignImpact: 'block', unknownUsage: 'warn'}}, workspaces, problems: [], testProblems: [], contents: []} as Prepared
  return {ctx, prepared, workspaces, clients, lines, closed}
}

describe('reading many workspaces at once', () => {
  it('doctor checks every workspace at once and reports them in config order', async () => {
    const {ctx, prepared, lines} = twoHeld('doctor')
    const report = await doctor(ctx, prepared)
    expect(report.workspaces.map((w) => [w.name, w.checks.map((c) => `${c.id} ${c.status}`)])).toEqual([
      ['first', ['connect pass', 'segments-list pass']],
      ['second', ['connect pass', 'segments-list pass']],
    ])
    expect(lines[0]).toBe('Checking 2 workspaces at once: first, second')
    // The second finished first: the progress says so, the report does not change order.
    expect(lines.indexOf('second: 2 checks, none failed')).toBeLessThan(lines.indexOf('first: 2 checks, none failed'))
  })

  it('graph --remote reads every workspace at once, graphs in config order', async () => {
    const {ctx, prepared, lines, closed} = twoHeld('listSegments')
    const doc = await graphs(ctx, prepared, {remote: true})
    expect(doc.workspaces.map((w) => w.name)).toEqual(['first', 'second'])
    expect(lines[0]).toBe('Reading 2 workspaces at once: first, second')
    expect(closed.sort()).toEqual(['first', 'second'])
  })

  it('pull reads every workspace at once and reports them in config order', async () => {
    const {ctx, workspaces, clients} = twoHeld('listSegments')
    const result = await pull(ctx, workspaces, {dryRun: true, writer: definitionWriter})
    expect(result.workspaces.map((w) => [w.workspace, w.entries.map((e) => `${e.segment} ${e.status}`)])).toEqual([
      ['first', ['A unchanged']],
      ['second', ['B unchanged', 'Unmanaged skipped']],
    ])
    expect([...clients.values()].flatMap((c) => c.writes)).toEqual([])
  })

  it('import reads every workspace at once, and writes nothing when a read fails', async () => {
    const repo = tempRepo({'segsync.config.json': {}})
    const {ctx, workspaces, clients, closed} = twoHeld('listSegments', repo.dir)
    const results = await importWorkspaces(ctx, workspaces, {format: 'json', dryRun: true})
    expect(results.map((r) => [r.workspace, r.written.map((w) => w.name)])).toEqual([
      ['first', []],
      ['second', ['Unmanaged']],
    ])

    // Again with a third workspace whose read fails once the others are done: the error is its
    // own, every connection is closed, and no file is written for the others either.
    const failing = fakeClient([])
    failing.listSegments = async () => Promise.reject(new Error('third refused'))
    clients.set('third', failing)
    clients.get('second')!.listSegments = async () => [remote('b3', 'Another', ['y'])]
    const third = {...workspaces[0]!, workspace: {...workspaces[0]!.workspace, name: 'third', segmentsDir: join(repo.dir, 'third')}}
    closed.length = 0
    await expect(importWorkspaces(ctx, [workspaces[1]!, third], {format: 'json', dryRun: false})).rejects.toThrow('third refused')
    expect(closed.sort()).toEqual(['second', 'third'])
    expect(existsSync(join(repo.dir, 'second', 'another.json'))).toBe(false)
  })
})

/**
 * While the vendor answers, plan uses the idle thread: the definitions' hash is taken, and their
 * index by name built, after the first requests went out and before the segment list is in, and
 * the document carries that hash.
 */
import {join} from 'node:path'
import {expect, it} from 'vitest'
import type {Workspace} from '../../../src/core/model.js'
import type {Prepared, PreparedWorkspace, RunContext} from '../../../src/core/pipeline.js'
import {plan} from '../../../src/core/plan-run.js'
import {definitionsHash} from '../../../src/core/plan/build-plan.js'
import {readWorkspaces} from '../../../src/core/plan/read-workspaces.js'
import {fake, fakeClient, fakeDefinition as def, fakeRemote as remote} from '../../helpers/fake-provider.js'

/** One workspace whose segment list is answered only when `answer` is called. */
function heldList() {
  const dir = '/nonexistent-segsync-test'
  let answer!: () => void
  const answered = new Promise<void>((resolve) => (answer = resolve))
  const events: string[] = []
  const client = fakeClient([remote('a1', 'A', ['a'])])
  const list = client.listSegments.bind(client)
  client.listSegments = async () => {
    events.push('list asked')
    await answered
    events.push('list answered')
    return list()
  }
  const pw: PreparedWorkspace = {
    workspace: {name: 'one', provider: 'fake', segments: 'one', segmentsDir: join(dir, 'one'), rootDir: dir, apiKeyEnv: 'FAKE_API_KEY'} as unknown as Workspace,
    provider: fake,
    definitions: [def('A', ['b'])],
    tests: [],
  }
  const ctx: RunContext = {cwd: dir, providers: async () => fake, connector: {open: async () => ({client, endpoint: 'fake', close: async () => undefined})}, progress: () => undefined}
  const contents = [{file: 'one/a.json', content: '{"name": "A", "rules": ["b"]}'}]
  const prepared = {config: {file: 'segsync.config.json', rootDir: dir, workspaces: [pw.workspace], policy: {campaignImpact: 'block', unknownUsage: 'warn'}}, workspaces: [pw], problems: [], testProblems: [], contents} as Prepared
  return {ctx, prepared, pw, events, answer}
}

it('runs the work that needs no answer once the reads are on their way, before the list is in', async () => {
  const {ctx, pw, events, answer} = heldList()
  const waited = new Promise<void>((resolve) => {
    const reading = readWorkspaces({...ctx, policy: {campaignImpact: 'block', unknownUsage: 'warn'}, commitTimes: async () => undefined, whileWaiting: () => (events.push('while waiting'), resolve())}, [pw])
    void reading.then(() => events.push('planned'))
  })
  await waited
  expect(events).toEqual(['list asked', 'while waiting'])
  answer()
  await expect.poll(() => events).toEqual(['list asked', 'while waiting', 'list answered', 'planned'])
})

it('puts the hash taken while waiting in the document, the same as one taken at the end', async () => {
  const {ctx, prepared, answer} = heldList()
  const run = plan(ctx, prepared)
  setTimeout(answer, 20)
  const done = await run
  await done.close()
  const document = done.document
  expect(document.definitionsHash).toBe(definitionsHash(prepared.contents))
  expect(document.workspaces[0]!.changes.map((c) => `${c.action} ${c.name}`)).toEqual(['update A'])
})

it('asks for the member counts of what changed before it builds the reference graph', async () => {
  const {ctx, pw, events, answer} = heldList()
  const client = (await ctx.connector.open(pw.workspace, fake)).client
  client.audience = async (queries) => {
    events.push(`counts asked (${queries.length})`)
    return queries.map(() => ({current: 1, proposed: 2, source: 'Fake counts'}))
  }
  const provider = {...fake, remoteReferences: (r: Parameters<typeof fake.remoteReferences>[0]) => (events.push('references'), fake.remoteReferences(r))}
  answer()
  const [session] = await readWorkspaces({...ctx, policy: {campaignImpact: 'block', unknownUsage: 'warn'}, commitTimes: async () => undefined}, [{...pw, provider}])
  expect(events.filter((e) => e !== 'while waiting')).toEqual(['list asked', 'list answered', 'counts asked (1)', 'references'])
  expect(session!.plan.changes[0]!.audience).toMatchObject({current: 1, proposed: 2})
})

it('indexes the definitions by name while the list is on its way, not after it', async () => {
  const {ctx, prepared, pw, events, answer} = heldList()
  pw.definitions = [def('A', ['b']), def('B', ['c']), def('C', ['d'])]
  // Which definitions anything has looked at, and when the list came in.
  const read = new Set<string>()
  pw.definitions = new Proxy(pw.definitions, {
    get: (target, key, receiver) => (typeof key === 'string' && /^\d+$/.test(key) && read.add(key), Reflect.get(target, key, receiver) as unknown),
  })
  const run = plan(ctx, prepared)
  await expect.poll(() => events).toEqual(['list asked'])
  await expect.poll(() => read.size).toBe(3)
  expect(events).toEqual(['list asked'])
  answer()
  const done = await run
  await done.close()
  expect(done.document.workspaces[0]!.changes.map((c) => `${c.action} ${c.name}`)).toEqual(['update A', 'create B', 'create C'])
})

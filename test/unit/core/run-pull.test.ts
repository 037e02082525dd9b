/**
 * `pull` (core/pull/run-pull.ts) with the fake provider, an in-memory client and the real writer:
 * reads only, writes each changed file once, refuses what it cannot write faithfully, and checks
 * the round trip. Two workspaces may share a folder (staging and production).
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {RemoteSegment, Workspace} from '../../../src/core/model.js'
import type {PreparedWorkspace, RunContext} from '../../../src/core/pipeline.js'
import {loadDefinitions} from '../../../src/core/load/load-definitions.js'
import {pull, type DefinitionWriter} from '../../../src/core/pull/run-pull.js'
import {validateDefinitions} from '../../../src/core/validate/validate-definitions.js'
import {schemaPath} from '../../../src/util/package-root.js'
import {definitionWriter} from '../../../src/rewrite/index.js'
import {fake, fakeClient, fakeRemote as remote, type FakeClient} from '../../helpers/fake-provider.js'
import {tempRepo, type TempRepo} from '../../helpers/temp-repo.js'

const files = {
  'segments/vip.json': '{\n  "name": "VIP",\n  "rules": ["tag=vip"]\n}\n',
  'segments/base.ts': `export default {\n  name: 'Base',\n  rules: ['status=active'], // who counts\n}\n`,
}

async function setup(remotesByWorkspace: Record<string, RemoteSegment[]>, repoFiles: Record<string, string> = files) {
  const repo = tempRepo(repoFiles)
  const clients = new Map<string, FakeClient>()
  const workspaces: PreparedWorkspace[] = []
  for (const [name, remotes] of Object.entries(remotesByWorkspace)) {
    clients.set(name, fakeClient(remotes))
    const workspace = {name, provider: 'fake', segments: 'segments', segmentsDir: join(repo.dir, 'segments'), rootDir: repo.dir, apiKeyEnv: 'FAKE_API_KEY'} as unknown as Workspace
    const loaded = await loadDefinitions(workspace.segmentsDir, {cwd: repo.dir})
    workspaces.push({workspace, provider: fake, definitions: validateDefinitions(loaded.files, fake, schemaPath(fake.schema)).definitions, tests: []})
  }
  const ctx: RunContext = {
    cwd: repo.dir,
    providers: async () => fake,
    connector: {open: async (ws) => ({client: clients.get(ws.name)!, endpoint: 'fake', close: async () => undefined})},
    progress: () => undefined,
  }
  return {repo, ctx, workspaces, clients}
}

const read = (repo: TempRepo, file: string) => readFileSync(join(repo.dir, file), 'utf8')

describe('pull', () => {
  it('rewrites what changed in the vendor, reads only, and checks the round trip', async () => {
    const {repo, ctx, workspaces, clients} = await setup({production: [remote('s1', 'VIP', ['tag=vip', 'tag=gold']), remote('s2', 'Base', ['status=active'])]})
    const result = await pull(ctx, workspaces, {dryRun: false, writer: definitionWriter})
    expect(result.workspaces[0]!.entries.map((e) => [e.file, e.status])).toEqual([['segments/base.ts', 'unchanged'], ['segments/vip.json', 'updated']])
    expect(read(repo, 'segments/vip.json')).toBe('{\n  "name": "VIP",\n  "rules": ["tag=vip", "tag=gold"]\n}\n')
    expect(result.roundTrip).toEqual({checked: true, changed: [], problems: []})
    expect(clients.get('production')!.writes).toEqual([])
  })

  it('writes nothing on a dry run', async () => {
    const {repo, ctx, workspaces} = await setup({production: [remote('s1', 'VIP', ['tag=gold']), remote('s2', 'Base', ['status=churned'])]})
    const result = await pull(ctx, workspaces, {dryRun: true, writer: definitionWriter})
    expect(result.workspaces[0]!.entries.map((e) => e.status)).toEqual(['updated', 'updated'])
    expect(result.roundTrip.checked).toBe(false)
    for (const [file, text] of Object.entries(files)) expect(read(repo, file)).toBe(text)
  })

  it('edits a TS file in place and reads it back fresh, though this process loaded it before', async () => {
    const {repo, ctx, workspaces} = await setup({production: [remote('s1', 'VIP', ['tag=vip']), remote('s2', 'Base', ['status=active', 'plan=pro'])]})
    const result = await pull(ctx, workspaces, {dryRun: false, writer: definitionWriter})
    expect(read(repo, 'segments/base.ts')).toBe(`export default {\n  name: 'Base',\n  rules: ['status=active', 'plan=pro'], // who counts\n}\n`)
    expect(result.roundTrip).toEqual({checked: true, changed: [], problems: []})
  })

  it('refuses a file the writer cannot rewrite, with what it would hold, and writes the others', async () => {
    const {repo, ctx, workspaces} = await setup({production: [remote('s1', 'VIP', ['tag=gold']), remote('s2', 'Base', ['status=churned'])]})
    const refusing: DefinitionWriter = {rewrite: async (text, edit, provider) => (edit.kind === 'ts' ? {ok: false, reason: 'is computed'} : definitionWriter.rewrite(text, edit, provider))}
    const result = await pull(ctx, workspaces, {dryRun: false, writer: refusing})
    const base = result.workspaces[0]!.entries.find((e) => e.segment === 'Base')!
    expect(base).toMatchObject({status: 'refused', reason: 'is computed'})
    expect(base.proposed).toBe("import {defineSegment} from 'segsync/fake'\n\nexport default defineSegment({\n  name: 'Base',\n  rules: [\n    'status=churned',\n  ],\n})\n")
    expect(read(repo, 'segments/base.ts')).toBe(files['segments/base.ts'])
    expect(read(repo, 'segments/vip.json')).toContain('"tag=gold"')
  })

  it('writes a file two workspaces share once when they agree, and neither when they differ', async () => {
    const same = await setup({staging: [remote('a1', 'VIP', ['tag=gold'])], production: [remote('b1', 'VIP', ['tag=gold'])]}, {'segments/vip.json': files['segments/vip.json']})
    const agreed = await pull(same.ctx, same.workspaces, {dryRun: false, writer: definitionWriter})
    expect(agreed.workspaces.map((w) => w.entries[0]!.status)).toEqual(['updated', 'updated'])
    expect(read(same.repo, 'segments/vip.json')).toContain('"tag=gold"')

    const different = await setup({staging: [remote('a1', 'VIP', ['tag=silver'])], production: [remote('b1', 'VIP', ['tag=gold'])]}, {'segments/vip.json': files['segments/vip.json']})
    const result = await pull(different.ctx, different.workspaces, {dryRun: false, writer: definitionWriter})
    expect(result.workspaces.map((w) => [w.entries[0]!.status, w.entries[0]!.reason])).toEqual([
      ['refused', 'workspaces staging and production share this file and their vendors differ here: pull one of them with -w NAME'],
      ['refused', 'workspaces staging and production share this file and their vendors differ here: pull one of them with -w NAME'],
    ])
    expect(read(different.repo, 'segments/vip.json')).toBe(files['segments/vip.json'])
  })
})

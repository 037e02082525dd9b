/**
 * The built CLI, run as a user would, against a Kibamail emulator on loopback: output, exit codes
 * and the emulator's final state.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {kibamail} from '../../src/providers/kibamail/index.js'
import {runCli} from '../helpers/cli.js'
import {expectConverged} from '../helpers/plan-schema.js'
import {and, field, KB_KEY, KB_READ_ONLY_KEY, kibamailEmulator, keys, not, or, properties, topics, writes} from '../helpers/kibamail.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {KIBAMAIL_API_KEY: KB_KEY}
const us = field('country', 'eq', 'US')
const ltv = field('lifetime_value', 'gte', 100)
const pro = field('plan', 'in', ['pro', 'team'])

const seed = {
  properties,
  topics,
  segments: [
    {id: 'segment_old', name: 'Old', conditions: {subscribedToTopic: ['topic_product']}},
    {id: 'segment_hand', name: 'Hand made', conditions: field('email', 'contains', '@acme.com')},
    {id: 'segment_app', name: 'App query', conditions: {email: {$regex: 'acme'}}},
    {id: 'segment_readers', name: 'Readers', conditions: or({subscribedToTopic: ['topic_news']}, us)},
    {id: 'segment_base', name: 'Base', description: 'Old words', conditions: and(us, ltv)},
  ],
}

function repoFor(url: string, policy?: Record<string, unknown>, extra: Record<string, string | object> = {}) {
  return tempRepo({
    'segsync.config.json': jsonConfig(url, {}, policy, 'kibamail'),
    // Same conditions in another order, one more, and no description any more.
    'segments/base.json': {$schema: '../schemas/kibamail/segment.schema.json', name: 'Base', conditions: and(pro, ltv, us)},
    'segments/readers.ts': `import {defineSegment} from 'segsync/kibamail'\nexport default defineSegment({name: 'Readers', conditions: {$or: [{field: 'country', operator: 'eq', value: 'US'}, {subscribedToTopic: ['topic_news']}]}})\n`,
    'segments/new.json': {name: 'New', description: 'Fresh', conditions: and({notSubscribedToTopic: ['topic_product']}, not(or(us, field('plan', 'eq', 'free'))))},
    'segments/old.json': {name: 'Old', ensure: 'absent'},
    ...extra,
  })
}

describe('segsync plan and apply (Kibamail)', () => {
  it('plans a create, an update and a delete, each saying campaign usage cannot be verified, without writing', async () => {
    const emulator = await kibamailEmulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['plan'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    const out = res.stdout
    expect(out).toContain('! campaign usage cannot be verified for kibamail: Kibamail has no API to list broadcasts or automations')
    expect(out).toContain('+ create "New" (id known after apply)')
    expect(out).toContain('+ adds condition `notSubscribedToTopic [topic_product]`')
    expect(out).toContain('~ update "Base" (segment_base)')
    expect(out).toContain('+ adds condition `plan in ["pro","team"]`')
    expect(out).toContain('- removes the description (was "Old words")')
    expect(out).toContain('- delete "Old" (segment_old)')
    expect(out.match(/! warning: campaign usage cannot be verified for kibamail/g)).toHaveLength(2)
    expect(out).toContain('1 read-only segment listed, never modified: "App query"')
    expect(out).toContain('1 unmanaged segment (no definition file; not touched): "Hand made"')
    expect(out).not.toContain('"Readers"')
    expect(out).toContain('Plan: 1 to create, 1 to update, 1 to delete. 1 blocked unless allowed.')
    expect(writes(emulator)).toEqual([])
  })

  it('applies create, update (changed fields only) and delete, then converges to zero changes', async () => {
    const emulator = await kibamailEmulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['apply', '--auto-approve', '--allow-delete'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('Apply complete! 1 created, 1 updated, 1 deleted.')
    const puts = emulator.requests.filter((r) => r.method === 'PUT')
    expect(puts).toEqual([expect.objectContaining({path: '/v1/segments/segment_base', body: {conditions: and(pro, ltv, us), description: null}})])
    const state = new Map(emulator.state.segments.map((s) => [s.name, s]))
    expect(state.get('Base')).toMatchObject({description: null, conditions: and(pro, ltv, us)})
    expect(state.get('New')).toMatchObject({id: expect.stringMatching(/^segment_/), description: 'Fresh'})
    expect(state.has('Old')).toBe(false)
    expect(state.get('Hand made')).toBeDefined()
    expect(state.get('App query')?.conditions).toEqual({email: {$regex: 'acme'}})

    await expectConverged(repo.dir, env, () => writes(emulator))
  })

  it('refuses apply with a read-only key: exit 4, a message naming the missing scope, nothing written', async () => {
    const emulator = await kibamailEmulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['apply', '--auto-approve', '--allow-delete'], {cwd: repo.dir, env: {KIBAMAIL_API_KEY: KB_READ_ONLY_KEY}})
    expect(res.code).toBe(4)
    const out = res.stdout + res.stderr
    expect(out).toContain("Kibamail refused the request (401 on POST /v1/segments): INSUFFICIENT_SCOPE: API key lacks 'write:segments' scope")
    expect(out).toContain('segsync needs a Kibamail API key with read:segments to plan, write:segments to apply')
    expect(out).toContain('Apply failed. 0 created, 0 updated, 0 deleted')
    expect(out).not.toContain(KB_READ_ONLY_KEY)
    expect(emulator.state.segments.map((s) => s.name).sort()).toEqual(['App query', 'Base', 'Hand made', 'Old', 'Readers'])
    expect(emulator.state.segments.find((s) => s.name === 'Base')!.description).toBe('Old words')
  })

  it("blocks under policy unknownUsage: 'block' (exit 6, zero writes) until --allow-campaign-impact", async () => {
    const emulator = await kibamailEmulator(seed)
    const repo = repoFor(emulator.url, {unknownUsage: 'block'})
    const res = await runCli(['apply', '--auto-approve', '--allow-delete'], {cwd: repo.dir, env})
    expect(res.code).toBe(6)
    expect(res.stderr).toContain('apply refused before any write: 2 blocked changes')
    expect(res.stderr).toContain('update "Base": campaign usage cannot be verified for kibamail (Kibamail has no API to list broadcasts or automations) (allow with --allow-campaign-impact)')
    expect(res.stderr).toContain('delete "Old": campaign usage cannot be verified for kibamail')
    expect(writes(emulator)).toEqual([])
    const allowed = await runCli(['apply', '--auto-approve', '--allow-delete', '--allow-campaign-impact'], {cwd: repo.dir, env})
    expect(allowed.code).toBe(0)
    expect(allowed.stdout).toContain('Apply complete! 1 created, 1 updated, 1 deleted.')
  })

  it('blocks a definition that references a topic id Kibamail does not have, before any write', async () => {
    const emulator = await kibamailEmulator(seed)
    const repo = repoFor(emulator.url, undefined, {'segments/typo.json': {name: 'Typo', conditions: {subscribedToTopic: ['topic_nwes', 'topic_news']}}})
    const plan = await runCli(['plan'], {cwd: repo.dir, env})
    expect(plan.stdout).toContain('✖ blocked: conditions reference topic id "topic_nwes" that Kibamail does not have (GET /v1/topics); create the topic or fix the id')
    const res = await runCli(['apply', '--auto-approve', '--allow-delete', '--allow-campaign-impact'], {cwd: repo.dir, env})
    expect(res.code).toBe(6)
    expect(res.stderr).toContain('create "Typo": conditions reference topic id "topic_nwes"')
    expect(res.stderr).toContain('Some changes no flag allows: change the definitions.')
    expect(writes(emulator)).toEqual([])
  })

  it('plans zero changes for definitions written from toDefinition (the import round trip)', async () => {
    const emulator = await kibamailEmulator(seed)
    const client = await kibamail.connect({endpoint: emulator.url, apiKey: KB_KEY})
    const remotes = await client.listSegments()
    await client.close()
    const files: Record<string, object> = {'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'kibamail')}
    for (const remote of remotes.filter((r) => !r.readOnly)) files[`segments/${remote.id}.json`] = {name: remote.name, ...kibamail.toDefinition(remote, () => undefined)}
    const repo = tempRepo(files)
    const res = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(res.stdout).toContain('No changes. 4 segments up to date.')
    expect(res.code).toBe(0)
  })

  it('works with endpoint: embedded and scoped keys in the seed, keeping state in .segsync/', async () => {
    const repo = tempRepo({
      'segsync.config.json': {provider: 'kibamail', segments: 'segments', endpoint: 'embedded', emulatorSeed: 'seed.json'},
      'seed.json': {...seed, apiKeys: keys},
      'segments/base.json': {name: 'Base', conditions: and(pro, ltv, us)},
    })
    const apply = await runCli(['apply', '--auto-approve'], {cwd: repo.dir, env: {KIBAMAIL_API_KEY: undefined}})
    expect(apply.code).toBe(0)
    expect(apply.stdout).toContain('Apply complete! 0 created, 1 updated, 0 deleted.')
    const state = JSON.parse(readFileSync(join(repo.dir, '.segsync/default.kibamail.json'), 'utf8'))
    expect(state.apiKeys[0]).toEqual({key: KB_KEY, scopes: keys[0]!.scopes})
    // The saved state (scoped keys as objects) is read back by the next run.
    expect((await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir})).code).toBe(0)
  })
})

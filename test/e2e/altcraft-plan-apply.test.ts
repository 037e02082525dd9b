/**
 * The built CLI, run as a user would, against an Altcraft emulator on loopback: plan output with
 * campaign impact through mailings (and through dependsOn), apply in dependency order with
 * integer ids and full-definition updates, then a re-plan with zero changes.
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {expectConverged} from '../helpers/plan-schema.js'
import {ALTCRAFT_TOKEN, altcraftEmulator, altcraftWrites, block, query} from '../helpers/altcraft.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {ALTCRAFT_API_KEY: ALTCRAFT_TOKEN}
const served = (listId: number, condition: 'and' | 'or', ...queries: unknown[]) => [{...block(listId, condition, ...queries), limit: 0, percent_from: 0, percent_to: 100}]

// Remote: Base (mailing "Weekly digest") ← Derived (mailing "Promo"), Old (completed mailing), Hand made, Static.
const seed = {
  databases: [5, 6],
  segments: [
    {id: 10, name: 'Base', list_id: 5, segment: served(5, 'and', {...query('email', 'equal', 'a@b.c'), child: [], condition: ''})},
    {id: 11, name: 'Derived', list_id: 5, is_static: true, is_refresh_daily: true, segment: served(5, 'and', query('_region', 'equal', 'EU'))},
    {id: 12, name: 'Old', list_id: 5, segment: served(5, 'or', query('_tag', 'equal', 'old'))},
    {id: 13, name: 'Hand made', list_id: 6, segment: served(6, 'or', query('_tag', 'equal', 'hand'))},
    {id: 14, name: 'Static', list_id: 5, is_static: true},
  ],
  campaigns: [
    {id: 1, name: 'Weekly digest', type: 'regular', is_active: true, data_type: 'segment', data_id: 10},
    {id: 2, name: 'Promo', type: 'broadcast', is_active: true, data_type: 'segment', data_id: 11},
    {id: 3, name: 'Newsletter 2023', type: 'broadcast', is_active: true, is_completed: true, data_type: 'segment', data_id: 12},
    {id: 4, name: 'Paused chain', type: 'trigger', is_active: false, data_type: 'segment', data_id: 10},
  ],
}

const definitions = {
  'segments/base.json': {name: 'Base', list_id: 5, segment: [{condition: 'and', queries: [query('email', 'equal', 'a@b.c'), query('_lang', 'equal', 'en')]}]},
  'segments/derived.json': {name: 'Derived', dependsOn: ['Base'], list_id: 5, is_static: true, is_refresh_daily: true, segment: [{condition: 'and', queries: [query('_region', 'equal', 'EU')]}]},
  'segments/old.json': {name: 'Old', ensure: 'absent'},
  // Two new segments, the child depending on the parent: the parent is created first.
  'segments/new-child.ts': `import {defineSegment} from 'segsync/altcraft'\nexport default defineSegment({name: 'New child', dependsOn: ['New parent'], list_id: 6, segment: [{condition: 'or', percent_to: 50, queries: [{compo: 'default', name: '_city', operator: 'equal', type: 'string', value: [{name: 'value', value: 'Berlin'}]}]}]})\n`,
  'segments/new-parent.json': {name: 'New parent', list_id: 6, segment: [{condition: 'and', limit: 100, queries: [query('_vip', 'equal', 'yes')]}]},
}

function repoFor(url: string, files: Record<string, unknown> = definitions) {
  return tempRepo({'segsync.config.json': jsonConfig(url, {}, undefined, 'altcraft'), ...(files as Record<string, object>)})
}

describe('segsync plan and apply (Altcraft)', () => {
  it('plans creates, updates and deletes with campaign impact through mailings and dependsOn', async () => {
    const emulator = await altcraftEmulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['plan'], {cwd: repo.dir, env})
    expect(res.stderr).not.toContain('Error')
    expect(res.code).toBe(0)
    const out = res.stdout
    expect(out).toContain('~ update "Base" (10)')
    expect(out).toContain('+ adds query `_lang equal en`')
    expect(out).toContain('mailing "Weekly digest" (Active) directly')
    expect(out).toContain('mailing "Promo" (Active) through "Derived"')
    expect(out).not.toContain('Paused chain')
    expect(out).toContain('+ create "New parent" (id known after apply)')
    expect(out).toContain('+ limits the segment to 100 profiles')
    expect(out).toContain('+ samples the database up to 50%')
    expect(out).toContain('- delete "Old" (12)')
    expect(out).toContain('mailing "Newsletter 2023" (Completed) directly')
    expect(out).toContain('1 read-only segment listed, never modified: "Static"')
    expect(out).toContain('1 unmanaged segment (no definition file; not touched): "Hand made"')
    expect(out).toContain('Plan: 2 to create, 1 to update, 1 to delete. 2 active campaigns affected. 2 blocked unless allowed.')
    expect(out).not.toContain('"Derived" (11)')
    expect(altcraftWrites(emulator)).toEqual([])
  })

  it('applies in dependency order with integer ids and full definitions, then re-plans to zero changes', async () => {
    const emulator = await altcraftEmulator(seed)
    const repo = repoFor(emulator.url)
    const res = await runCli(['apply', '--auto-approve', '--allow-campaign-impact', '--allow-delete'], {cwd: repo.dir, env})
    expect(res.stderr).not.toContain('Error')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('Apply complete! 2 created, 1 updated, 1 deleted.')

    const writes = altcraftWrites(emulator).map((r) => ({path: r.path, body: r.body as Record<string, unknown>}))
    expect(writes.filter((w) => w.path.endsWith('/segments/add/')).map((w) => w.body.name)).toEqual(['New parent', 'New child'])
    const update = writes.find((w) => w.path.endsWith('/segments/update/'))!.body
    expect(update).toEqual({
      token: ALTCRAFT_TOKEN,
      format: 'json',
      id: 10,
      name: 'Base',
      list_id: 5,
      is_static: false,
      is_refresh_daily: false,
      segment: [{condition: 'and', limit: 0, list_id: 5, percent_from: 0, percent_to: 100, queries: [query('email', 'equal', 'a@b.c'), query('_lang', 'equal', 'en')]}],
    })
    expect(writes.find((w) => w.path.endsWith('/segments/delete/'))!.body).toEqual({token: ALTCRAFT_TOKEN, format: 'json', id: 12})

    const state = emulator.state.segments
    expect(state.map((s) => s.id)).toEqual([10, 11, 13, 14, 15, 16])
    expect(state.find((s) => s.name === 'New child')).toMatchObject({list_id: 6, segment: [{condition: 'or', percent_to: 50, list_id: 6}]})
    expect(state.find((s) => s.name === 'Static')).toMatchObject({is_static: true, segment: []})

    await expectConverged(repo.dir, env, () => altcraftWrites(emulator))
  })

  it('blocks a change of profile database before any write (exit 6), with what to do instead', async () => {
    const emulator = await altcraftEmulator(seed)
    const repo = repoFor(emulator.url, {'segments/base.json': {name: 'Base', list_id: 6, segment: [{condition: 'and', queries: [query('email', 'equal', 'a@b.c')]}]}})
    const plan = await runCli(['plan'], {cwd: repo.dir, env})
    expect(plan.stdout).toContain('~ moves the segment from profile database 5 to 6 (list_id)')
    expect(plan.stdout).toContain('✖ blocked: list_id cannot change from 5 to 6: Altcraft cannot move a segment to another profile database.')
    const res = await runCli(['apply', '--auto-approve', '--allow-campaign-impact', '--allow-delete'], {cwd: repo.dir, env})
    expect(res.code).toBe(6)
    expect(res.stderr).toContain(`Create a segment with a new name for database 6 (and mark "Base" ensure: 'absent' to delete it)`)
    expect(res.stderr).toContain('Some changes no flag allows: change the definitions.')
    expect(altcraftWrites(emulator)).toEqual([])
  })

  it('says in the plan when mailings cannot be read, and still plans', async () => {
    const emulator = await altcraftEmulator(seed)
    emulator.faults.add({path: '/api/v1.1/campaigns/list/', fault: {type: 'status', status: 200, body: {error: 403, error_text: 'No access rights: Mailings — Read'}}})
    const repo = repoFor(emulator.url, {'segments/base.json': definitions['segments/base.json']})
    const res = await runCli(['plan'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('! campaign usage cannot be verified for altcraft: could not read Altcraft mailings: Altcraft refused the request (403 on POST /api/v1.1/campaigns/list/): No access rights: Mailings — Read')
    expect(res.stdout).toContain('! warning: campaign usage cannot be verified for altcraft')
  })
})

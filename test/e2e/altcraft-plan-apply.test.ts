/**
 * Altcraft's own plan and apply stories through the built CLI, against its emulator on loopback:
 * a segment cannot move to another profile database, and mailings the token may not read. The
 * stories every vendor tells are in vendors.test.ts (Altcraft's account and files, used here too:
 * cases/altcraft.ts).
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {ALTCRAFT_TOKEN, altcraftEmulator, altcraftWrites, query} from '../helpers/altcraft.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'
import {altcraft} from './cases/altcraft.js'

const env = {ALTCRAFT_API_KEY: ALTCRAFT_TOKEN}

function repoFor(url: string, files: Record<string, string | object>) {
  return tempRepo({'segsync.config.json': jsonConfig(url, {}, undefined, 'altcraft'), ...files})
}

describe('segsync plan and apply (Altcraft)', () => {
  it('blocks a change of profile database before any write (exit 6), with what to do instead', async () => {
    const emulator = await altcraftEmulator(altcraft.seed)
    const repo = repoFor(emulator.url, {...altcraft.files, 'segments/base.json': {name: 'Base', list_id: 6, segment: [{condition: 'and', queries: [query('email', 'equal', 'a@b.c')]}]}})
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
    const emulator = await altcraftEmulator(altcraft.seed)
    emulator.faults.add({path: '/api/v1.1/campaigns/list/', fault: {type: 'status', status: 200, body: {error: 403, error_text: 'No access rights: Mailings — Read'}}})
    const repo = repoFor(emulator.url, {'segments/base.json': altcraft.files['segments/base.json']!})
    const res = await runCli(['plan'], {cwd: repo.dir, env})
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('! campaign usage cannot be verified for altcraft: could not read Altcraft mailings: Altcraft refused the request (403 on POST /api/v1.1/campaigns/list/): No access rights: Mailings — Read')
    expect(res.stdout).toContain('! warning: campaign usage cannot be verified for altcraft')
  })
})

/** `segsync import` against Altcraft: the files a user would write, and a plan right after with zero changes. */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {ALTCRAFT_TOKEN, altcraftEmulator, altcraftWrites, messyState} from '../helpers/altcraft.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const env = {ALTCRAFT_API_KEY: ALTCRAFT_TOKEN}

describe('segsync import (Altcraft)', () => {
  it.each(['json', 'ts'])('writes %s files from a messy account that plan to zero changes; static segments are skipped', async (format) => {
    const emulator = await altcraftEmulator(messyState)
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'altcraft')})
    const res = await runCli(['import', '--format', format], {cwd: repo.dir, env})
    expect(res.stderr).not.toContain('Error')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('Wrote 4 files into segments:')
    expect(res.stdout).toContain('Control group (static)')
    const yahoo = repo.read(`segments/yahoo-users.${format}`)
    expect(yahoo).not.toMatch(/"?child"?: \[\]|"?condition"?: ''|"?condition"?: ""|percent_to|"?id"?: 3|count/)
    const plan = await runCli(['plan', '--detailed-exitcode'], {cwd: repo.dir, env})
    expect(plan.stdout).toContain('No changes. The vendors match the definitions.')
    expect(plan.code).toBe(0)
    expect(altcraftWrites(emulator)).toEqual([])
  })
})

/**
 * Altcraft failures through the built CLI: errors that arrive as HTTP 200 with `error ≠ 0` fail
 * the run with the vendor's text, and a workspace without an endpoint is refused (no default
 * origin: self-hosted). A write refused that way mid-apply (exit 8), the token never shown, a
 * refused token (exit 4) and offline validation are Altcraft's rows in vendors.test.ts.
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {ALTCRAFT_TOKEN, altcraftEmulator} from '../helpers/altcraft.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'
import {base, envelopeError, smallSeed} from './cases/altcraft.js'

const env = {ALTCRAFT_API_KEY: ALTCRAFT_TOKEN}

function repoFor(url: string) {
  return tempRepo({'segsync.config.json': jsonConfig(url, {}, undefined, 'altcraft'), 'segments/base.json': base})
}

describe('Altcraft errors through the CLI', () => {
  it('fails a plan whose read answers HTTP 200 with error ≠ 0, with the vendor text (never a success)', async () => {
    const emulator = await altcraftEmulator(smallSeed)
    emulator.faults.add({path: '/api/v1.1/segments/get/', fault: envelopeError(400, 'Incorrect request: segment 10 is being recalculated')})
    const res = await runCli(['plan'], {cwd: repoFor(emulator.url).dir, env})
    expect(res.code).toBe(1)
    expect(res.stdout).not.toContain('No changes')
    expect(res.stderr).toContain('Error: Altcraft rejected POST /api/v1.1/segments/get/ (400): Incorrect request: segment 10 is being recalculated')
  })

  it('fails an apply whose only write is refused with HTTP 200 + error (exit 1, status failed)', async () => {
    const emulator = await altcraftEmulator(smallSeed)
    emulator.faults.add({path: '/api/v1.1/segments/update/', fault: envelopeError(400, 'Incorrect request')})
    const res = await runCli(['apply', '--auto-approve'], {cwd: repoFor(emulator.url).dir, env})
    expect(res.code).toBe(1)
    expect(res.stdout).toContain('update "Base" failed: Altcraft rejected POST /api/v1.1/segments/update/ (400): Incorrect request')
    expect(res.stdout).toContain('Apply failed. 0 created, 0 updated, 0 deleted; 1 failed')
  })

  it('refuses a workspace without endpoint (Altcraft has no default origin), before reading the token', async () => {
    const repo = tempRepo({'segsync.config.json': {provider: 'altcraft', segments: 'segments', apiKeyEnv: 'ALTCRAFT_API_KEY'}, 'segments/base.json': base})
    expect((await runCli(['validate'], {cwd: repo.dir})).code).toBe(0)
    const res = await runCli(['plan'], {cwd: repo.dir, env: {ALTCRAFT_API_KEY: undefined}})
    expect(res.code).toBe(3)
    expect(res.stderr).toContain('workspace default: Altcraft has no default API origin; set "endpoint" (e.g. https://your-host)')
  })
})

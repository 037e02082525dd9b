/**
 * A key that an HTTP header cannot carry (a secret saved with `echo` ends in a newline): every
 * command that talks to the vendor says so once, before any request, and never shows the key.
 */
import {expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const root = {kind: 'group', id: 'root', joinOperator: 'and', children: [{kind: 'filter', id: 'f1', field: 'status', operator: 'is', value: 'active'}]}

it.each([
  ['a trailing newline', `${TEST_KEY}\n`, 'a line break'],
  ['a character beyond Latin-1', `${TEST_KEY}€`, 'a character an HTTP header cannot carry'],
])('plan with a key holding %s: exit 4 before any request, the key never shown', async (_what, key, said) => {
  const emulator = await sequenzyEmulator({segments: [], campaigns: [], sequences: []})
  const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {apiKeyEnv: 'SEQUENZY_API_KEY'}), 'segments/a.json': {name: 'A', root}})
  const res = await runCli(['plan'], {cwd: repo.dir, env: {SEQUENZY_API_KEY: key}})
  expect(res.code).toBe(4)
  expect(res.stderr).toContain(`the Sequenzy API key in SEQUENZY_API_KEY holds ${said}; nothing was sent`)
  expect(res.stderr).toContain('printf %s')
  expect(res.stdout + res.stderr).not.toContain(TEST_KEY)
  expect(emulator.requests).toEqual([])
})

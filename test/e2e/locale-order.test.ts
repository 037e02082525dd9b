/**
 * The order of what segsync lists is the same on every machine: not the locale's (LANG). Before,
 * names were sorted with `localeCompare`, so a laptop set to Swedish (where "ä" follows "z") and a
 * CI runner in English listed one plan's unmanaged segments, and one validate's problems, in
 * different orders. Text is now ordered by its letters without regard to case, then by code unit.
 */
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {condition, filter, MAILGLYPH_KEY, mailglyphEmulator} from '../helpers/mailglyph.js'
import {jsonConfig, tempRepo} from '../helpers/temp-repo.js'

const NAMES = ['zeta', 'Ärzte', 'alpha', 'Zulu', 'äpple', 'Beta']
// Letters without regard to case, by code unit: letters with diacritics after z, in every locale.
const ORDERED = ['alpha', 'Beta', 'zeta', 'Zulu', 'äpple', 'Ärzte']
const LOCALES = ['sv_SE.UTF-8', 'en_US.UTF-8', 'de_DE.UTF-8']
const inLocale = (locale: string) => ({LANG: locale, LC_ALL: locale})

describe('one order whatever the locale', () => {
  it("lists a plan's unmanaged segments in the same order under Swedish, English and German locales", async () => {
    const pro = filter('data.plan', 'equals', 'pro')
    const emulator = await mailglyphEmulator({segments: NAMES.map((name, i) => ({id: `seg_${i}`, name, condition: condition('AND', [pro])}))})
    const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, {}, undefined, 'mailglyph'), 'segments/kept.json': {name: 'Kept', condition: condition('AND', [pro])}})
    for (const locale of LOCALES) {
      const res = await runCli(['plan', '--json'], {cwd: repo.dir, env: {MAILGLYPH_API_KEY: MAILGLYPH_KEY, ...inLocale(locale)}})
      expect(res.code, res.stderr).toBe(0)
      const unmanaged = (JSON.parse(res.stdout) as {workspaces: Array<{unmanaged: Array<{name: string}>}>}).workspaces[0]!.unmanaged
      expect(unmanaged.map((u) => u.name), locale).toEqual(ORDERED)
    }
  })

  it("lists validate's problems in the same order under Swedish, English and German locales", async () => {
    const repo = tempRepo({
      'segsync.config.json': jsonConfig('http://127.0.0.1:9', {}, undefined, 'mailglyph'),
      ...Object.fromEntries(NAMES.map((name) => [`segments/${name}.json`, {name, condition: {logic: 'MAYBE', groups: []}}])),
    })
    for (const locale of LOCALES) {
      const res = await runCli(['validate', '--json'], {cwd: repo.dir, env: inLocale(locale)})
      expect(res.code, res.stderr).toBe(3)
      const problems = (JSON.parse(res.stdout) as {error: {problems: Array<{file: string}>}}).error.problems
      expect([...new Set(problems.map((p) => p.file))], locale).toEqual(ORDERED.map((n) => `segments/${n}.json`))
    }
  })
})

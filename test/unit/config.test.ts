import {describe, expect, it} from 'vitest'
import {InvalidConfigError, loadConfig} from '../../src/core/load/load-config.js'
import {providerIds} from '../../src/providers/registry.js'
import {tempRepo} from '../helpers/temp-repo.js'

const flat = {provider: 'sequenzy', segments: 'segments', endpoint: 'embedded'}
const yaml = 'provider: sequenzy\nsegments: segments\nendpoint: embedded\n'
const ts = `import {defineConfig} from 'segsync'\nexport default defineConfig({provider: 'sequenzy', segments: 'segments', endpoint: 'embedded'})\n`

describe('config loading', () => {
  it.each([
    ['package.json', {name: 'x', segsync: flat}],
    ['.segsyncrc', JSON.stringify(flat)],
    ['.segsyncrc.json', flat],
    ['.segsyncrc.yaml', yaml],
    ['.config/segsyncrc.yml', yaml],
    ['segsync.config.json', flat],
    ['segsync.config.yaml', yaml],
    ['segsync.config.ts', ts],
    ['segsync.config.mts', ts],
    ['segsync.config.mjs', `export default ${JSON.stringify(flat)}\n`],
    ['.segsyncrc.ts', ts],
  ])('finds %s, and reads the flat form as one workspace named "default"', async (file, content) => {
    const repo = tempRepo({[file]: content, 'package.json': file === 'package.json' ? content : {name: 'x'}})
    const config = await loadConfig({cwd: repo.dir})
    expect(config.file).toBe(file)
    expect(config.workspaces).toEqual([expect.objectContaining({name: 'default', provider: 'sequenzy', endpoint: 'embedded', segmentsDir: `${repo.dir}/segments`})])
    expect(config.policy).toEqual({campaignImpact: 'block', unknownUsage: 'warn'})
  })

  it('walks up from a subdirectory to the project root', async () => {
    const repo = tempRepo({'package.json': {name: 'x'}, 'segsync.config.json': {workspaces: {a: flat, b: {...flat, segments: 'other'}}, policy: {campaignImpact: 'warn'}}, 'deep/er/.keep': ''})
    const config = await loadConfig({cwd: `${repo.dir}/deep/er`})
    expect(config.workspaces.map((w) => w.name)).toEqual(['a', 'b'])
    expect(config.workspaces[1]!.segmentsDir).toBe(`${repo.dir}/other`)
    expect(config.policy.campaignImpact).toBe('warn')
  })

  it('stops at the project root (the first folder with a package.json), as cosmiconfig does', async () => {
    const repo = tempRepo({'segsync.config.json': flat, 'app/package.json': {name: 'app'}, 'app/src/.keep': ''})
    await expect(loadConfig({cwd: `${repo.dir}/app/src`})).rejects.toThrow(/no segsync config found/)
    expect((await loadConfig({cwd: repo.dir})).file).toBe('segsync.config.json')
  })

  it('resolves a TS config that imports a local helper', async () => {
    const repo = tempRepo({
      'package.json': {name: 'x'},
      'shared.ts': `export const folder: string = 'segments/email'\n`,
      'segsync.config.ts': `import {defineConfig} from 'segsync'\nimport {folder} from './shared'\nexport default defineConfig({workspaces: {prod: {provider: 'sequenzy', segments: folder, apiKeyEnv: 'K'}}})\n`,
    })
    expect((await loadConfig({cwd: repo.dir})).workspaces[0]).toMatchObject({name: 'prod', segments: 'segments/email', apiKeyEnv: 'K'})
  })

  it('names the file, line and JSON path of every config mistake, with hints', async () => {
    const repo = tempRepo({
      'package.json': {name: 'x'},
      'segsync.config.json': '{\n  "workspaces": {\n    "prod": {"provider": "sequenzi", "segments": "s", "endpont": "https://x"}\n  },\n  "policy": {"campaignImpact": "blok"}\n}\n',
    })
    const error = await loadConfig({cwd: repo.dir}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidConfigError)
    const problems = (error as InvalidConfigError).problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.path} ${p.message} ${p.hint ?? ''}`.trim())
    expect(problems).toEqual([
      `segsync.config.json:3:26 /workspaces/prod/provider provider "sequenzi" is not allowed here; expected one of: ${providerIds.join(', ')} did you mean "sequenzy"?`,
      'segsync.config.json:3:55 /workspaces/prod/endpont unknown property "endpont" did you mean "endpoint"?',
      'segsync.config.json:5:32 /policy/campaignImpact campaignImpact "blok" is not allowed here; expected one of: block, warn did you mean "block"?',
    ])
  })

  it('places mistakes in a TS config at their line and column too', async () => {
    const repo = tempRepo({
      'package.json': {name: 'x'},
      'segsync.config.ts': `import {defineConfig} from 'segsync'\n\nexport default defineConfig({\n  workspaces: {\n    prod: {provider: 'sequenzi', segments: 's', endpont: 'https://x'},\n  },\n})\n`,
    })
    const error = await loadConfig({cwd: repo.dir}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidConfigError)
    expect((error as InvalidConfigError).problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.path}`)).toEqual([
      'segsync.config.ts:5:22 /workspaces/prod/provider',
      'segsync.config.ts:5:49 /workspaces/prod/endpont',
    ])
  })

  it('names the line and column of each syntax mistake in a JSON config, package.json included', async () => {
    const broken = '{\n  "provider": "sequenzy",\n  "segments": "segments",\n}\n'
    const cases: Array<[string, string]> = [
      ['segsync.config.json', broken],
      ['package.json', `{"name": "x", "segsync": ${broken}}`],
    ]
    for (const [file, text] of cases) {
      const repo = tempRepo({[file]: text, ...(file === 'package.json' ? {} : {'package.json': {name: 'x'}})})
      const error = (await loadConfig({cwd: repo.dir}).catch((e: unknown) => e)) as InvalidConfigError
      expect(error).toBeInstanceOf(InvalidConfigError)
      // The trailing comma is one mistake, reported once.
      expect(error.problems).toEqual([expect.objectContaining({file, line: 4, column: 1, message: expect.stringMatching(/malformed JSON/)})])
    }
  })

  it('passes over a blank config file to the next place, and reads one that starts with a byte order mark', async () => {
    for (const blank of ['segsync.config.ts', '.segsyncrc.json']) {
      const repo = tempRepo({'package.json': {name: 'x'}, [blank]: ' \n', 'segsync.config.json': flat})
      expect((await loadConfig({cwd: repo.dir})).file).toBe('segsync.config.json')
    }
    const repo = tempRepo({'package.json': {name: 'x'}, 'segsync.config.json': `\uFEFF${JSON.stringify(flat)}`})
    expect((await loadConfig({cwd: repo.dir})).workspaces[0]).toEqual(expect.objectContaining({provider: 'sequenzy'}))
  })

  it('merges what a JSON or TS config $imports, as cosmiconfig does', async () => {
    const base = {provider: 'sequenzy', endpoint: 'embedded'}
    const cases: Array<[string, string]> = [
      ['segsync.config.json', JSON.stringify({$import: './base.json', segments: 'segments'})],
      ['segsync.config.ts', `export default {$import: './base.json', segments: 'segments'}\n`],
    ]
    for (const [file, text] of cases) {
      const repo = tempRepo({'package.json': {name: 'x'}, 'base.json': base, [file]: text})
      const config = await loadConfig({cwd: repo.dir})
      expect(config.workspaces).toEqual([expect.objectContaining({provider: 'sequenzy', endpoint: 'embedded', segmentsDir: `${repo.dir}/segments`})])
    }
  })

  it('refuses a TS config in --no-code mode without running it', async () => {
    const repo = tempRepo({'package.json': {name: 'x'}, 'segsync.config.ts': `throw new Error('ran')\n`})
    await expect(loadConfig({cwd: repo.dir, noCode: true})).rejects.toThrow(/refused in --no-code mode/)
  })

  it('says where it looked when there is no config', async () => {
    const repo = tempRepo({'package.json': {name: 'x'}})
    await expect(loadConfig({cwd: repo.dir})).rejects.toThrow(/no segsync config found/)
  })
})

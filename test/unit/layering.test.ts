/**
 * The layering rule in eslint.config.js: files under src/core may not import the outer folders
 * (providers, emulators, config, commands, render, github, http, connect, cli), types included.
 * Linted with the repository's own config; type information is switched off because the snippets
 * are not files on disk (the layering rules need none).
 */
import {ESLint} from 'eslint'
import tseslint from 'typescript-eslint'
import {describe, expect, it} from 'vitest'
import {packageRoot} from '../../src/util/package-root.js'

const eslint = new ESLint({cwd: packageRoot, overrideConfig: tseslint.configs.disableTypeChecked})

async function layeringErrors(code: string, filePath: string): Promise<Array<{line: number; ruleId: string | null; message: string}>> {
  const [result] = await eslint.lintText(code, {filePath})
  return result!.messages.filter((m) => m.message.includes('src/core must not import')).map(({line, ruleId, message}) => ({line, ruleId, message}))
}

const OUTER_IMPORTS = [
  `import type {Provider} from '../../providers/provider.js'`,
  `import {getProvider} from '../../providers/registry.js'`,
  `export type {NameOf} from '../../providers/provider.js'`,
  `export const load = () => import('../../providers/provider.js')`,
  'export const loadById = (id: string) => import(`../../providers/${id}/index.js`)',
  `export type Provider2 = import('../../providers/provider.js').Provider`,
].join('\n')

describe('layering: core does not import outer folders', () => {
  it('reports every kind of import of src/providers from a core file: static, type-only, re-export, dynamic, import type', async () => {
    const errors = await layeringErrors(OUTER_IMPORTS, 'src/core/diff/x.ts')
    expect(errors.map((e) => [e.line, e.ruleId])).toEqual([
      [1, 'no-restricted-imports'],
      [2, 'no-restricted-imports'],
      [3, 'no-restricted-imports'],
      [4, 'no-restricted-syntax'],
      [5, 'no-restricted-syntax'],
      [6, 'no-restricted-syntax'],
    ])
  })

  it('reports the other outer folders, from any depth under src/core', async () => {
    const code = [
      `import type {EmbeddedEndpoint} from '../emulators/embedded.js'`,
      `import {loadConfig} from '../config/load-config.js'`,
      `import {preloadHttp} from '../http/client.js'`,
      `import {renderText} from '../render/text.js'`,
    ].join('\n')
    expect(await layeringErrors(code, 'src/core/x.ts')).toHaveLength(4)
    expect(await layeringErrors(code.replaceAll(`'../`, `'../../../`), 'src/core/plan/rules/x.ts')).toHaveLength(4)
  })

  it('lets core import core, util, generated types and errors', async () => {
    const code = [
      `import type {Definition} from '../model.js'`,
      `import {show} from './keyed.js'`,
      `import {redact} from '../../util/redact.js'`,
      `import type {FieldChange} from '../../generated/plan.js'`,
      `import {ConfigError} from '../../errors.js'`,
    ].join('\n')
    expect(await layeringErrors(code, 'src/core/diff/x.ts')).toEqual([])
  })

  it('lets the outer folders import providers', async () => {
    expect(await layeringErrors(OUTER_IMPORTS, 'src/render/x.ts')).toEqual([])
  })
})

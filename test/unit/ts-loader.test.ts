// A TS definition is read once: the loader evaluates the text the load stage already read, and
// never goes back to the file for it.
import {describe, expect, it} from 'vitest'
import {importDefault} from '../../src/util/ts-loader.js'
import {tempRepo} from '../helpers/temp-repo.js'

describe('importDefault', () => {
  it('evaluates the text it is given, not the file again, with segsync imports resolved', async () => {
    const repo = tempRepo()
    const file = repo.write('segments/a.ts', "export default {name: 'On disk'}\n")
    const source = "import {segment} from 'segsync/sequenzy'\n\nexport default {name: 'Read once', ref: segment('Base')}\n"
    expect(await importDefault(file, {source})).toEqual({name: 'Read once', ref: {$segment: 'Base'}})
  })

  it('reports a syntax error at its line and column, as when jiti reads the file', async () => {
    const repo = tempRepo()
    const file = repo.write('segments/b.ts', 'export default {a: 1,, }\n')
    await expect(importDefault(file, {source: 'export default {a: 1,, }\n'})).rejects.toThrow(/b\.ts:1:21/)
  })
})

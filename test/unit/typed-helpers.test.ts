/**
 * TS definitions are typed from the schema: a wrong operator for a field is a type error in the
 * editor, not only a validation error at run time.
 */
import {join} from 'node:path'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'
import {packageRoot} from '../../src/util/package-root.js'

function typeErrors(source: string): string[] {
  const file = join(packageRoot, 'test', '__virtual__', 'segment.ts')
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    types: [],
    baseUrl: packageRoot,
    paths: {'segsync/sequenzy': ['src/providers/sequenzy/define.ts'], segsync: ['src/index.ts']},
  }
  const host = ts.createCompilerHost(options)
  const read = host.readFile.bind(host)
  host.readFile = (name) => (name === file ? source : read(name))
  const exists = host.fileExists.bind(host)
  host.fileExists = (name) => name === file || exists(name)
  const program = ts.createProgram([file], options, host)
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => `${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`)
}

const header = `import {defineSegment, segment} from 'segsync/sequenzy'\n`

describe('typed helpers (segsync/sequenzy)', () => {
  it('accepts a correct definition with a typed segment reference', () => {
    expect(typeErrors(`${header}export default defineSegment({
  name: 'Trial',
  root: {kind: 'group', joinOperator: 'and', children: [
    {kind: 'filter', field: 'segment', operator: 'is_not', value: segment('Paying')},
    {kind: 'filter', field: 'event', operator: 'at_least', value: 'app.login:3:30d'},
  ]},
})\n`)).toEqual([])
  })

  it('makes a wrong operator for a field a type error on its line', () => {
    const errors = typeErrors(`${header}export default defineSegment({
  name: 'Trial',
  root: {kind: 'group', joinOperator: 'and', children: [
    {kind: 'filter', field: 'status', operator: 'at_least', value: 'active'},
  ]},
})\n`)
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.join('\n')).toMatch(/^5: .*at_least/m)
  })

  it('makes an unknown key a type error', () => {
    expect(typeErrors(`${header}export default defineSegment({name: 'X', rooot: {}})\n`).join('\n')).toMatch(/rooot/)
  })
})

/** Type-check a virtual TS definition file against segsync's typed helpers (as an editor would). */
import {join} from 'node:path'
import ts from 'typescript'
import {packageRoot} from '../../src/util/package-root.js'

/** Diagnostics of `source`, as "line: message". `segsync/<provider>` resolves to src/providers/<provider>/define.ts. */
export function typeErrors(source: string): string[] {
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
    paths: {'segsync/*': ['src/providers/*/define.ts'], segsync: ['src/index.ts']},
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

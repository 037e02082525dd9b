/**
 * Load stage: read every definition file of a workspace. JSON files keep positions for error
 * reporting; TS files are evaluated (jiti) and must `export default` a definition. Nothing is
 * validated here beyond "is it readable"; problems come back as data.
 */
import {readFileSync} from 'node:fs'
import {relative, sep} from 'node:path'
import type {DefinitionSource, Problem} from '../model.js'
import {parseJsonWithPositions} from '../../util/json-source.js'
import {importDefault} from '../../util/ts-loader.js'
import {tsLocator} from '../../util/ts-source.js'
import {findSegmentFiles} from './find-files.js'

export interface LoadedFile {
  source: DefinitionSource
  value: unknown
  /**
   * The text cannot hold a `{ "$segment" }` reference: a JSON file without the word `$segment`
   * and without `\u` escapes. The reference walk then skips it (most files reference nothing).
   */
  noSegmentRefs?: boolean
}

export interface LoadResult {
  files: LoadedFile[]
  problems: Problem[]
  /** Segment test files (`*.segtest.json|ts`), loaded only when asked for (LoadOptions.tests). */
  tests: LoadedFile[]
  testProblems: Problem[]
  /** Path and content of every file read, for the plan's definitions hash. */
  contents: Array<{file: string; content: string}>
}

export interface LoadOptions {
  cwd: string
  /** Refuse TS definitions (fork-safety: never run code from an untrusted pull request). */
  noCode?: boolean
  /** A missing folder is an empty workspace (import), not a mistake in the config. */
  missingOk?: boolean
  /** Also load the segment test files (validate, test). */
  tests?: boolean
  /** Evaluate TS files again even if this process loaded them before (they were just rewritten). */
  fresh?: boolean
}

export async function loadDefinitions(dir: string, options: LoadOptions): Promise<LoadResult> {
  let paths: string[]
  let testPaths: string[]
  try {
    ;({definitions: paths, tests: testPaths} = await findSegmentFiles(dir))
  } catch (error) {
    const file = displayPath(dir, options.cwd)
    const code = (error as {code?: string}).code
    if (code === 'ENOENT' && options.missingOk) return {files: [], contents: [], problems: [], tests: [], testProblems: []}
    return {
      files: [],
      contents: [],
      tests: [],
      testProblems: [],
      problems: [{file, message: code === 'ENOENT' ? 'segments folder does not exist' : `cannot read segments folder: ${String(error)}`, hint: 'Check the workspace "segments" path in the config.'}],
    }
  }
  const display = displayPaths(dir, options.cwd)
  // JSON files are loaded right here; only TS files are awaited (jiti).
  const results = await settle(paths.map((p) => loadFile(p, display(p), options)))
  const tests = options.tests ? await settle(testPaths.map((p) => loadFile(p, display(p), options))) : []
  return {
    files: results.flatMap((r) => (r.file ? [r.file] : [])),
    problems: results.flatMap((r) => r.problems),
    contents: results.map((r) => r.content),
    tests: tests.flatMap((r) => (r.file ? [r.file] : [])),
    testProblems: tests.flatMap((r) => r.problems),
  }
}

type Loaded = {file?: LoadedFile; problems: Problem[]; content: {file: string; content: string}}

async function settle(results: Array<Loaded | Promise<Loaded>>): Promise<Loaded[]> {
  return results.some((r) => r instanceof Promise) ? Promise.all(results.map((r) => Promise.resolve(r))) : (results as Loaded[])
}

function loadFile(abs: string, file: string, options: LoadOptions): Loaded | Promise<Loaded> {
  // Read synchronously: definition files are small, and four thread-pool round trips per file
  // (open, stat, read, close) cost more than the read itself (a third of a 50-file load).
  const content = readFileSync(abs, 'utf8')
  const record = {file, content}
  if (abs.endsWith('.json')) {
    const parsed = parseJsonWithPositions(content)
    const problems: Problem[] = parsed.errors.map((e) => ({file, line: e.line, column: e.column, message: e.message}))
    for (const d of parsed.duplicateKeys) {
      problems.push({
        file,
        ...d.second,
        path: '/' + [...d.path, d.key].join('/'),
        message: `duplicate key ${JSON.stringify(d.key)} (first at line ${d.first.line}, column ${d.first.column})`,
        hint: 'JSON keeps only one of them: remove the other.',
      })
    }
    if (parsed.errors.length > 0) return {problems, content: record}
    const noSegmentRefs = !content.includes('$segment') && !content.includes('\\u')
    return {file: {source: {file, kind: 'json', locate: parsed.locate}, value: parsed.value, noSegmentRefs}, problems, content: record}
  }
  if (options.noCode) {
    return {
      problems: [{file, message: 'TS definitions are refused in --no-code mode (they would run code from the repository)', hint: 'Write this definition as JSON, or run without --no-code in a job that holds no secrets.'}],
      content: record,
    }
  }
  return importDefault(abs, {fresh: options.fresh, source: content}).then(
    (value): Loaded => ({file: {source: {file, kind: 'ts', locate: tsLocator(content)}, value}, problems: [], content: record}),
    (error: unknown): Loaded => ({problems: [tsLoadProblem(file, error)], content: record}),
  )
}

function tsLoadProblem(file: string, error: unknown): Problem {
  const message = (error as {message?: string})?.message ?? String(error)
  // jiti reports syntax errors as "ParseError: Unexpected token\n /abs/file.ts:4:32": keep the position.
  const pos = /\.[cm]?ts:(\d+):(\d+)/.exec(message)
  const firstLine = message.split('\n')[0]!.trim()
  return {
    file,
    ...(pos ? {line: Number(pos[1]), column: Number(pos[2])} : {}),
    message: `cannot load TS definition: ${firstLine}`,
  }
}

/** Display paths of the files under `dir`: the folder's is worked out once, not once per file (thousands). */
function displayPaths(dir: string, cwd: string): (abs: string) => string {
  const base = displayPath(dir, cwd)
  if (base === dir.split(sep).join('/')) return (abs) => displayPath(abs, cwd) // outside cwd: absolute
  return (abs) => {
    if (!abs.startsWith(dir + sep)) return displayPath(abs, cwd)
    const rest = abs.slice(dir.length + 1).split(sep).join('/')
    return base === '' ? rest : `${base}/${rest}`
  }
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs)
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/')
}

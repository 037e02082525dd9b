/**
 * `segsync import`: write a definition file for every remote segment no file manages yet, then
 * check the round trip — the files load, validate, and diff to zero changes against the remote
 * they came from.
 */
import {existsSync} from 'node:fs'
import {mkdir, writeFile} from 'node:fs/promises'
import {dirname, join, relative, resolve, sep} from 'node:path'
import type {NameOf} from '../provider.js'
import {packageRoot, schemaPath} from '../../util/package-root.js'
import {toPointer} from '../../util/text.js'
import {schemaValidator} from '../validate/schema.js'
import {redact} from '../../util/redact.js'
import type {Problem, RemoteSegment} from '../model.js'
import {diffWorkspace} from '../diff/diff-workspace.js'
import {readEveryWorkspace} from '../load/read-remote.js'
import {prepare, type PreparedWorkspace, type RunContext} from '../pipeline.js'
import {uniqueFileName} from './file-names.js'
import {selectForImport} from './select.js'
import {toJsonFile, toTsFile} from './serialize.js'

export interface ImportOptions {
  format: 'json' | 'ts'
  /** Where to write (default: the workspace's segments folder). Absolute. */
  dir?: string
  nameFilter?: (name: string) => boolean
  dryRun: boolean
}

export interface ImportResult {
  workspace: string
  provider: string
  /** Folder written to, relative to the working directory. */
  dir: string
  written: Array<{name: string; id: string; file: string}>
  skipped: Array<{name: string; id: string; reason: string}>
  /** Remote segments already managed by a definition. */
  managed: number
  /** Imported segments that did not come back unchanged (should be empty). */
  roundTrip: {checked: boolean; changed: string[]; problems: Problem[]}
}

/** Every workspace's vendor read at once (nothing is written when one read fails), then each workspace imported in config order. */
export async function importWorkspaces(ctx: RunContext, workspaces: PreparedWorkspace[], options: ImportOptions): Promise<ImportResult[]> {
  const read = await readEveryWorkspace(ctx, workspaces)
  const results: ImportResult[] = []
  for (const [i, pw] of workspaces.entries()) results.push(await importWorkspace(ctx, pw, read[i]!.remotes, options))
  return results
}

async function importWorkspace(ctx: RunContext, pw: PreparedWorkspace, remotes: RemoteSegment[], options: ImportOptions): Promise<ImportResult> {
  const {workspace: ws, provider} = pw
  const selection = selectForImport(remotes, pw.definitions, options.nameFilter)
  const dir = options.dir ?? ws.segmentsDir
  // A remote segment whose rules a definition cannot hold (e.g. an operator the vendor's documents
  // do not list) is read and diffed, but a file for it would not validate: say so instead.
  const validator = schemaValidator(schemaPath(provider.schema))
  const candidates = referenceNames(remotes, pw, selection.toImport)
  selection.toImport = selection.toImport.filter((remote) => {
    const [issue] = validator.validate({name: remote.name, ...provider.toDefinition(remote, candidates)})
    if (issue) selection.skipped.push({id: remote.id, name: remote.name, reason: `a definition cannot hold its rules (${toPointer(issue.path)}: ${issue.message}); keep editing it in ${provider.label}`})
    return !issue
  })
  const nameOf = referenceNames(remotes, pw, selection.toImport)
  const taken = new Set<string>()
  const files = selection.toImport.map((remote) => {
    const ext = options.format === 'ts' ? '.ts' : '.json'
    const file = uniqueFileName(remote.name, ext, (f) => taken.has(f) || existsSync(join(dir, f)))
    taken.add(file)
    const definition = {name: remote.name, ...provider.toDefinition(remote, nameOf)}
    const content = options.format === 'ts' ? toTsFile(definition, provider.id) : toJsonFile(definition, schemaRef(join(dir, file), provider.schema, ws.rootDir))
    return {remote, file, content}
  })
  const display = (p: string) => relative(ctx.cwd, p).split(sep).join('/') || '.'
  const result: ImportResult = {
    workspace: ws.name,
    provider: provider.id,
    dir: display(dir),
    written: files.map((f) => ({name: f.remote.name, id: f.remote.id, file: display(join(dir, f.file))})),
    skipped: selection.skipped,
    managed: selection.managed,
    roundTrip: {checked: false, changed: [], problems: []},
  }
  if (options.dryRun || files.length === 0) return result
  await mkdir(dir, {recursive: true})
  for (const f of files) await writeFile(join(dir, f.file), redact(f.content), {flag: 'wx'})
  if (!options.dir || resolve(options.dir) === ws.segmentsDir) {
    result.roundTrip = await checkRoundTrip(ctx, ws.name, remotes, result.written)
  }
  return result
}

/**
 * Ids inside imported conditions become `{ $segment: name }` when the segment they point at is
 * managed (by the name its definition uses) or imported in this run; others stay raw ids.
 */
function referenceNames(remotes: RemoteSegment[], pw: PreparedWorkspace, imported: RemoteSegment[]): NameOf {
  const byName = new Map(remotes.map((r) => [r.name, r]))
  const names = new Map<string, string>()
  for (const d of pw.definitions) {
    const remote = byName.get(d.name) ?? d.renamedFrom.map((n) => byName.get(n)).find(Boolean)
    if (remote) names.set(remote.id, d.name)
  }
  for (const r of imported) names.set(r.id, r.name)
  return (id) => names.get(id)
}

/** `$schema` for JSON files: the installed package's copy when there is one, else ours. */
function schemaRef(file: string, schema: string, rootDir: string): string {
  const installed = join(rootDir, 'node_modules', 'segsync', 'schemas', schema)
  const target = existsSync(installed) ? installed : join(packageRoot, 'schemas', schema)
  return relative(dirname(file), target).split(sep).join('/')
}

async function checkRoundTrip(ctx: RunContext, workspace: string, remotes: RemoteSegment[], written: ImportResult['written']): Promise<ImportResult['roundTrip']> {
  const again = await prepare({...ctx, workspace})
  const files = new Set(written.map((w) => w.file))
  const problems = again.problems.filter((p) => files.has(p.file))
  if (problems.length > 0) return {checked: true, changed: [], problems}
  const pw = again.workspaces[0]!
  const names = new Set(written.map((w) => w.name))
  const diff = diffWorkspace({definitions: pw.definitions, remotes, provider: pw.provider, prune: false})
  return {checked: true, changed: diff.changes.filter((c) => names.has(c.name)).map((c) => c.name), problems: []}
}

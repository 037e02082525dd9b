/**
 * The offline half of the pipeline: load → validate → graph, for every selected workspace
 * (`prepare`). Its own module so `validate` and `test` load only these stages, not the plan and
 * apply ones (core/pipeline.ts re-exports it).
 */
import {UsageError} from '../errors.js'
import {schemaPath} from '../util/package-root.js'
import type {Definition, Problem, Workspace} from './model.js'
import type {Connector, Provider, ProviderLookup} from './provider.js'
import {loadConfig, type LoadedConfig} from './load/load-config.js'
import {cycleProblems, definitionGraph} from './graph/definition-graph.js'
import {loadDefinitions, type LoadResult} from './load/load-definitions.js'
import type {SegmentTestFile} from './segtest/model.js'
import {validateTests} from './segtest/validate-tests.js'
import {sortProblems} from './validate/problem.js'
import {validateDefinitions} from './validate/validate-definitions.js'

export interface RunContext {
  cwd: string
  configFile?: string
  /** Only these workspaces (default: all). */
  workspace?: string | string[]
  /** Refuse TS definitions. */
  noCode?: boolean
  /** Treat a missing segments folder as empty (import into a new workspace). */
  missingFolderOk?: boolean
  /** Also load and validate the segment test files (`*.segtest.json|ts`): validate and test do. */
  tests?: boolean
  /** The command will talk to vendors after prepare: warm the connector meanwhile. */
  online?: boolean
  /** Providers by id (src/providers/registry). */
  providers: ProviderLookup
  /** Opens a live client per workspace (src/connect). */
  connector: Connector
  /** Progress for people (stderr); silent in --json mode. */
  progress: (line: string) => void
  /** Details for --debug (stderr, redacted): e.g. why a member count is unknown. */
  debug?: (line: string) => void
}

export interface PreparedWorkspace {
  workspace: Workspace
  provider: Provider
  definitions: Definition[]
  /** Valid segment test files (only when RunContext.tests). */
  tests: SegmentTestFile[]
}

export interface Prepared {
  config: LoadedConfig
  workspaces: PreparedWorkspace[]
  problems: Problem[]
  /** Problems in segment test files (only when RunContext.tests): they never stop a plan. */
  testProblems: Problem[]
  /** Every definition file read (path and content), for the plan's hash. */
  contents: Array<{file: string; content: string}>
}

/** load → validate → graph, for every selected workspace. Offline. */
export async function prepare(ctx: RunContext): Promise<Prepared> {
  if (ctx.online) ctx.connector.warm?.()
  const config = await loadConfig({cwd: ctx.cwd, file: ctx.configFile, noCode: ctx.noCode})
  const selected = selectWorkspaces(config.workspaces, ctx.workspace)
  const loads = new Map<string, Promise<LoadResult>>()
  const validations = new Map<string, ReturnType<typeof validateFolder>>()
  const problems: Problem[] = []
  const testProblems: Problem[] = []
  const contents: Prepared['contents'] = []
  const workspaces: PreparedWorkspace[] = []
  for (const workspace of selected) {
    const provider = await ctx.providers(workspace.provider)
    // Two workspaces may share a folder (staging and production): read it once.
    if (!loads.has(workspace.segmentsDir)) loads.set(workspace.segmentsDir, loadDefinitions(workspace.segmentsDir, {cwd: ctx.cwd, noCode: ctx.noCode, missingOk: ctx.missingFolderOk, tests: ctx.tests}))
    const loaded = await loads.get(workspace.segmentsDir)!
    // Ten accounts managing one set of segments (one folder, one provider): validate it once.
    const key = `${provider.id}\0${workspace.segmentsDir}`
    if (!validations.has(key)) validations.set(key, validateFolder(loaded, provider))
    const {validated, cycles} = validations.get(key)!
    problems.push(...loaded.problems, ...validated.problems, ...cycles)
    contents.push(...loaded.contents)
    const tests = ctx.tests ? validateTests(loaded.tests, provider, validated.definitions, schemaPath(provider.evaluation.testSchema)) : {tests: [], problems: []}
    testProblems.push(...loaded.testProblems, ...tests.problems)
    workspaces.push({workspace, provider, definitions: validated.definitions, tests: tests.tests})
  }
  return {config, workspaces, problems: sortProblems(dedupe(problems)), testProblems: sortProblems(dedupe(testProblems)), contents}
}

function validateFolder(loaded: LoadResult, provider: Provider): {validated: ReturnType<typeof validateDefinitions>; cycles: Problem[]} {
  const validated = validateDefinitions(loaded.files, provider, schemaPath(provider.schema))
  return {validated, cycles: cycleProblems(definitionGraph(validated.definitions), validated.definitions)}
}

function selectWorkspaces(all: Workspace[], names: string | string[] | undefined): Workspace[] {
  if (!names) return all
  const wanted = Array.isArray(names) ? names : [names]
  for (const name of wanted) {
    if (!all.some((w) => w.name === name)) throw new UsageError(`no workspace named ${JSON.stringify(name)}; the config has: ${all.map((w) => w.name).join(', ')}`)
  }
  return all.filter((w) => wanted.includes(w.name))
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.file}|${p.line}|${p.column}|${p.path}|${p.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

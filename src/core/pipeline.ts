/**
 * The pipeline, in order: load → validate → graph (offline, `prepare`), then read the vendor →
 * diff → impact → plan (`plan`), then apply (`apply`). Commands call these and render.
 */
import {ExitCode, exitCodeOf, StalePlanError, UsageError} from '../errors.js'
import type {ApplyReport} from '../generated/apply-report.js'
import type {GraphDocument, WorkspaceGraph} from '../generated/graph.js'
import type {PlanDocument} from '../generated/plan.js'
import {packageVersion, schemaPath} from '../util/package-root.js'
import type {Definition, Problem, Workspace} from './model.js'
import type {Connector, Provider, ProviderLookup} from './provider.js'
import {loadConfig, type LoadedConfig} from './load/load-config.js'
import type {ApplyOutcome} from './apply/apply-workspace.js'
import {applyWorkspaces} from './apply/apply-workspaces.js'
import {assertNotBlocked, type ApplyFlags} from './apply/gate.js'
import {buildReport} from './apply/report.js'
import {compareWithSaved} from './apply/saved-plan.js'
import {cycleProblems, definitionGraph} from './graph/definition-graph.js'
import {workspaceGraph} from './graph/workspace-graph.js'
import {loadDefinitions, type LoadResult} from './load/load-definitions.js'
import {planDocument} from './plan/build-plan.js'
import {readWorkspaces, type Session} from './plan/read-workspaces.js'
import type {SegmentTestFile} from './segtest/model.js'
import {validateTests} from './segtest/validate-tests.js'
import {lastCommitTimes} from '../util/git.js'
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

export type {Session} from './plan/read-workspaces.js'

export interface PlanRun {
  document: PlanDocument
  sessions: Session[]
  close(): Promise<void>
}

/**
 * Read every workspace's vendor at once (plan/read-workspaces.ts), then diff, assess impact and
 * build the plan, in config order. Sessions stay open for apply.
 */
export async function plan(ctx: RunContext, prepared: Prepared): Promise<PlanRun> {
  const sessions = await readWorkspaces({...ctx, policy: prepared.config.policy, commitTimes: lastCommitTimes(ctx.cwd)}, prepared.workspaces)
  const close = async () => {
    await Promise.allSettled(sessions.map((s) => s.connection.close()))
  }
  const document = planDocument(sessions.map((s) => s.plan), {version: packageVersion(), definitions: prepared.contents})
  return {document, sessions, close}
}

/**
 * A saved plan may be applied only if nothing it was made against changed. Returns
 * 'already-applied' when the vendor already matches it (a plan applied twice writes nothing).
 */
export function verifySavedPlan(saved: PlanDocument, run: PlanRun, file: string): 'apply' | 'already-applied' {
  const {alreadyApplied, reasons} = compareWithSaved(saved, run.document)
  if (alreadyApplied) return 'already-applied'
  if (reasons.length === 0) return 'apply'
  throw new StalePlanError(
    `the saved plan ${file} is stale; nothing was written:\n${reasons.map((r) => `  - ${r}`).join('\n')}`,
    'Run segsync plan again, review the new plan, and apply that one.',
  )
}

export interface ApplyOptions extends ApplyFlags {
  concurrency: number
  stopped?: () => boolean
  onOutcome?: (workspace: string, outcome: ApplyOutcome) => void
  /** Progress for people: which workspace is applying, and when it is done. */
  progress?: (line: string) => void
}

/**
 * Refuse blocked changes before any write, then apply every workspace at once
 * (apply/apply-workspaces.ts): after a failure anywhere, no new change starts in any workspace.
 */
export async function apply(run: PlanRun, options: ApplyOptions): Promise<{report: ApplyReport; outcomes: ApplyOutcome[]}> {
  assertNotBlocked(run.document.workspaces, options)
  const results = await applyWorkspaces(run.sessions, options)
  const report = buildReport(results, {version: packageVersion(), interrupted: options.stopped?.() ?? false})
  return {report, outcomes: results.flatMap((r) => r.outcomes)}
}

/** The exit code an apply report stands for (design.md §2.4). */
export function applyExitCode(report: ApplyReport, outcomes: ApplyOutcome[]): number {
  if (report.status === 'partial' || report.status === 'interrupted') return ExitCode.partial
  if (report.status === 'failed') return exitCodeOf(outcomes.find((o) => o.status === 'failed')?.error)
  return ExitCode.ok
}

/**
 * The graph of every selected workspace (`segsync graph`): from the definitions alone, with no
 * request; with `remote`, also each vendor's segments and campaigns (read beside each other).
 */
export async function graphs(ctx: RunContext, prepared: Prepared, options: {remote: boolean}): Promise<GraphDocument> {
  const workspaces: WorkspaceGraph[] = []
  for (const {workspace: ws, provider, definitions} of prepared.workspaces) {
    if (!options.remote) {
      workspaces.push(workspaceGraph({name: ws.name, provider, definitions}))
      continue
    }
    const conn = await ctx.connector.open(ws, provider)
    try {
      ctx.progress(`${ws.name}: reading ${provider.label} segments and campaign usage (${conn.endpoint})…`)
      const [remotes, usage] = await Promise.all([conn.client.listSegments(), conn.client.campaignUsage()])
      workspaces.push(workspaceGraph({name: ws.name, provider, definitions, remote: {endpoint: conn.endpoint, remotes, usage}}))
    } finally {
      await conn.close()
    }
  }
  return {formatVersion: 1, segsyncVersion: packageVersion(), remote: options.remote, workspaces}
}

/**
 * The pipeline, in order: load → validate → graph (offline, `prepare`), then read the vendor →
 * diff → impact → plan (`plan`), then apply (`apply`). Commands call these and render.
 */
import {ExitCode, exitCodeOf, StalePlanError, UsageError} from '../errors.js'
import type {ApplyReport} from '../generated/apply-report.js'
import type {GraphDocument, WorkspaceGraph} from '../generated/graph.js'
import type {PlanDocument, WorkspacePlan} from '../generated/plan.js'
import {packageVersion, schemaPath} from '../util/package-root.js'
import type {Definition, Problem, RemoteSegment, Workspace} from './model.js'
import type {Connection, Connector, Provider, ProviderLookup} from './provider.js'
import {loadConfig, type LoadedConfig} from './load/load-config.js'
import {applyWorkspace, type ApplyOutcome} from './apply/apply-workspace.js'
import {assertNotBlocked, type ApplyFlags} from './apply/gate.js'
import {buildReport} from './apply/report.js'
import {compareWithSaved} from './apply/saved-plan.js'
import {cycleProblems, definitionGraph} from './graph/definition-graph.js'
import {workspaceGraph} from './graph/workspace-graph.js'
import {loadDefinitions, type LoadResult} from './load/load-definitions.js'
import {readAudiences} from './plan/audience.js'
import {diffStage, planDocument, planWorkspace} from './plan/build-plan.js'
import type {SegmentTestFile} from './segtest/model.js'
import {validateTests} from './segtest/validate-tests.js'
import {driftHints} from './plan/drift.js'
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
  const problems: Problem[] = []
  const testProblems: Problem[] = []
  const contents: Prepared['contents'] = []
  const workspaces: PreparedWorkspace[] = []
  for (const workspace of selected) {
    const provider = await ctx.providers(workspace.provider)
    // Two workspaces may share a folder (staging and production): read it once.
    if (!loads.has(workspace.segmentsDir)) loads.set(workspace.segmentsDir, loadDefinitions(workspace.segmentsDir, {cwd: ctx.cwd, noCode: ctx.noCode, missingOk: ctx.missingFolderOk, tests: ctx.tests}))
    const loaded = await loads.get(workspace.segmentsDir)!
    const validated = validateDefinitions(loaded.files, provider, schemaPath(provider.schema))
    const graph = definitionGraph(validated.definitions)
    problems.push(...loaded.problems, ...validated.problems, ...cycleProblems(graph, validated.definitions))
    contents.push(...loaded.contents)
    const tests = ctx.tests ? validateTests(loaded.tests, provider, validated.definitions, schemaPath(provider.evaluation.testSchema)) : {tests: [], problems: []}
    testProblems.push(...loaded.testProblems, ...tests.problems)
    workspaces.push({workspace, provider, definitions: validated.definitions, tests: tests.tests})
  }
  return {config, workspaces, problems: sortProblems(dedupe(problems)), testProblems: sortProblems(dedupe(testProblems)), contents}
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

/** A live connection to one workspace's vendor, the segments read from it, and its plan. */
export interface Session {
  prepared: PreparedWorkspace
  connection: Connection
  remotesById: ReadonlyMap<string, RemoteSegment>
  plan: WorkspacePlan
}

export interface PlanRun {
  document: PlanDocument
  sessions: Session[]
  close(): Promise<void>
}

/** Read each vendor, then diff, assess impact and build the plan. Sessions stay open for apply. */
export async function plan(ctx: RunContext, prepared: Prepared): Promise<PlanRun> {
  const sessions: Session[] = []
  const opened: Connection[] = []
  const close = async () => {
    await Promise.allSettled(opened.map((c) => c.close()))
  }
  const commitTimes = lastCommitTimes(ctx.cwd)
  try {
    for (const pw of prepared.workspaces) {
      const conn = await ctx.connector.open(pw.workspace, pw.provider)
      opened.push(conn)
      const {workspace: ws, provider} = pw
      ctx.progress(`${ws.name}: reading ${provider.label} segments and campaign usage (${conn.endpoint})…`)
      const desired = pw.definitions.filter((d) => d.ensure === 'present').map((d) => ({name: d.name, body: d.body}))
      // The campaign chain goes out first (it is the longest); the diff runs as soon as the
      // segments are in, while campaign details may still be on their way.
      const usageRead = conn.client.campaignUsage()
      const listed = conn.client.listSegments()
      const staged = listed.then((remotes) => diffStage({workspace: ws, provider, definitions: pw.definitions, remotes}))
      staged.catch(() => undefined) // awaited below; a failure of another read may come first
      // Member counts of the changed segments go out as soon as the diff is known, beside the
      // campaign reads; they never fail the plan.
      const counted = staged.then((stage) => readAudiences(stage.diff.changes, stage.remotesById, conn.client, provider, ctx.debug))
      counted.catch(() => undefined)
      const drift = staged.then((s) => driftHints(s.diff.changes, s.remotesById, provider, commitTimes))
      drift.catch(() => undefined)
      const [usage, remotes, findings] = await Promise.all([usageRead, listed, conn.client.verify?.(desired, listed) ?? []])
      const stats = conn.client.stats()
      ctx.progress(`${ws.name}: ${remotes.length} remote segment${remotes.length === 1 ? '' : 's'}, ${usage.known ? `${usage.read} active campaign${usage.read === 1 ? '' : 's'}/sequence${usage.read === 1 ? '' : 's'}` : 'campaign usage unknown'} (${stats.requests} request${stats.requests === 1 ? '' : 's'})`)
      const stage = await staged
      const wp = planWorkspace({workspace: ws, endpoint: conn.endpoint, provider, definitions: pw.definitions, remotes, usage, policy: prepared.config.policy, findings, staged: stage, audiences: await counted, drift: await drift})
      sessions.push({prepared: pw, connection: conn, remotesById: stage.remotesById, plan: wp})
    }
  } catch (error) {
    await close()
    throw error
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
}

/** Refuse blocked changes before any write, then apply workspace by workspace. */
export async function apply(run: PlanRun, options: ApplyOptions): Promise<{report: ApplyReport; outcomes: ApplyOutcome[]}> {
  assertNotBlocked(run.document.workspaces, options)
  const results = []
  let failed = false
  for (const session of run.sessions) {
    const outcomes: ApplyOutcome[] =
      failed || options.stopped?.()
        ? session.plan.changes.map((c) => ({action: c.action, name: c.name, ...(c.action === 'create' ? {} : {id: c.id}), status: 'not-attempted' as const, message: failed ? 'an earlier workspace failed' : 'interrupted before it started'}))
        : await applyWorkspace(session.plan, {
            client: session.connection.client,
            provider: session.prepared.provider,
            remotesById: session.remotesById,
            concurrency: options.concurrency,
            stopped: options.stopped,
            onOutcome: (o) => options.onOutcome?.(session.plan.name, o),
          })
    if (outcomes.some((o) => o.status === 'failed')) failed = true
    results.push({name: session.plan.name, provider: session.plan.provider, outcomes})
  }
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

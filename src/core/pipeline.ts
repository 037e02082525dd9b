/**
 * The pipeline, in order: load → validate → graph (offline, `prepare`), then read the vendor →
 * diff → impact → plan (`plan`), then apply (`apply`). Commands call these and render.
 */
import {ExitCode, exitCodeOf, StalePlanError} from '../errors.js'
import type {ApplyReport} from '../generated/apply-report.js'
import type {GraphDocument, WorkspaceGraph} from '../generated/graph.js'
import type {PlanDocument} from '../generated/plan.js'
import {packageVersion} from '../util/package-root.js'
import {allSettledInOrder} from '../util/settle.js'
import type {ApplyOutcome} from './apply/apply-workspace.js'
import {applyWorkspaces} from './apply/apply-workspaces.js'
import {assertNotBlocked, type ApplyFlags} from './apply/gate.js'
import {buildReport} from './apply/report.js'
import {compareWithSaved} from './apply/saved-plan.js'
import {workspaceGraph} from './graph/workspace-graph.js'
import type {PlanRun} from './plan-run.js'
import type {Prepared, PreparedWorkspace, RunContext} from './prepare.js'
import {sayAtOnce} from './at-once.js'

export {plan, type PlanRun, type Session} from './plan-run.js'
export {prepare, type Prepared, type PreparedWorkspace, type RunContext} from './prepare.js'

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
 * request; with `remote`, also each vendor's segments and campaigns, every workspace at once
 * (its list and campaigns beside each other). Graphs in config order; when a read fails, the first
 * failing workspace's error in config order, after every connection is closed.
 */
export async function graphs(ctx: RunContext, prepared: Prepared, options: {remote: boolean}): Promise<GraphDocument> {
  const all = prepared.workspaces
  if (options.remote) sayAtOnce(ctx.progress, 'Reading', all.map((pw) => pw.workspace.name))
  const workspaces = await allSettledInOrder(all.map((pw) => workspaceGraphOf(ctx, pw, options.remote)))
  return {formatVersion: 1, segsyncVersion: packageVersion(), remote: options.remote, workspaces}
}

async function workspaceGraphOf(ctx: RunContext, {workspace: ws, provider, definitions}: PreparedWorkspace, remote: boolean): Promise<WorkspaceGraph> {
  if (!remote) return workspaceGraph({name: ws.name, provider, definitions})
  const conn = await ctx.connector.open(ws, provider)
  try {
    ctx.progress(`${ws.name}: reading ${provider.label} segments and campaign usage (${conn.endpoint})…`)
    const [remotes, usage] = await Promise.all([conn.client.listSegments(), conn.client.campaignUsage()])
    return workspaceGraph({name: ws.name, provider, definitions, remote: {endpoint: conn.endpoint, remotes, usage}})
  } finally {
    await conn.close()
  }
}

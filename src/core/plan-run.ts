/**
 * The vendor half of `plan`: read every workspace, diff, assess impact, build the plan document.
 * Its own module so `plan` loads none of the apply stages (core/pipeline.ts re-exports it).
 */
import type {PlanDocument} from '../generated/plan.js'
import {lastCommitTimes} from '../util/git.js'
import {packageVersion} from '../util/package-root.js'
import {planDocument} from './plan/build-plan.js'
import {readWorkspaces, type Session} from './plan/read-workspaces.js'
import type {Prepared, RunContext} from './prepare.js'

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

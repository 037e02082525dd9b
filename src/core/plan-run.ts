/**
 * The vendor half of `plan`: read every workspace, diff, assess impact, build the plan document.
 * Its own module so `plan` loads none of the apply stages (core/pipeline.ts re-exports it).
 */
import type {PlanDocument} from '../generated/plan.js'
import {lastCommitTimes} from '../util/git.js'
import {packageVersion} from '../util/package-root.js'
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
  // The definitions' hash, their index by name (diff/match.ts), the references among them
  // (impact/reference-graph.ts) and segsync's version need no answer: they are taken while the
  // vendors answer (if hashing fails, the document takes it at the end; the diff and the
  // reference graph build what they find missing).
  let definitionsHash: string | undefined
  let version: string | undefined
  const whileWaiting = async () => {
    version = packageVersion()
    const [build, match, references] = await Promise.all([import('./plan/build-plan.js'), import('./diff/match.js'), import('./impact/reference-graph.js')])
    definitionsHash = build.definitionsHash(prepared.contents)
    for (const pw of prepared.workspaces) {
      match.definitionsByName(pw.definitions)
      references.definitionEdges(pw.definitions)
    }
  }
  const sessions = await readWorkspaces({...ctx, policy: prepared.config.policy, commitTimes: lastCommitTimes(ctx.cwd, contentOf(prepared.contents)), whileWaiting: () => void whileWaiting().catch(() => undefined)}, prepared.workspaces)
  const close = async () => {
    await Promise.allSettled(sessions.map((s) => s.connection.close()))
  }
  const {planDocument} = await import('./plan/build-plan.js')
  const document = planDocument(
    sessions.map((s) => s.plan),
    {version: version ?? packageVersion(), definitions: prepared.contents, definitionsHash},
  )
  return {document, sessions, close}
}

/** A file's content as `prepare` read it (the drift hint compares its last commit with that, and reads no file again); the index is built on first use. */
function contentOf(contents: Prepared['contents']): (file: string) => string | undefined {
  let byFile: Map<string, string> | undefined
  return (file) => (byFile ??= new Map(contents.map((c) => [c.file, c.content]))).get(file)
}

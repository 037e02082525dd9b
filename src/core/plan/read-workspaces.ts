/**
 * The vendor-reading half of `plan`, for every workspace at once: each workspace opens its
 * connection, reads its segments and campaign usage and is diffed on its own, side by side with
 * the others (their vendors, or their accounts, are independent; workspaces on one endpoint with
 * one key share its request budget in the connector). What comes back is in config order, so the
 * plan reads the same whichever vendor answered first; when a workspace fails, the error is that of
 * the first failing workspace in config order, after every connection is closed.
 */
import type {WorkspacePlan} from '../../generated/plan.js'
import type {CommitTime} from '../../util/git.js'
import type {Policy, RemoteSegment} from '../model.js'
import type {ClientStats, Connection, Connector, SegmentBody} from '../provider.js'
import type {PreparedWorkspace} from '../pipeline.js'
import {sayAtOnce} from '../at-once.js'

/** A live connection to one workspace's vendor, the segments read from it, and its plan. */
export interface Session {
  prepared: PreparedWorkspace
  connection: Connection
  remotesById: ReadonlyMap<string, RemoteSegment>
  plan: WorkspacePlan
}

export interface ReadContext {
  connector: Connector
  progress: (line: string) => void
  debug?: (line: string) => void
  policy: Policy
  commitTimes: CommitTime
  /**
   * Work that needs no answer (hashing the definitions), run once, while the first requests are
   * on their way: the one JavaScript thread would otherwise sit idle until the vendor answers.
   */
  whileWaiting?: () => void
}

/**
 * What runs on the answers (diff, impact, rules; member counts; drift hints), loaded once the
 * first requests are on their way rather than before them: compiling it takes 20–30 ms of the
 * thread, which is idle then. Never before: a module compiled ahead of a request delays it.
 */
async function afterReadStages() {
  await requestsWritten()
  const [build, audience, drift] = await Promise.all([import('./build-plan.js'), import('./audience.js'), import('./drift.js')])
  return {diffRemotes: build.diffRemotes, withReferences: build.withReferences, planWorkspace: build.planWorkspace, readAudiences: audience.readAudiences, driftHints: drift.driftHints}
}

/**
 * Resolves after the event loop has polled for I/O once more: a request issued before it has been
 * written by then when its socket is kept alive or local, or else is waiting on the network.
 */
function requestsWritten(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)))
}

/** A workspace that did not start reading because another had already failed. */
class NotStarted extends Error {}

/** Every workspace read and planned concurrently; sessions in config order. Throws after closing them all when one fails. */
export async function readWorkspaces(ctx: ReadContext, workspaces: PreparedWorkspace[]): Promise<Session[]> {
  sayAtOnce(ctx.progress, 'Reading', workspaces.map((pw) => pw.workspace.name))
  // A workspace that fails to open (a key not set) fails before any other has sent a request:
  // the others then send none.
  let failed = false
  let stages: ReturnType<typeof afterReadStages> | undefined
  const loadStages = () => {
    if (stages) return stages
    stages = afterReadStages()
    stages.then(() => ctx.whileWaiting?.(), () => undefined)
    return stages
  }
  const settled = await Promise.allSettled(
    workspaces.map((pw) =>
      readWorkspace(ctx, pw, loadStages, () => failed).catch((error: unknown) => {
        failed = true
        throw error
      }),
    ),
  )
  const sessions = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && !(s.reason instanceof NotStarted))
  if (failure) {
    await Promise.allSettled(sessions.map((s) => s.connection.close()))
    throw failure.reason
  }
  return sessions
}

/** One workspace: open, read (the campaign chain first, the diff as soon as the list is in), plan. Closes its connection on failure. */
async function readWorkspace(ctx: ReadContext, pw: PreparedWorkspace, loadStages: () => ReturnType<typeof afterReadStages>, otherFailed: () => boolean): Promise<Session> {
  const {workspace: ws, provider} = pw
  const conn = await ctx.connector.open(ws, provider)
  try {
    // Let every open that fails at once (a key not set) fail before the first request goes out.
    await new Promise((resolve) => setImmediate(resolve))
    if (otherFailed()) throw new NotStarted(`${ws.name}: not read, another workspace failed`)
    ctx.progress(`${ws.name}: reading ${provider.label} segments and campaign usage (${conn.endpoint})…`)
    // The campaign chain goes out first (it is the longest); the diff runs as soon as the
    // segments are in, while campaign details may still be on their way.
    const usageRead = conn.client.campaignUsage()
    const listed = conn.client.listSegments()
    const stages = loadStages()
    // What the diff and the reference graph work on, once the list is in.
    const input = listed.then((remotes) => ({workspace: ws, provider, definitions: pw.definitions, remotes}))
    // The diff waits for the end of this turn of the event loop: answers that came in with the
    // list (another workspace's campaign page) send their next requests first, and the vendors
    // work on them while this thread diffs. Ten workspaces planned 20-30 ms sooner when this was
    // added (paired runs). Measured again later (2 × 61 paired runs): no difference either way
    // (-15 and +7 ms). When ten lists arrive together, one turn parses, checks and maps them all
    // before the first diff (74 ms in one traced run); the thread is busy throughout, so the order
    // moves little.
    const diffed = Promise.all([input, stages]).then(async ([i, {diffRemotes}]) => {
      await new Promise((resolve) => setImmediate(resolve))
      return diffRemotes(i)
    })
    diffed.catch(() => undefined) // awaited below; a failure of another read may come first
    // Member counts of the changed segments go out as soon as the diff is known, beside the
    // campaign reads; they never fail the plan. The reference graph is built once they are on
    // their way (20–30 ms over 5,000 segments that would otherwise delay them).
    const counted = diffed.then(async (d) => (await stages).readAudiences(d.diff.changes, d.remotesById, conn.client, provider, ctx.debug))
    counted.catch(() => undefined)
    const staged = Promise.all([diffed, input, stages]).then(async ([d, i, {withReferences}]) => {
      await requestsWritten()
      return withReferences(d, i)
    })
    staged.catch(() => undefined)
    const drift = diffed.then(async (d) => (await stages).driftHints(d.diff.changes, d.remotesById, provider, ctx.commitTimes))
    drift.catch(() => undefined)
    const [usage, remotes, findings] = await Promise.all([usageRead, listed, conn.client.verify?.(desiredOf(pw), listed) ?? []])
    const stats = conn.client.stats()
    ctx.progress(`${ws.name}: ${remotes.length} remote segment${remotes.length === 1 ? '' : 's'}, ${usage.known ? `${usage.read} active campaign${usage.read === 1 ? '' : 's'}/sequence${usage.read === 1 ? '' : 's'}` : 'campaign usage unknown'} (${requestsText(stats)})`)
    const stage = await staged
    const {planWorkspace} = await stages
    const plan = planWorkspace({workspace: ws, endpoint: conn.endpoint, provider, definitions: pw.definitions, remotes, usage, policy: ctx.policy, findings, staged: stage, audiences: await counted, drift: await drift})
    ctx.progress(`${ws.name}: planned ${changesInWords(plan)}`)
    return {prepared: pw, connection: conn, remotesById: stage.remotesById, plan}
  } catch (error) {
    await conn.close().catch(() => undefined)
    throw error
  }
}

/** What a vendor's own check of the definitions (ProviderClient.verify) is given: the segments to be present. */
function desiredOf(pw: PreparedWorkspace): Array<{name: string; body: SegmentBody}> {
  return pw.definitions.filter((d) => d.ensure === 'present').map((d) => ({name: d.name, body: d.body}))
}

/** "23 requests", or "2 requests, 21 reads shared with another workspace on this account". */
function requestsText(stats: ClientStats): string {
  const sent = `${stats.requests} request${stats.requests === 1 ? '' : 's'}`
  return stats.shared ? `${sent}, ${stats.shared} read${stats.shared === 1 ? '' : 's'} shared with another workspace on this account` : sent
}

function changesInWords(plan: WorkspacePlan): string {
  const s = plan.summary
  const parts = [s.create && `${s.create} to create`, s.update && `${s.update} to update`, s.delete && `${s.delete} to delete`, s.manual && `${s.manual} manual`].filter(Boolean)
  return parts.length ? parts.join(', ') : 'no changes'
}

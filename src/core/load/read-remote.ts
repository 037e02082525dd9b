/**
 * One read of a workspace's remote segments, for the commands that only list (import, pull):
 * open the connection, say so, list, and close whatever happens.
 */
import type {RemoteSegment} from '../model.js'
import type {PreparedWorkspace, RunContext} from '../pipeline.js'
import {allSettledInOrder} from '../../util/settle.js'
import {sayAtOnce} from '../at-once.js'

export async function readRemoteSegments(ctx: RunContext, pw: PreparedWorkspace): Promise<{remotes: RemoteSegment[]; endpoint: string}> {
  const {workspace: ws, provider} = pw
  const conn = await ctx.connector.open(ws, provider)
  try {
    ctx.progress(`${ws.name}: reading ${provider.label} segments (${conn.endpoint})…`)
    return {remotes: await conn.client.listSegments(), endpoint: conn.endpoint}
  } finally {
    await conn.close()
  }
}

/**
 * Every workspace's segments, read side by side (pull and import; their connector shares a
 * request budget between workspaces on one endpoint with one key), in config order. When a read
 * fails, every other read has finished and closed its connection first, and the error is that of
 * the first failing workspace in config order: nothing is written for any of them.
 */
export async function readEveryWorkspace(ctx: RunContext, workspaces: PreparedWorkspace[]): Promise<Array<{remotes: RemoteSegment[]; endpoint: string}>> {
  sayAtOnce(ctx.progress, 'Reading', workspaces.map((pw) => pw.workspace.name))
  return allSettledInOrder(workspaces.map((pw) => readRemoteSegments(ctx, pw)))
}

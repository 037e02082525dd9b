/** The `--json` report of a pull (schemas/pull-report.schema.json), from what pull did. */
import type {PullReport, PulledFile} from '../../generated/pull-report.js'
import type {PullResult} from './run-pull.js'

export function pullReport(result: PullResult, meta: {version: string; dryRun: boolean}): PullReport {
  const files: PulledFile[] = result.workspaces.flatMap((ws) =>
    ws.entries.map((e) => ({
      workspace: ws.workspace,
      file: e.file,
      segment: e.segment,
      ...(e.id !== undefined ? {id: e.id} : {}),
      status: e.status,
      ...(e.reason ? {reason: e.reason} : {}),
      ...(e.previousName ? {previousName: e.previousName} : {}),
      ...(e.fields?.length && e.status !== 'unchanged' ? {changes: e.fields.map(({path, kind, text}) => ({path, kind, text}))} : {}),
      ...(e.proposed ? {proposed: e.proposed} : {}),
    })),
  )
  const count = (status: PulledFile['status']) => files.filter((f) => f.status === status).length
  return {
    version: 1,
    segsyncVersion: meta.version,
    dryRun: meta.dryRun,
    summary: {updated: count('updated'), unchanged: count('unchanged'), skipped: count('skipped'), refused: count('refused')},
    files,
  }
}

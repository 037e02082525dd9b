import * as Flags from '@oclif/core/flags'
import {BaseCommand, sharedFlags} from '../cli/base-command.js'
import {InvalidDefinitionsError, SegsyncError} from '../errors.js'
import {packageVersion} from '../util/package-root.js'

export default class Pull extends BaseCommand {
  static override summary = 'Rewrite definition files from edits made in the vendor (drift), keeping their formatting.'
  static override description = `The reverse of apply for managed segments: reads every workspace's remote segments at once and rewrites the definition file of every segment whose remote body differs from its file, so that a plan right after shows no change for it. pull only reads from the vendor (a read-only key is enough) and never writes to it.

JSON files keep their $schema, key order, indentation and segsync fields (renamedFrom, dependsOn, protected); segment ids come back as { "$segment": "<name>" } references. TS files whose default export is an object literal (directly or inside defineSegment(…)) are edited in place: imports, comments, segment('…') calls and layout stay. A TS file that computes its body in code is not written: pull names it, says why and shows the definition it would hold. A segment renamed in the vendor's UI (recognised when its body is unchanged) takes the new name, and the old one goes into renamedFrom. pull makes files match the vendor: run it on a branch without unapplied edits.

Left alone, each with a line in the report: remote segments no file manages (segsync import writes them), files with ensure: 'absent', segments deleted in the vendor (the file stays: you decide), and read-only (static) segments.

Exit codes: 0 success (nothing changed, or files changed without --detailed-exitcode), 1 a file could not be rewritten (the others were written), 2 files changed (or would, with --dry-run) with --detailed-exitcode, 3 invalid definitions/config, 4 authentication refused, 5 retries exhausted, 64 usage error.`
  static override examples = [
    '<%= config.bin %> pull',
    '<%= config.bin %> pull --dry-run',
    "<%= config.bin %> pull -w production --name 'Newsletter*'",
    '<%= config.bin %> pull --detailed-exitcode --json > drift.json',
  ]
  static override enableJsonFlag = true
  static override flags = {
    workspace: sharedFlags.workspace,
    'no-code': sharedFlags['no-code'],
    name: Flags.string({summary: "Only segments whose name matches these globs (comma-separated; * and ?), e.g. 'VIP*,Trial ?'."}),
    'dry-run': Flags.boolean({summary: 'Show what would change; write nothing.', default: false}),
    'detailed-exitcode': Flags.boolean({summary: 'Exit 2 when files changed (or would, with --dry-run), 0 when none.', default: false}),
  }

  async run() {
    const {flags} = await this.parse(Pull)
    const ctx = this.setup(flags)
    const dryRun = flags['dry-run']
    const [{prepare}, {pull}, {pullReport}, {globFilter}, {renderPull}, {definitionWriter}] = await Promise.all([
      import('../core/pipeline.js'),
      import('../core/pull/run-pull.js'),
      import('../core/pull/report.js'),
      import('../core/import/select.js'),
      import('../render/pull-text.js'),
      import('../rewrite/index.js'),
    ])
    const prepared = await prepare({...ctx, online: true})
    if (prepared.problems.length > 0) throw new InvalidDefinitionsError(prepared.problems)
    const result = await pull(ctx, prepared.workspaces, {nameFilter: globFilter(flags.name), dryRun, writer: definitionWriter})
    const report = pullReport(result, {version: packageVersion(), dryRun})
    if (!this.jsonEnabled()) this.log(renderPull(result, {dryRun, c: this.c}))
    if (result.roundTrip.problems.length > 0) throw new InvalidDefinitionsError(result.roundTrip.problems)
    if (result.roundTrip.changed.length > 0) {
      throw new SegsyncError(`${result.roundTrip.changed.join(', ')} still differ from the vendor after pull: this is a segsync bug, please report it`)
    }
    if (report.summary.refused > 0) process.exitCode = 1
    else if (flags['detailed-exitcode'] && report.summary.updated > 0) process.exitCode = 2
    return report
  }
}

import {resolve} from 'node:path'
import * as Flags from '@oclif/core/flags'
import {BaseCommand, sharedFlags} from '../cli/base-command.js'
import {InvalidDefinitionsError, SegsyncError} from '../errors.js'

export default class Import extends BaseCommand {
  static override summary = 'Write definition files for remote segments that no file manages yet.'
  static override description = `Reads every workspace's remote segments at once (when one read fails, nothing is written) and writes one definition file per segment that no definition manages (by name or renamedFrom): JSON with $schema, or TS with the typed helpers. Segment ids inside conditions become { "$segment": "<name>" } references, so the files work in any workspace. Read-only (static) segments are skipped with a note. Existing files are never overwritten. Afterwards segsync checks the round trip: a plan right after the import shows no changes for the imported segments.

Exit codes: 0 success, 3 invalid definitions/config (or the imported files did not round-trip), 4 authentication refused, 5 retries exhausted.`
  static override examples = [
    '<%= config.bin %> import',
    '<%= config.bin %> import -w production --format ts',
    "<%= config.bin %> import --name 'Newsletter*' --dry-run",
    '<%= config.bin %> import --dir segments/imported',
  ]
  static override enableJsonFlag = true
  static override flags = {
    workspace: sharedFlags.workspace,
    'no-code': sharedFlags['no-code'],
    format: Flags.string({summary: 'File format to write.', options: ['json', 'ts'], default: 'json'}),
    dir: Flags.string({summary: "Folder to write to (default: the workspace's segments folder)."}),
    name: Flags.string({summary: "Only segments whose name matches these globs (comma-separated; * and ?), e.g. 'VIP*,Trial ?'."}),
    'dry-run': Flags.boolean({summary: 'Show what would be written; write nothing.', default: false}),
  }

  async run() {
    const {flags} = await this.parse(Import)
    const ctx = this.setup(flags)
    const [{prepare}, {importWorkspaces}, {globFilter}, {renderImport}] = await Promise.all([
      import('../core/pipeline.js'),
      import('../core/import/run-import.js'),
      import('../core/import/select.js'),
      import('../render/import-text.js'),
    ])
    const prepared = await prepare({...ctx, missingFolderOk: true, online: true})
    if (prepared.problems.length > 0) throw new InvalidDefinitionsError(prepared.problems)
    if (flags.dir && prepared.workspaces.length > 1) throw new SegsyncError('--dir needs a single workspace: add -w NAME')
    const results = await importWorkspaces(ctx, prepared.workspaces, {
      format: flags.format as 'json' | 'ts',
      dir: flags.dir ? resolve(flags.dir) : undefined,
      nameFilter: globFilter(flags.name),
      dryRun: flags['dry-run'],
    })
    this.log(renderImport(results, {dryRun: flags['dry-run'], c: this.c}))
    const broken = results.flatMap((r) => r.roundTrip.problems)
    if (broken.length > 0) throw new InvalidDefinitionsError(broken)
    if (results.some((r) => r.roundTrip.changed.length > 0)) {
      throw new SegsyncError('some imported segments do not plan to zero changes (see above): this is a segsync bug, please report it')
    }
    return {dryRun: flags['dry-run'], workspaces: results}
  }
}

import {BaseCommand, sharedFlags} from '../cli/base-command.js'
import {InvalidDefinitionsError} from '../errors.js'

export default class Validate extends BaseCommand {
  static override summary = 'Check every definition offline: schema, names, references and cycles.'
  static override description = `Reads the config, every definition file and every segment test file (*.segtest.json|ts) of each workspace and reports every problem in one run, each with file:line:column (JSON) or file and JSON path (TS), with "did you mean" hints. Makes no network call and needs no API key.

Exit codes: 0 valid, 3 invalid definitions or config.`
  static override examples = ['<%= config.bin %> validate', '<%= config.bin %> validate -w production --json', '<%= config.bin %> validate --no-code']
  static override enableJsonFlag = true
  static override flags = {workspace: sharedFlags.workspace, 'no-code': sharedFlags['no-code']}

  async run() {
    const {flags} = await this.parse(Validate)
    const {prepare} = await import('../core/pipeline.js')
    // Segment test files are checked too: their schema, and the segments and profiles they name.
    const prepared = await prepare({...this.setup(flags), tests: true})
    const problems = [...prepared.problems, ...prepared.testProblems]
    if (problems.length > 0) throw new InvalidDefinitionsError(problems)
    const workspaces = prepared.workspaces.map((w) => ({name: w.workspace.name, provider: w.provider.id, segments: w.workspace.segments, definitions: w.definitions.length, tests: w.tests.length}))
    for (const w of workspaces) {
      const tests = w.tests ? `, ${w.tests} segment test file${w.tests === 1 ? '' : 's'}` : ''
      this.log(`${this.c.green('✓')} ${w.name}: ${w.definitions} definition${w.definitions === 1 ? '' : 's'} valid${tests} (${w.provider}, ${w.segments})`)
    }
    return {valid: true, config: prepared.config.file, workspaces}
  }
}

import {BaseCommand, sharedFlags} from '../cli/base-command.js'

export default class Validate extends BaseCommand {
  static override summary = 'Check every definition offline: schema, names, references and cycles.'
  static override description = `Reads the config, every definition file and every segment test file (*.segtest.json|ts) of each workspace and reports every problem in one run, each with file:line:column (JSON) or file and JSON path (TS), with "did you mean" hints. Makes no network call and needs no API key.

Exit codes: 0 valid, 3 invalid definitions or config.`
  static override examples = ['<%= config.bin %> validate', '<%= config.bin %> validate -w production --json', '<%= config.bin %> validate --no-code']
  static override enableJsonFlag = true
  static override flags = {workspace: sharedFlags.workspace, 'no-code': sharedFlags['no-code']}

  async run() {
    const {flags} = await this.parse(Validate)
    const {validateAction} = await import('../cli/actions/validate.js')
    return validateAction(flags, this.io(flags))
  }
}

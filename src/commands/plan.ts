import * as Flags from '@oclif/core/flags'
import {BaseCommand, sharedFlags} from '../cli/base-command.js'

export default class Plan extends BaseCommand {
  static override summary = 'Show what apply would change, and the active campaigns each change touches.'
  static override description = `Reads every workspace's remote segments and campaign usage (all workspaces at once; those on one endpoint with one key share its rate limit; the plan is printed in config order), diffs them against the definition files, and prints a Terraform-like plan: + create, ~ update (with the changed fields), - delete, the active campaigns and sequences each change affects (directly or through segments that reference it), and what a policy blocks. Writes nothing to any vendor.

In GitHub Actions (GITHUB_ACTIONS=true) it also appends the plan as Markdown to the job summary and prints ::error/::warning annotations at the definition files of blocked and campaign-affecting changes. --comment creates or updates one plan comment on the pull request (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH); with a read-only token (a fork's pull request) the plan goes to the job summary instead. In a pull request both link each change's definition file and line at the pull request's head commit (on GITHUB_SERVER_URL), and show each update's body before and after as a collapsed diff.

Exit codes: 0 success (no changes, or changes without --detailed-exitcode), 2 changes pending with --detailed-exitcode, 3 invalid definitions/config, 4 authentication refused, 5 retries exhausted.`
  static override examples = [
    '<%= config.bin %> plan',
    '<%= config.bin %> plan -w production --detailed-exitcode',
    '<%= config.bin %> plan --json > plan.json',
    '<%= config.bin %> plan --out plan.json',
    '<%= config.bin %> plan --comment',
  ]
  static override enableJsonFlag = true
  static override flags = {
    workspace: sharedFlags.workspace,
    'no-code': sharedFlags['no-code'],
    'detailed-exitcode': Flags.boolean({summary: 'Exit 2 when there are changes (0 when none), like terraform plan.', default: false}),
    out: Flags.string({char: 'o', summary: 'Also save the plan (JSON, schemas/plan.schema.json) to this file.'}),
    comment: Flags.boolean({summary: 'Create or update the plan comment on the pull request (GitHub Actions: GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH).', default: false}),
  }

  async run() {
    const {flags} = await this.parse(Plan)
    const {planAction} = await import('../cli/actions/plan.js')
    return planAction(flags, this.io(flags))
  }
}

import {Flags} from '@oclif/core'
import {BaseCommand, sharedFlags} from '../cli/base-command.js'
import {confirm} from '../cli/confirm.js'
import {onStopSignal} from '../cli/stop-signal.js'
import {exitCodeOf, ExitCode, InvalidDefinitionsError, UsageError} from '../errors.js'

export default class Apply extends BaseCommand {
  static override summary = 'Make the planned changes: creates and updates in dependency order, then deletes.'
  static override description = `Plans (as segsync plan does), refuses before any write when a change is blocked (an active campaign affected under policy 'block', a delete without --allow-delete, a protected segment), asks for confirmation, then creates and updates in dependency order — a { "$segment": "name" } reference resolves to the id of a segment created earlier in the same run — and deletes last, dependents first. After a failure it starts nothing new and reports what was applied, what failed and what was not attempted; running apply again continues from there. Ctrl-C stops starting new work and prints the report.

Exit codes: 0 success, 3 invalid definitions/config, 4 authentication refused, 5 retries exhausted, 6 blocked by policy, 8 partial apply, 64 usage (e.g. no --auto-approve without a terminal).`
  static override examples = [
    '<%= config.bin %> apply',
    '<%= config.bin %> apply --auto-approve',
    '<%= config.bin %> apply -w production --auto-approve --allow-delete',
    '<%= config.bin %> apply --auto-approve --allow-campaign-impact --json',
  ]
  static override enableJsonFlag = true
  static override flags = {
    workspace: sharedFlags.workspace,
    'no-code': sharedFlags['no-code'],
    'auto-approve': Flags.boolean({summary: 'Apply without asking (required when not run in a terminal, e.g. in CI).', default: false}),
    'allow-delete': Flags.boolean({summary: "Allow deletes (ensure: 'absent', or prune).", default: false}),
    'allow-campaign-impact': Flags.boolean({summary: 'Allow changes that alter the audience of active campaigns (policy campaignImpact: block).', default: false}),
    parallelism: Flags.integer({summary: 'Changes in flight at once (still within the vendor rate limit).', default: 8, min: 1, max: 64}),
  }

  async run() {
    const {flags} = await this.parse(Apply)
    const ctx = this.setup(flags)
    const [pipeline, {renderPlanText}, {renderOutcome, renderApplySummary}, {assertNotBlocked}] = await Promise.all([
      import('../core/pipeline.js'),
      import('../render/plan-text.js'),
      import('../render/apply-text.js'),
      import('../core/apply/gate.js'),
    ])
    const prepared = await pipeline.prepare(ctx)
    if (prepared.problems.length > 0) throw new InvalidDefinitionsError(prepared.problems)
    const run = await pipeline.plan(ctx, prepared)
    const stop = onStopSignal(() => ctx.progress('Stopping: no new changes will start; waiting for the ones in flight…'))
    try {
      const document = run.document
      if (!this.jsonEnabled()) process.stdout.write('\n' + renderPlanText(document, this.c))
      const flagsAllowed = {allowDelete: flags['allow-delete'], allowCampaignImpact: flags['allow-campaign-impact']}
      assertNotBlocked(document.workspaces, flagsAllowed)
      const s = document.summary
      if (s.create + s.update + s.delete + s.manual > 0 && !flags['auto-approve']) {
        if (!process.stdin.isTTY || this.jsonEnabled()) {
          throw new UsageError('apply needs --auto-approve when it cannot ask for confirmation (no terminal, or --json)', 'Review the plan above, then run: segsync apply --auto-approve')
        }
        if (!(await confirm('Do you want to perform these actions? Only "yes" will be accepted: '))) {
          this.log('Apply cancelled. Nothing was changed.')
          return {status: 'cancelled'}
        }
      }
      if (!this.jsonEnabled() && s.create + s.update + s.delete + s.manual > 0) this.log('')
      const {report, outcomes} = await pipeline.apply(run, {
        ...flagsAllowed,
        concurrency: flags.parallelism,
        stopped: stop.stopped,
        onOutcome: (workspace, o) => {
          if (!this.jsonEnabled()) this.log(renderOutcome(workspace, o, this.c))
        },
      })
      if (!this.jsonEnabled()) this.log('\n' + renderApplySummary(report, this.c))
      if (report.status === 'partial' || report.status === 'interrupted') process.exitCode = ExitCode.partial
      if (report.status === 'failed') process.exitCode = exitCodeOf(outcomes.find((o) => o.status === 'failed')?.error)
      return report
    } finally {
      stop.dispose()
      await run.close()
    }
  }
}

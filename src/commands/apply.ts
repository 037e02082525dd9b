import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'
import {BaseCommand, sharedFlags} from '../cli/base-command.js'
import {confirm} from '../cli/confirm.js'
import {onStopSignal} from '../cli/stop-signal.js'
import {InvalidDefinitionsError, UsageError} from '../errors.js'

export default class Apply extends BaseCommand {
  static override summary = 'Make the planned changes: creates and updates in dependency order, then deletes.'
  static override description = `Without PLANFILE, plans (as segsync plan does) and asks for confirmation. With PLANFILE (from segsync plan --out), re-reads the vendor first and applies exactly that plan, or refuses with exit 7 — naming each segment and what changed — if the definitions, a touched segment or the campaigns using it changed since; a plan that was already applied writes nothing.

Refuses before any write when a change is blocked (an active campaign affected under policy 'block', an audience swing past policy.audienceChange, a delete without --allow-delete, a protected segment). Workspaces are read and applied at the same time; those on one endpoint with one key share its rate limit. Creates and updates run in dependency order — a { "$segment": "name" } reference resolves to the id of a segment created earlier in the same run — and deletes last, dependents first. After a failure in any workspace it starts nothing new anywhere and reports what was applied, what failed and what was not attempted; running apply again continues from there. Ctrl-C (or SIGTERM) stops starting new work and prints the report.

Exit codes: 0 success, 3 invalid definitions/config, 4 authentication refused, 5 retries exhausted, 6 blocked by policy, 7 stale plan, 8 partial apply, 64 usage (e.g. no --auto-approve without a terminal).`
  static override examples = [
    '<%= config.bin %> apply',
    '<%= config.bin %> apply --auto-approve --allow-delete',
    '<%= config.bin %> plan --out plan.json && <%= config.bin %> apply plan.json',
    '<%= config.bin %> apply -w production --auto-approve --allow-campaign-impact --json',
  ]
  static override enableJsonFlag = true
  static override args = {
    planfile: Args.string({description: 'A plan saved by `segsync plan --out`: applied exactly, or refused (exit 7) if anything changed since.'}),
  }
  static override flags = {
    workspace: sharedFlags.workspace,
    'no-code': sharedFlags['no-code'],
    'auto-approve': Flags.boolean({summary: 'Apply without asking (required when not run in a terminal, e.g. in CI). A saved plan needs no approval.', default: false}),
    'allow-delete': Flags.boolean({summary: "Allow deletes (ensure: 'absent', or prune).", default: false}),
    'allow-campaign-impact': Flags.boolean({summary: 'Allow changes that alter the audience of active campaigns (policy campaignImpact: block).', default: false}),
    'allow-audience-change': Flags.boolean({summary: 'Allow changes whose audience swings past policy.audienceChange (maxDropPercent, maxGrowthPercent).', default: false}),
    'confirm-delete': Flags.integer({summary: 'Confirm a mass delete by its exact count (needed above 10 deletes or 20% of the managed segments).', min: 1}),
    parallelism: Flags.integer({summary: 'Changes in flight at once in each workspace (workspaces apply side by side; still within the vendor rate limit).', default: 8, min: 1, max: 64}),
  }

  async run() {
    const {args, flags} = await this.parse(Apply)
    const ctx = this.setup(flags)
    const [pipeline, {readSavedPlan}, {renderPlanText}, {renderOutcome, renderApplySummary}, {assertNotBlocked}] = await Promise.all([
      import('../core/pipeline.js'),
      import('../core/apply/saved-plan.js'),
      import('../render/plan-text.js'),
      import('../render/apply-text.js'),
      import('../core/apply/gate.js'),
    ])
    const saved = args.planfile ? await readSavedPlan(args.planfile) : undefined
    if (saved && !flags.workspace) ctx.workspace = saved.workspaces.map((w) => w.name)
    const prepared = await pipeline.prepare({...ctx, online: true})
    if (prepared.problems.length > 0) throw new InvalidDefinitionsError(prepared.problems)
    const run = await pipeline.plan(ctx, prepared)
    const stop = onStopSignal(() => ctx.progress('Stopping: no new changes will start; waiting for the ones in flight…'))
    try {
      if (saved && pipeline.verifySavedPlan(saved, run, args.planfile!) === 'already-applied') {
        this.log(`${this.c.green('✓')} ${args.planfile} was already applied: the vendors match it. Nothing to do.`)
        return {formatVersion: 2, segsyncVersion: run.document.segsyncVersion, status: 'no-changes', summary: {applied: 0, failed: 0, uncertain: 0, notAttempted: 0, manual: 0}, workspaces: []}
      }
      const document = run.document
      if (!this.jsonEnabled()) process.stdout.write('\n' + renderPlanText(document, this.c))
      const allowed = {allowDelete: flags['allow-delete'], allowCampaignImpact: flags['allow-campaign-impact'], allowAudienceChange: flags['allow-audience-change'], confirmDelete: flags['confirm-delete']}
      assertNotBlocked(document.workspaces, allowed)
      const s = document.summary
      const pending = s.create + s.update + s.delete + s.manual > 0
      if (pending && !saved && !flags['auto-approve']) {
        if (!process.stdin.isTTY || this.jsonEnabled()) {
          throw new UsageError('apply needs --auto-approve when it cannot ask for confirmation (no terminal, or --json)', 'Review the plan above, then run: segsync apply --auto-approve (or save it with plan --out and apply the file)')
        }
        if (!(await confirm('Do you want to perform these actions? Only "yes" will be accepted: '))) {
          this.log('Apply cancelled. Nothing was changed.')
          return {status: 'cancelled'}
        }
      }
      if (pending) this.log('')
      const {report, outcomes} = await pipeline.apply(run, {
        ...allowed,
        concurrency: flags.parallelism,
        stopped: stop.stopped,
        progress: ctx.progress,
        onOutcome: (workspace, o) => this.log(renderOutcome(workspace, o, this.c)),
      })
      this.log('\n' + renderApplySummary(report, this.c))
      process.exitCode = pipeline.applyExitCode(report, outcomes)
      return report
    } finally {
      stop.dispose()
      await run.close()
    }
  }
}

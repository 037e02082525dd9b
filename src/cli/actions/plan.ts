/** `segsync plan`: read every workspace's vendor, diff, assess impact, print (and save, and publish) the plan. */
import {writeFile} from 'node:fs/promises'
import type {PlanDocument} from '../../generated/plan.js'
import {InvalidDefinitionsError} from '../../errors.js'
import {redact} from '../../util/redact.js'
import {runContext, type CommandIO, type GlobalFlags} from '../io.js'

export interface PlanFlags extends GlobalFlags {
  'detailed-exitcode'?: boolean
  out?: string
  comment?: boolean
}

export async function planAction(flags: PlanFlags, io: CommandIO): Promise<PlanDocument> {
  const ctx = runContext(flags, io)
  const {c} = io
  // Checked before the vendor is read, so a misconfigured workflow fails fast.
  const target = flags.comment ? await (await import('../../github/context.js')).commentTarget(process.env) : undefined
  const [{prepare}, {plan}] = await Promise.all([import('../../core/prepare.js'), import('../../core/plan-run.js')])
  const prepared = await prepare({...ctx, online: true})
  if (prepared.problems.length > 0) throw new InvalidDefinitionsError(prepared.problems)
  const run = await plan(ctx, prepared)
  try {
    const document = run.document
    // The text renderer loads only for text output: `--json` never needs it.
    if (!io.json) process.stdout.write('\n' + (await import('../../render/plan-text.js')).renderPlanText(document, c))
    if (flags.out) {
      await writeFile(flags.out, redact(JSON.stringify(document, null, 2)) + '\n')
      ctx.progress(`Saved the plan to ${flags.out}. Apply exactly it with: segsync apply ${flags.out}`)
    }
    if (target || process.env.GITHUB_ACTIONS === 'true') {
      const {publishPlan} = await import('../../github/publish.js')
      const warn = (line: string) => process.stderr.write(`${c.yellow('Warning:')} ${line}\n`)
      await publishPlan(document, {env: process.env, cwd: ctx.cwd, workspace: flags.workspace, target, annotations: io.json ? process.stderr : process.stdout, progress: ctx.progress, warn})
    }
    const s = document.summary
    if (flags['detailed-exitcode'] && s.create + s.update + s.delete + s.manual > 0) process.exitCode = 2
    return document
  } finally {
    // When the process ends with the output, its sockets close with it: closing the 143 sockets
    // of a plan over ten workspaces one by one first took about 24 ms (paired runs).
    if (!io.endsProcess) await run.close()
  }
}

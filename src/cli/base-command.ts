/**
 * What every command shares: global flags, colour, redaction of secrets in all output, progress
 * on stderr, and the one place that turns an error into its exit code (design.md §2.4).
 */
// oclif's parts, not its index: a command run then loads about 25 ms less of it.
import {Command} from '@oclif/core/command'
import * as Flags from '@oclif/core/flags'
import type {InferredFlags} from '@oclif/core/interfaces'
import type {RunContext} from '../core/pipeline.js'
import type {Problem} from '../core/model.js'
import {wiring} from '../connect/wiring.js'
import {SegsyncError, type ContractBreach} from '../errors.js'
import {colorEnabled, colors, type Colors} from '../render/colors.js'
import {renderProblems} from '../render/problems.js'
import {installOutputRedaction, redact} from '../util/redact.js'

export abstract class BaseCommand extends Command {
  static override baseFlags = {
    config: Flags.string({char: 'c', summary: 'Config file (default: searched from the current directory up).', helpGroup: 'GLOBAL'}),
    color: Flags.boolean({allowNo: true, summary: 'Colour the output (default: on a terminal; NO_COLOR is respected).', helpGroup: 'GLOBAL'}),
    debug: Flags.boolean({summary: 'Print every HTTP request and response to stderr (secrets redacted).', default: false, helpGroup: 'GLOBAL'}),
  }

  protected c: Colors = colors(false)

  override async init(): Promise<void> {
    installOutputRedaction()
    await super.init()
  }

  /** Colour and the run context from the parsed global flags. */
  protected setup(flags: {config?: string; color?: boolean; debug?: boolean; workspace?: string; 'no-code'?: boolean}): RunContext {
    this.c = colors(!this.jsonEnabled() && (flags.color ?? colorEnabled({env: process.env})))
    const debug = flags.debug ? (line: string) => void process.stderr.write(`${redact(line)}\n`) : undefined
    return {
      cwd: process.cwd(),
      configFile: flags.config,
      workspace: flags.workspace,
      noCode: flags['no-code'],
      ...wiring({env: process.env, debug}),
      debug,
      progress: (line) => {
        if (!this.jsonEnabled()) process.stderr.write(`${this.c.dim(line)}\n`)
      },
    }
  }

  protected override async catch(err: Error & {exitCode?: number}): Promise<unknown> {
    if (!(err instanceof SegsyncError)) return super.catch(err)
    process.exitCode = err.exitCode
    const problems = (err as {problems?: Problem[]}).problems
    const breach = (err as {breach?: ContractBreach}).breach
    if (this.jsonEnabled()) {
      const json = {name: err.name, exitCode: err.exitCode, message: err.message, ...(err.hint ? {hint: err.hint} : {}), ...(problems ? {problems} : {}), ...(breach ? {contract: breach} : {})}
      process.stdout.write(redact(JSON.stringify({error: json}, null, 2)) + '\n')
      return
    }
    const lines = []
    if (problems?.length) lines.push(renderProblems(problems, this.c), '')
    lines.push(`${this.c.red(this.c.bold('Error:'))} ${err.message}`)
    if (err.hint) lines.push(`${this.c.cyan('Hint:')} ${err.hint}`)
    process.stderr.write(redact(lines.join('\n')) + '\n')
    return undefined
  }

  /**
   * --json output as plain indented JSON. oclif's own logJson colourises it first, which costs
   * about 20 ms on a 5,000-segment plan and adds nothing to what a program reads.
   */
  override logJson(json: unknown): void {
    process.stdout.write(JSON.stringify(json, null, 2) + '\n')
  }

  protected override toErrorJson(err: unknown): unknown {
    const e = err as {message?: string; name?: string}
    return {error: {name: e.name, exitCode: 1, message: redact(e.message ?? String(err))}}
  }
}

export type BaseFlags = InferredFlags<typeof BaseCommand.baseFlags>

/** Flags several commands share. */
export const sharedFlags = {
  workspace: Flags.string({char: 'w', summary: 'Only this workspace (default: all in the config).'}),
  'no-code': Flags.boolean({
    summary: 'Refuse TS definitions: only JSON is read, no repository code runs (for jobs holding secrets on untrusted pull requests).',
    default: false,
  }),
}

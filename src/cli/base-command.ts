/**
 * What every command shares under oclif: global flags, colour, redaction of secrets in all output,
 * progress on stderr, and errors to exit codes (the shared parts are in cli/io.ts, which the fast
 * path of bin/run.js uses too).
 */
// oclif's parts, not its index: a command run then loads about 25 ms less of it.
import {Command} from '@oclif/core/command'
import * as Flags from '@oclif/core/flags'
import type {InferredFlags} from '@oclif/core/interfaces'
import type {RunContext} from '../core/prepare.js'
import {SegsyncError} from '../errors.js'
import {colors, type Colors} from '../render/colors.js'
import {commandIO, errorJson, guardOutput, reportError, runContext, writeJson, type CommandIO, type GlobalFlags} from './io.js'

export abstract class BaseCommand extends Command {
  static override baseFlags = {
    config: Flags.string({char: 'c', summary: 'Config file (default: searched from the current directory up).', helpGroup: 'GLOBAL'}),
    color: Flags.boolean({allowNo: true, summary: 'Colour the output (default: on a terminal; NO_COLOR is respected).', helpGroup: 'GLOBAL'}),
    debug: Flags.boolean({summary: 'Print every HTTP request and response to stderr (secrets redacted).', default: false, helpGroup: 'GLOBAL'}),
  }

  protected c: Colors = colors(false)

  override async init(): Promise<void> {
    guardOutput()
    await super.init()
  }

  /** Output mode and colour from the parsed global flags, for an action (cli/actions) run through oclif. */
  protected io(flags: {color?: boolean}): CommandIO {
    const io = commandIO({json: this.jsonEnabled(), color: flags.color, log: (line) => this.log(line)})
    this.c = io.c
    return io
  }

  /** Colour and the run context from the parsed global flags. */
  protected setup(flags: GlobalFlags): RunContext {
    return runContext(flags, this.io(flags))
  }

  protected override async catch(err: Error & {exitCode?: number}): Promise<unknown> {
    if (!(err instanceof SegsyncError)) return super.catch(err)
    reportError(err, {json: this.jsonEnabled(), c: this.c})
    return undefined
  }

  override logJson(json: unknown): void {
    writeJson(json)
  }

  protected override toErrorJson(err: unknown): unknown {
    return errorJson(err)
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

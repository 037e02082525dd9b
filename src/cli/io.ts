/**
 * What a command's action needs from whoever runs it, oclif's Command (cli/base-command.ts) or the
 * fast path (cli/fast-path.ts): the output mode, colour, a line on stdout, the run context, and
 * the one place that turns an error into its exit code and its words (design.md §2.4). No oclif
 * here: the fast path must not load it.
 */
import {format} from 'node:util'
import type {RunContext} from '../core/prepare.js'
import type {Problem} from '../core/model.js'
import {wiring} from '../connect/wiring.js'
import {SegsyncError, type ContractBreach} from '../errors.js'
import {colorEnabled, colors, type Colors} from '../render/colors.js'
import {renderProblems} from '../render/problems.js'
import {installOutputRedaction, redact} from '../util/redact.js'

export interface CommandIO {
  /** --json: stdout carries one JSON document, progress is silent. */
  json: boolean
  c: Colors
  /** A line on stdout, as oclif's `this.log`: nothing under --json (stdout is the JSON document). */
  log(line: string): void
  /**
   * The process ends as soon as the action's output is flushed (the fast path, exitWhenFlushed):
   * what the action holds open, its connections to the vendors, closes with the process.
   */
  endsProcess?: boolean
}

/** The global flags every command has. */
export interface GlobalFlags {
  config?: string
  color?: boolean
  debug?: boolean
  workspace?: string
  'no-code'?: boolean
}

export function commandIO(options: {json: boolean; color?: boolean; log?: (line: string) => void; endsProcess?: boolean}): CommandIO {
  return {
    json: options.json,
    endsProcess: options.endsProcess ?? false,
    c: colors(!options.json && (options.color ?? colorEnabled({env: process.env}))),
    log: options.log ?? ((line) => void (options.json || process.stdout.write(format(line) + '\n'))),
  }
}

/** The pipeline's run context from the parsed global flags. */
export function runContext(flags: GlobalFlags, io: CommandIO): RunContext {
  const debug = flags.debug ? (line: string) => void process.stderr.write(`${redact(line)}\n`) : undefined
  const progress = (line: string) => {
    if (!io.json) process.stderr.write(`${io.c.dim(line)}\n`)
  }
  return {
    cwd: process.cwd(),
    configFile: flags.config,
    workspace: flags.workspace,
    noCode: flags['no-code'],
    ...wiring({env: process.env, debug, progress}),
    debug,
    progress,
  }
}

/**
 * --json output as plain indented JSON. oclif's own logJson colourises it first, which costs
 * about 20 ms on a 5,000-segment plan and adds nothing to what a program reads.
 */
export function writeJson(json: unknown): void {
  process.stdout.write(JSON.stringify(json, null, 2) + '\n')
}

/**
 * The end of a finished run: exit as soon as everything written to stdout and stderr has reached
 * the OS. Left to itself, Node first waits for V8's background work and tears the whole heap
 * down: 30–90 ms after a plan of 5,000 segments here. Writes to a pipe are asynchronous on POSIX;
 * an empty write's callback comes after every earlier write's, so no output is cut short.
 */
export async function exitWhenFlushed(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): Promise<never> {
  await Promise.all(streams.map((stream) => new Promise<void>((resolve) => (stream.writable ? stream.write('', () => resolve()) : resolve()))))
  process.exit()
}

/**
 * What every run does to its output streams before it writes, on the fast path and through
 * oclif alike: no registered secret in anything written (util/redact.ts), and a reader that
 * leaves does not end the run. Such a reader (`segsync plan --json | head`) closes the pipe, and
 * Node reports the next write as an EPIPE 'error' event, which would end the run with a stack
 * trace and exit code 1 (an apply, in the middle of its changes). The output has nowhere to go,
 * so it is dropped: the run goes on and exits with its own code. Any other error on the streams
 * is thrown as before. oclif does this for stdout when its Command module loads; the fast path
 * loads no oclif, and stderr (progress, `2>&1 | head`) had it nowhere. Once per process.
 */
export function guardOutput(): void {
  installOutputRedaction()
  if (guarded) return
  guarded = true
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
    })
  }
}

let guarded = false

/** A SegsyncError as the user meets it: its exit code, its problems, the error and its hint. */
export function reportError(err: SegsyncError, io: Pick<CommandIO, 'json' | 'c'>): void {
  process.exitCode = err.exitCode
  const problems = (err as {problems?: Problem[]}).problems
  const breach = (err as {breach?: ContractBreach}).breach
  if (io.json) {
    const json = {name: err.name, exitCode: err.exitCode, message: err.message, ...(err.hint ? {hint: err.hint} : {}), ...(problems ? {problems} : {}), ...(breach ? {contract: breach} : {})}
    process.stdout.write(redact(JSON.stringify({error: json}, null, 2)) + '\n')
    return
  }
  const lines = []
  if (problems?.length) lines.push(renderProblems(problems, io.c), '')
  lines.push(`${io.c.red(io.c.bold('Error:'))} ${err.message}`)
  if (err.hint) lines.push(`${io.c.cyan('Hint:')} ${err.hint}`)
  process.stderr.write(redact(lines.join('\n')) + '\n')
}

/** Any other error under --json, as oclif's Command writes it (through `toErrorJson`). */
export function errorJson(err: unknown): unknown {
  const e = err as {message?: string; name?: string}
  return {error: {name: e.name, exitCode: 1, message: redact(e.message ?? String(err))}}
}

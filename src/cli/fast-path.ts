/**
 * The fast path of bin/run.js for the commands a CI job runs on every pull request, `validate` and
 * `plan`. oclif's loader costs about 120 ms before a command starts (its flag module alone pulls
 * in help, ux, ejs and spinners; then Config.load); a repository of 5,000 JSON definitions
 * validates in well under a second, so that was a fifth of the run.
 *
 * An argv this path understands for certain runs the command's action (cli/actions) directly,
 * with the flags of oclif.manifest.json (written at build from the command classes, so they
 * cannot drift). Anything else goes to oclif unchanged: --help, unknown or repeated flags, flags
 * with relationships, arguments, `--`, SEGSYNC_CONTENT_TYPE, or SEGSYNC_FAST_PATH=0. Both paths
 * share the actions, the output and the error handling (cli/io.ts).
 */
import {readFileSync} from 'node:fs'
import {SegsyncError} from '../errors.js'
import {commandIO, errorJson, guardOutput, reportError, writeJson, type CommandIO} from './io.js'

/** For bin/run.js: how a run the fast path finished ends. */
export {exitWhenFlushed} from './io.js'

/** A flag as oclif.manifest.json describes it. */
export interface ManifestFlag {
  name: string
  type: 'boolean' | 'option'
  char?: string
  allowNo?: boolean
  multiple?: boolean
  options?: string[]
  default?: unknown
  [key: string]: unknown
}

type Action = (flags: Record<string, unknown>, io: CommandIO) => Promise<unknown>

const ACTIONS: Record<string, () => Promise<Action>> = {
  validate: async () => (await import('./actions/validate.js')).validateAction,
  plan: async () => (await import('./actions/plan.js')).planAction,
}

/** What a flag may say for this path to parse it exactly as oclif would. */
const UNDERSTOOD = new Set(['name', 'type', 'char', 'allowNo', 'multiple', 'options', 'default', 'summary', 'description', 'helpGroup', 'hasDynamicHelp'])

function understood(flag: ManifestFlag): boolean {
  return Object.keys(flag).every((k) => UNDERSTOOD.has(k)) && flag.multiple !== true && flag.hasDynamicHelp !== true && typeof flag.default !== 'function'
}

/**
 * The flags of `argv` (the words after the command), or undefined when oclif must parse them.
 * Takes `--name`, `--no-name` (allowNo), `--name value`, `--name=value` and `-c value`.
 */
export function parseArgv(argv: readonly string[], defs: Readonly<Record<string, ManifestFlag>>): Record<string, unknown> | undefined {
  const all = Object.values(defs)
  if (!all.every(understood)) return undefined
  const byChar = new Map(all.flatMap((f) => (f.char ? [[f.char, f] as const] : [])))
  const flags: Record<string, unknown> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    let flag: ManifestFlag | undefined
    let inline: string | undefined
    let negated = false
    if (arg.startsWith('--') && arg.length > 2) {
      let name = arg.slice(2)
      const eq = name.indexOf('=')
      if (eq !== -1) [name, inline] = [name.slice(0, eq), name.slice(eq + 1)]
      flag = Object.hasOwn(defs, name) ? defs[name] : undefined
      if (!flag && name.startsWith('no-')) {
        const base = Object.hasOwn(defs, name.slice(3)) ? defs[name.slice(3)] : undefined
        if (base?.type === 'boolean' && base.allowNo) [flag, negated] = [base, true]
      }
    } else if (/^-[A-Za-z]$/.test(arg)) {
      flag = byChar.get(arg[1]!)
    }
    if (!flag || Object.hasOwn(flags, flag.name)) return undefined
    if (flag.type === 'boolean') {
      if (inline !== undefined) return undefined
      flags[flag.name] = !negated
      continue
    }
    const value = inline ?? argv[++i]
    if (value === undefined || value === '' || value.startsWith('-')) return undefined
    if (flag.options && !flag.options.includes(value)) return undefined
    flags[flag.name] = value
  }
  for (const f of all) if (!Object.hasOwn(flags, f.name) && f.default !== undefined) flags[f.name] = f.default
  return flags
}

interface Manifest {
  commands?: Record<string, {flags?: Record<string, ManifestFlag>; args?: Record<string, unknown>}>
}

function readManifest(file: URL | string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest
  } catch {
    return undefined // no manifest (a build without it): oclif finds the commands itself
  }
}

/**
 * Runs `argv` (process.argv.slice(2)) when this path takes it; false when oclif must, and then
 * nothing was done. After true, the caller ends the process once the output is flushed
 * (exitWhenFlushed, as bin/run.js does): the action leaves its connections for the exit to close.
 */
export async function runFast(argv: readonly string[], manifestFile: URL | string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const load = Object.hasOwn(ACTIONS, argv[0] ?? '') ? ACTIONS[argv[0]!] : undefined
  if (!load || env.SEGSYNC_FAST_PATH === '0' || env.SEGSYNC_CONTENT_TYPE !== undefined) return false
  const command = readManifest(manifestFile)?.commands?.[argv[0]!]
  if (!command?.flags) return false
  const flags = parseArgv(argv.slice(1), command.flags)
  if (!flags) return false
  guardOutput()
  const io = commandIO({json: flags.json === true, color: flags.color as boolean | undefined, endsProcess: true})
  try {
    const result = await (await load())(flags, io)
    if (result && io.json) writeJson(result)
  } catch (error) {
    await fail(error as Error & {exitCode?: number}, io)
  }
  return true
}

/** An error as oclif's Command.catch and its handler would show it. */
async function fail(err: Error & {exitCode?: number}, io: CommandIO): Promise<void> {
  if (err instanceof SegsyncError) return reportError(err, io)
  process.exitCode = process.exitCode ?? err.exitCode ?? 1
  if (io.json) return writeJson(errorJson(err))
  const {handle} = await import('@oclif/core/errors')
  await handle(err)
}

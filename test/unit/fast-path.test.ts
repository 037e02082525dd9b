/**
 * The fast path of bin/run.js (src/cli/fast-path.ts) parses an argv only when it would parse it
 * exactly as oclif does; everything else is left to oclif. The flags come from the manifest the
 * build writes from the command classes, and every argv it takes is checked here against oclif's
 * own parser with the same command's flags.
 */
import {readFileSync} from 'node:fs'
import {parse} from '@oclif/core/parser'
import * as Flags from '@oclif/core/flags'
import {describe, expect, it} from 'vitest'
import Plan from '../../src/commands/plan.js'
import Validate from '../../src/commands/validate.js'
import {parseArgv, runFast, type ManifestFlag} from '../../src/cli/fast-path.js'

const MANIFEST = new URL('../../oclif.manifest.json', import.meta.url)
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as {commands: Record<string, {flags: Record<string, ManifestFlag>}>}
const commands = {validate: Validate, plan: Plan}

/** What oclif makes of `argv` for the command (as Command#parse does, --json included), or its error. */
async function oclifParse(id: 'validate' | 'plan', argv: string[]): Promise<Record<string, unknown>> {
  const command = commands[id]
  const flags = {...command.baseFlags, ...command.flags, json: Flags.boolean({description: 'Format output as json.'})}
  const {flags: parsed} = await parse(argv, {flags, args: {}, strict: true})
  return parsed as Record<string, unknown>
}

/** A boolean oclif fills with its default `false` is absent for the fast path: both read as false. */
const truthy = (flags: Record<string, unknown>) => Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== false && v !== undefined))

describe('the fast path takes plain argv exactly as oclif parses it', () => {
  const taken: Array<['validate' | 'plan', string[]]> = [
    ['validate', []],
    ['validate', ['--json']],
    ['validate', ['-w', 'production']],
    ['validate', ['--workspace=production', '--no-color']],
    ['validate', ['--color', '--debug', '-c', 'segsync.config.json']],
    ['validate', ['--no-code', '--json', '--config', 'a b.json']],
    ['plan', ['--detailed-exitcode', '-o', 'plan.json', '--comment']],
    ['plan', ['--out=plan=1.json', '-w', 'staging', '--json']],
  ]
  it.each(taken)('%s %j', async (id, argv) => {
    const fast = parseArgv(argv, manifest.commands[id]!.flags)
    expect(fast).toBeDefined()
    expect(truthy(fast!)).toEqual(truthy(await oclifParse(id, argv)))
    // --no-color is the one false that means something (colour off even on a terminal).
    if (argv.includes('--no-color')) expect(fast!.color).toBe(false)
  })
})

describe('the fast path leaves to oclif what it does not take for certain', () => {
  const left: string[][] = [
    ['--help'],
    ['-h'],
    ['--no-such-flag'],
    ['an-argument'],
    ['--json', '--json'],
    ['--color', '--no-color'],
    ['-w'],
    ['-w', '--json'],
    ['--workspace='],
    ['--workspace', '-'],
    ['--debug=true'],
    ['--no-json'],
    ['--no-debug'],
    ['--', '--json'],
    ['-wproduction'],
    ['-cw', 'x'],
  ]
  it.each(left)('validate %j', (...argv) => {
    expect(parseArgv(argv, manifest.commands.validate!.flags)).toBeUndefined()
  })

  it('leaves a flag it does not understand (relationships, env, multiple) to oclif', () => {
    const flags = manifest.commands.validate!.flags
    expect(parseArgv([], {...flags, extra: {name: 'extra', type: 'option', env: 'SEGSYNC_EXTRA'}})).toBeUndefined()
    expect(parseArgv([], {...flags, extra: {name: 'extra', type: 'option', multiple: true}})).toBeUndefined()
    expect(parseArgv([], {...flags, extra: {name: 'extra', type: 'boolean', exclusive: ['json']}})).toBeUndefined()
  })

  it('checks an option flag against its allowed values, and fills defaults', () => {
    const defs: Record<string, ManifestFlag> = {format: {name: 'format', type: 'option', options: ['text', 'json'], default: 'text'}}
    expect(parseArgv([], defs)).toEqual({format: 'text'})
    expect(parseArgv(['--format', 'json'], defs)).toEqual({format: 'json'})
    expect(parseArgv(['--format', 'yaml'], defs)).toBeUndefined()
  })

  it('runs nothing for other commands, with SEGSYNC_FAST_PATH=0, SEGSYNC_CONTENT_TYPE or no manifest', async () => {
    expect(await runFast(['apply'], MANIFEST, {})).toBe(false)
    expect(await runFast(['--help'], MANIFEST, {})).toBe(false)
    expect(await runFast([], MANIFEST, {})).toBe(false)
    expect(await runFast(['validate', '--help'], MANIFEST, {})).toBe(false)
    expect(await runFast(['validate'], MANIFEST, {SEGSYNC_FAST_PATH: '0'})).toBe(false)
    expect(await runFast(['validate'], MANIFEST, {SEGSYNC_CONTENT_TYPE: 'json'})).toBe(false)
    expect(await runFast(['validate'], new URL('./no-such-manifest.json', MANIFEST), {})).toBe(false)
  })
})

/**
 * A JSON config (segsync.config.json, .segsyncrc.json, .config/segsyncrc.json, or the "segsync"
 * key of package.json) read with `JSON.parse`, as cosmiconfig would read it, without cosmiconfig:
 * its JSON loader brings parse-json and @babel/code-frame, about 15 ms of every command, and a
 * package.json that holds no config is read on the way to a TS one. A file with a mistake gets
 * each mistake at its line and column (json-source.ts), as a definition file does.
 */
import {readFileSync} from 'node:fs'
import {basename, extname} from 'node:path'
import {parseJsonWithPositions} from '../../util/json-source.js'
import type {Problem} from '../model.js'

export type JsonConfig =
  /** What the file holds (`isEmpty`: nothing, or package.json's key holds nothing). */
  | {status: 'read'; config: unknown; isEmpty: boolean}
  /** package.json with no "segsync" key: no config here. */
  | {status: 'none'}
  /** Not JSON: each mistake, where it is. */
  | {status: 'invalid'; problems: Problem[]}
  /** What only cosmiconfig does (a `$import` of other files): it reads this one. */
  | {status: 'cosmiconfig'}

/** Whether `file` is one this module reads: its name ends in `.json`. */
export const isJsonConfig = (file: string): boolean => extname(file) === '.json'

/** The config in `absFile` (a JSON file), named `file` in problems; `moduleName` is package.json's key. */
export function readJsonConfig(absFile: string, file: string, moduleName: string): JsonConfig {
  // cosmiconfig reads the file as UTF-8, a byte order mark included; JSON.parse does not take one.
  const text = readFileSync(absFile, 'utf8').replace(/^\uFEFF/, '')
  if (text.trim() === '') return {status: 'read', config: undefined, isEmpty: true}
  const parsed = parse(text, file)
  if (parsed.status === 'invalid') return parsed
  const pkg = basename(absFile) === 'package.json'
  const config = pkg ? ownKey(parsed.value, moduleName) : parsed.value
  if (pkg && (config === undefined || config === null)) return {status: 'none'}
  if (hasImports(config)) return {status: 'cosmiconfig'}
  return {status: 'read', config, isEmpty: false}
}

/** A config that `$import`s others (JSON, TS or any): cosmiconfig merges them, so it reads that one. */
export const hasImports = (config: unknown): boolean => ownKey(config, '$import') !== undefined

function parse(text: string, file: string): {status: 'parsed'; value: unknown} | {status: 'invalid'; problems: Problem[]} {
  try {
    return {status: 'parsed', value: JSON.parse(text)}
  } catch {
    const {errors} = parseJsonWithPositions(text)
    // One mistake can read as two at one place (a trailing comma: no name, no value): the first says it.
    const at = new Set<string>()
    const first = errors.filter((e) => !at.has(`${e.line}:${e.column}`) && at.add(`${e.line}:${e.column}`))
    const problems = first.map((e) => ({file, line: e.line, column: e.column, message: e.message, hint: 'The config must be JSON: double-quoted keys and strings, no trailing commas, no comments.'}))
    return {status: 'invalid', problems: problems.length > 0 ? problems : [{file, message: 'not valid JSON'}]}
  }
}

function ownKey(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
}

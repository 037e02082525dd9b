/**
 * Finds and loads the config (cosmiconfig's places and rules, module name `segsync`), validates it
 * against schemas/config.schema.json and resolves it into workspaces. Every place design.md §2.1
 * lists is searched, plus segsync.config.json, .mts and .cts, which cosmiconfig 9 does not search
 * by default. JSON and TS configs are read without loading cosmiconfig (json-config.ts, jiti).
 */
import {readFileSync} from 'node:fs'
import {basename, dirname, extname, isAbsolute, relative, resolve} from 'node:path'
import {ConfigError} from '../../errors.js'
import {configCandidates} from './find-config.js'
import {hasImports, isJsonConfig, readJsonConfig} from './json-config.js'
import type {Policy, Problem, Workspace} from '../model.js'
import type {SegsyncConfig, Workspace as WorkspaceConfig} from '../../generated/config.js'
import {sortProblems} from '../validate/problem.js'
import {schemaValidator} from '../validate/schema.js'
import {parseJsonWithPositions} from '../../util/json-source.js'
import {schemaPath} from '../../util/package-root.js'
import {importDefault} from '../../util/ts-loader.js'
import {toPointer} from '../../util/text.js'
import {tsLocator} from '../../util/ts-source.js'

export interface LoadedConfig {
  /** Config file, relative to cwd. */
  file: string
  rootDir: string
  workspaces: Workspace[]
  policy: Policy
}

const MODULE = 'segsync'
export const searchPlaces = [
  'package.json',
  `.${MODULE}rc`,
  `.${MODULE}rc.json`,
  `.${MODULE}rc.yaml`,
  `.${MODULE}rc.yml`,
  `.${MODULE}rc.js`,
  `.${MODULE}rc.ts`,
  `.${MODULE}rc.mjs`,
  `.${MODULE}rc.cjs`,
  `.config/${MODULE}rc`,
  `.config/${MODULE}rc.json`,
  `.config/${MODULE}rc.yaml`,
  `.config/${MODULE}rc.yml`,
  `.config/${MODULE}rc.js`,
  `.config/${MODULE}rc.ts`,
  `.config/${MODULE}rc.mjs`,
  `.config/${MODULE}rc.cjs`,
  `${MODULE}.config.js`,
  `${MODULE}.config.ts`,
  `${MODULE}.config.mjs`,
  `${MODULE}.config.cjs`,
  `${MODULE}.config.mts`,
  `${MODULE}.config.cts`,
  `${MODULE}.config.json`,
  `${MODULE}.config.yaml`,
  `${MODULE}.config.yml`,
]

export async function loadConfig(options: {cwd: string; file?: string; noCode?: boolean}): Promise<LoadedConfig> {
  const tsLoader = (file: string) => importDefault(file)
  // --no-code: a JS or TS config is code from the repository as much as a TS definition is.
  const refuse = (file: string): never => {
    throw new ConfigError(`${relative(options.cwd, file) || basename(file)}: a JS or TS config is refused in --no-code mode (it would run code from the repository)`, 'Write the config as segsync.config.json or .yaml (or a "segsync" key in package.json), or run without --no-code in a job that holds no secrets.')
  }
  // cosmiconfig reads YAML and JS configs, and `$import`s; JSON (json-config.ts) and TS configs
  // are read without it: loading it reads package.json with parse-json and @babel/code-frame,
  // about 15 ms of every command.
  let explorer: Promise<{load(file: string): Promise<Found | null>}> | undefined
  const cosmiconfig = () =>
    (explorer ??= import('cosmiconfig').then(({cosmiconfig}) =>
      cosmiconfig(MODULE, {
        searchPlaces,
        searchStrategy: 'project',
        loaders: options.noCode ? {'.js': refuse, '.mjs': refuse, '.cjs': refuse, '.ts': refuse, '.mts': refuse, '.cts': refuse} : {'.ts': tsLoader, '.mts': tsLoader, '.cts': tsLoader},
      }),
    ))
  const load = async (absFile: string): Promise<Found | null> => {
    if (TS_CONFIG.has(extname(absFile))) {
      // A TS config goes to jiti, as cosmiconfig would send it; a blank one holds nothing.
      if (options.noCode) refuse(absFile)
      const source = readFileSync(absFile, 'utf8')
      if (source.trim() === '') return {config: undefined, filepath: absFile, isEmpty: true}
      // The text read here is the one jiti runs: the file is read once.
      const config = await importDefault(absFile, {source})
      if (!hasImports(config)) return {config, filepath: absFile, isEmpty: config === undefined}
    }
    if (isJsonConfig(absFile)) {
      const json = readJsonConfig(absFile, relative(options.cwd, absFile) || basename(absFile), MODULE)
      if (json.status === 'invalid') throw new InvalidConfigError(json.problems)
      if (json.status === 'none') return null
      if (json.status === 'read') return {config: json.config, filepath: absFile, isEmpty: json.isEmpty}
    }
    return (await cosmiconfig()).load(absFile)
  }
  // The first candidate that holds a config (a package.json without a "segsync" key does not).
  const search = async () => {
    for (const file of configCandidates(options.cwd, searchPlaces)) {
      const result = await load(file)
      if (result && !result.isEmpty) return result
    }
    return null
  }
  let found: Found | null
  try {
    found = options.file ? await load(resolve(options.cwd, options.file)) : await search()
  } catch (error) {
    throw error instanceof ConfigError ? error : loadFailure(error, options)
  }
  if (!found) {
    throw new ConfigError(
      `no segsync config found in ${options.cwd} or its parents`,
      'Create segsync.config.ts (or .json, .yaml, .segsyncrc, a "segsync" key in package.json), or pass --config FILE.',
    )
  }
  const file = relative(options.cwd, found.filepath) || basename(found.filepath)
  const raw = found.isEmpty ? {} : found.config
  const problems = validateConfig(raw, found.filepath, file)
  if (problems.length > 0) throw new InvalidConfigError(problems)
  // `.config/segsyncrc*` belongs to the project one level up: paths resolve from there.
  const dir = dirname(found.filepath)
  return resolveConfig(raw as SegsyncConfig, basename(dir) === '.config' ? dirname(dir) : dir, file)
}

const TS_CONFIG = new Set(['.ts', '.mts', '.cts'])

interface Found {
  config: unknown
  filepath: string
  isEmpty?: boolean
}

export class InvalidConfigError extends ConfigError {
  constructor(readonly problems: Problem[]) {
    super(`invalid config: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${problems[0]!.file}`, 'The config schema is schemas/config.schema.json.')
  }
}

function validateConfig(raw: unknown, absFile: string, file: string): Problem[] {
  const issues = schemaValidator(schemaPath('config.schema.json')).validate(raw)
  if (issues.length === 0) return []
  const locate = locator(absFile)
  return sortProblems(
    issues.map((issue) => {
      const pos = locate?.(issue.path, issue.at)
      return {file, ...pos, path: toPointer(issue.path) || '/', message: issue.message, ...(issue.hint ? {hint: issue.hint} : {})}
    }),
  )
}

/** Positions for JSON configs (package.json: under the "segsync" key) and JS/TS ones (`export default`). */
function locator(absFile: string) {
  const ext = extname(absFile)
  const name = basename(absFile)
  const code = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'].includes(ext)
  if (!(ext === '.json' || name === `.${MODULE}rc` || code)) return undefined
  let text: string
  try {
    text = readFileSync(absFile, 'utf8')
  } catch {
    return undefined
  }
  if (code) return tsLocator(text)
  if (!text.trim().startsWith('{')) return undefined
  const parsed = parseJsonWithPositions(text)
  const prefix = name === 'package.json' ? [MODULE] : []
  return (path: Array<string | number>, at: 'key' | 'value') => parsed.locate([...prefix, ...path], at)
}

function resolveConfig(config: SegsyncConfig, rootDir: string, file: string): LoadedConfig {
  const entries: Array<[string, WorkspaceConfig]> =
    'workspaces' in config ? Object.entries(config.workspaces) : [['default', flatWorkspace(config)]]
  const workspaces = entries.map(([name, ws]): Workspace => ({
    ...ws,
    name,
    segments: ws.segments,
    segmentsDir: isAbsolute(ws.segments) ? ws.segments : resolve(rootDir, ws.segments),
    ...(ws.emulatorSeed ? {emulatorSeed: resolve(rootDir, ws.emulatorSeed)} : {}),
    rootDir,
  }))
  return {
    file,
    rootDir,
    workspaces,
    policy: {campaignImpact: config.policy?.campaignImpact ?? 'block', unknownUsage: config.policy?.unknownUsage ?? 'warn', ...(config.policy?.audienceChange ? {audienceChange: config.policy.audienceChange} : {})},
  }
}

function flatWorkspace(config: Exclude<SegsyncConfig, {workspaces: unknown}>): WorkspaceConfig {
  const {policy: _policy, $schema: _schema, ...ws} = config
  return ws
}

function loadFailure(error: unknown, options: {cwd: string; file?: string}): ConfigError {
  const e = error as {code?: string; message?: string; path?: string}
  if (e.code === 'ENOENT') {
    return new ConfigError(`config file not found: ${options.file ?? e.path}`, 'Check the --config path.')
  }
  return new ConfigError(`could not load the segsync config: ${e.message ?? String(error)}`)
}

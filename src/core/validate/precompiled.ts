/**
 * The yes/no validators precompiled from schemas/ at build time (scripts/build-validators.mjs →
 * dist/validators/). Valid input, the common case, is then checked without loading ajv or
 * compiling a schema. A validator is used only when it was compiled from the schema as it is now,
 * and from the files that schema references (common.schema.json) as they are now: the sha256 of
 * each is recorded in the file. Otherwise, and when running from the TS sources before a build,
 * there is none and schema.ts compiles the schema itself.
 */
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join, relative, sep} from 'node:path'
import {sha256} from '../../util/hash.js'
import {readSchema} from './schema-files.js'
import {packageRoot, schemaPath} from '../../util/package-root.js'

export type IsValid = (value: unknown) => boolean

/** The text of a schema file, or undefined when there is no such file. */
export type ReadSchema = (file: string) => string | undefined

/** What build-validators records in each file: the sha256 of every schema file it was compiled from, by schemaName. */
export type CompiledFrom = Record<string, string>

const require = createRequire(import.meta.url)

// A schema several others reference (common.schema.json) is read once per process (schema-files.ts).
const readSchemaFile: ReadSchema = (file) => (existsSync(file) ? readSchema(file).text : undefined)

/**
 * `schemaText` is the text of `schemaFile`, already read by the caller; `readSchema` reads the
 * files it references; `def` picks one `$defs` entry (a response contract).
 */
export function precompiledValidator(schemaFile: string, schemaText: string, readSchema: ReadSchema = readSchemaFile, def?: string): IsValid | undefined {
  const name = schemaName(schemaFile)
  const file = join(packageRoot, 'dist', 'validators', precompiledName(name, def))
  if (!existsSync(file)) return undefined
  const validate = require(file) as IsValid & {compiledFrom?: CompiledFrom}
  const from = validate.compiledFrom
  if (from?.[name] !== sha256(schemaText)) return undefined
  const current = Object.entries(from).every(([other, sha]) => {
    if (other === name) return true
    const text = readSchema(schemaPath(other))
    return text !== undefined && sha256(text) === sha
  })
  return current ? validate : undefined
}

/** `<package>/schemas/sequenzy/segment.schema.json` → `sequenzy/segment.schema.json`. */
export function schemaName(schemaFile: string): string {
  return relative(join(packageRoot, 'schemas'), schemaFile).split(sep).join('/')
}

/**
 * `sequenzy/segment.schema.json` → `sequenzy.segment.cjs`; with a `$defs` entry,
 * `sequenzy/responses.schema.json` + `SegmentList` → `sequenzy.responses.SegmentList.cjs` (the
 * build script names its files with this).
 */
export function precompiledName(schemaRelative: string, def?: string): string {
  return schemaRelative.split(/[\\/]/).join('.').replace(/\.schema\.json$/, def ? `.${def}.cjs` : '.cjs')
}

/**
 * The schemas checked in bulk, one value per vendor answer or per definition file, whose build
 * tries a lean checker (lean-checker.ts) before ajv's code: the response contracts and the
 * vendors' definition schemas (`<vendor>/segment.schema.json`).
 */
export function wantsLeanChecker(schemaRelative: string): boolean {
  return isResponseContract(schemaRelative) || /(^|\/)[a-z0-9]+\/segment\.schema\.json$/.test(schemaRelative)
}

/** Response contracts (`<vendor>/responses.schema.json`) are validated per `$defs` entry, one per answer. */
export function isResponseContract(schemaRelative: string): boolean {
  return /(^|\/)responses\.schema\.json$/.test(schemaRelative)
}

/**
 * The yes/no validators precompiled from schemas/ at build time (scripts/build-validators.mjs →
 * dist/validators/). Valid input, the common case, is then checked without loading ajv or
 * compiling a schema. A validator is used only when it was compiled from the schema as it is now
 * (sha256 recorded in the file); otherwise, and when running from the TS sources before a build,
 * there is none and schema.ts compiles the schema itself.
 */
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join, relative} from 'node:path'
import {sha256} from '../../util/hash.js'
import {packageRoot} from '../../util/package-root.js'

export type IsValid = (value: unknown) => boolean

const require = createRequire(import.meta.url)

export function precompiledValidator(schemaFile: string, schemaText: string): IsValid | undefined {
  const file = join(packageRoot, 'dist', 'validators', precompiledName(relative(join(packageRoot, 'schemas'), schemaFile)))
  if (!existsSync(file)) return undefined
  const validate = require(file) as IsValid & {schemaSha256?: string}
  return validate.schemaSha256 === sha256(schemaText) ? validate : undefined
}

/** `sequenzy/segment.schema.json` → `sequenzy.segment.cjs` (the build script names its files with this). */
export function precompiledName(schemaRelative: string): string {
  return schemaRelative.split(/[\\/]/).join('.').replace(/\.schema\.json$/, '.cjs')
}

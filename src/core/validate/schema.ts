/**
 * JSON Schema validation (ajv, draft 2020-12) that reports what a person would: one problem per
 * mistake, at its JSON path, with "did you mean" hints.
 *
 * ajv with allErrors reports every branch of a failed `oneOf` (18 errors for 7 mistakes, see
 * research/ecosystem.md §4). We re-validate the value against each branch and keep only the branch
 * the author meant: the one whose tag properties (`const`, such as `kind` or `field`) match, and of
 * those the one with the fewest problems. When no branch's tags match, the tag value itself is the
 * mistake and is reported once, with the allowed values.
 */
import {createRequire} from 'node:module'
import type {ErrorObject, ValidateFunction} from 'ajv'
import type {Ajv2020} from 'ajv/dist/2020.js'
import type {JsonPath} from '../model.js'
import {didYouMean, fromPointer, quote} from '../../util/text.js'
import {precompiledValidator} from './precompiled.js'
import {readSchema, referencedSchemaFiles} from './schema-files.js'

export interface SchemaIssue {
  path: JsonPath
  message: string
  hint?: string
  /** Point at the property name rather than its value (unknown properties). */
  at: 'key' | 'value'
}

export interface SchemaValidator {
  validate(value: unknown): SchemaIssue[]
}

type Schema = Record<string, unknown>

let ajv: Ajv2020 | undefined
const validators = new Map<string, SchemaValidator>()
const require = createRequire(import.meta.url)

/** ajv itself, loaded on first use: a run whose input is valid never needs it (precompiled.ts). */
function instance(): Ajv2020 {
  if (!ajv) {
    const {Ajv2020: Ajv} = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
    const addFormats = require('ajv-formats') as {default: (a: Ajv2020) => void}
    ajv = new Ajv({allErrors: true, verbose: true, strict: true, allowUnionTypes: true})
    addFormats.default(ajv)
  }
  return ajv
}

/**
 * A validator for the schema file at `file` (absolute path), or for one of its `$defs` entries
 * (`def`: the vendors' response contracts keep one entry per answer), once per process. Valid
 * values are recognised by the precompiled validator when there is one; the rest go through ajv,
 * which explains what is wrong.
 */
export function schemaValidator(file: string, def?: string): SchemaValidator {
  const key = def ? `${file}#${def}` : file
  const cached = validators.get(key)
  if (cached) return cached
  const {text, json} = readSchema(file)
  const schema = json as Schema & {$id: string}
  const isValid = precompiledValidator(file, text, undefined, def)
  let root: ValidateFunction | undefined
  const full = () => {
    if (!root) {
      const a = instance()
      // The files it references first (common.schema.json), so its cross-file $refs resolve.
      for (const referenced of referencedSchemaFiles(file, schema)) addOnce(a, readSchema(referenced).json as Schema & {$id: string})
      addOnce(a, schema)
      root = a.getSchema(def ? `${schema.$id}#/$defs/${def}` : schema.$id)
      if (!root) throw new Error(`${file} has no $defs entry ${JSON.stringify(def)}`)
    }
    return root
  }
  const validator = {validate: (value: unknown) => (isValid?.(value) ? [] : issuesFor(full(), value, [], schema.$id))}
  validators.set(key, validator)
  return validator
}

function addOnce(a: Ajv2020, schema: Schema & {$id: string}): void {
  if (!a.getSchema(schema.$id)) a.addSchema(schema)
}

function issuesFor(validate: ValidateFunction, data: unknown, base: JsonPath, rootId: string): SchemaIssue[] {
  if (validate(data)) return []
  const errors = [...(validate.errors ?? [])]
  const out: SchemaIssue[] = []
  const handled: string[] = []
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf').sort((a, b) => depth(a.instancePath) - depth(b.instancePath))
  for (const e of oneOfs) {
    if (handled.some((h) => within(e.instancePath, h))) continue
    handled.push(e.instancePath)
    out.push(...resolveOneOf(e, valueAt(data, e.instancePath), [...base, ...fromPointer(e.instancePath)], rootId))
  }
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'if' || handled.some((h) => within(e.instancePath, h))) continue
    out.push(formatError(e, base))
  }
  return dedupe(out)
}

function resolveOneOf(error: ErrorObject, value: unknown, path: JsonPath, rootId: string): SchemaIssue[] {
  const branches = (error.schema as Schema[]) ?? []
  const results = branches.map((branch) => {
    const validate = branchValidator(branch, rootId)
    const ok = validate(value)
    const raw = ok ? [] : [...(validate.errors ?? [])]
    // The branch's own $refs resolve against the file it is in (common.schema.json for AbsentSegment).
    const baseId = typeof branch.$ref === 'string' ? new URL(branch.$ref, rootId).toString().replace(/#.*$/, '') : rootId
    const resolved = resolveBranch(branch, rootId)
    // A tag is a property whose schema is a `const` (kind, field, ensure…): a wrong or missing
    // tag means the author did not mean this branch.
    const tagMismatches = [
      ...raw.filter((e) => e.keyword === 'const' && depth(e.instancePath) === 1).map((e) => String(fromPointer(e.instancePath)[0])),
      ...raw
        .filter((e) => e.keyword === 'required' && e.instancePath === '' && tagValue(resolved, baseId, String(e.params.missingProperty)) !== undefined)
        .map((e) => String(e.params.missingProperty)),
    ]
    // Untagged unions (Kibamail's conditions are told apart by their keys): a branch that does
    // not declare the value's own keys is not the one the author meant, however few its problems.
    const unknownKeys = raw.filter((e) => e.keyword === 'additionalProperties' && e.instancePath === '').length
    return {branch: resolved, baseId, validate, ok, tagMismatches, unknownKeys}
  })
  if (results.some((r) => r.ok)) {
    return [{path, message: 'matches more than one of the allowed forms; make it match exactly one', at: 'value'}]
  }
  const fewestMismatches = Math.min(...results.map((r) => r.tagMismatches.length))
  const candidates = results.filter((r) => r.tagMismatches.length === fewestMismatches)
  if (fewestMismatches === 0) {
    const scored = candidates.map((r) => ({unknownKeys: r.unknownKeys, issues: issuesFor(r.validate, value, path, r.baseId)}))
    scored.sort((a, b) => a.unknownKeys - b.unknownKeys || a.issues.length - b.issues.length)
    return scored[0]!.issues
  }
  // No branch's tags match: the tag is the mistake. Report it once with what is allowed.
  const counts = new Map<string, number>()
  for (const r of candidates) for (const t of r.tagMismatches) counts.set(t, (counts.get(t) ?? 0) + 1)
  const tag = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0]
  const allowed = [...new Set(results.map((r) => tagValue(r.branch, r.baseId, tag)).filter((c): c is string => typeof c === 'string'))]
  const got = (value as Record<string, unknown> | null)?.[tag]
  const suggestion = typeof got === 'string' ? didYouMean(got, allowed) : undefined
  if (got === undefined) {
    return [{path, message: `missing required property ${quote(tag)} (one of: ${allowed.join(', ')})`, at: 'value'}]
  }
  return [
    {
      path: [...path, tag],
      message: `unknown ${tag} ${quote(got)}; expected one of: ${allowed.join(', ')}`,
      ...(suggestion ? {hint: `did you mean ${quote(suggestion)}?`} : {}),
      at: 'value',
    },
  ]
}

const branchCache = new Map<string, ValidateFunction>()

function branchValidator(branch: Schema, rootId: string): ValidateFunction {
  const a = instance()
  if (typeof branch.$ref === 'string') {
    const id = new URL(branch.$ref, rootId).toString()
    const found = a.getSchema(id)
    if (found) return found
  }
  const key = JSON.stringify(branch)
  let v = branchCache.get(key)
  if (!v) {
    v = a.compile(branch)
    branchCache.set(key, v)
  }
  return v
}

function resolveBranch(branch: Schema, rootId: string): Schema {
  if (typeof branch.$ref !== 'string') return branch
  const found = instance().getSchema(new URL(branch.$ref, rootId).toString())
  return (found?.schema as Schema) ?? branch
}

/** The `const` of property `key` of `schema`, also through a `$ref` (`ensure` → common.schema.json's EnsurePresent). */
function tagValue(schema: Schema, baseId: string, key: string): unknown {
  const property = (schema.properties as Record<string, Schema> | undefined)?.[key]
  if (typeof property?.$ref !== 'string') return property?.const
  return (instance().getSchema(new URL(property.$ref, baseId).toString())?.schema as Schema | undefined)?.const
}

function formatError(e: ErrorObject, base: JsonPath): SchemaIssue {
  const path = [...base, ...fromPointer(e.instancePath)]
  const last = path.length > 0 ? String(path[path.length - 1]) : 'the definition'
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'required':
      return {path, message: `missing required property ${quote(p.missingProperty)}`, at: 'value'}
    case 'additionalProperties': {
      const key = String(p.additionalProperty)
      const known = Object.keys(((e.parentSchema as Schema)?.properties as Schema) ?? {})
      const suggestion = didYouMean(key, known)
      return {
        path: [...path, key],
        message: `unknown property ${quote(key)}`,
        hint: suggestion ? `did you mean ${quote(suggestion)}?` : known.length ? `allowed here: ${known.join(', ')}` : undefined,
        at: 'key',
      }
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? []
      const suggestion = typeof e.data === 'string' ? didYouMean(e.data, allowed.map(String)) : undefined
      return {
        path,
        message: `${last} ${quote(e.data)} is not allowed here; expected one of: ${allowed.map((v) => String(v)).join(', ')}`,
        ...(suggestion ? {hint: `did you mean ${quote(suggestion)}?`} : {}),
        at: 'value',
      }
    }
    case 'const':
      return {path, message: `${last} must be ${quote(p.allowedValue)}`, at: 'value'}
    case 'type':
      return {path, message: `${last} must be ${article(String(p.type))}`, at: 'value'}
    case 'pattern':
      return {path, message: `${last} ${quote(e.data)} does not match the expected format (${String(p.pattern)})`, at: 'value'}
    case 'minItems':
      return {path, message: `${last} must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`, at: 'value'}
    case 'maxItems':
      return {path, message: `${last} may have at most ${String(p.limit)} items (has ${(e.data as unknown[]).length})`, at: 'value'}
    case 'minLength':
      return {path, message: p.limit === 1 ? `${last} must not be empty` : `${last} must be at least ${String(p.limit)} characters`, at: 'value'}
    case 'maxLength':
      return {path, message: `${last} must be at most ${String(p.limit)} characters`, at: 'value'}
    default:
      return {path, message: `${last} ${e.message ?? 'is invalid'}`, at: 'value'}
  }
}

function article(type: string): string {
  const words: Record<string, string> = {object: 'an object', array: 'an array', integer: 'an integer', string: 'a string', number: 'a number', boolean: 'true or false', null: 'null'}
  return type.split(',').map((t) => words[t] ?? t).join(' or ')
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur = data
  for (const key of fromPointer(pointer)) cur = (cur as Record<string | number, unknown> | undefined)?.[key]
  return cur
}

function depth(pointer: string): number {
  return pointer === '' ? 0 : pointer.split('/').length - 1
}

function within(pointer: string, prefix: string): boolean {
  return pointer === prefix || pointer.startsWith(prefix + '/')
}

function dedupe(issues: SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>()
  return issues.filter((i) => {
    const key = `${JSON.stringify(i.path)}|${i.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * The source of a lean yes/no checker, for scripts/build-validators.mjs: for one `$defs` entry of a
 * vendor's response contract (schemas/<vendor>/responses.schema.json), or for a vendor's definition
 * schema (schemas/<vendor>/segment.schema.json, with common.schema.json, which it references).
 * A plan checks every answer it reads, and the segment list is the largest (2 MB for 5,000
 * segments): ajv's standalone code passes an options object and a path string to each nested call
 * and builds an error object for every `anyOf` branch that fails on the way to one that passes. In
 * a fresh process, where a CLI runs it once, that code ran cold for 17–19 ms over MailGlyph's list,
 * this for about 5 ms. `validate` checks every definition file the same way: 5,000 of them took
 * ajv's code 47–64 ms, about four times their `JSON.parse`.
 *
 * It answers exactly what ajv answers for the schema as written, for the keywords these schemas
 * use; a schema with any other keyword gets no lean checker (`Unsupported`), and the build keeps
 * ajv's code for it. A "no" is explained by ajv itself (core/validate/schema.ts), so a checker
 * stricter than ajv would only cost time; test/unit/lean-checker.test.ts holds the two to the
 * same answers on thousands of edited answers.
 */
type Schema = Record<string, unknown>

/** A keyword the lean checker does not implement: the build keeps ajv's code for that schema. */
export class Unsupported extends Error {}

// Read by people and editors, never by a validator.
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', '$defs', 'title', 'description', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly'])
const KEYWORDS = new Set([
  ...['$ref', 'type', 'const', 'enum', 'anyOf', 'oneOf'],
  ...['required', 'properties', 'additionalProperties', 'minProperties', 'maxProperties'],
  ...['items', 'minItems', 'maxItems', 'uniqueItems'],
  ...['minLength', 'maxLength', 'pattern'],
  ...['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
])

/** How each numeric limit fails, as ajv writes it (the value's type is checked first). */
const NUMBER_LIMITS: Record<string, string> = {minimum: '<', maximum: '>', exclusiveMinimum: '<=', exclusiveMaximum: '>='}

/** ajv's tests for each JSON type (its number excludes Infinity, which `JSON.parse('1e400')` gives). */
const TYPE_TESTS: Record<string, (v: string) => string> = {
  object: (v) => `(${v} !== null && typeof ${v} === "object" && !Array.isArray(${v}))`,
  array: (v) => `Array.isArray(${v})`,
  string: (v) => `typeof ${v} === "string"`,
  number: (v) => `(typeof ${v} === "number" && isFinite(${v}))`,
  integer: (v) => `Number.isInteger(${v})`,
  boolean: (v) => `typeof ${v} === "boolean"`,
  null: (v) => `${v} === null`,
}

/**
 * CommonJS source whose export answers whether a value keeps to `$defs[def]` of `document`, or to
 * `document` itself without `def`. `others` are the schema documents it references by `$id` (a
 * `$ref` such as `../common.schema.json#/$defs/Name`). Throws Unsupported.
 */
export function leanCheckerSource(document: Schema, def?: string, others: Schema[] = []): string {
  const compiler = new Compiler(document, others)
  const entry = def === undefined ? compiler.functionFor(document, document) : compiler.functionFor(...compiler.resolve(`#/$defs/${escape(def)}`, document))
  const head = ['"use strict";']
  if (compiler.usesUcs2) head.push('const ucs2length = require("ajv/dist/runtime/ucs2length").default;')
  compiler.patterns.forEach((p, i) => head.push(`const re${i} = new RegExp(${JSON.stringify(p)}, "u");`))
  return `${head.join('\n')}\n${compiler.functions.join('\n')}\nmodule.exports = ${entry};\nmodule.exports.default = ${entry};\n`
}

class Compiler {
  readonly functions: string[] = []
  readonly patterns: string[] = []
  usesUcs2 = false
  private readonly names = new Map<Schema | boolean, string>()
  private readonly documents = new Map<string, Schema>()
  private vars = 0

  constructor(document: Schema, others: Schema[]) {
    for (const d of [document, ...others]) if (typeof d.$id === 'string') this.documents.set(d.$id, d)
  }

  /**
   * `#/$defs/Name` in `base` (the document the reference is written in), or `<file>#/$defs/Name`
   * in the document whose `$id` it names, resolved against `base`'s `$id` as ajv resolves it.
   * Nothing else (a deeper pointer, a document not given) is supported. Gives the target and its document.
   */
  resolve(ref: string, base: Schema): [Schema | boolean, Schema] {
    const hash = ref.indexOf('#')
    let document: Schema | undefined = base
    if (hash !== 0) {
      const id = typeof base.$id === 'string' && hash > 0 ? new URL(ref.slice(0, hash), base.$id).href : undefined
      document = id === undefined ? undefined : this.documents.get(id)
    }
    const match = /^#\/\$defs\/([^/]+)$/.exec(ref.slice(hash))
    const defs = document?.$defs as Record<string, Schema | boolean> | undefined
    const name = match ? match[1]!.replaceAll('~1', '/').replaceAll('~0', '~') : undefined
    const target = name !== undefined && defs && Object.hasOwn(defs, name) ? defs[name] : undefined
    if (target === undefined || document === undefined) throw new Unsupported(`$ref ${ref}`)
    return [target, document]
  }

  /**
   * The name of a function `(v) => boolean` for `schema` (written in `document`), written once per
   * schema object (recursion included).
   */
  functionFor(schema: Schema | boolean, document: Schema, via: string[] = []): string {
    const only = refOnly(schema)
    if (only) {
      // {$ref: A} where A is {$ref: B}, and so on: a loop of bare references checks nothing.
      const [target, owner] = this.resolve(only, document)
      const key = `${String(owner.$id)}${only.slice(only.indexOf('#'))}`
      if (via.includes(key)) throw new Unsupported(`$ref loop ${[...via, key].join(' → ')}`)
      return this.functionFor(target, owner, [...via, key])
    }
    const known = this.names.get(schema)
    if (known) return known
    const name = `c${this.names.size}`
    this.names.set(schema, name)
    this.functions.push(`function ${name}(v) {\n${this.statements(schema, document, 'v', '  ')}  return true;\n}`)
    return name
  }

  /** Statements that return false when the value in variable `v` breaks `schema` (written in `document`). */
  private statements(schema: Schema | boolean, document: Schema, v: string, at: string): string {
    if (schema === true) return ''
    if (schema === false) return `${at}return false;\n`
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) throw new Unsupported(`schema ${JSON.stringify(schema)}`)
    for (const key of Object.keys(schema)) if (!KEYWORDS.has(key) && !ANNOTATIONS.has(key)) throw new Unsupported(`keyword ${key}`)
    let out = ''
    const fail = (condition: string) => (out += `${at}if (${condition}) return false;\n`)
    if (schema.$ref !== undefined) {
      if (typeof schema.$ref !== 'string') throw new Unsupported('$ref')
      fail(`!${this.functionFor(...this.resolve(schema.$ref, document))}(${v})`)
    }
    const types = schema.type === undefined ? undefined : ([] as unknown[]).concat(schema.type)
    if (types) fail(`!(${types.map((t) => typeTest(t, v)).join(' || ')})`)
    // A keyword for one type applies only to values of that type (ajv): its check goes under the
    // type's test, which is left out when `type` already allows nothing else.
    const guardOf = (type: string) => (types?.length === 1 && (types[0] === type || (type === 'number' && types[0] === 'integer')) ? undefined : typeTest(type, v))
    const only = (type: string, condition: string) => {
      const guard = guardOf(type)
      return guard ? `${guard} && ${condition}` : condition
    }
    const block = (type: string, body: string) => {
      const guard = guardOf(type)
      return `${at}${guard ? `if (${guard}) ` : ''}${body}\n`
    }
    if ('const' in schema) fail(`${v} !== ${literal(schema.const)}`)
    if (schema.enum !== undefined) {
      if (!Array.isArray(schema.enum)) throw new Unsupported('enum')
      fail(`!(${schema.enum.map((e) => `${v} === ${literal(e)}`).join(' || ') || 'false'})`)
    }
    if (schema.minLength !== undefined) {
      const n = count(schema.minLength, 'minLength')
      // Code points, as ajv counts them: a string of 2n code units or more has at least n, and
      // any string of one code unit or more has at least one.
      if (n > 0) {
        const short = n === 1 ? `${v}.length < 1` : `(${v}.length < ${n} || (${v}.length < ${2 * n} && ucs2length(${v}) < ${n}))`
        this.usesUcs2 ||= n > 1
        fail(only('string', short))
      }
    }
    if (schema.maxLength !== undefined) {
      // A string of n code units or fewer has n code points or fewer.
      const n = count(schema.maxLength, 'maxLength')
      this.usesUcs2 = true
      fail(only('string', `${v}.length > ${n} && ucs2length(${v}) > ${n}`))
    }
    if (schema.pattern !== undefined) {
      if (typeof schema.pattern !== 'string') throw new Unsupported('pattern')
      this.patterns.push(schema.pattern)
      fail(only('string', `!re${this.patterns.length - 1}.test(${v})`))
    }
    for (const [keyword, op] of Object.entries(NUMBER_LIMITS)) {
      const limit = schema[keyword]
      if (limit === undefined) continue
      if (typeof limit !== 'number' || !Number.isFinite(limit)) throw new Unsupported(keyword)
      fail(only('number', `${v} ${op} ${limit}`))
    }
    const fields = this.objectStatements(schema, document, v, at)
    if (fields) out += block('object', `{\n${fields}${at}}`)
    const items = this.arrayStatements(schema, document, v, at)
    if (items) out += block('array', `{\n${items}${at}}`)
    if (schema.anyOf !== undefined) fail(`!(${this.branches(schema.anyOf, 'anyOf').map((b) => `${this.functionFor(b, document)}(${v})`).join(' || ')})`)
    if (schema.oneOf !== undefined) out += this.oneOf(this.branches(schema.oneOf, 'oneOf'), document, v, at)
    return out
  }

  /** The checks of `required`, `properties`, `additionalProperties` and the property counts, for a value known to be an object. */
  private objectStatements(schema: Schema, document: Schema, v: string, at: string): string {
    const required = schema.required ?? []
    const properties = schema.properties ?? {}
    if (!Array.isArray(required) || !required.every((r) => typeof r === 'string')) throw new Unsupported('required')
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) throw new Unsupported('properties')
    let body = ''
    if (schema.minProperties !== undefined) body += `${at}  if (Object.keys(${v}).length < ${count(schema.minProperties, 'minProperties')}) return false;\n`
    if (schema.maxProperties !== undefined) body += `${at}  if (Object.keys(${v}).length > ${count(schema.maxProperties, 'maxProperties')}) return false;\n`
    if (required.length > 0) body += `${at}  if (${required.map((r) => `${v}[${JSON.stringify(r)}] === undefined`).join(' || ')}) return false;\n`
    if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
      // Every key of the value, inherited enumerable ones included, as ajv's `for … in` reads them.
      const key = this.variable('k')
      const known = Object.keys(properties).map((name) => `${key} === ${JSON.stringify(name)}`)
      const extra = this.statements(schema.additionalProperties as Schema | boolean, document, `${v}[${key}]`, `${at}      `)
      if (extra) body += `${at}  for (const ${key} in ${v}) {\n${at}    if (${known.length > 0 ? `!(${known.join(' || ')})` : 'true'}) {\n${extra}${at}    }\n${at}  }\n`
    }
    for (const [key, sub] of Object.entries(properties as Record<string, Schema | boolean>)) {
      const p = this.variable('p')
      const inner = this.statements(sub, document, p, `${at}    `)
      if (inner) body += `${at}  const ${p} = ${v}[${JSON.stringify(key)}];\n${at}  if (${p} !== undefined) {\n${inner}${at}  }\n`
    }
    return body
  }

  /** The checks of `items`, the item counts and `uniqueItems`, for a value known to be an array. */
  private arrayStatements(schema: Schema, document: Schema, v: string, at: string): string {
    let body = ''
    if (schema.minItems !== undefined) body += `${at}  if (${v}.length < ${count(schema.minItems, 'minItems')}) return false;\n`
    if (schema.maxItems !== undefined) body += `${at}  if (${v}.length > ${count(schema.maxItems, 'maxItems')}) return false;\n`
    if (schema.items !== undefined) {
      const i = this.variable('i')
      const item = this.variable('v')
      const inner = this.statements(schema.items as Schema | boolean, document, item, `${at}    `)
      if (inner) body += `${at}  for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\n${at}    const ${item} = ${v}[${i}];\n${inner}${at}  }\n`
    }
    if (schema.uniqueItems !== undefined && schema.uniqueItems !== false) {
      // ajv's own loop for items of one type it can index (`items: {type: 'string'}`): items of
      // another type are skipped, and the index is a plain object, as in ajv. Items of other kinds
      // would need its deep equality: not supported.
      const items = schema.items as Schema | undefined
      if (schema.uniqueItems !== true || typeof items !== 'object' || items === null || items.type !== 'string') throw new Unsupported('uniqueItems')
      const [i, seen, item] = [this.variable('i'), this.variable('seen'), this.variable('item')]
      body += `${at}  let ${i} = ${v}.length;\n${at}  if (${i} > 1) {\n${at}    const ${seen} = {};\n`
      body += `${at}    for (; ${i}--; ) {\n${at}      const ${item} = ${v}[${i}];\n${at}      if (typeof ${item} !== "string") continue;\n`
      body += `${at}      if (typeof ${seen}[${item}] == "number") return false;\n${at}      ${seen}[${item}] = ${i};\n${at}    }\n${at}  }\n`
    }
    return body
  }

  /**
   * Exactly one branch passes. A branch that must be an object whose tags (required properties
   * with a `const`) differ from the value's cannot pass: it is not run (Sequenzy's 26 kinds of
   * filter node, told apart by `kind` and `field`).
   */
  private oneOf(branches: Array<Schema | boolean>, document: Schema, v: string, at: string): string {
    const n = this.variable('n')
    let out = `${at}let ${n} = 0;\n`
    for (const branch of branches) {
      const tags = this.tagsOf(branch, document).map(([key, value]) => `${v}[${JSON.stringify(key)}] === ${literal(value)} && `)
      // null has no properties to read; the branch refuses it anyway (it must be an object).
      out += `${at}if (${tags.length > 0 ? `${v} !== null && ` : ''}${tags.join('')}${this.functionFor(branch, document)}(${v})) ${n}++;\n`
    }
    return `${out}${at}if (${n} !== 1) return false;\n`
  }

  private tagsOf(branch: Schema | boolean, document: Schema): Array<[string, unknown]> {
    const only = refOnly(branch)
    const [schema] = only ? this.resolve(only, document) : [branch]
    if (typeof schema !== 'object' || schema.type !== 'object') return []
    const properties = (schema.properties ?? {}) as Record<string, Schema | boolean>
    const required = (schema.required ?? []) as string[]
    return required.flatMap((key) => {
      const p = properties[key]
      return typeof p === 'object' && p !== null && 'const' in p && isPrimitive(p.const) ? [[key, p.const] as [string, unknown]] : []
    })
  }

  private branches(list: unknown, keyword: string): Array<Schema | boolean> {
    if (!Array.isArray(list) || list.length === 0) throw new Unsupported(keyword)
    return list as Array<Schema | boolean>
  }

  private variable(prefix: string): string {
    return `${prefix}${++this.vars}`
  }
}

/** The target of a schema that is only a `$ref` (and annotations). */
function refOnly(schema: Schema | boolean): string | undefined {
  if (typeof schema !== 'object' || typeof schema.$ref !== 'string') return undefined
  return Object.keys(schema).every((k) => k === '$ref' || ANNOTATIONS.has(k)) ? schema.$ref : undefined
}

function typeTest(type: unknown, v: string): string {
  const test = typeof type === 'string' ? TYPE_TESTS[type] : undefined
  if (!test) throw new Unsupported(`type ${JSON.stringify(type)}`)
  return test(v)
}

function isPrimitive(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
}

/** A `const` or `enum` value compared with ===, as ajv does for these; objects and arrays are not supported. */
function literal(value: unknown): string {
  if (!isPrimitive(value) || (typeof value === 'number' && !Number.isFinite(value))) throw new Unsupported(`value ${JSON.stringify(value)}`)
  return JSON.stringify(value)
}

function count(value: unknown, keyword: string): number {
  if (!Number.isInteger(value) || (value as number) < 0) throw new Unsupported(keyword)
  return value as number
}

function escape(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1')
}

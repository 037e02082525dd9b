// The lean checkers of vendor answers and of definitions (src/core/validate/lean-checker.ts) must
// answer exactly what ajv answers for the schema as written: a "yes" that ajv would refuse lets a bad
// vendor answer or a bad definition through. Each contract entry and each vendor's definition schema
// is held to ajv on values built from the schema itself (every branch of every oneOf/anyOf, every
// enum value, with and without the optional fields) and on every small edit of them, including
// values JSON can carry that are easy to get wrong (Infinity from 1e400, 1.5 for an integer, an
// astral character for a length).
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {leanCheckerSource, Unsupported} from '../../src/core/validate/lean-checker.js'
import {isResponseContract, precompiledName, wantsLeanChecker} from '../../src/core/validate/precompiled.js'
import {referencedSchemaFiles} from '../../src/core/validate/schema-files.js'
import {packageRoot, schemaPath} from '../../src/util/package-root.js'
import {edits, exampleDefinitions, randomEdits} from '../helpers/schema-edits.js'

type Schema = Record<string, unknown>
type Check = (value: unknown) => boolean

const require = createRequire(import.meta.url)
const leanSchemas = readdirSync(join(packageRoot, 'schemas'), {recursive: true, encoding: 'utf8'})
  .map((f) => f.split('\\').join('/'))
  .filter(wantsLeanChecker)
  .sort()
const contracts = leanSchemas.filter(isResponseContract)
const definitionSchemas = leanSchemas.filter((s) => !isResponseContract(s))

type Document = Schema & {$id: string}

/** A schema file, and the files it references (common.schema.json), as written. */
function documentsOf(relative: string): {document: Document; others: Document[]} {
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Document
  return {document: read(schemaPath(relative)), others: referencedSchemaFiles(schemaPath(relative)).map(read)}
}

/** The repository's example definitions for a definition schema: valid values to edit. */
function examplesOf(relative: string): unknown[] {
  return isResponseContract(relative) ? [] : exampleDefinitions(relative.split('/')[0]!)
}

/** What the lean checker is asked for: each answer of a contract (a `$defs` entry), or a whole definition schema. */
function entriesOf(relative: string, document: Schema): Array<string | undefined> {
  return isResponseContract(relative) ? Object.keys(document.$defs as Schema) : [undefined]
}

/**
 * What a test of `relative` holds to ajv: the strings its schemas name, and each entry with its
 * lean checker, ajv's, and the values built from it (`variants` of each, with and without the
 * optional fields).
 */
function checkersOf(relative: string, variants: number): {strings: string[]; entries: Array<{def: string | undefined; lean: Check; full: Check; built: unknown[]}>} {
  const {document, others} = documentsOf(relative)
  const entries = entriesOf(relative, document).map((def) => {
    const entry = def === undefined ? document : {$ref: `#/$defs/${def}`}
    const built = Array.from({length: variants}, (_, variant) => [true, false].map((full) => build(document, entry, variant, full, 0, others))).flat()
    return {def, lean: load(leanCheckerSource(document, def, others)), full: ajvFor(document, def, others), built}
  })
  return {strings: [...namedStrings(document), ...namedStrings(others)], entries}
}

/** The checker `source` exports, loaded as the CLI loads dist/validators/ (CommonJS). */
function load(source: string): Check {
  const module = {exports: {} as Check}
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the generated checker is the code under test
  new Function('module', 'exports', 'require', source)(module, module.exports, require)
  return module.exports
}

function ajvFor(document: Document, def: string | undefined, others: Document[] = []): Check {
  const ajv = new Ajv2020({strict: true, allowUnionTypes: true})
  addFormats.default(ajv)
  for (const other of others) ajv.addSchema(other)
  ajv.addSchema(document)
  const validate = ajv.getSchema(def === undefined ? document.$id : `${document.$id}#/$defs/${def}`)
  if (!validate) throw new Error(`no $defs/${def}`)
  return (value) => validate(value) as boolean
}

/** The schema a `$ref` written in `document` names, and its document (another file by `$id`, as ajv resolves it). */
function deref(ref: string, document: Schema, others: Schema[]): [unknown, Schema] {
  const [file, pointer] = ref.split('#') as [string, string]
  const target = file === '' ? document : others.find((o) => o.$id === new URL(file, document.$id as string).href)
  if (!target) throw new Error(`no document for ${ref}`)
  return [(target.$defs as Schema)[pointer.replace('/$defs/', '')], target]
}

/** Values JSON carries that a checker may mishandle. `1e400` parses to Infinity, which ajv's number refuses. */
const AWKWARD: unknown[] = [null, JSON.parse('1e400'), 1.5, -1, 0, true, '', '😀', [], {}]

/**
 * Answers built from `schema`: `variant` picks the branch of each oneOf/anyOf, the enum value and
 * the type (shifted by depth, so nested choices differ), `full` adds the optional fields and two
 * items to each array. Past a few levels only required fields and empty arrays: recursion ends.
 */
function build(document: Schema, schema: unknown, variant: number, full: boolean, depth = 0, others: Schema[] = []): unknown {
  if (schema === true || schema === undefined) return ['s', 1, true, null, {a: 1}, [1]][variant % 6]
  const s = schema as Schema
  const pick = <T,>(list: T[]): T => list[(variant + depth) % list.length]!
  const next = (sub: unknown, v = variant, d: Schema = document) => build(d, sub, v, full, depth + 1, others)
  if (typeof s.$ref === 'string') {
    const [target, owner] = deref(s.$ref, document, others)
    return next(target, variant, owner)
  }
  if ('const' in s) return s.const
  if (Array.isArray(s.enum)) return pick(s.enum)
  const branches = (s.oneOf ?? s.anyOf) as unknown[] | undefined
  if (branches) return next(pick(branches))
  const types = s.type === undefined ? ['object'] : ([] as string[]).concat(s.type as string)
  const deep = depth > 8
  const present = types.filter((t) => t !== 'null')
  const type = full && !deep && present.length > 0 ? pick(present) : pick(types)
  switch (type) {
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, unknown>
      const required = (s.required ?? []) as string[]
      const keys = full && !deep ? Object.keys(properties) : required
      return Object.fromEntries(keys.map((k) => [k, next(properties[k])]))
    }
    case 'array':
      return full && !deep ? [next(s.items), next(s.items, variant + 1)] : []
    case 'string':
      return typeof s.pattern === 'string' ? ['seg_a1', 'abc_D-9', 'x'].find((c) => new RegExp(s.pattern as string, 'u').test(c)) : 'a'.repeat(Math.max(1, Number(s.minLength ?? 1)))
    case 'number':
    case 'integer':
      return Number(s.minimum ?? 0) + 1
    case 'boolean':
      return variant % 2 === 0
    default:
      return null
  }
}

/** Every string a schema names (tags, enum values), so an edit can turn one branch into another's near miss. */
function namedStrings(document: unknown): string[] {
  const out = new Set<string>()
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (node === null || typeof node !== 'object') return
    const s = node as Schema
    if (typeof s.const === 'string') out.add(s.const)
    if (Array.isArray(s.enum)) for (const e of s.enum) if (typeof e === 'string') out.add(e)
    Object.values(s).forEach(walk)
  }
  walk(document)
  return [...out]
}

describe('lean checkers of vendor answers and definitions', () => {
  it('every answer of every vendor and every vendor\'s definitions have one, and the build writes it to dist/validators/', () => {
    expect(contracts.length).toBe(5)
    expect(definitionSchemas).toEqual(['altcraft/segment.schema.json', 'kibamail/segment.schema.json', 'mailglyph/segment.schema.json', 'push0/segment.schema.json', 'sequenzy/segment.schema.json'])
    for (const relative of leanSchemas) {
      const {document, others} = documentsOf(relative)
      for (const def of entriesOf(relative, document)) {
        expect(() => leanCheckerSource(document, def, others), `${relative} ${def}`).not.toThrow()
        expect(readFileSync(join(packageRoot, 'dist', 'validators', precompiledName(relative, def)), 'utf8'), `${relative} ${def}: run npm run build`).toContain('(lean checker)')
      }
    }
  })

  for (const relative of leanSchemas) {
    it(`${relative}: the same answers as ajv on values built from the schema and on every small edit of them`, () => {
      const {strings, entries} = checkersOf(relative, 30)
      let compared = 0
      let accepted = 0
      for (const {def, lean, full, built} of entries) {
        // Each value built once: many variants build the same.
        const answers = [...[...new Set(built.map((v) => JSON.stringify(v)))].map((text) => JSON.parse(text) as unknown), ...examplesOf(relative)]
        expect(answers.some((a) => full(a)), `${def}: no value built from the schema is valid`).toBe(true)
        for (const answer of answers) {
          const all = [answer, ...edits(answer, strings, AWKWARD)]
          // Large answers have thousands of edits: every one up to 400, then an even spread.
          const step = Math.max(1, Math.floor(all.length / 400))
          for (let i = 0; i < all.length; i += step) {
            const value = all[i]
            const expected = full(value)
            expect(lean(value), `${def}: ${JSON.stringify(value)}`).toBe(expected)
            compared++
            if (expected) accepted++
          }
        }
      }
      // Not vacuous: many values each way.
      expect(compared).toBeGreaterThan(1000)
      expect(accepted).toBeGreaterThan(100)
      expect(compared - accepted).toBeGreaterThan(100)
    })
  }

  for (const relative of leanSchemas) {
    it(`${relative}: the same answers as ajv on values with several edits at once (seeded)`, () => {
      const {strings, entries} = checkersOf(relative, 12)
      let accepted = 0
      let refused = 0
      // At least 2,000 values a schema: a definition schema is one entry, and most of its edits are refusals.
      const count = Math.max(400, Math.ceil(2000 / entries.length))
      for (const [n, {def, lean, full, built}] of entries.entries()) {
        const valid = [...built, ...examplesOf(relative)].filter((v) => full(v))
        for (const value of randomEdits(valid, strings, AWKWARD, count, 19 + n)) {
          const expected = full(value)
          expect(lean(value), `${def}: ${JSON.stringify(value)}`).toBe(expected)
          if (expected) accepted++
          else refused++
        }
      }
      // Not vacuous: many values each way.
      expect(accepted).toBeGreaterThan(100)
      expect(refused).toBeGreaterThan(100)
    })
  }

  it('counts length in code points, refuses Infinity as a number and 1.5 as an integer, and passes a oneOf only when exactly one branch does', () => {
    const document = {
      $id: 'https://example.test/x.schema.json',
      $defs: {
        Name: {type: 'string', minLength: 2},
        Count: {type: 'integer', minimum: 0},
        Ratio: {type: ['number', 'null'], minimum: 1},
        Either: {oneOf: [{type: 'object', required: ['kind'], properties: {kind: {const: 'a'}}}, {type: 'object', required: ['size'], properties: {size: {type: 'integer'}}}]},
        Id: {type: 'string', pattern: '^[a-z]+_\\p{L}+$'},
      },
    }
    const check = (def: string) => [load(leanCheckerSource(document, def)), ajvFor(document, def)] as const
    const cases: Record<string, unknown[]> = {
      Name: ['😀', 'a😀', 'ab', 'a', '', 5],
      Count: [0, 3, -1, 1.5, 1e21, JSON.parse('1e400'), '3', null],
      Ratio: [1, 0.5, null, JSON.parse('1e400'), 'x'],
      Either: [{kind: 'a'}, {size: 2}, {kind: 'a', size: 2}, {kind: 'b'}, {}, [], 'a'],
      Id: ['seg_é', 'seg_1', 'Seg_a', 7],
    }
    for (const [def, values] of Object.entries(cases)) {
      const [lean, full] = check(def)
      for (const value of values) expect(lean(value), `${def} ${JSON.stringify(value)}`).toBe(full(value))
    }
    expect(load(leanCheckerSource(document, 'Name'))('😀')).toBe(false)
    expect(load(leanCheckerSource(document, 'Either'))({kind: 'a', size: 2})).toBe(false)
  })

  it('refuses a schema it cannot check exactly (another keyword or file, an object const, a loop of references), so the build keeps ajv for it', () => {
    const unsupported: Schema[] = [
      {type: 'string', format: 'date-time'},
      // ajv's deep equality would be needed for items not known to be strings.
      {type: 'array', uniqueItems: true},
      {type: 'array', items: {type: 'integer'}, uniqueItems: true},
      {type: 'object', patternProperties: {'^x': {type: 'string'}}},
      {$ref: 'common.schema.json#/$defs/Name'},
      {const: {a: 1}},
      {type: 'tuple'},
      {$ref: '#/$defs/Y'},
      {$ref: '#/$defs/constructor'},
    ]
    for (const schema of unsupported) expect(() => leanCheckerSource({$defs: {X: schema, Y: {$ref: '#/$defs/X'}}}, 'X'), JSON.stringify(schema)).toThrow(Unsupported)
    // Another file is read only when it is given, found by the `$id` the reference resolves to.
    const document = {$id: 'https://example.test/v/segment.schema.json', $defs: {X: {$ref: '../common.schema.json#/$defs/Name'}}}
    expect(() => leanCheckerSource(document, 'X')).toThrow(Unsupported)
    expect(() => leanCheckerSource(document, 'X', [{$id: 'https://example.test/v/common.schema.json', $defs: {Name: {type: 'string'}}}])).toThrow(Unsupported)
    expect(() => leanCheckerSource(document, 'X', [{$id: 'https://example.test/common.schema.json', $defs: {Name: {type: 'string'}}}])).not.toThrow()
  })

  it('checks what definitions use as ajv does: unknown properties, counts of items and properties, unique names, numeric limits, lengths in code points, another file', () => {
    const common = {$id: 'https://example.test/common.schema.json', $defs: {Name: {type: 'string', minLength: 1, maxLength: 3}, Names: {type: 'array', items: {type: 'string'}, uniqueItems: true, minItems: 1, maxItems: 3}}}
    const document = {
      $id: 'https://example.test/vendor/segment.schema.json',
      $defs: {
        Strict: {type: 'object', additionalProperties: false, required: ['name'], properties: {name: {$ref: '../common.schema.json#/$defs/Name'}, tags: {$ref: '../common.schema.json#/$defs/Names'}}},
        Numbers: {type: 'object', additionalProperties: {type: 'number', exclusiveMinimum: 0, maximum: 10}, minProperties: 1, maxProperties: 2},
        // The limits apply to numbers only.
        Limits: {type: ['number', 'string', 'null'], exclusiveMaximum: 5, minimum: 1},
      },
    }
    const cases: Record<string, Array<[unknown, boolean]>> = {
      Strict: [
        [{name: 'ab'}, true],
        [{name: 'abcd'}, false],
        [{name: '😀😀😀'}, true], // six code units, three code points
        [{name: '😀😀😀😀'}, false],
        [{name: ''}, false],
        [{name: 'a', colour: 'red'}, false],
        [JSON.parse('{"name": "a", "__proto__": 1}'), false],
        // A TS definition can carry undefined: a known property holding it is absent, an unknown one is still unknown.
        [{name: 'a', tags: undefined}, true],
        [{name: 'a', colour: undefined}, false],
        [Object.assign(Object.create({colour: 'red'}) as object, {name: 'a'}), false],
        [{name: 'a', tags: ['a', 'b']}, true],
        [{name: 'a', tags: ['a', 'a']}, false],
        [{name: 'a', tags: ['b', 'a', 'b']}, false],
        [{name: 'a', tags: []}, false],
        [{name: 'a', tags: ['a', 'b', 'c', 'd']}, false],
        [{name: 'a', tags: ['constructor', 'constructor']}, false],
        [{name: 'a', tags: ['toString', 'valueOf']}, true],
        // ajv's index of names is a plain object, where "__proto__" cannot be recorded: it lets this pass.
        [{name: 'a', tags: ['__proto__', '__proto__']}, true],
      ],
      Numbers: [
        [{}, false],
        [{a: 1}, true],
        [{a: 0}, false],
        [{a: 10}, true],
        [{a: 10.5}, false],
        [{a: 1, b: 2}, true],
        [{a: 1, b: 2, c: 3}, false],
        [{a: 'x'}, false],
        [{a: JSON.parse('1e400')}, false],
      ],
      Limits: [
        [1, true],
        [0.5, false],
        [5, false],
        [4.99, true],
        ['x', true],
        [null, true],
        [JSON.parse('1e400'), false],
      ],
    }
    for (const [def, values] of Object.entries(cases)) {
      const lean = load(leanCheckerSource(document, def, [common]))
      const full = ajvFor(document, def, [common])
      for (const [value, expected] of values) {
        expect(full(value), `ajv, ${def} ${JSON.stringify(value)}`).toBe(expected)
        expect(lean(value), `${def} ${JSON.stringify(value)}`).toBe(expected)
      }
    }
  })
})

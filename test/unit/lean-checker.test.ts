// The lean checkers of vendor answers (src/core/validate/lean-checker.ts) must answer exactly what
// ajv answers for the contract as written: a "yes" that ajv would refuse lets a bad vendor answer
// through. Each contract entry is held to ajv on answers built from the schema itself (every branch
// of every oneOf/anyOf, every enum value, with and without the optional fields) and on every small
// edit of them, including values JSON can carry that are easy to get wrong (Infinity from 1e400,
// 1.5 for an integer, an astral character for a length).
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {leanCheckerSource, Unsupported} from '../../src/core/validate/lean-checker.js'
import {isResponseContract, precompiledName} from '../../src/core/validate/precompiled.js'
import {packageRoot, schemaPath} from '../../src/util/package-root.js'
import {edits} from '../helpers/schema-edits.js'

type Schema = Record<string, unknown>
type Check = (value: unknown) => boolean

const require = createRequire(import.meta.url)
const contracts = readdirSync(join(packageRoot, 'schemas'), {recursive: true, encoding: 'utf8'})
  .map((f) => f.split('\\').join('/'))
  .filter(isResponseContract)
  .sort()

/** The checker `source` exports, loaded as the CLI loads dist/validators/ (CommonJS). */
function load(source: string): Check {
  const module = {exports: {} as Check}
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the generated checker is the code under test
  new Function('module', 'exports', 'require', source)(module, module.exports, require)
  return module.exports
}

function ajvFor(document: Schema & {$id: string}, def: string): Check {
  const ajv = new Ajv2020({strict: true, allowUnionTypes: true})
  ajv.addSchema(document)
  const validate = ajv.getSchema(`${document.$id}#/$defs/${def}`)
  if (!validate) throw new Error(`no $defs/${def}`)
  return (value) => validate(value) as boolean
}

/** Values JSON carries that a checker may mishandle. `1e400` parses to Infinity, which ajv's number refuses. */
const AWKWARD: unknown[] = [null, JSON.parse('1e400'), 1.5, -1, 0, true, '', '😀', [], {}]

/**
 * Answers built from `schema`: `variant` picks the branch of each oneOf/anyOf, the enum value and
 * the type (shifted by depth, so nested choices differ), `full` adds the optional fields and two
 * items to each array. Past a few levels only required fields and empty arrays: recursion ends.
 */
function build(document: Schema, schema: unknown, variant: number, full: boolean, depth = 0): unknown {
  if (schema === true || schema === undefined) return ['s', 1, true, null, {a: 1}, [1]][variant % 6]
  const s = schema as Schema
  const pick = <T,>(list: T[]): T => list[(variant + depth) % list.length]!
  if (typeof s.$ref === 'string') return build(document, (document.$defs as Schema)[s.$ref.replace('#/$defs/', '')], variant, full, depth + 1)
  if ('const' in s) return s.const
  if (Array.isArray(s.enum)) return pick(s.enum)
  const branches = (s.oneOf ?? s.anyOf) as unknown[] | undefined
  if (branches) return build(document, pick(branches), variant, full, depth + 1)
  const types = s.type === undefined ? ['object'] : ([] as string[]).concat(s.type as string)
  const deep = depth > 8
  const present = types.filter((t) => t !== 'null')
  const type = full && !deep && present.length > 0 ? pick(present) : pick(types)
  switch (type) {
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, unknown>
      const required = (s.required ?? []) as string[]
      const keys = full && !deep ? Object.keys(properties) : required
      return Object.fromEntries(keys.map((k) => [k, build(document, properties[k], variant, full, depth + 1)]))
    }
    case 'array':
      return full && !deep ? [build(document, s.items, variant, full, depth + 1), build(document, s.items, variant + 1, full, depth + 1)] : []
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

describe('lean checkers of vendor answers', () => {
  it('every answer of every vendor has one, and the build writes it to dist/validators/', () => {
    expect(contracts.length).toBe(5)
    for (const contract of contracts) {
      const document = JSON.parse(readFileSync(schemaPath(contract), 'utf8')) as Schema
      for (const def of Object.keys(document.$defs as Schema)) {
        expect(() => leanCheckerSource(document, def), `${contract} ${def}`).not.toThrow()
        expect(readFileSync(join(packageRoot, 'dist', 'validators', precompiledName(contract, def)), 'utf8'), `${contract} ${def}: run npm run build`).toContain('(lean checker)')
      }
    }
  })

  for (const contract of contracts) {
    it(`${contract}: the same answers as ajv on answers built from the contract and on every small edit of them`, () => {
      const document = JSON.parse(readFileSync(schemaPath(contract), 'utf8')) as Schema & {$id: string}
      const strings = namedStrings(document)
      let compared = 0
      let accepted = 0
      for (const def of Object.keys(document.$defs as Schema)) {
        const lean = load(leanCheckerSource(document, def))
        const full = ajvFor(document, def)
        const built = new Map<string, unknown>()
        for (let variant = 0; variant < 30; variant++) for (const f of [true, false]) built.set(JSON.stringify(build(document, {$ref: `#/$defs/${def}`}, variant, f)), undefined)
        const answers = [...built.keys()].map((text) => JSON.parse(text) as unknown)
        expect(answers.some((a) => full(a)), `${def}: no answer built from the contract is valid`).toBe(true)
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
      expect(compared).toBeGreaterThan(1000)
      expect(accepted).toBeGreaterThan(compared / 20)
      expect(accepted).toBeLessThan(compared)
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
      {type: 'object', additionalProperties: false},
      {type: 'string', format: 'date-time'},
      {$ref: 'common.schema.json#/$defs/Name'},
      {const: {a: 1}},
      {type: 'tuple'},
      {$ref: '#/$defs/Y'},
      {$ref: '#/$defs/constructor'},
    ]
    for (const schema of unsupported) expect(() => leanCheckerSource({$defs: {X: schema, Y: {$ref: '#/$defs/X'}}}, 'X'), JSON.stringify(schema)).toThrow(Unsupported)
  })
})

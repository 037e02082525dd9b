// The fields every definition has live once, in schemas/common.schema.json: each vendor schema
// references them instead of keeping its own copy, and the code's COMMON_FIELDS is generated from it.
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {COMMON_FIELDS} from '../../src/generated/common.js'
import {packageRoot, schemaPath} from '../../src/util/package-root.js'

type Schema = Record<string, unknown> & {$id?: string; $defs?: Record<string, Schema>; properties?: Record<string, Schema>; oneOf?: Schema[]}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Schema
const common = read(schemaPath('common.schema.json'))
const absent = common.$defs!.AbsentSegment!
const VENDORS = readdirSync(join(packageRoot, 'schemas')).filter((entry) => statSync(join(packageRoot, 'schemas', entry)).isDirectory())
const COMMON = '../common.schema.json#/$defs/'

/** The common `$defs` entry a vendor definition's property `key` must reference. */
function commonDefFor(key: string): string {
  if (key === 'ensure') return 'EnsurePresent' // AbsentSegment's own ensure is the const 'absent'
  return String(absent.properties![key]!.$ref).replace('#/$defs/', '')
}

/** Every object in `node`, with its JSON path. */
function* subschemas(node: unknown, path = ''): Generator<[string, Schema]> {
  if (node === null || typeof node !== 'object') return
  if (!Array.isArray(node)) yield [path || '/', node as Schema]
  for (const [key, value] of Object.entries(node)) yield* subschemas(value, `${path}/${key}`)
}

describe('common.schema.json', () => {
  it('COMMON_FIELDS are the properties of the common AbsentSegment', () => {
    expect([...COMMON_FIELDS]).toEqual(Object.keys(absent.properties!))
  })

  it('defines each common field as a named $defs entry', () => {
    for (const key of COMMON_FIELDS) expect(common.$defs![commonDefFor(key)], key).toBeDefined()
  })

  for (const vendor of VENDORS) {
    describe(vendor, () => {
      const schema = read(schemaPath(`${vendor}/segment.schema.json`))

      it('is a definition of its own or the common AbsentSegment', () => {
        expect(schema.oneOf).toHaveLength(2)
        expect(schema.oneOf![1]).toEqual({$ref: `${COMMON}AbsentSegment`})
      })

      it('references each common field in common.schema.json instead of copying it', () => {
        const own = String(schema.oneOf![0]!.$ref).replace('#/$defs/', '')
        const properties = schema.$defs![own]!.properties!
        for (const key of COMMON_FIELDS) {
          const property = properties[key]
          expect(property?.$ref, `${vendor} ${own}.${key}`).toBe(`${COMMON}${commonDefFor(key)}`)
          // Beside the $ref only what the vendor adds: its own words, a tighter length (with the
          // type ajv's strict mode wants beside maxLength, the same as the common one).
          expect(Object.keys(property!).filter((k) => !['$ref', 'description', 'maxLength', 'type'].includes(k)), `${vendor} ${own}.${key}`).toEqual([])
          if (property!.type !== undefined) expect(property!.type).toBe(common.$defs![commonDefFor(key)]!.type)
        }
      })

      it('keeps no copy of AbsentSegment or SegmentRef', () => {
        for (const name of Object.keys(common.$defs!)) expect(schema.$defs, `${vendor} $defs.${name}`).not.toHaveProperty([name])
        for (const [path, node] of subschemas(schema)) {
          expect(node.const, `${vendor} ${path}: an absent segment is the common AbsentSegment`).not.toBe('absent')
          expect(node.properties ?? {}, `${vendor} ${path}: a { "$segment" } reference is the common SegmentRef`).not.toHaveProperty(['$segment'])
        }
      })
    })
  }

  it('a $ref into another file lands on the same file whether resolved against $id (ajv) or the file path (editors)', () => {
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : name.endsWith('.schema.json') ? [join(dir, name)] : []))
    })(join(packageRoot, 'schemas'))
    let crossFile = 0
    for (const file of files) {
      const schema = read(file)
      for (const [, node] of subschemas(schema)) {
        if (typeof node.$ref !== 'string' || node.$ref.startsWith('#')) continue
        const [target] = node.$ref.split('#')
        expect(new URL(target!, schema.$id).toString(), `${file}: ${node.$ref}`).toBe(read(resolve(dirname(file), target!)).$id)
        crossFile++
      }
    }
    expect(crossFile).toBeGreaterThan(0)
  })
})

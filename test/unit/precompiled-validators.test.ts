// The build precompiles every schema (scripts/build-validators.mjs); the CLI trusts a precompiled
// "valid" without running ajv. These tests hold the two to the same answers, and check that a
// validator compiled from an older schema is never used.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {isResponseContract, precompiledName, precompiledValidator} from '../../src/core/validate/precompiled.js'
import {schemaValidator} from '../../src/core/validate/schema.js'
import {referencedSchemaFiles} from '../../src/core/validate/schema-files.js'
import {packageRoot, schemaPath} from '../../src/util/package-root.js'
import {edits, exampleDefinitions} from '../helpers/schema-edits.js'

const VENDORS = ['sequenzy', 'mailglyph', 'kibamail', 'push0', 'altcraft']

function ajvFor(file: string) {
  const ajv = new Ajv2020({allErrors: true, strict: true, allowUnionTypes: true})
  addFormats.default(ajv)
  for (const referenced of referencedSchemaFiles(file)) ajv.addSchema(JSON.parse(readFileSync(referenced, 'utf8')))
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')))
}

function precompiled(relative: string) {
  const file = schemaPath(relative)
  const fast = precompiledValidator(file, readFileSync(file, 'utf8'))
  if (!fast) throw new Error(`no precompiled validator for ${relative}: run npm run build`)
  return fast
}

/** Wrong in the ways people get definitions wrong. */
function mistakes(valid: Record<string, unknown>): unknown[] {
  return [
    {...valid, colour: 'red'},
    {...valid, name: 5},
    {...valid, name: ''},
    Object.fromEntries(Object.entries(valid).filter(([k]) => k !== 'name')),
    {...valid, ensure: 'gone'},
    [],
    'segment',
    null,
  ]
}

describe('precompiled schema validators', () => {
  it('exist for every schema, and for every answer of a response contract, compiled from the schema as it is now', () => {
    const schemas = ['config.schema.json', 'plan.schema.json', 'apply-report.schema.json', 'doctor-report.schema.json', 'segtest-report.schema.json', 'pull-report.schema.json', 'graph.schema.json', ...VENDORS.flatMap((v) => [`${v}/segment.schema.json`, `${v}/segtest.schema.json`])]
    for (const s of schemas) expect(precompiled(s), s).toBeTypeOf('function')
    const contracts = readdirSync(join(packageRoot, 'schemas'), {recursive: true, encoding: 'utf8'}).filter((f) => isResponseContract(f.split('\\').join('/')))
    const answers = contracts.flatMap((c) => Object.keys((JSON.parse(readFileSync(schemaPath(c), 'utf8')) as {$defs: object}).$defs).map((def) => precompiledName(c, def)))
    for (const c of contracts) {
      const file = schemaPath(c)
      const [def] = Object.keys((JSON.parse(readFileSync(file, 'utf8')) as {$defs: object}).$defs)
      expect(precompiledValidator(file, readFileSync(file, 'utf8'), undefined, def), `${c} ${def}`).toBeTypeOf('function')
    }
    expect(answers.length).toBeGreaterThan(0)
    expect(readdirSync(join(packageRoot, 'dist', 'validators')).sort()).toEqual([...schemas.map((name) => precompiledName(name)), ...answers].sort())
  })

  it('are not used when the schema changed since the build', () => {
    const file = schemaPath('sequenzy/segment.schema.json')
    expect(precompiledValidator(file, readFileSync(file, 'utf8') + '\n')).toBeUndefined()
  })

  it('are not used when a schema file they reference (common.schema.json) changed or is gone', () => {
    const file = schemaPath('sequenzy/segment.schema.json')
    const text = readFileSync(file, 'utf8')
    const common = schemaPath('common.schema.json')
    const asBuilt = (f: string) => readFileSync(f, 'utf8')
    expect(precompiledValidator(file, text, asBuilt)).toBeTypeOf('function')
    expect(precompiledValidator(file, text, (f) => (f === common ? asBuilt(f).replace('"minLength": 1', '"minLength": 2') : asBuilt(f)))).toBeUndefined()
    expect(precompiledValidator(file, text, (f) => (f === common ? undefined : asBuilt(f)))).toBeUndefined()
  })

  for (const vendor of VENDORS) {
    it(`${vendor}: agree with ajv on the example definitions and on broken copies of them`, () => {
      const relative = `${vendor}/segment.schema.json`
      const fast = precompiled(relative)
      const full = ajvFor(schemaPath(relative))
      const examples = exampleDefinitions(vendor)
      expect(examples.length).toBeGreaterThan(0)
      for (const example of examples) {
        expect(fast(example)).toBe(true)
        for (const wrong of mistakes(example)) expect(fast(wrong), JSON.stringify(wrong)).toBe(full(wrong))
      }
      // The readable path still explains what the fast path refused.
      const issues = schemaValidator(schemaPath(relative)).validate({...examples[0], colour: 'red'})
      expect(issues.map((i) => i.message)).toContain('unknown property "colour"')
    })
  }

  it('sequenzy: dispatch a filter by its tags (kind, then field), and agree with ajv on every small edit of every filter', () => {
    const relative = 'sequenzy/segment.schema.json'
    const code = readFileSync(join(packageRoot, 'dist', 'validators', precompiledName(relative)), 'utf8')
    // The lean checker runs only the branch whose tags (kind, then field) the filter carries, not all 26.
    expect(code).toContain('(lean checker)')
    expect(code).toMatch(/v\["kind"\] === "filter" && v\["field"\] === "segment" && c\d+\(v\)/)
    const fast = precompiled(relative)
    const full = ajvFor(schemaPath(relative))
    const schema = JSON.parse(readFileSync(schemaPath(relative), 'utf8')) as {$defs: Record<string, {properties?: {field?: {const?: string}; operator?: {enum?: string[]}}}>}
    // Tags and operators of the schema itself, so an edit turns one filter into another's near miss.
    const strings = [...new Set(Object.values(schema.$defs).flatMap((d) => [d.properties?.field?.const, ...(d.properties?.operator?.enum ?? [])]).filter((v): v is string => typeof v === 'string'))]
    expect(strings).toContain('segment')
    const examples = exampleDefinitions('sequenzy')
    let compared = 0
    let refused = 0
    for (const example of examples) {
      for (const edited of [example, ...edits(example, ['group', 'filter', ...strings])]) {
        expect(fast(edited), JSON.stringify(edited)).toBe(full(edited))
        compared++
        if (!full(edited)) refused++
      }
    }
    expect(compared).toBeGreaterThan(500)
    expect(refused).toBeGreaterThan(compared / 2)
  })

  it('config: agree with ajv', () => {
    const fast = precompiled('config.schema.json')
    const full = ajvFor(schemaPath('config.schema.json'))
    const configs = [
      {provider: 'sequenzy', segments: 'segments'},
      {workspaces: {prod: {provider: 'mailglyph', segments: 'segments', endpoint: 'embedded'}}, policy: {campaignImpact: 'block'}},
      {provider: 'sequenzi', segments: 'segments'},
      {workspaces: {}},
      {provider: 'push0', segments: 'x', rateLimit: {perSecond: -1}},
    ]
    for (const c of configs) expect(fast(c), JSON.stringify(c)).toBe(full(c))
    expect(fast(configs[0])).toBe(true)
    expect(fast(configs[2])).toBe(false)
  })
})

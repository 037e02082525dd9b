import {describe, expect, it} from 'vitest'
import {slugFor, uniqueFileName} from '../../src/core/import/file-names.js'
import {globFilter, selectForImport} from '../../src/core/import/select.js'
import {toJsonFile, toTsFile} from '../../src/core/import/serialize.js'
import {importDefault} from '../../src/util/ts-loader.js'
import {definition, group, leaf} from '../helpers/builders.js'
import {tempRepo} from '../helpers/temp-repo.js'

describe('import: file names', () => {
  it('derives safe, stable names from segment names', () => {
    expect(slugFor('Active non-buyers - 30 days')).toBe('active-non-buyers-30-days')
    expect(slugFor('Café ÜBER  VIP / Q4 ✨')).toBe('cafe-uber-vip-q4')
    expect(slugFor('../../etc/passwd')).toBe('etc-passwd')
    expect(slugFor('✨✨')).toBe('segment')
    expect(slugFor('x'.repeat(200))).toHaveLength(80)
  })

  it('never picks a name that is taken', () => {
    const taken = new Set(['vip.json', 'vip-2.json'])
    expect(uniqueFileName('VIP', '.json', (f) => taken.has(f))).toBe('vip-3.json')
  })
})

describe('import: selection', () => {
  const remote = (id: string, name: string, readOnly?: string) => ({id, name, raw: {}, ...(readOnly ? {readOnly} : {})})

  it('imports only what no definition manages, skipping read-only segments and shared names with a reason', () => {
    const defs = [definition('Managed', group('and', leaf('status', 'is', 'a'))), definition('New name', group('and', leaf('status', 'is', 'a')), {renamedFrom: ['Old name']})]
    const s = selectForImport([remote('1', 'Managed'), remote('2', 'Old name'), remote('3', 'Static', 'a STATIC segment'), remote('4', 'Twin'), remote('5', 'Twin'), remote('6', 'Fresh')], defs)
    expect(s.toImport.map((r) => r.name)).toEqual(['Fresh'])
    expect(s.managed).toBe(2)
    expect(s.skipped.map((x) => `${x.id} ${x.reason.split(':')[0]}`)).toEqual(['3 read-only', '4 2 remote segments share this name; rename all but one in the vendor, then import again', '5 2 remote segments share this name; rename all but one in the vendor, then import again'])
  })

  it('filters by --name globs', () => {
    const f = globFilter('VIP*,Trial ?')!
    expect(['VIP', 'VIP users', 'Trial A', 'Trial AB', 'vip'].filter(f)).toEqual(['VIP', 'VIP users', 'Trial A'])
  })
})

describe('import: serialisation', () => {
  const def = {name: "O'Brien's \\ segment", root: {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'segment', operator: 'is', value: {$segment: 'Base'}}, {kind: 'filter', field: 'attribute', operator: 'is', value: 'plan:pro'}]}}

  it('writes TS that evaluates back to the same definition, with segment() for references', async () => {
    const ts = toTsFile(def, 'sequenzy')
    expect(ts).toContain("import {defineSegment, segment} from 'segsync/sequenzy'")
    expect(ts).toContain("value: segment('Base')")
    const repo = tempRepo({'a.ts': ts})
    expect(await importDefault(`${repo.dir}/a.ts`)).toEqual(def)
  })

  it('writes JSON with $schema first', () => {
    const json = JSON.parse(toJsonFile(def, '../schemas/sequenzy/segment.schema.json'))
    expect(Object.keys(json)[0]).toBe('$schema')
    expect(json).toEqual({$schema: '../schemas/sequenzy/segment.schema.json', ...def})
  })
})

/**
 * TS definitions rewritten in place (src/rewrite/ts-file.ts, magicast): imports, comments,
 * `segment('…')` calls, `as const` and layout stay; new references are `segment('X')` calls
 * (importing `segment` when needed); a value computed in code is refused, never overwritten.
 */
import {describe, expect, it} from 'vitest'
import {RewriteRefusal} from '../../src/rewrite/edits.js'
import {rewriteTs} from '../../src/rewrite/ts-file.js'

const ORDER = ['$schema', 'name', 'renamedFrom', 'dependsOn', 'protected', 'ensure', 'description', 'condition', 'trackMembership', 'root']
const edit = (keys: Array<{key: string; before: unknown; after: unknown}>) => ({keys, order: ORDER})
const f = (field: string, operator: string, value?: unknown) => ({kind: 'filter', field, operator, ...(value !== undefined ? {value} : {})})

const trial = `import {defineSegment, segment} from 'segsync/sequenzy'

// References two other segments by name: segsync creates them first and fills in their ids.
export default defineSegment({
  name: 'Trial nurture',
  root: {
    kind: 'group',
    joinOperator: 'and',
    children: [
      {kind: 'filter', field: 'segment', operator: 'is', value: segment('Active non-buyers')},
      // Not the ones who already pay.
      {kind: 'filter', field: 'segment', operator: 'is_not', value: segment('Paying customers')},
      {kind: 'filter', field: 'tag', operator: 'contains', value: 'trial'},
    ],
  },
})
`
const trialRoot = {kind: 'group', joinOperator: 'and', children: [f('segment', 'is', {$segment: 'Active non-buyers'}), f('segment', 'is_not', {$segment: 'Paying customers'}), f('tag', 'contains', 'trial')]}
const withChildren = (...children: unknown[]) => ({...trialRoot, children})

describe('rewriting a TS definition', () => {
  it("changes a segment('…') reference by its name only, keeping the call, the comments and the layout", () => {
    const out = rewriteTs(trial, edit([{key: 'root', before: trialRoot, after: withChildren(trialRoot.children[0], f('segment', 'is_not', {$segment: 'Payers'}), trialRoot.children[2])}]), 'sequenzy')
    expect(out).toBe(trial.replace("segment('Paying customers')", "segment('Payers')"))
  })

  it("adds a filter in the file's style: one line, single quotes, trailing comma, segment('X') for a reference", () => {
    const out = rewriteTs(trial, edit([{key: 'root', before: trialRoot, after: withChildren(...trialRoot.children, f('segment', 'is', {$segment: "Won't churn"}))}]), 'sequenzy')
    expect(out).toBe(trial.replace("value: 'trial'},\n", "value: 'trial'},\n      {kind: 'filter', field: 'segment', operator: 'is', value: segment('Won\\'t churn')},\n"))
  })

  it('renames, keeping the old name in renamedFrom, and removes a filter with the comment above it', () => {
    const out = rewriteTs(trial, edit([
      {key: 'name', before: 'Trial nurture', after: 'Trials'},
      {key: 'renamedFrom', before: undefined, after: ['Trial nurture']},
      {key: 'root', before: trialRoot, after: withChildren(trialRoot.children[0], trialRoot.children[2])},
    ]), 'sequenzy')
    expect(out).toBe(
      trial
        .replace("  name: 'Trial nurture',\n", "  name: 'Trials',\n  renamedFrom: ['Trial nurture'],\n")
        .replace("\n      // Not the ones who already pay.\n      {kind: 'filter', field: 'segment', operator: 'is_not', value: segment('Paying customers')},", ''),
    )
  })

  it('imports segment next to defineSegment when the file has no reference yet', () => {
    const text = `import {defineSegment} from 'segsync/mailglyph'\n\nexport default defineSegment({\n  name: 'Upsell',\n  description: 'Pro and Team',\n  condition: {logic: 'AND', groups: [{filters: [{field: 'data.plan', operator: 'equals', value: 'pro'}]}]},\n})\n`
    const before = {logic: 'AND', groups: [{filters: [{field: 'data.plan', operator: 'equals', value: 'pro'}]}]}
    const after = {logic: 'AND', groups: [{filters: [{field: 'data.plan', operator: 'equals', value: 'pro'}, {field: {$segment: 'Engaged'}, operator: 'memberOfSegment'}]}]}
    const out = rewriteTs(text, edit([
      {key: 'condition', before, after},
      {key: 'description', before: 'Pro and Team', after: undefined},
      {key: 'trackMembership', before: undefined, after: true},
    ]), 'mailglyph')
    expect(out).toBe(
      `import {defineSegment, segment} from 'segsync/mailglyph'\n\nexport default defineSegment({\n  name: 'Upsell',\n  condition: {logic: 'AND', groups: [{filters: [{field: 'data.plan', operator: 'equals', value: 'pro'}, {field: segment('Engaged'), operator: 'memberOfSegment'}]}]},\n  trackMembership: true,\n})\n`,
    )
  })

  it('writes { $segment } when the file imports nothing from segsync, and follows quoted keys, double quotes and no trailing commas', () => {
    const text = `export default {\n  "name": "VIP",\n  "root": {\n    "kind": "group",\n    "joinOperator": "and",\n    "children": [\n      {"kind": "filter", "field": "tag", "operator": "contains", "value": "vip"}\n    ]\n  }\n} as const;\n`
    const before = {kind: 'group', joinOperator: 'and', children: [f('tag', 'contains', 'vip')]}
    const out = rewriteTs(text, edit([{key: 'root', before, after: {...before, children: [...before.children, f('segment', 'is', {$segment: 'Base'})]}}]), 'sequenzy')
    expect(out).toBe(text.replace('"vip"}\n', '"vip"},\n      {"kind": "filter", "field": "segment", "operator": "is", "value": {"$segment": "Base"}}\n'))
  })

  it('edits around values computed in code as long as it does not have to change them', () => {
    const text = `import {defineSegment} from 'segsync/sequenzy'\nimport {ACTIVE} from './shared'\n\nexport default defineSegment({\n  name: 'Active VIP',\n  root: {kind: 'group', joinOperator: 'and', children: [ACTIVE, {kind: 'filter', field: 'tag', operator: 'contains', value: 'vip'}]},\n})\n`
    const active = f('status', 'is', 'active')
    const before = {kind: 'group', joinOperator: 'and', children: [active, f('tag', 'contains', 'vip')]}
    const ok = rewriteTs(text, edit([{key: 'root', before, after: {...before, children: [active, f('tag', 'contains', 'gold')]}}]), 'sequenzy')
    expect(ok).toBe(text.replace("'vip'", "'gold'"))
    const refused = () => rewriteTs(text, edit([{key: 'root', before, after: {...before, children: [f('status', 'is', 'churned'), before.children[1]]}}]), 'sequenzy')
    expect(refused).toThrow(new RewriteRefusal(['root', 'children', 0], 'is computed (`ACTIVE`), not written as a literal'))
  })

  it('refuses a default export that is not an object literal, and an object with a spread', () => {
    const computed = `import {defineSegment} from 'segsync/sequenzy'\nconst body = {name: 'X', root: {kind: 'group', joinOperator: 'and', children: []}}\nexport default defineSegment(body)\n`
    expect(() => rewriteTs(computed, edit([{key: 'name', before: 'X', after: 'Y'}]), 'sequenzy')).toThrow(/default export is not an object literal/)
    const spread = `import {defineSegment} from 'segsync/sequenzy'\nimport {base} from './base'\nexport default defineSegment({...base, name: 'X'})\n`
    expect(() => rewriteTs(spread, edit([{key: 'name', before: 'X', after: 'Y'}]), 'sequenzy')).toThrow(/has a spread/)
  })

  it('keeps `satisfies` and generic arguments around the literal', () => {
    const text = `import {defineSegment, type SequenzySegment} from 'segsync/sequenzy'\nexport default defineSegment<SequenzySegment>({name: 'A', root: {kind: 'group', joinOperator: 'or', children: []}} satisfies SequenzySegment)\n`
    const before = {kind: 'group', joinOperator: 'or', children: []}
    const out = rewriteTs(text, edit([{key: 'root', before, after: {...before, children: [f('tag', 'contains', 'a')]}}]), 'sequenzy')
    expect(out).toBe(text.replace('children: []', "children: [{kind: 'filter', field: 'tag', operator: 'contains', value: 'a'}]"))
  })
})

describe('comments at the end of a line stay with their line', () => {
  const text = `import {defineSegment} from 'segsync/kibamail'\n\nexport default defineSegment({\n  name: 'High value', // spent at least this much\n  description: 'Top', // shown in the dashboard\n  conditions: {field: 'lifetime_value', operator: 'gte', value: 1000},\n})\n`

  it('adds a key after a line that ends in a comment', () => {
    const out = rewriteTs(text, {keys: [{key: 'renamedFrom', before: undefined, after: ['Old']}], order: ['name', 'renamedFrom', 'description', 'conditions']}, 'kibamail')
    expect(out).toBe(text.replace("  name: 'High value', // spent at least this much\n", "  name: 'High value', // spent at least this much\n  renamedFrom: ['Old'],\n"))
  })

  it('drops a key with its own comment, and keeps the comment of the line before', () => {
    const out = rewriteTs(text, {keys: [{key: 'description', before: 'Top', after: undefined}], order: ['name', 'description', 'conditions']}, 'kibamail')
    expect(out).toBe(text.replace("  description: 'Top', // shown in the dashboard\n", ''))
    const last = `export default {\n  name: 'X',\n  conditions: {field: 'plan', operator: 'eq', value: 'pro'} // the plan\n}\n`
    const dropped = rewriteTs(last, {keys: [{key: 'conditions', before: {field: 'plan', operator: 'eq', value: 'pro'}, after: undefined}], order: ['name', 'conditions']}, 'kibamail')
    expect(dropped).toBe(`export default {\n  name: 'X'\n}\n`)
  })

  it('adds after a last item without a trailing comma, keeping its comment', () => {
    const last = `export default {\n  name: 'X',\n  conditions: {field: 'plan', operator: 'eq', value: 'pro'} // the plan\n}\n`
    const out = rewriteTs(last, {keys: [{key: 'description', before: undefined, after: 'D'}], order: ['name', 'conditions', 'description']}, 'kibamail')
    expect(out).toBe(`export default {\n  name: 'X',\n  conditions: {field: 'plan', operator: 'eq', value: 'pro'}, // the plan\n  description: 'D'\n}\n`)
  })
})

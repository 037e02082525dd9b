/**
 * MailGlyph definitions through the pure stages: validation (schema + checks), the normalised diff
 * and its words, and which changes alter the audience of the campaigns that use a segment.
 */
import {describe, expect, it} from 'vitest'
import {planWorkspace} from '../../src/core/plan/build-plan.js'
import type {CampaignUsage, Definition, RemoteSegment} from '../../src/core/model.js'
import {schemaValidator} from '../../src/core/validate/schema.js'
import {toRemote} from '../../src/providers/mailglyph/client.js'
import {mailglyph} from '../../src/providers/mailglyph/index.js'
import {schemaPath} from '../../src/util/package-root.js'
import {condition, filter} from '../helpers/mailglyph.js'

const base = condition('AND', [filter('data.plan', 'equals', 'pro'), filter('createdAt', 'within', 30, 'days')])

function remote(id: string, name: string, extra: Record<string, unknown> = {}): RemoteSegment {
  return toRemote({id, name, type: 'DYNAMIC', description: null, condition: base, trackMembership: false, memberCount: 5, projectId: 'p', ...extra} as never)
}

function def(name: string, body: Record<string, unknown>): Definition {
  return {name, renamedFrom: [], dependsOn: [], protected: false, ensure: 'present', body, source: {file: `segments/${name}.json`, kind: 'json', locate: () => undefined}}
}

function plan(definitions: Definition[], remotes: RemoteSegment[], usage: CampaignUsage = {known: true, users: [], read: 0}) {
  return planWorkspace({workspace: {name: 'main'}, endpoint: 'http://x', provider: mailglyph, definitions, remotes, usage, policy: {campaignImpact: 'block', unknownUsage: 'warn'}})
}

describe('MailGlyph schema and checks', () => {
  const validate = (value: unknown) => schemaValidator(schemaPath('mailglyph/segment.schema.json')).validate(value)

  it('requires a unit on time operators and names a mistyped operator', () => {
    expect(validate({name: 'X', condition: condition('AND', [filter('createdAt', 'within', 30)])})).toEqual([
      {path: ['condition', 'groups', 0, 'filters', 0], message: 'missing required property "unit"', at: 'value'},
    ])
    const [typo] = validate({name: 'X', condition: condition('AND', [filter('data.plan', 'equal', 'pro')])})
    expect(typo).toMatchObject({path: ['condition', 'groups', 0, 'filters', 0, 'operator'], hint: 'did you mean "equals"?'})
  })

  it('takes membership filters only with a { $segment } reference, and rejects extra keys', () => {
    expect(validate({name: 'X', condition: condition('AND', [filter({$segment: 'Base'}, 'memberOfSegment')])})).toEqual([])
    expect(validate({name: 'X', condition: condition('AND', [filter('seg_1', 'memberOfSegment')])})).not.toEqual([])
    const [extra] = validate({name: 'X', condition: condition('AND', [{...filter('email', 'contains', 'a'), id: 'f1'} as ReturnType<typeof filter>])})
    expect(extra).toMatchObject({message: 'unknown property "id"', at: 'key'})
  })

  it('checks field families and empty groups, with hints', () => {
    const issues = mailglyph.check({condition: {logic: 'OR', groups: [{filters: [filter('plan', 'equals', 'pro'), filter('event.signup', 'equals', 1), filter('email.read', 'triggered')]}, {filters: []}]}})
    expect(issues.map((i) => [i.path.join('/'), i.message])).toEqual([
      ['condition/groups/0/filters/0/field', 'MailGlyph cannot filter on "plan"'],
      ['condition/groups/0/filters/1/operator', 'operator "equals" does not apply to events (event.<name>)'],
      ['condition/groups/0/filters/2/field', 'unknown email activity "email.read"'],
      ['condition/groups/1/filters', 'a group needs at least one filter or a nested condition'],
    ])
    expect(issues[0]!.hint).toContain('"data.plan"')
  })
})

describe('MailGlyph diff', () => {
  it('ignores server defaults, dashboard leftovers and filter order', () => {
    const remotes = [remote('s1', 'A', {description: '', condition: condition('AND', [filter('createdAt', 'within', 30, 'days'), filter('data.plan', 'equals', 'pro', 'days'), filter('data.vip', 'exists', '')])})]
    const p = plan([def('A', {trackMembership: false, condition: condition('AND', [filter('data.vip', 'exists'), filter('data.plan', 'equals', 'pro'), filter('createdAt', 'within', 30, 'days')])})], remotes)
    expect(p.changes).toEqual([])
    expect(p.unchanged).toEqual(['A'])
  })

  it('compares logic only where two groups or more make it matter', () => {
    const single = (logic: 'AND' | 'OR') => condition(logic, [filter('data.plan', 'equals', 'pro')])
    expect(plan([def('A', {condition: single('OR')})], [remote('s1', 'A', {condition: single('AND')})]).changes).toEqual([])
    const [split] = plan([def('A', {condition: condition('OR', [filter('data.plan', 'equals', 'pro')], [filter('data.vip', 'exists')])})], [remote('s1', 'A', {condition: single('AND')})]).changes
    expect(split!.fields.map((f) => f.text).sort()).toEqual(['adds group #2: `data.vip exists`', 'combines groups with OR'])
    const [merged] = plan([def('A', {condition: single('AND')})], [remote('s1', 'A', {condition: condition('OR', [filter('data.plan', 'equals', 'pro')], [filter('data.vip', 'exists')])})]).changes
    expect(merged!.fields.map((f) => f.text).sort()).toEqual(['drops OR: one group left', 'removes group #2: `data.vip exists`'])
    const two = (logic: 'AND' | 'OR') => condition(logic, [filter('data.plan', 'equals', 'pro')], [filter('data.vip', 'exists')])
    const [flipped] = plan([def('A', {condition: two('OR')})], [remote('s1', 'A', {condition: two('AND')})]).changes
    expect(flipped!.fields.map((f) => f.text)).toEqual(['combines groups with OR (was AND)'])
  })

  it('describes condition changes in words, located in their group', () => {
    const changed = {
      logic: 'OR',
      groups: [
        {filters: [filter('data.plan', 'equals', 'team'), filter('createdAt', 'within', 30, 'days')], conditions: condition('AND', [filter('event.signup', 'triggered')])},
        {filters: [filter('subscribed', 'equals', true)]},
      ],
    }
    const [change] = plan([def('A', {condition: changed})], [remote('s1', 'A')]).changes
    expect(change!.fields.map((f) => f.text).sort()).toEqual([
      'adds a nested condition in group #1: (`event.signup triggered`)',
      'adds filter `data.plan equals "team"` in group #1',
      'adds group #2: `subscribed equals true`',
      'combines groups with OR',
      'removes filter `data.plan equals "pro"` in group #1',
    ])
  })

  it('blocks audience changes of SCHEDULED/SENDING users, never cosmetic ones or DRAFT-only users', () => {
    const usage: CampaignUsage = {
      known: true,
      read: 2,
      users: [
        {kind: 'campaign', id: 'c1', name: 'Spring sale', status: 'SCHEDULED', segmentIds: ['s1']},
        {kind: 'campaign', id: 'c2', name: 'Draft', status: 'DRAFT', segmentIds: ['s2'], active: false},
      ],
    }
    const remotes = [remote('s1', 'Used'), remote('s2', 'Drafted')]
    const cosmetic = plan([def('Used', {description: 'Now documented', trackMembership: true, condition: base}), def('Drafted', {condition: condition('AND', [filter('data.plan', 'equals', 'pro')])})], remotes, usage)
    const used = cosmetic.changes.find((c) => c.name === 'Used')!
    expect(used.fields.map((f) => f.text).sort()).toEqual(['sets the description to "Now documented"', 'tracks membership changes'])
    expect(used.impact.audience).toBe(false)
    expect(used.risks.map((r) => r.level)).toEqual(['info'])
    const drafted = cosmetic.changes.find((c) => c.name === 'Drafted')!
    expect(drafted.impact.audience).toBe(true)
    expect(drafted.risks.every((r) => r.level === 'info')).toBe(true)

    const audience = plan([def('Used', {condition: condition('AND', [filter('data.plan', 'equals', 'pro')])})], remotes, usage)
    expect(audience.changes[0]!.risks).toContainEqual(expect.objectContaining({rule: 'campaign-impact', level: 'block'}))
  })

  it('reaches campaigns through segments that reference the changed one by membership', () => {
    const remotes = [remote('s1', 'Base'), remote('s2', 'Derived', {condition: condition('AND', [filter('segment.s1', 'memberOfSegment')])})]
    const usage: CampaignUsage = {known: true, read: 1, users: [{kind: 'campaign', id: 'c1', name: 'Digest', status: 'SENDING', segmentIds: ['s2']}]}
    const p = plan([def('Base', {condition: condition('AND', [filter('data.plan', 'equals', 'pro')])})], remotes, usage)
    expect(p.changes[0]!.impact.campaigns).toEqual([{kind: 'campaign', id: 'c1', name: 'Digest', status: 'SENDING', active: true, via: ['Derived']}])
  })
})

/**
 * Kibamail bodies in the diff: server additions never show, the order of `$and`/`$or` children,
 * topic ids and `in` values carries no meaning, and a change reads as what a reviewer would say.
 */
import {describe, expect, it} from 'vitest'
import {diffWorkspace} from '../../src/core/diff/diff-workspace.js'
import {planWorkspace} from '../../src/core/plan/build-plan.js'
import type {Definition, RemoteSegment} from '../../src/core/model.js'
import {kibamail} from '../../src/providers/kibamail/index.js'
import {toRemote} from '../../src/providers/kibamail/mapping.js'
import {and, field, not, or} from '../helpers/kibamail.js'

function definition(name: string, body: Record<string, unknown>): Definition {
  return {name, renamedFrom: [], dependsOn: [], protected: false, ensure: 'present', body, source: {file: `segments/${name}.json`, kind: 'json', locate: () => undefined}}
}

function remote(id: string, name: string, conditions: unknown, description: string | null = null): RemoteSegment {
  return {id, name, raw: {object: 'segment', id, name, description, conditions}}
}

const diff = (definitions: Definition[], remotes: RemoteSegment[]) => diffWorkspace({definitions, remotes, provider: kibamail, prune: false})
const texts = (d: ReturnType<typeof diff>) => d.changes.flatMap((c) => c.fields.map((f) => `${f.kind} ${f.path}: ${f.text}`))

const us = field('country', 'eq', 'US')
const ltv = field('lifetime_value', 'gte', 100)
const pro = field('plan', 'in', ['pro', 'team'])

describe('Kibamail mapping', () => {
  it('writes a remote segment as a user would: no object, no id, no null description', () => {
    expect(kibamail.toDefinition(remote('segment_1', 'A', and(us)), () => undefined)).toEqual({conditions: and(us)})
    expect(kibamail.toDefinition(remote('segment_1', 'A', us, 'Why'), () => undefined)).toEqual({description: 'Why', conditions: us})
  })

  it('sees no change when only the order of $and/$or children, topic ids or in values differs', () => {
    const local = and(ltv, or(field('plan', 'in', ['pro', 'team']), {subscribedToTopic: ['t_b', 't_a']}), not(and(us, field('email', 'endsWith', '@x.com'))))
    const reordered = and(not(and(field('email', 'endsWith', '@x.com'), us)), or({subscribedToTopic: ['t_a', 't_b']}, field('plan', 'in', ['team', 'pro'])), ltv)
    const result = diff([definition('A', {conditions: local, description: null})], [remote('segment_1', 'A', reordered)])
    expect(result.changes).toEqual([])
    expect(result.unchanged).toEqual(['A'])
  })

  it('reads an added condition as one line and a changed one as a removal and an addition', () => {
    const before = and(us, or(field('plan', 'eq', 'pro'), field('plan', 'eq', 'team')))
    const after = and(us, ltv, or(field('plan', 'eq', 'pro'), field('plan', 'eq', 'team'), field('plan', 'eq', 'enterprise')))
    expect(texts(diff([definition('A', {conditions: after})], [remote('segment_1', 'A', before)]))).toEqual([
      'add conditions[$or(plan eq "enterprise", plan eq "pro", plan eq "team")]: adds condition `$or(plan eq "enterprise", plan eq "pro", plan eq "team")`',
      'remove conditions[$or(plan eq "pro", plan eq "team")]: removes condition `$or(plan eq "pro", plan eq "team")`',
      'add conditions[lifetime_value gte 100]: adds condition `lifetime_value gte 100`',
    ])
    expect(texts(diff([definition('T', {conditions: {subscribedToTopic: ['topic_b', 'topic_a']}})], [remote('segment_2', 'T', {subscribedToTopic: ['topic_a']})]))).toEqual([
      'add conditions[subscribedToTopic [topic_a, topic_b]]: adds condition `subscribedToTopic [topic_a, topic_b]`',
      'remove conditions[subscribedToTopic [topic_a]]: removes condition `subscribedToTopic [topic_a]`',
    ])
  })

  it('treats the top level as the conditions that must all hold: a lone condition, an $and of it, or $and with $or', () => {
    expect(diff([definition('A', {conditions: and(us)})], [remote('segment_1', 'A', us)]).unchanged).toEqual(['A'])
    expect(diff([definition('A', {conditions: {$and: [us], $or: [ltv, pro]}})], [remote('segment_1', 'A', and(or(pro, ltv), us))]).unchanged).toEqual(['A'])
    // Turning a lone condition into an $and reads as the condition added, nothing else.
    expect(texts(diff([definition('A', {conditions: and(ltv, us)})], [remote('segment_1', 'A', us)]))).toEqual(['add conditions[lifetime_value gte 100]: adds condition `lifetime_value gte 100`'])
    expect(texts(diff([definition('A', {conditions: field('country', 'eq', 'CA')})], [remote('segment_1', 'A', us)]))).toEqual([
      'add conditions[country eq "CA"]: adds condition `country eq "CA"`',
      'remove conditions[country eq "US"]: removes condition `country eq "US"`',
    ])
  })

  it('names changes inside $not, and description edits, which leave the audience alone', () => {
    const result = diff([definition('A', {conditions: not(and(us, ltv))})], [remote('segment_1', 'A', not(and(us)), 'Old words')])
    expect(texts(result)).toEqual([
      'remove conditions[$not($and(country eq "US"))]: removes condition `$not($and(country eq "US"))`',
      'add conditions[$not($and(country eq "US", lifetime_value gte 100))]: adds condition `$not($and(country eq "US", lifetime_value gte 100))`',
      'remove description: removes the description (was "Old words")',
    ])
    expect(kibamail.cosmeticFields).toEqual(['name', 'description'])
  })

  it("under unknownUsage: 'block', blocks audience changes but only notes renames and description edits", () => {
    const plan = planWorkspace({
      workspace: {name: 'w'},
      endpoint: 'embedded',
      provider: kibamail,
      definitions: [definition('Audience', {conditions: and(us, ltv)}), definition('Words', {description: 'New words', conditions: us})],
      remotes: [remote('segment_1', 'Audience', us), remote('segment_2', 'Words', us, 'Old words')],
      usage: {known: false, reason: 'Kibamail has no API to list broadcasts or automations'},
      policy: {campaignImpact: 'block', unknownUsage: 'block'},
    })
    const risks = Object.fromEntries(plan.changes.map((c) => [c.name, c.risks.map((r) => `${r.level}: ${r.message}`)]))
    expect(risks).toEqual({
      Audience: ['block: campaign usage cannot be verified for kibamail (Kibamail has no API to list broadcasts or automations)'],
      Words: ['info: campaign usage cannot be verified for kibamail (Kibamail has no API to list broadcasts or automations)'],
    })
  })

  it('describes a create condition by condition', () => {
    const result = diff([definition('New', {description: 'VIPs', conditions: and(us, or(ltv, {notSubscribedToTopic: ['topic_x']}))})], [])
    expect(result.changes[0]!.fields.map((f) => f.text)).toEqual([
      'named "New"',
      'sets the description to "VIPs"',
      'adds condition `$or(lifetime_value gte 100, notSubscribedToTopic [topic_x])`',
      'adds condition `country eq "US"`',
    ])
    const single = diff([definition('One', {conditions: field('company', 'exists', false)})], [])
    expect(single.changes[0]!.fields.map((f) => f.text)).toContain('adds condition `company exists false`')
  })

  it('compares conditions it cannot read (raw MongoDB syntax) as they are', () => {
    const mongo = {country: {$eq: 'US'}}
    expect(diff([definition('M', {conditions: mongo})], [remote('segment_m', 'M', mongo)]).unchanged).toEqual(['M'])
    expect(diff([definition('M', {conditions: us})], [remote('segment_m', 'M', mongo)]).changes).toHaveLength(1)
  })

  it('lists conditions in no documented shape (null children, a string $and, non-string topic ids) read-only, never a TypeError', () => {
    const odd = [{}, {$and: null}, {$and: [null]}, {$and: 'x'}, {$or: [{}]}, {$not: null}, {field: null, operator: 'eq', value: 1}, {subscribedToTopic: [null, 3]}, {$and: [{$or: [null, {$not: {}}]}]}]
    for (const conditions of odd) {
      const remote = toRemote({id: 'segment_x', name: 'X', conditions})
      expect(remote.readOnly, JSON.stringify(conditions)).toMatch(/^its conditions are not in the documented/)
      expect(() => kibamail.normalize(kibamail.toDefinition(remote, () => undefined), () => undefined), JSON.stringify(conditions)).not.toThrow()
    }
  })
})

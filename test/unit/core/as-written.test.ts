/**
 * Provider.asWritten lets the diff call a segment unchanged without mapping it, when the vendor
 * holds its body fields exactly as the file writes them. It must never say "unchanged" where the
 * full diff (toDefinition, then the normalised forms) finds a change: every vendor that declares it
 * is held here to the diff without it, over every pairing of a set of remote segments and
 * definitions built to hit the edges (defaults, empty values, server extras, references written as
 * ids, nested conditions, order).
 */
import {describe, expect, it} from 'vitest'
import {diffWorkspace, writtenAsIs} from '../../../src/core/diff/diff-workspace.js'
import type {Definition, RemoteSegment} from '../../../src/core/model.js'
import type {Provider} from '../../../src/core/provider.js'
import {kibamail} from '../../../src/providers/kibamail/index.js'
import {mailglyph} from '../../../src/providers/mailglyph/index.js'
import {getProvider, providerIds} from '../../../src/providers/registry.js'
import {definition as make} from '../../helpers/builders.js'

const definition = (name: string, body: Record<string, unknown>): Definition => make(name, undefined, {body})

/** Every combination of the given values per field; `undefined` leaves the field out. */
function combinations(fields: Record<string, unknown[]>): Array<Record<string, unknown>> {
  let out: Array<Record<string, unknown>> = [{}]
  for (const [key, values] of Object.entries(fields)) out = out.flatMap((o) => values.map((v) => (v === undefined ? {...o} : {...o, [key]: v})))
  return out
}

/** The diff of one definition against its segment (and one other segment it may reference), with and without the shortcut. */
function bothWays(provider: Provider, raw: Record<string, unknown>, body: Record<string, unknown>) {
  const remotes: RemoteSegment[] = [
    {id: 'seg_1', name: 'A', raw: {id: 'seg_1', name: 'A', ...raw}},
    {id: 'seg_2', name: 'Other', raw: {id: 'seg_2', name: 'Other'}},
  ]
  const definitions = [definition('A', body)]
  const {asWritten: _shortcut, ...full} = provider
  const result = (p: Provider) => {
    const d = diffWorkspace({definitions, remotes, provider: p, prune: false})
    return {unchanged: d.unchanged, changes: d.changes}
  }
  return {fast: result(provider), full: result(full), taken: writtenAsIs(remotes[0]!.raw, body, provider.asWritten ?? {})}
}

const filter = (field: unknown, operator: string, value?: unknown, unit?: string) => ({field, operator, ...(value !== undefined ? {value} : {}), ...(unit !== undefined ? {unit} : {})})
const tier = filter('data.tier', 'equals', 'gold')
const login = filter('event.login', 'triggeredWithin', 30, 'days')
const mgConditions = [
  undefined,
  null,
  {logic: 'AND', groups: [{filters: [tier, login]}]},
  {logic: 'OR', groups: [{filters: [tier, login]}]},
  {logic: 'AND', groups: [{filters: [login, tier]}]},
  // What a dashboard may store beside a filter: a unit on a non-time operator, a value on a value-less one.
  {logic: 'AND', groups: [{filters: [{...tier, unit: 'days'}, filter('event.login', 'triggered', 'x')]}]},
  {logic: 'AND', groups: [{filters: [filter('segment.seg_2', 'memberOfSegment')]}]},
  {logic: 'AND', groups: [{filters: [filter({$segment: 'Other'}, 'memberOfSegment')]}]},
  {logic: 'AND', groups: [{filters: [tier], conditions: null}]},
  {logic: 'AND', groups: [{filters: [tier], conditions: {logic: 'OR', groups: [{filters: [login]}, {filters: [tier]}]}}]},
]

const kbConditions = [
  undefined,
  null,
  {$and: [{country: {eq: 'US'}}, {plan: {in: ['pro', 'team']}}]},
  {$and: [{plan: {in: ['team', 'pro']}}, {country: {eq: 'US'}}]},
  {country: {eq: 'US'}},
  {subscribedToTopic: ['t_b', 't_a']},
]

const cases: Array<{provider: Provider; raws: Array<Record<string, unknown>>; bodies: Array<Record<string, unknown>>}> = [
  {
    provider: mailglyph,
    raws: combinations({description: [undefined, null, '', 'Why'], trackMembership: [undefined, false, true], condition: mgConditions}).map((r) => ({type: 'DYNAMIC', memberCount: 3, ...r})),
    bodies: combinations({description: [undefined, null, '', 'Why'], trackMembership: [undefined, false, true], condition: mgConditions.filter((c) => c !== null)}),
  },
  {
    provider: kibamail,
    raws: combinations({description: [undefined, null, '', 'Why'], conditions: kbConditions}).map((r) => ({object: 'segment', ...r})),
    bodies: [...combinations({description: [undefined, null, '', 'Why'], conditions: kbConditions.filter((c) => c !== null)}), {conditions: kbConditions[2], note: 'not a field'}],
  },
]

describe('Provider.asWritten: an unchanged segment seen without mapping it', () => {
  for (const {provider, raws, bodies} of cases) {
    it(`${provider.id}: never unchanged where the full diff finds a change, over ${raws.length * bodies.length} pairings`, () => {
      let taken = 0
      for (const raw of raws) {
        for (const body of bodies) {
          const {fast, full, taken: shortcut} = bothWays(provider, raw, body)
          expect(fast, `${JSON.stringify(raw)} against ${JSON.stringify(body)}`).toEqual(full)
          if (shortcut) taken++
        }
      }
      // The shortcut is taken often enough that the comparison above means something.
      expect(taken).toBeGreaterThan(raws.length / 2)
    })
  }

  it('is declared only by the vendors held to the full diff above', async () => {
    const declared = (await Promise.all(providerIds.map(getProvider))).filter((p) => p.asWritten).map((p) => p.id)
    expect(declared.sort()).toEqual(cases.map((c) => c.provider.id).sort())
  })

  it('skips mapping a segment held as written, and maps one that is not', () => {
    const mapped: string[] = []
    const counting: Provider = {...mailglyph, toDefinition: (remote, nameOf) => (mapped.push(remote.name), mailglyph.toDefinition(remote, nameOf))}
    const condition = {logic: 'AND', groups: [{filters: [tier]}]}
    const remotes: RemoteSegment[] = [
      {id: 'seg_1', name: 'Same', raw: {id: 'seg_1', name: 'Same', description: null, trackMembership: false, memberCount: 4, condition}},
      {id: 'seg_2', name: 'Edited', raw: {id: 'seg_2', name: 'Edited', description: null, trackMembership: false, memberCount: 4, condition: {logic: 'AND', groups: [{filters: [login]}]}}},
    ]
    const d = diffWorkspace({definitions: [definition('Same', {condition}), definition('Edited', {condition})], remotes, provider: counting, prune: false})
    expect(d.unchanged).toEqual(['Same'])
    expect(d.changes.map((c) => c.name)).toEqual(['Edited'])
    expect(mapped).toEqual(['Edited'])
  })
})
